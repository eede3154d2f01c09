import Dispatch

/// One physical line, pre-digested for the parser: its cells (tab- or pipe-separated) or its
/// whitespace tokens as byte ranges, and its text without decoration or whitespace (`compact`),
/// which the parser's keyword tests read. Other texts are read from the source on demand.
struct Line: Equatable {
  /// A cell or token: its byte range (trimmed), and its text when decoration made it differ.
  struct Piece: Equatable {
    var range: Range<Int>
    /// The text without decoration when it differs from the bytes of `range`, else nil.
    var stripped: String?

    /// The piece's text, decoration removed.
    func text(in source: SourceText) -> String { stripped ?? source.text(in: range) }

    /// True when the piece's text is empty.
    var isEmpty: Bool { stripped.map(\.isEmpty) ?? range.isEmpty }
  }

  enum Shape {
    case blank
    case tabbed  // cells separated by tabs
    case piped  // GFM pipe table row
    case pipeSeparator  // | --- | ---: |
    case plain  // prose or space-aligned
  }

  var index: Int
  var range: Range<Int>
  var shape: Shape
  /// The cells of a tabbed or piped line (empty cells kept), their ranges counted from the line's
  /// start (a line moved by an edit keeps them as they are); empty for a plain line, whose
  /// whitespace tokens `pieces(in:)` finds when asked (most plain lines are prose, never asked).
  private var cells: [Piece]
  /// The text with tags (<b>, <h2 …>), Markdown heading marks, emphasis and all whitespace
  /// removed: for keyword matching across "本年支 出合计".
  var compact: String
  /// The number of Characters of `compact`.
  var compactCount: Int
  /// The line's bytes without surrounding whitespace (decoration kept).
  var trimmedRange: Range<Int>
  /// How many `#` Characters the trimmed line starts with.
  var leadingHashes: Int
  /// True when every scalar of the line is a Character of its own (`UTF8Text.hasSingleScalarCharacters`): then
  /// Character questions about `compact` can be answered from its bytes.
  var hasSingleScalarCharacters: Bool
  /// A form feed precedes the text: the line opens a page of a PDF's text (`pdftotext`).
  var startsPage: Bool
  /// What the parser asks of nearly every line, answered once when the line is read (each
  /// answer a function of the line alone), so that a line taken from the parse before an edit
  /// is not asked again.
  private(set) var verdicts = Verdicts()

  /// The parser's questions about one line (`ReportParser`).
  struct Verdicts: Equatable {
    /// The kind of table the line is the title of (`TableTitle.kind(of:in:)`).
    var titleKind: Table.Kind?
    /// A line that cannot belong to a table: prose, a part heading, a Markdown heading.
    var isProseOrHeading = false
    /// A line of a table of contents (a dot leader, or 目录 alone).
    var isTableOfContents = false
    /// A table's note ("注：…").
    var isNote = false
    /// Page furniture other than a bare number ("- 7 -", "第 8 页 共 23 页").
    var isDecoratedPageMark = false
    /// Page furniture, a bare number included (`AlignedTableReader.isPageMark`).
    var isPageMark = false
    /// The level of the heading the line is (`ReportParser.headingLevel(of:)`).
    var headingLevel: Heading.Level?
    /// The line's text ends a sentence (or is empty).
    var endsSentence = true
    /// The line's text ends a clause: "；".
    var endsClause = false
    /// The line is a report's title: "某区统计局2023年度部门决算".
    var namesReport = false
  }

  /// Line `index` of `source`, with the parser's verdicts.
  init(index: Int, source: SourceText) {
    self.init(lookingAt: index, in: source)
    guard shape != .blank else { return }
    verdicts = Verdicts(
      titleKind: TableTitle.kind(of: self, in: source), isProseOrHeading: ReportParser.isProseOrHeading(self),
      isTableOfContents: ReportParser.isTableOfContents(self), isNote: ReportParser.isNote(self),
      isDecoratedPageMark: AlignedTableReader.isDecoratedPageMark(self),
      isPageMark: AlignedTableReader.isPageMark(self), headingLevel: ReportParser.headingLevel(of: self),
      endsSentence: ReportParser.endsSentence(self), endsClause: compact.utf8Text.hasSuffix("；"),
      namesReport: ReportParser.namesReport(self))
  }

  /// Line `index` of `source` read to be looked at, not parsed: without the verdicts, which cost
  /// several times the reading (only `ReportParser` asks them, of the lines it read itself).
  init(lookingAt index: Int, in source: SourceText) {
    let lineRange = source.byteRange(ofLine: index)
    var reading = LineReading()
    source.bytes.withUnsafeBufferPointer { reading.read(lineRange, of: $0) }
    self.index = index
    range = lineRange
    trimmedRange = reading.trimmed
    shape = reading.shape
    cells =
      lineRange.lowerBound == 0
      ? reading.cells
      : reading.cells.map { Piece(range: $0.range.shifted(by: -lineRange.lowerBound), stripped: $0.stripped) }
    compact = reading.compact
    compactCount = reading.compactCount
    leadingHashes = reading.leadingHashes
    hasSingleScalarCharacters = reading.isSingleScalar
    startsPage = reading.startsPage
  }

  var isBlank: Bool { shape == .blank }

  /// Whether the line is one phrase: plain text with no tab and no run of spaces inside it (a
  /// table row's cells stand apart).
  func isSinglePhrase(in source: SourceText) -> Bool {
    guard shape == .plain else { return false }
    let bytes = source.bytes[trimmedRange]
    return !bytes.contains(0x09) && !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
  }

  /// The same line read from the same bytes `offset` bytes further on, as line `index`.
  func moved(by offset: Int, toIndex index: Int) -> Line {
    var moved = self
    moved.index = index
    guard offset != 0 else { return moved }
    moved.range = range.shifted(by: offset)
    moved.trimmedRange = trimmedRange.shifted(by: offset)
    return moved
  }

  /// The cells of a tabbed or piped line (empty cells kept); the whitespace tokens of the rest.
  func pieces(in source: SourceText) -> [Piece] {
    guard shape == .plain else {
      let start = range.lowerBound
      return start == 0 ? cells : cells.map { Piece(range: $0.range.shifted(by: start), stripped: $0.stripped) }
    }
    return source.bytes.withUnsafeBufferPointer {
      LineReading.tokens($0, range: range, singleScalar: hasSingleScalarCharacters)
    }
  }

  /// Whether `compact` equals `text`, a text in NFC, as `==` answers: by their bytes when every
  /// scalar of the line is a Character (`UTF8Text.hasSingleScalarCharacters`).
  func compactIs(_ text: String) -> Bool {
    compact.utf8Text.hasSameBytes(as: text) || !hasSingleScalarCharacters && compact == text
  }

  /// The trimmed text with its decoration removed (tags, `#`s, `**`).
  func plain(in source: SourceText) -> String { Decoration.stripped(source.text(in: trimmedRange)) }

  /// Every line of `source`. Lines are independent, so a long text is read on two cores.
  static func all(of source: SourceText) -> [Line] {
    let count = source.lineCount
    guard count >= 512 else { return (0..<count).map { Line(index: $0, source: source) } }
    return [Line](unsafeUninitializedCapacity: count) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      nonisolated(unsafe) let lines = base
      let half = count / 2
      DispatchQueue.concurrentPerform(iterations: 2) { chunk in
        for index in chunk == 0 ? 0..<half : half..<count {
          (lines + index).initialize(to: Line(index: index, source: source))
        }
      }
      initialized = count
    }
  }

  /// The lines of `source`, each line that lies wholly in the bytes `source` shares with the
  /// earlier text at its start or at its end taken from `earlier.lines` (a line is a function of
  /// its bytes: `LineReading` reads nothing outside them), the others read. Nil when too little is
  /// shared for taking lines to pay.
  /// - Complexity: O(n) byte comparison, plus O(changed lines) reading.
  static func reusable(from earlier: (source: SourceText, lines: [Line]), in source: SourceText) -> [Line]? {
    let old = earlier.source
    guard earlier.lines.count == old.lineCount else { return nil }
    let (prefix, suffix) = UTF8Text.commonEnds(of: old.bytes, and: source.bytes)
    // Most of the text changed: reading it on two cores is as quick.
    guard prefix + suffix >= source.bytes.count / 2 else { return nil }
    let delta = source.bytes.count - old.bytes.count
    let lineDelta = source.lineCount - old.lineCount
    let suffixStart = source.bytes.count - suffix
    return (0..<source.lineCount).map { index in
      let range = source.byteRange(ofLine: index)
      if range.upperBound <= prefix, index < old.lineCount, old.byteRange(ofLine: index) == range {
        return earlier.lines[index]
      }
      let oldIndex = index - lineDelta
      if range.lowerBound >= suffixStart, oldIndex >= 0, oldIndex < old.lineCount,
        old.byteRange(ofLine: oldIndex) == range.shifted(by: -delta)
      {
        return earlier.lines[oldIndex].moved(by: delta, toIndex: index)
      }
      return Line(index: index, source: source)
    }
  }

  /// The text without ASCII spaces, tabs, CR, LF and U+3000.
  static func removingWhitespace(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      guard LineReading.mayHoldLineWhitespace(bytes) else { return nil }
      let kept = LineReading.compacted(bytes)
      return kept.count == bytes.count ? nil : String(decoding: kept, as: UTF8.self)
    } ?? text
  }
}
