import JuesuanModel

/// The 三公 table row a piece of narrative is about, with its 预算数 and 决算数.
package enum SangongLookup {
  /// 三公 items as the narrative names them, with the table row they are in (most specific first).
  static let items: [(mention: String, label: String)] = [
    ("公务用车购置及运行", "公务用车购置及运行费"), ("公务用车购置费", "公务用车购置费"), ("公务用车运行", "公务用车运行维护费"),
    ("因公出国", "因公出国（境）费"), ("公务接待", "公务接待费"), ("三公", "合计"),
  ]

  /// Whether `text` names a 三公 item.
  package static func mentionsItem(_ text: String) -> Bool { items.contains { text.utf8Text.contains($0.mention) } }

  /// The table label of the 三公 item `text` names last ("公务用车运行维护费", "合计" for the 三公
  /// as a whole), nil when it names none.
  package static func item(lastIn text: String) -> String? {
    let mentions = items.compactMap { item in
      text.utf8Text.lastRange(of: item.mention).map { (position: $0.lowerBound, label: item.label) }
    }
    return mentions.max(by: { $0.position < $1.position })?.label
  }

  /// The row of the item named last in `text`, and its 预算数 and 决算数 (nil when either is not
  /// written or the row is damaged: a missing figure is never zero).
  package static func figures(forLastItemIn text: String, table: Table?) -> (
    row: Table.Row, budget: Amount, actual: Amount
  )? {
    guard let table, let label = item(lastIn: text) else { return nil }
    for panel in table.panels {
      guard let budgetColumn = panel.columns.firstIndex(where: { $0.title.utf8Text.contains("预算") }),
        let (row, actual) = actual(of: label, in: panel), budgetColumn < row.cells.count,
        let budget = row.cells[budgetColumn]?.amount
      else { continue }
      return (row, budget, actual)
    }
    return nil
  }

  /// The row of the item labelled `label` ("合计" for the 三公 as a whole) and its 决算数, from a
  /// table that may give no 预算数 (nil when not written or the row is damaged).
  package static func actual(of label: String, in table: Table?) -> (row: Table.Row, actual: Amount)? {
    table?.panels.lazy.compactMap { actual(of: label, in: $0) }.first
  }

  private static func actual(of label: String, in panel: Table.Panel) -> (row: Table.Row, actual: Amount)? {
    guard let actualColumn = panel.columns.firstIndex(where: { $0.title.utf8Text.contains("决算") }),
      let row = panel.rows.first(where: { $0.label == Table.normalizedLabel(label) || $0.name.utf8Text.contains(label) }
      ),
      !row.isDamaged, actualColumn < row.cells.count, let actual = row.cells[actualColumn]?.amount
    else { return nil }
    return (row, actual)
  }
}

extension SangongLookup {
  /// The 三公 table's figures for the item a "完成(年初|全年)预算的 R%" (or "预算执行率 R%") is about: the item the rate's
  /// clause (from the last ；) names last. Nil when the clause is no completion rate or names no
  /// item the table gives both figures for.
  package static func figures(for rate: NarrativeReader.Rate, in reader: NarrativeReader, table: Table?) -> (
    row: Table.Row, budget: Amount, actual: Amount
  )? {
    let position = rate.rate.textRange.lowerBound
    var clauseStart = rate.sentence.lowerBound
    if let semicolon = reader.occurrences(of: "；", in: rate.sentence.lowerBound..<position).last {
      clauseStart = semicolon + 3
    }
    let clause = reader.paragraph.text(in: clauseStart..<position)
    guard
      rate.isMeasure || clause.utf8Text.contains("完成预算") || clause.utf8Text.contains("完成全年预算")
        || clause.utf8Text.contains("完成年初预算")
    else {
      return nil
    }
    return figures(forLastItemIn: clause, table: table)
  }
}
