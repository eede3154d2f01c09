extension Report {
  /// A readable outline of the model, for golden tests and `juesuan dump`: one line per
  /// heading, table, row and paragraph, with 1-based line numbers.
  /// - Complexity: O(size of the model).
  package func debugDump(includeRows: Bool = true, includeParagraphs: Bool = false) -> String {
    var out = "kind: \(kind.rawValue)  year: \(year.map(String.init) ?? "?")  unit: \(unitName ?? "?")\n"
    for table in tables {
      let line = source.line(ofUTF8Offset: table.titleRange.lowerBound) + 1
      out += "table \(table.kind.rawValue) L\(line) “\(table.title)” unit=\(table.unit ?? "-") rows=\(table.rows.count)"
      out += table.damage.isEmpty ? "" : " damage=\(table.damage.count)"
      let reading = table.reading
      if reading.status != .read || reading.failed > 0 {
        out +=
          " \(reading.status.rawValue) held=\(reading.held) failed=\(reading.failed) misplaced=\(reading.misplaced)"
      }
      out += "\n"
      guard includeRows else { continue }
      for (index, panel) in table.panels.enumerated() {
        out += "  panel \(index): \(panel.columns.map(\.title).joined(separator: " | "))\n"
        for row in panel.rows {
          let cells = row.cells.map { cell in
            cell.map { $0.amount?.description ?? ($0.isDamaged ? "?\($0.text)" : "—") } ?? "·"
          }
          var flags = row.isPositional ? "" : " ~"
          if row.isDamaged { flags += " !" }
          if row.isNameUncertain { flags += " ?" }
          out += "    L\(row.line + 1) \(row.code ?? "-") \(row.name) [\(cells.joined(separator: ", "))]\(flags)\n"
        }
      }
    }
    if includeParagraphs {
      for paragraph in paragraphs {
        let line = source.line(ofUTF8Offset: paragraph.range.lowerBound) + 1
        let numbers = paragraph.numbers.map { "\($0.value)\($0.unit.rawValue)" }.joined(separator: " ")
        out += "para L\(line) \(paragraph.text.prefix(40))… {\(numbers)}\n"
      }
    }
    return out
  }
}
