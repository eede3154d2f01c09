/// Reads a table that plain `pdftotext` wrote one cell per line, often column by column (all codes,
/// then all names, then each column of figures): the rows are lost, and are rebuilt only where
/// the counts and the table's own arithmetic prove the pairing.
enum CellStreamReader {
  /// True when the region's figures stand on lines of their own: a cell stream, not rows.
  static func isStream(_ lines: [Line], words lineWords: inout LineWords) -> Bool {
    var alone = 0
    var inRows = 0
    for line in lines where !line.isBlank && line.shape == .plain {
      let words = lineWords.of(line)
      let figures = words.filter { if case .figure = $0.kind { true } else { false } }.count
      if words.count == 1 { alone += figures } else { inRows += figures }
    }
    return alone >= 4 && inRows * 5 <= alone
  }

  /// The ways the cells of a coded table's stream could pair into rows: codes in the order they
  /// came or in catalogue order (a code's children follow it), figures row by row or column by
  /// column, the 合计 row first, last or absent. Each is a candidate for `Table.Reading` to prove.
  /// - Complexity: O(cells) per candidate, a dozen candidates at most.
  static func candidates(
    _ kind: Table.Kind, isBudget: Bool = false, lines: [Line], header: String, words lineWords: inout LineWords
  ) -> [[Table.Panel]] {
    guard Table.functionTables.contains(kind) else { return [] }
    var codes: [(code: String, range: Range<Int>, line: Int)] = []
    var figures: [Table.Cell] = []
    for line in lines where !line.isBlank {
      let words = lineWords.of(line)
      guard words.count == 1, let word = words.first else { continue }
      switch word.kind {
      case .code(let code): codes.append((code, word.range, line.index))
      case .figure(let cell): figures.append(cell)
      default: break
      }
    }
    let specs = TableSchema.specs(of: kind, header: header, isBudget: isBudget)
    guard !codes.isEmpty, !figures.isEmpty, !specs.isEmpty else { return [] }
    let sorted = codes.sorted { $0.code < $1.code }
    let orders = sorted.map(\.code) == codes.map(\.code) ? [codes] : [codes, sorted]
    var result: [[Table.Panel]] = []
    for totals in [1, 0] {
      let rowCount = codes.count + totals
      guard figures.count % rowCount == 0 else { continue }
      let width = figures.count / rowCount
      guard width >= 1, width <= specs.count else { continue }
      for order in orders {
        for totalFirst in totals == 1 ? [true, false] : [false] {
          for byRow in width > 1 ? [true, false] : [true] {
            var rows: [Table.Row] = []
            for index in 0..<rowCount {
              let figuresOfRow = (0..<width).map { column in
                figures[byRow ? index * width + column : column * rowCount + index]
              }
              // Only the first figure is placed for certain when the table has more columns.
              let cells: [Table.Cell?] = width == specs.count ? figuresOfRow : [figuresOfRow[0]]
              let codeIndex = totals == 1 && totalFirst ? index - 1 : index
              var row: Table.Row
              if codeIndex < 0 || codeIndex >= order.count {
                let range = figuresOfRow[0].range
                row = Table.Row(
                  code: nil, codeRange: nil, name: "合计", nameRange: nil, cells: cells, range: range,
                  line: lineWords.source.line(ofUTF8Offset: range.lowerBound))
              } else {
                let entry = order[codeIndex]
                row = Table.Row(
                  code: entry.code, codeRange: entry.range, name: "", nameRange: nil, cells: cells, range: entry.range,
                  line: entry.line)
              }
              row.isPositional = width == specs.count
              rows.append(row)
            }
            result.append([Table.Panel(columns: specs.map { Table.Column(title: $0.title, role: $0.role) }, rows: rows)]
            )
          }
        }
      }
    }
    return result
  }

  /// The ways the 三公 table's one row of figures, one per line, could pair with its items (the
  /// template's order: 合计, 因公出国（境）费, 公务用车购置及运行费, 购置费, 运行维护费, 公务接待费):
  /// with a 预算数 and a 决算数 column, each item's two side by side, or every 预算数 first; with
  /// one column, one figure per item. Only a row of exactly those figures, each with decimals, is
  /// read (a whole number may be a column number); `Table.Reading` must still prove a candidate.
  /// - Complexity: O(lines).
  static func sangongCandidates(lines: [Line], header: String, words lineWords: inout LineWords) -> [[Table.Panel]] {
    var figures: [Table.Cell] = []
    for line in lines where !line.isBlank {
      let words = lineWords.of(line)
      guard words.count == 1, case .figure(let cell) = words[0].kind else { continue }
      guard let amount = cell.amount, amount.decimals > 0 else { return [] }
      figures.append(cell)
    }
    let items = TableSchema.sangongLabels
    let hasBudget = header.utf8Text.contains("预算")
    let hasActual = header.utf8Text.contains("决算")
    let columns =
      hasBudget && hasActual
      ? [Table.Column(title: "预算数", role: .budget), Table.Column(title: "决算数", role: .total)]
      : [Table.Column(title: hasBudget ? "预算数" : "决算数", role: .total)]
    guard figures.count == items.count * columns.count else { return [] }
    // For item i and column c, the index of its figure in the stream.
    let orders: [(Int, Int) -> Int] =
      columns.count == 2
      ? [{ item, column in item * 2 + column }, { item, column in column * items.count + item }] : [{ item, _ in item }]
    return orders.map { order in
      let rows = items.indices.map { item in
        let cells: [Table.Cell?] = columns.indices.map { figures[order(item, $0)] }
        let range = figures[order(item, 0)].range
        var row = Table.Row(
          code: nil, codeRange: nil, name: items[item], nameRange: nil, cells: cells, range: range,
          line: lineWords.source.line(ofUTF8Offset: range.lowerBound))
        row.isPositional = true
        return row
      }
      return [Table.Panel(columns: columns, rows: rows)]
    }
  }
}
