/// Prose: headings, and paragraphs joined from hard-wrapped lines.
extension ReportParser {
  /// Turns collected prose lines (indices into `lines`) into headings and paragraphs.
  static func flush(
    _ prose: inout [Int], of lines: [Line], into report: inout Report, source: SourceText, memo: ParseMemo
  ) {
    defer { prose.removeAll() }
    var pending: [Int] = []
    func closeParagraph() {
      guard let first = pending.first, let last = pending.last else { return }
      let range = lines[first].trimmedRange.lowerBound..<lines[last].trimmedRange.upperBound
      let starts = pending.map { lines[$0].trimmedRange.lowerBound - range.lowerBound }
      var paragraph =
        memo.paragraph(at: range, segmentStarts: starts, in: source)
        ?? Paragraph(segmentRanges: pending.map { lines[$0].trimmedRange }, in: source)
      paragraph.headingIndex = report.headings.indices.last
      report.paragraphs.append(paragraph)
      pending.removeAll()
    }
    var index = 0
    while index < prose.count {
      let line = lines[prose[index]]
      defer { index += 1 }
      if line.isBlank {
        // PDF export puts blank lines inside wrapped sentences: join when the text so far does
        // not end a sentence and the next text line is not a heading. (After a clause, ；, a blank
        // line may be a writer's own paragraph break: not joined.)
        guard let last = pending.last else { continue }
        let next = prose[(index + 1)...].first { !lines[$0].isBlank }
        if let next, !lines[last].verdicts.endsSentence, lines[next].verdicts.headingLevel == nil,
          !lines[last].verdicts.namesReport
        {
          continue
        }
        closeParagraph()
        continue
      }
      if let level = line.verdicts.headingLevel {
        closeParagraph()
        report.headings.append(Heading(text: line.plain(in: source), level: level, range: line.range))
        continue
      }
      // A page number or footer ("12", "- 12 -", "第 12 页") is no text: across a page break it
      // would join the sentence it interrupts ("…服务支出" / "12" / "3.00 万元" read as 123.00).
      // (A heading, "# 1", is one.)
      if line.verdicts.isPageMark { continue }
      // After a line that ends a sentence, the next text line opens a new paragraph; after one
      // that ends a clause (；), only a line that opens a list item does: PDF text breaks lines
      // wherever the width runs out ("…其他对个人和家庭的补助支出；" / "公用经费 480.66 万元…").
      if let last = pending.last, !continues(lines[last], with: line) { closeParagraph() }
      pending.append(prose[index])
    }
    closeParagraph()
  }

  /// Whether the line is a report's title ("某区统计局2023年度部门决算"): it ends its paragraph
  /// without a 。, and no sentence goes on after it.
  static func namesReport(_ line: Line) -> Bool {
    line.compactCount <= 40 && reportTitleEnds.contains { line.compact.utf8Text.hasSuffix($0) }
  }

  private static let reportTitleEnds = ["部门决算", "单位决算", "部门预算", "单位预算"]

  /// Whether the line's text ends a sentence (or is empty).
  static func endsSentence(_ line: Line) -> Bool {
    let compact = line.compact
    if line.hasSingleScalarCharacters {
      return compact.utf8.withContiguousStorageIfAvailable { bytes in
        guard let last = bytes.lastScalar else { return true }
        return Self.sentenceEnders.contains(last) || compact.utf8Text.hasSuffix("。）")
          || compact.utf8Text.hasSuffix("。”")
      } ?? endsSentence(compact)
    }
    return endsSentence(compact)
  }

  private static let sentenceEnders: [UInt32] = "。！？；：:!?".unicodeScalars.map(\.value)

  /// Whether the text line `next` goes on with the sentence of `line`: `line` ends no sentence,
  /// or ends only a clause (；) and `next` opens no list item.
  private static func continues(_ line: Line, with next: Line) -> Bool {
    guard !line.verdicts.namesReport else { return false }
    return !line.verdicts.endsSentence || (line.verdicts.endsClause && !opensItem(next.compact))
  }

  /// Whether `compact` opens a list item: "1、", "2.", "（三）", "(4)", "④", "五、", "一是", "其中".
  static func opensItem(_ compact: String) -> Bool {
    let numerals = "一二三四五六七八九十"
    var rest = Substring(compact)
    if let first = rest.first, "（(".contains(first) {
      rest = rest.dropFirst()
      let inner = rest.prefix { $0.isASCIIDigit || numerals.contains($0) }
      return !inner.isEmpty && rest.dropFirst(inner.count).first.map { "）)".contains($0) } == true
    }
    if let first = rest.unicodeScalars.first, (0x2460...0x2473).contains(first.value) { return true }  // ①…⑳
    if rest.hasPrefix("其中") { return true }
    let digits = rest.prefix(while: \.isASCIIDigit)
    if !digits.isEmpty { return rest.dropFirst(digits.count).first.map { "、.．)）".contains($0) } == true }
    let lead = rest.prefix { numerals.contains($0) }
    guard !lead.isEmpty, let after = rest.dropFirst(lead.count).first else { return false }
    return after == "、" || after == "是"
  }

  private static func endsSentence(_ compact: String) -> Bool {
    guard let last = compact.last else { return true }
    return "。！？；：:!?".utf8Text.contains(last) || compact.utf8Text.hasSuffix("。）") || compact.utf8Text.hasSuffix("。”")
  }

  /// Part, section or subsection headings: "第三部分 …", "一、…", "（一）…", Markdown `#`.
  static func headingLevel(of line: Line) -> Heading.Level? {
    let text = line.compact
    // More than 160 bytes is more than 40 characters in any text a report holds (CJK takes 3):
    // long prose lines are ruled out without counting their characters.
    guard !text.isEmpty, text.utf8.count <= 160, line.compactCount <= 40, !text.utf8Text.contains("。") else {
      return nil
    }
    if text.utf8Text.hasPrefix("第"), text.utf8Text.contains("部分"), line.compactCount <= 24 { return .part }
    if line.leadingHashes > 0 {
      let hashes = line.leadingHashes
      return hashes <= 2 ? .part : hashes == 3 ? .section : .subsection
    }
    if line.compactCount > 30 || text.utf8Text.contains("，") { return nil }
    if line.hasSingleScalarCharacters, let level = text.utf8.withContiguousStorageIfAvailable(numberedLevel) {
      return level
    }
    return numberedLevel(text)
  }

  /// "一、…" (a section) or "（一）…" (a subsection), read from the bytes of a single-scalar text
  /// (or of any text, for its opening numbering only).
  package static func numberedLevel(_ bytes: UnsafeBufferPointer<UInt8>) -> Heading.Level? {
    func numerals(from start: Int) -> Int {
      var end = start
      while let (scalar, length) = bytes.scalar(at: end), numeralValues.contains(scalar) { end += length }
      return end
    }
    let lead = numerals(from: 0)
    if lead > 0, bytes.scalar(at: lead)?.value == 0x3001 { return .section }  // 、
    guard let (first, length) = bytes.scalar(at: 0), first == 0xFF08 || first == 0x28 else { return nil }  // （ (
    let inner = numerals(from: length)
    guard inner > length, let close = bytes.scalar(at: inner)?.value, close == 0x29 || close == 0xFF09 else {
      return nil
    }
    return .subsection
  }

  private static let numeralValues: [UInt32] = "一二三四五六七八九十".unicodeScalars.map(\.value)

  /// `numberedLevel(_:)` by Characters, for any text.
  private static func numberedLevel(_ text: String) -> Heading.Level? {
    let numerals = "一二三四五六七八九十"
    let lead = text.prefix { numerals.utf8Text.contains($0) }
    if !lead.isEmpty, text.dropFirst(lead.count).first == "、" { return .section }
    if text.first == "（" || text.first == "(" {
      let inner = text.dropFirst().prefix { numerals.utf8Text.contains($0) }
      if !inner.isEmpty, [")", "）"].contains(text.dropFirst(1 + inner.count).first) { return .subsection }
    }
    return nil
  }
}
