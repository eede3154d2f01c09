/// The entries of a table of contents (目录), which are never tables or headings of the body.
extension ReportParser {
  /// What the parser knows of the 目录 it is reading: its style and the entries seen so far.
  ///
  /// Entries with page numbers or dot leaders ("一、收入决算表.....9") end at the first line
  /// without either. Entries without them ("一、收入决算表", as `pdftotext` gives a contents page
  /// whose numbers were images or absent) end where the body starts: at a line that repeats an
  /// entry (the body's first heading is the first entry again), at prose, or at a table row.
  struct Contents {
    /// True, false, or not known before the first entry.
    private var isNumbered: Bool?
    /// Each entry's text without spaces, numbering, dot leader and page number.
    private var entries: Set<String> = []

    /// Where "录" follows a line "目" within three lines: the 目录 title written in two lines.
    static func secondHalfOfTitle(after index: Int, in lines: [Line]) -> Int? {
      guard lines[index].compactIs("目") else { return nil }
      var next = index + 1
      while next < lines.count, next <= index + 3 {
        if lines[next].compactIs("录") { return next }
        guard lines[next].isBlank else { return nil }
        next += 1
      }
      return nil
    }

    /// True when `line` is an entry of these contents (and is taken as one).
    mutating func takes(_ line: Line, in source: SourceText) -> Bool {
      let numbered = ReportParser.isNumberedContentsEntry(line, in: source)
      if isNumbered == nil { isNumbered = numbered }
      if isNumbered == true { return numbered }
      let compact = line.compact
      guard line.compactCount <= 40, !compact.utf8Text.contains("。"), !compact.utf8Text.contains("，"),
        !compact.utf8Text.contains("；"),
        !Self.holdsFigures(line, in: source)
      else { return false }
      let key = Self.key(of: compact)
      // A short remainder of a wrapped entry ("表", "说明") may well come twice.
      if key.count >= 4, entries.contains(key) { return false }
      // The body's first heading on a new page, broken before the entry's end ("第一部分").
      if line.startsPage, key.count >= 3, entries.contains(where: { $0.utf8Text.hasPrefix(key) }) { return false }
      entries.insert(key)
      return true
    }

    /// A table row rather than an entry: a figure with decimals among its tokens.
    private static func holdsFigures(_ line: Line, in source: SourceText) -> Bool {
      guard line.compact.utf8.contains(UInt8(ascii: ".")) else { return false }
      return TableToken.tokens(of: line, in: source).contains { token in
        if case .figure(let cell) = token { cell.amount.map { $0.decimals > 0 } ?? false } else { false }
      }
    }

    /// The entry's text as the body's heading would read: without numbering, leader and page.
    private static func key(of compact: String) -> String {
      var text = Substring(compact)
      while let last = text.last, last.isASCIIDigit { text = text.dropLast() }
      while let last = text.last, last == "." || last == "…" || last == "·" || last == "-" { text = text.dropLast() }
      return Table.normalizedLabel(String(text))
    }
  }
}
