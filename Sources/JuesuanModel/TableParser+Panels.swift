/// The label tables (01, 04: two sides of label rows) and the 三公 table (07).
extension TableParser {
  // MARK: Label tables (01, 04)

  /// The two sides (收入 | 支出) of a label table: each label and the figures after it.
  mutating func labelledPanels(_ lines: [TokenizedLine], header: String) -> [Table.Panel] {
    let hasLineNumbers = header.utf8Text.contains("行次")
    let rightColumns = TableSchema.columns(of: kind, header: header, isBudget: isBudget)
    let leftColumns = [Table.Column(title: "金额", role: .total)]
    let lineNumber = Table.Column(title: "行次", role: .other)
    var panels = [
      Table.Panel(columns: (hasLineNumbers ? [lineNumber] : []) + leftColumns, rows: []),
      Table.Panel(columns: (hasLineNumbers ? [lineNumber] : []) + rightColumns, rows: []),
    ]
    for tokenized in lines {
      let line = tokenized.line
      let tokens = tokenized.tokens
      if tokens.contains(where: {
        if case .text(let text, _) = $0 {
          text.utf8Text.hasPrefix("栏次") || text.utf8Text.isSame(as: "项目")
        } else {
          false
        }
      }) {
        continue
      }
      var segments: [Draft] = []
      var orphanPrefix = true
      for token in tokens {
        switch token {
        case .text(let text, let range):
          orphanPrefix = false
          if var last = segments.last, !last.sawFigure, line.shape == .plain {
            last.appendName(text, range)
            segments[segments.count - 1] = last
          } else {
            var draft = Draft(start: range.lowerBound, end: range.upperBound, line: line.index)
            draft.appendName(text, range)
            draft.side =
              segments.isEmpty && line.shape != .plain
              ? Self.side(ofCell: range, in: line, source: source) : segments.count
            segments.append(draft)
          }
        case .figure(let cell):
          if orphanPrefix, line.shape == .plain { continue }  // the other side's 行次 with no label
          if segments.isEmpty {
            var draft = Draft(start: cell.range.lowerBound, end: cell.range.upperBound, line: line.index)
            draft.side = Self.side(ofCell: cell.range, in: line, source: source)
            segments.append(draft)
          }
          segments[segments.count - 1].append(cell, at: cell.range)
        case .blank(let range):
          guard !segments.isEmpty else { continue }
          segments[segments.count - 1].append(nil, at: range)
        case .code(let code, let range):
          let cell = Table.Cell(amount: Amount(parsing: code), text: code, range: range)
          if segments.isEmpty { continue }
          segments[segments.count - 1].append(cell, at: range)
        }
      }
      if line.shape == .plain, segments.count == 1, let only = segments.first {
        segments[0].side = Self.isExpenditureLabel(only.name) ? 1 : 0
      }
      let sideLabels = ["收入", "支出", "项目", "收入支出", "项目（按功能分类）", "项目（按支出功能分类）"]
      for var segment in segments where !segment.name.isEmpty {
        let label = Table.normalizedLabel(segment.name)
        guard !label.utf8Text.isSame(asAnyOf: sideLabels) else { continue }
        let side = min(segment.side, 1)
        if line.shape != .plain {
          // Positional: a tabbed row's label cell is followed by exactly its columns.
          let width = panels[side].columns.count
          if segment.cells.count > width { segment.cells = Array(segment.cells.prefix(width)) }
        }
        panels[side].rows.append(
          Table.Row(
            code: nil, codeRange: nil, name: segment.name, label: label, nameRange: segment.nameRange,
            cells: segment.cells, range: segment.start..<segment.end, line: segment.line))
      }
    }
    return panels
  }

  /// For a tabbed label row: the side a cell belongs to, from its cell index.
  private static func side(ofCell range: Range<Int>, in line: Line, source: SourceText) -> Int {
    let pieces = line.pieces(in: source)
    guard let index = pieces.firstIndex(where: { $0.range.lowerBound >= range.lowerBound }) else { return 0 }
    let count = pieces.count
    return index >= max(2, count / 2 - 1) && index >= 2 ? 1 : 0
  }

  private static func isExpenditureLabel(_ label: String) -> Bool {
    label.utf8Text.contains("支出") || label.utf8Text.contains("结余分配") || label.utf8Text.contains("年末结转")
  }

  // MARK: 三公 (07)

  /// The 三公 table, one row per expense, from label rows or from one wide row of figures.
  mutating func sangongPanel(_ lines: [TokenizedLine], header: String) -> Table.Panel {
    var columns = TableSchema.columns(of: kind, header: header, isBudget: isBudget)
    let rows = codedRows(lines)
    // A horizontal table: one row of 6 (决算) or 12 (预算 + 决算) figures under a column header.
    if let wide = rows.first(where: { $0.cells.count >= 6 }),
      rows.filter({ $0.code == nil && !$0.name.utf8Text.isSame(as: "合计") }).count <= 1
    {
      let figures = wide.cells
      let hasBudget = figures.count >= 12
      columns =
        (hasBudget ? [Table.Column(title: "预算数", role: .budget)] : []) + [Table.Column(title: "决算数", role: .total)]
      var result: [Table.Row] = []
      for (index, label) in TableSchema.sangongLabels.enumerated() {
        var cells: [Table.Cell?] = []
        if hasBudget { cells.append(figures[index]) }
        cells.append(figures[hasBudget ? index + 6 : index])
        result.append(
          Table.Row(
            code: nil, codeRange: nil, name: label, nameRange: nil, cells: cells, range: wide.range, line: wide.line))
      }
      return Table.Panel(columns: columns, rows: result)
    }
    // Vertical: label, 行次, figures.
    if header.utf8Text.contains("行次") { columns.insert(Table.Column(title: "行次", role: .other), at: 0) }
    return Table.Panel(columns: columns, rows: rows.filter { $0.code == nil })
  }
}
