extension Table {
  /// A row: a subject (code and name) or a label (合计, 本年收入合计…) and its figures.
  package struct Row: Sendable, Equatable {
    /// The row's texts and cells, which its copies share: a copy (the rules make many) counts one
    /// reference instead of four. Immutable; setting one of them makes a new one.
    private final class Storage: Sendable {
      let code: String?
      let name: String
      let label: String
      let cells: [Cell?]

      init(code: String?, name: String, label: String, cells: [Cell?]) {
        self.code = code
        self.name = name
        self.label = label
        self.cells = cells
      }
    }

    private var storage: Storage

    package var code: String? {
      get { storage.code }
      set { storage = Storage(code: newValue, name: storage.name, label: storage.label, cells: storage.cells) }
    }
    package var codeRange: Range<Int>?
    /// The name or label as written, wrapped lines joined.
    package var name: String {
      get { storage.name }
      set {
        storage = Storage(
          code: storage.code, name: newValue, label: Table.normalizedLabel(newValue), cells: storage.cells)
      }
    }
    /// The name or label with spaces, list numbering ("一、", "1.", "（1）") and "其中：" removed.
    package var label: String { storage.label }
    package var nameRange: Range<Int>?
    /// One entry per column of the panel; nil where the row has no cell for that column.
    package var cells: [Cell?] {
      get { storage.cells }
      set { storage = Storage(code: storage.code, name: storage.name, label: storage.label, cells: newValue) }
    }
    package var range: Range<Int>
    /// The 0-based line where the row starts.
    package var line: Int
    /// True when each cell is known to sit in its column: a tab/pipe row, or a space-aligned row
    /// that fills every column. Otherwise only the first cell (the total) is placed for certain.
    package var isPositional = true
    /// True when a cell of the row was cut by a page break or line wrap.
    package var hasBrokenCell = false
    /// True when the row holds no figure and is not placed in the columns: its figures were not
    /// read (a page whose columns could not be placed), so it counts in no sum — a blank is a
    /// zero only where the row is placed.
    package var hasUnreadFigures: Bool { !isPositional && cells.isEmpty }
    /// True when the name was joined from pieces that could belong to this row or its neighbour
    /// (a name wrapped around two rows whose own lines hold none): its wording is not checked.
    package var isNameUncertain = false

    package init(
      code: String?, codeRange: Range<Int>?, name: String, nameRange: Range<Int>?, cells: [Cell?],
      range: Range<Int>, line: Int
    ) {
      self.init(
        code: code, codeRange: codeRange, name: name, label: Table.normalizedLabel(name), nameRange: nameRange,
        cells: cells, range: range, line: line)
    }

    /// A row whose `label` the caller already normalised from `name`.
    init(
      code: String?, codeRange: Range<Int>?, name: String, label: String, nameRange: Range<Int>?, cells: [Cell?],
      range: Range<Int>, line: Int
    ) {
      storage = Storage(code: code, name: name, label: label, cells: cells)
      self.codeRange = codeRange
      self.nameRange = nameRange
      self.range = range
      self.line = line
    }

    /// A 合计/总计 row (no code, the label says total).
    package var isTotalRow: Bool {
      guard code == nil else { return false }
      let label = name.utf8Text.removingWhitespace()
      return label == "合计" || label == "总计" || label.utf8Text.hasSuffix("合计") || label.utf8Text.hasSuffix("总计")
    }

    /// True when a cell of the row is damaged or the row holds no figure at all.
    package var isDamaged: Bool { hasBrokenCell || cells.contains { $0?.isDamaged == true } }

    /// The same row `offset` bytes and `lines` lines further on: every range moved.
    func moved(by offset: Int, lines: Int) -> Row {
      var moved = self
      moved.codeRange = codeRange?.shifted(by: offset)
      moved.nameRange = nameRange?.shifted(by: offset)
      moved.range = range.shifted(by: offset)
      moved.line += lines
      if offset != 0 {
        moved.cells = storage.cells.map { cell in
          cell.map {
            Cell(amount: $0.amount, text: $0.text, range: $0.range.shifted(by: offset), isDamaged: $0.isDamaged)
          }
        }
      }
      return moved
    }

    package static func == (lhs: Row, rhs: Row) -> Bool {
      guard lhs.codeRange == rhs.codeRange, lhs.nameRange == rhs.nameRange, lhs.range == rhs.range,
        lhs.line == rhs.line, lhs.isPositional == rhs.isPositional, lhs.hasBrokenCell == rhs.hasBrokenCell,
        lhs.isNameUncertain == rhs.isNameUncertain
      else { return false }
      if lhs.storage === rhs.storage { return true }
      return lhs.code == rhs.code && lhs.name == rhs.name && lhs.label == rhs.label && lhs.cells == rhs.cells
    }
  }
}
