/// Reads the lines of one table region (title excluded) into a `Table`.
struct TableParser {
  let kind: Table.Kind
  /// A budget's table: its columns are a budget's (`TableSchema`).
  let isBudget: Bool
  let source: SourceText
  private(set) var damage: [Message] = []
  /// The 合计 rows repeated under the header of each later page, tab-separated (`Table.pageTotals`).
  private(set) var pageTotals: [Table.Row] = []

  init(kind: Table.Kind, isBudget: Bool = false, source: SourceText) {
    self.kind = kind
    self.isBudget = isBudget
    self.source = source
  }

  /// A data line of the region and its tokens.
  struct TokenizedLine {
    var line: Line
    var tokens: [TableToken]
  }

  /// A row being assembled from tokens.
  struct Draft {
    var code: String?
    var codeRange: Range<Int>?
    var name = ""
    var nameRange: Range<Int>?
    var cells: [Table.Cell?] = []
    var sawFigure = false
    var start: Int
    var end: Int
    var line: Int
    var side = 0

    mutating func appendName(_ text: String, _ range: Range<Int>) {
      name += text
      nameRange = (nameRange?.lowerBound ?? range.lowerBound)..<range.upperBound
      end = max(end, range.upperBound)
    }

    mutating func append(_ cell: Table.Cell?, at range: Range<Int>) {
      if cells.isEmpty { cells.reserveCapacity(8) }  // a row's cells grow once, not at 1, 2, 4, 8
      cells.append(cell)
      sawFigure = true
      end = max(end, range.upperBound)
    }
  }

  /// Header text (spaces removed) and data lines of a region.
  mutating func parse(lines: [TokenizedLine], header: String) -> [Table.Panel] {
    switch TableSchema.layout(of: kind, isBudget: isBudget) {
    case .coded, .economic, .free:
      let columns = TableSchema.columns(of: kind, header: header, isBudget: isBudget)
      let numbersRows = header.utf8Text.contains("行次")
      var rows = codedRows(lines, numbersRows: numbersRows)
      // A 行次 column the schema does not know ("合计	1	100.00	60.00	40.00"): every row's first
      // figure a small whole number, counting up.
      if numbersRows { Self.dropLineNumbers(&rows) }
      for index in rows.indices where !rows[index].isPositional && rows[index].cells.count == columns.count {
        rows[index].isPositional = !rows[index].hasBrokenCell
      }
      return [Table.Panel(columns: columns, rows: rows)]
    case .labelled:
      return labelledPanels(lines, header: header)
    case .sangong:
      return [sangongPanel(lines, header: header)]
    }
  }

  /// Removes each row's first cell when the rows' first cells are 行次: whole numbers below 1000,
  /// written without a point, counting up row by row.
  static func dropLineNumbers(_ rows: inout [Table.Row]) {
    let firsts = rows.filter { !$0.cells.isEmpty }.map { $0.cells[0] }
    var last = 0
    for cell in firsts {
      guard let cell, let amount = cell.amount, amount.decimals == 0, !cell.text.utf8Text.contains("."),
        amount.tenThousandths > Int64(last) * Amount.scale, amount.tenThousandths < 1000 * Amount.scale
      else { return }
      last = Int(amount.tenThousandths / Amount.scale)
    }
    guard !firsts.isEmpty else { return }
    for index in rows.indices where !rows[index].cells.isEmpty { rows[index].cells.removeFirst() }
  }

  // MARK: Coded tables (02, 03, 05, 06, 08, 09)

  /// The rows of a table with one subject per row (code, name, figures), or with code–name–figure
  /// triplets (06), wrapped names joined, page totals repeated under each header dropped.
  /// With `numbersRows` (the header has a 行次 column), a short label and its 行次 alone ("工程	3	") are a
  /// row with no figure, not pieces of a row split by a page or a line break.
  mutating func codedRows(_ lines: [TokenizedLine], numbersRows: Bool = false) -> [Table.Row] {
    let triplets = TableSchema.layout(of: kind, isBudget: isBudget).isEconomic
    var rows: [Table.Row] = []
    var draft: Draft?
    var sawTotal = false
    var sawCode = false
    var draftIsPositional = false
    // True while the last line that held figures was a page's repeated 合计, dropped: a fragment
    // under it is that line's, not a piece of the row before the page break.
    var droppedPageTotal = false
    func finish() {
      guard var done = draft.take() else { return }
      var cells = done.cells
      done.cells = []  // the row's cells are not shared while trailing blanks are dropped
      if !triplets { while cells.last == .some(nil) { cells.removeLast() } }
      guard done.code != nil || !done.name.isEmpty || !cells.isEmpty else { return }
      var name = done.name
      if done.code == nil, name.utf8Text.hasPrefix("类款项") { name = String(name.dropFirst(3)) }
      if done.code == nil, name.isEmpty || name.utf8Text.isSame(asAnyOf: ["合计", "总计"]) {
        // Figures with no label right under the header: the 合计 row of a page, repeated on each.
        if sawTotal || (name.isEmpty && sawCode) {
          if sawTotal, draftIsPositional, !cells.isEmpty {
            var repeated = Table.Row(
              code: nil, codeRange: nil, name: "合计", label: "合计", nameRange: done.nameRange, cells: cells,
              range: done.start..<max(done.start, done.end), line: done.line)
            repeated.isPositional = true
            pageTotals.append(repeated)
          }
          droppedPageTotal = true
          return
        }
        if name.isEmpty { name = "合计" }
      }
      let label = Table.normalizedLabel(name)
      if done.code == nil, label.utf8Text.hasSuffix("合计") { sawTotal = true }
      var row = Table.Row(
        code: done.code, codeRange: done.codeRange, name: name, label: label, nameRange: done.nameRange, cells: cells,
        range: done.start..<max(done.start, done.end), line: done.line)
      row.isPositional = draftIsPositional
      if done.code != nil { sawCode = true }
      rows.append(row)
      droppedPageTotal = false
    }
    func start(_ range: Range<Int>, line: Line, code: String? = nil) {
      finish()
      draft = Draft(
        code: code, codeRange: code == nil ? nil : range, start: range.lowerBound, end: range.upperBound,
        line: line.index)
      draftIsPositional = line.shape != .plain
    }
    for tokenized in lines {
      let line = tokenized.line
      var tokens = tokenized.tokens
      Self.joinSplitCode(&tokens)
      // "1	2	3	…	12" (the 栏次 row, its label in another column or none): before it is taken for
      // pieces of broken cells.
      if Self.isColumnNumbering(tokens) { continue }
      if line.shape == .tabbed || line.shape == .piped, Self.isFragment(tokens),
        !(numbersRows && Self.isNumberedEmptyRow(tokens))
      {
        let texts = tokens.compactMap { token -> String? in if case .text(let text, _) = token { text } else { nil } }
        if draft == nil, let last = rows.indices.last, rows[last].code == nil, !texts.isEmpty,
          texts.count == tokens.filter({ if case .blank = $0 { false } else { true } }).count
        {
          // The end of the row's label, carried to the next page ("公务用车购置及运行维" / "护费"):
          // its figures are whole.
          rows[last].name += texts.joined()
          continue
        }
        // "合计" alone under the next page's repeated header, the page's total written beside the
        // header's 类 款 项: nothing of the row above.
        if texts.count == 1, texts[0].utf8Text.isSame(asAnyOf: ["合计", "总计"]),
          !tokens.contains(where: \.isFigure)
        {
          continue
        }
        damage.append("第 \(line: line.index) 行：数字或名称被分页、折行拆开，无法确定属于哪一格")
        if !droppedPageTotal, let last = rows.indices.last {
          rows[last].isPositional = false
          rows[last].hasBrokenCell = true
        }
        continue
      }
      if case .text(let text, _) = tokens.first, text.utf8Text.hasPrefix("栏次") || text.utf8Text.isSame(as: "行次") {
        continue
      }
      var isLineStart = true  // every token before this one is blank
      for (position, token) in tokens.enumerated() {
        defer { if case .blank = token {} else { isLineStart = false } }
        switch token {
        case .code(let code, let range):
          let nextIsText =
            position + 1 < tokens.count && { if case .text = tokens[position + 1] { true } else { false } }()
          let endsLine = { tokens[(position + 1)...].allSatisfy { if case .blank = $0 { true } else { false } } }
          if !triplets, !isLineStart, !nextIsText, let current = draft,
            code.utf8.count == 3 && (current.code != nil || !current.name.isEmpty)
              || current.code == nil && !current.name.isEmpty || current.sawFigure && endsLine()
          {
            // An integer where a figure belongs, not a code: three digits after a row's code or
            // name ("272"); any after a row's name without a code ("合计	50000" in 元), or ending a
            // line of figures ("…	1200000	34567").
            draft?.append(Table.Cell(amount: Amount(parsing: code), text: code, range: range), at: range)
            continue
          }
          start(range, line: line, code: code)
        case .text(let text, let range):
          let positionalLineStart = isLineStart && line.shape != .plain && draft?.code == nil
          if draft == nil || draft?.sawFigure == true || positionalLineStart { start(range, line: line) }
          draft?.appendName(text, range)
        case .figure(let cell):
          if draft == nil { start(cell.range, line: line) }
          if triplets, let current = draft, current.sawFigure {
            if current.cells.allSatisfy({ $0 == nil }) {
              draft?.cells = []  // the blank before it was padding, not the amount
            } else {
              start(cell.range, line: line)
            }
          }
          draft?.append(cell, at: cell.range)
        case .blank(let range):
          guard let current = draft else { continue }
          if triplets {
            if (current.code != nil || !current.name.isEmpty) && !current.sawFigure { draft?.append(nil, at: range) }
          } else if current.sawFigure {
            draft?.append(nil, at: range)
          }
        }
      }
      if !triplets, draft?.sawFigure == true || line.shape != .plain && draft?.code == nil { finish() }
    }
    finish()
    return rows
  }

  /// "2011" "399" (or "2013" "2"), or "201" "03" "01": a code split over the 类/款/项 columns of a
  /// row (tab-separated, or space-aligned as pdftotext -layout writes a budget's tables).
  private static func joinSplitCode(_ tokens: inout [TableToken]) {
    guard let first = tokens.firstIndex(where: { if case .blank = $0 { false } else { true } }),
      first + 1 < tokens.count
    else { return }
    if case .code(let head, let range) = tokens[first] {
      joinTwoDigitPieces(after: head, at: first, range: range, in: &tokens)
      return
    }
    guard case .figure(let head) = tokens[first], head.text.utf8.count == 4, isDigits(head.text) else { return }
    let tailText: String
    switch tokens[first + 1] {
    case .figure(let tail) where isDigits(tail.text): tailText = tail.text
    case .code(let code, _): tailText = code
    default: return
    }
    guard tailText.utf8.count == 1 || tailText.utf8.count == 3 else { return }
    let code = head.text + tailText
    guard TableToken.isCode(code) else { return }
    tokens[first] = .code(code, head.range.lowerBound..<tokens[first + 1].range.upperBound)
    tokens.remove(at: first + 1)
  }

  /// "201" then "03" (and "01") in the next cells, before the name: the 款 and 项 of the code in
  /// columns of their own, joined into "20103" ("2010301").
  private static func joinTwoDigitPieces(
    after head: String, at first: Int, range: Range<Int>, in tokens: inout [TableToken]
  ) {
    guard head.utf8.count == 3 else { return }
    let most = head.utf8.first == UInt8(ascii: "2") ? 2 : 1
    var pieces: [Int] = []
    var code = head
    var index = first + 1
    scan: while index < tokens.count {
      switch tokens[index] {
      case .blank: break
      case .figure(let cell) where pieces.count < most && cell.text.utf8.count == 2 && isDigits(cell.text):
        pieces.append(index)
        code += cell.text
      case .text: break scan
      default: return
      }
      index += 1
    }
    // Only before the name: "201 03 政府办公厅…", never a row's figures.
    guard let last = pieces.last, index < tokens.count, TableToken.isCode(code) else { return }
    tokens[first] = .code(code, range.lowerBound..<tokens[last].range.upperBound)
    for piece in pieces.reversed() { tokens.remove(at: piece) }
  }

  /// ASCII digits only (each a Character, so the bytes say); true for the empty text.
  private static func isDigits(_ text: String) -> Bool { text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  /// "1 2 3 … 12": the column numbers under a header.
  private static func isColumnNumbering(_ tokens: [TableToken]) -> Bool {
    var count = 0
    for token in tokens {
      switch token {
      case .blank: continue
      case .figure(let cell) where cell.text.utf8Text.isSame(as: String(count + 1)): count += 1
      default: return false
      }
    }
    return count >= 3
  }

  /// A tabbed line holding only pieces of cells broken by a page break ("62", "出", "4.").
  /// "工程	3	": a label of two characters or more at the line's start, then one whole number (its 行次),
  /// then nothing but empty cells.
  private static func isNumberedEmptyRow(_ tokens: [TableToken]) -> Bool {
    guard case .text(let label, _) = tokens.first, !label.utf8Text.hasAtMostCharacters(1) else { return false }
    let rest = tokens.dropFirst().filter { if case .blank = $0 { false } else { true } }
    guard rest.count == 1, case .figure(let cell) = rest[0], let amount = cell.amount else { return false }
    return amount.decimals == 0 && !cell.isDamaged
  }

  private static func isFragment(_ tokens: [TableToken]) -> Bool {
    var filled = false
    for token in tokens {
      switch token {
      case .blank: continue
      case .code: return false
      case .text(let text, _): if !text.utf8Text.hasAtMostCharacters(2) { return false }
      case .figure(let cell): if !cell.text.utf8Text.hasAtMostCharacters(3) && !cell.isDamaged { return false }
      }
      filled = true
    }
    return filled
  }
}

extension TableSchema.Layout {
  var isEconomic: Bool {
    if case .economic = self { return true }
    return false
  }
}
