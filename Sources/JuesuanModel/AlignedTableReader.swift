/// Reads a table region in the shape `pdftotext -layout` writes: columns aligned by runs of
/// spaces, header cells wrapped over several lines, names wrapped above and below their row,
/// pages (each opened by a form feed) with their own alignment and a repeated header or none.
///
/// Where a figure sits decides its column: on each page the figures that overlap form columns,
/// which are matched to the header's cells in order at the least distance; a page without a header
/// takes its columns from the page before. What cannot be placed for certain is left unplaced
/// (`Row.isPositional` false) or recorded as damage, never guessed.
struct AlignedTableReader {
  let kind: Table.Kind
  /// A budget's table: its columns are a budget's (`TableSchema`).
  let isBudget: Bool
  let source: SourceText
  var damage: [Message] = []

  init(kind: Table.Kind, isBudget: Bool = false, source: SourceText) {
    self.kind = kind
    self.isBudget = isBudget
    self.source = source
  }

  /// A line of the region: its words and page.
  struct AlignedLine {
    var line: Line
    var words: [AlignedWord]
    var page: Int

    var index: Int { line.index }
    var hasFigure: Bool { words.contains { $0.cell != nil && !$0.isIntegerLabel } }
  }

  /// True when the region is in the aligned shape: most lines holding figures have a run of two
  /// or more spaces between two words (a single-spaced export is read by the token reader).
  static func isAligned(_ lines: [Line], words lineWords: inout LineWords) -> Bool {
    var figureLines = 0
    var aligned = 0
    for line in lines where line.shape == .plain {
      let words = lineWords.of(line)
      guard words.contains(where: { if case .figure = $0.kind { true } else { false } }) else { continue }
      figureLines += 1
      if zip(words, words.dropFirst()).contains(where: { $1.columns.lowerBound - $0.columns.upperBound >= 2 }) {
        aligned += 1
      }
    }
    return figureLines > 0 && aligned * 2 >= figureLines
  }

  /// The panels of the region's lines (title excluded; unit and 部门 lines taken out). `header`
  /// is the header text without spaces, which decides optional columns (年初预算).
  mutating func read(_ lines: [Line], header: String, words lineWords: inout LineWords) -> [Table.Panel] {
    var page = 0
    var aligned: [AlignedLine] = []
    for line in lines where !line.isBlank {
      if line.startsPage, !aligned.isEmpty { page += 1 }
      guard !Self.isPageMark(line) else { continue }
      aligned.append(AlignedLine(line: line, words: lineWords.of(line), page: page))
    }
    let pages = Dictionary(grouping: aligned, by: \.page).sorted { $0.key < $1.key }.map { split($0.value) }
    switch TableSchema.layout(of: kind, isBudget: isBudget) {
    case .labelled:
      return labelledPanels(pages, header: header)
    case .sangong:
      return [sangongPanel(pages, header: header)]
    case .economic:
      return [codedPanel(pages, header: header, groups: max(1, groupCount(pages)))]
    case .coded, .free:
      return [codedPanel(pages, header: header, groups: 1)]
    }
  }

  /// A page's header lines (before its first data line; on a later page only lines that read as
  /// a header) and data lines.
  struct Page {
    var header: [AlignedLine]
    var data: [AlignedLine]
  }

  private func split(_ lines: [AlignedLine]) -> Page {
    let first = lines.firstIndex { line in
      line.hasFigure || line.words.first?.isCode == true
    }
    guard let first else { return Page(header: lines, data: []) }
    // A name wrapped above the first row sits right above it, without a header word; on a later
    // page, a line before the first row is header only if it reads as one.
    var firstData = first
    while firstData > 0, lines[firstData - 1].index == lines[firstData].index - 1, first - firstData < 2,
      !Self.readsAsHeader(lines[firstData - 1].line), lines[firstData - 1].words.allSatisfy(\.isText)
    {
      firstData -= 1
    }
    // On a later page the header repeated there ends at its last line that reads as one; what
    // follows before the first row is a name wrapped above it.
    let headerEnd =
      lines.first?.page == 0
      ? firstData : (lines[..<firstData].lastIndex { Self.readsAsHeader($0.line) }).map { $0 + 1 } ?? 0
    var header: [AlignedLine] = []
    var data: [AlignedLine] = []
    for (offset, line) in lines.enumerated() {
      if offset < headerEnd {
        header.append(line)
      } else if !Self.isColumnNumbering(line.words) {
        data.append(line)
      }
    }
    return Page(header: header, data: data)
  }

  /// The header of a page: its lines' words, blank lines kept as distances.
  func pageHeader(_ page: Page) -> TableHeader {
    guard let first = page.header.first?.index else { return TableHeader(lines: []) }
    var rows = [[AlignedWord]](repeating: [], count: (page.header.last?.index ?? first) - first + 1)
    for line in page.header { rows[line.index - first] = line.words }
    return TableHeader(lines: rows)
  }

  /// Words a header line has and a wrapped name does not; or a line of the 类 / 款 / 项 labels.
  private static func readsAsHeader(_ line: Line) -> Bool {
    let words = [
      "项目", "科目", "编码", "名称", "分类", "栏次", "行次", "预算数", "决算数", "金额", "本年收入", "本年支出", "基本支出", "项目支出",
      "人员经费", "公用经费", "经营收入", "事业收入", "财政拨款", "其他收入", "收入预算", "支出预算",
    ]
    var compact = Substring(line.compact)
    if compact == "合计" { return true }
    // "类 款 项", "类 款", perhaps followed by the rest of a wrapped title ("类 款 项 … 经营收入").
    let levels = compact.prefix { "类款项".contains($0) }
    if levels.count >= 2 { compact = compact.dropFirst(levels.count) }
    return compact.isEmpty || words.contains { compact.utf8Text.contains($0) }
  }

  /// "1 2 3 … n" (栏次): column labels, never figures.
  private static func isColumnNumbering(_ words: [AlignedWord]) -> Bool {
    var expected = 1
    for word in words {
      if case .text(let text) = word.kind, text == "栏次" || text == "行次" { continue }
      guard case .integer(let cell) = word.kind, cell.text == String(expected) else { return false }
      expected += 1
    }
    return expected > 3
  }

  /// A page number or footer between rows: "5", "- 5 -", "—5—", "第5页", "第 5 页 共 30 页", "5/30".
  static func isPageMark(_ line: Line) -> Bool {
    // Told at once for most lines: too long, or opening with neither a digit nor - — － 第.
    guard line.compactCount <= 12, let first = line.compact.utf8.first,
      (0x30...0x39).contains(first) || first == 0x2D || first == 0xE2 || first == 0xEF || first == 0xE7
    else { return false }
    let text = line.compact
    let stripped = text.filter { !"-—－第页共/".utf8Text.contains($0) }
    guard !stripped.isEmpty, stripped.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), stripped.utf8.count <= 4 else {
      return false
    }
    // A code alone on its line ("310" over its wrapped name) is not a page number.
    return stripped != text || !TableToken.isCode(text)
  }

  /// A page mark with its decoration ("- 7 -", "第 8 页 共 23 页", "7/30"), which no cell is: unlike
  /// a bare "7", which may be one.
  static func isDecoratedPageMark(_ line: Line) -> Bool {
    isPageMark(line) && !line.compact.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// The number of side-by-side code–name–figure groups (06): as many as the header has 决算数.
  private func groupCount(_ pages: [Page]) -> Int {
    guard let first = pages.first else { return 1 }
    let cells = pageHeader(first).cells
    return cells.filter { cell in
      let text = cell.text.utf8Text.removingWhitespace()
      return text.utf8Text.contains("决算数") || text.utf8Text.contains("金额") || text.utf8Text.contains("预算数")
    }.count
  }
}

extension AlignedWord {
  /// An integer that is not a figure here: every integer, except in a whole-yuan table (not yet
  /// read as figures by this reader).
  var isIntegerLabel: Bool {
    if case .integer = kind { return true }
    return false
  }
}
