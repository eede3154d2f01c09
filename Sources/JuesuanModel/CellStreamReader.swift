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
}
