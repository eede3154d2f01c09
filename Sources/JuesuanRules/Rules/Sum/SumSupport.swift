import JuesuanModel

/// Shared arithmetic of the sum/* rules: tolerance, rounding-tail silence, messages, fixes.
enum SumSupport {
  /// The tables listing function-classification subjects by code, one per row.
  static let functionTables: Set<Table.Kind> = [.income, .expenditure, .generalBudget, .governmentFund, .stateCapital]

  /// A sum of `parts` figures rounded to 0.01 may differ from the rounded total by up to
  /// 0.005·(n+1) (DOMAIN.md §4), in ten-thousandths.
  static func tolerance(parts: Int) -> Int64 { 50 * Int64(parts + 1) }

  /// True when the report says its figures may not add up by rounding (尾差, 尾数误差, 四舍五入).
  static func reportExplainsRounding(_ report: Report) -> Bool {
    let words = ["尾差", "尾数误差", "四舍五入", "尾数差异"]
    if report.tables.contains(where: { table in table.notes.contains { note in words.contains { note.contains($0) } } })
    {
      return true
    }
    return report.paragraphs.contains { paragraph in words.contains { paragraph.text.contains($0) } }
  }

  /// "10.00 + 15.00" (at most eight terms, then "…共 n 项").
  static func terms(_ amounts: [Amount]) -> String {
    let shown = amounts.prefix(8).map { $0.formatted(decimals: 2) }.joined(separator: " + ")
    return amounts.count > 8 ? shown + " + …（共 \(amounts.count) 项）" : shown
  }

  /// Compares `total` with Σ `parts`; reports an error beyond tolerance, information within it
  /// (unless the report explains rounding). Returns true when something was reported.
  @discardableResult
  static func compare(
    total: Table.Cell, parts: [(label: String, cell: Table.Cell?)], what: String, in report: Report,
    context: inout RuleContext, roundingExplained: Bool
  ) -> Bool {
    context.ran()
    let amounts = parts.map { $0.cell?.value ?? .zero }
    let sum = Amount.sum(amounts)
    let difference = (total.value - sum).tenThousandths
    guard difference != 0 else { return false }
    let shownTotal = total.amount?.formatted(decimals: 2) ?? "（空）"
    let shownSum = sum.formatted(decimals: 2)
    let gap = Amount(tenThousandths: abs(difference)).formatted(decimals: 2)
    let related = parts.compactMap { part in
      part.cell.map { Finding.Related(range: $0.range, message: "\(part.label) \($0.value.formatted(decimals: 2))") }
    }
    if abs(difference) <= tolerance(parts: parts.count) {
      guard !roundingExplained else { return false }
      let saved = context.currentCode
      context.currentCode = "sum/rounding-tail"
      context.report(
        total.range, "\(what) \(shownTotal) 与各项之和 \(shownSum) 相差 \(gap)，在四舍五入容差内；建议在表注中说明尾差",
        severity: .information, related: related)
      context.currentCode = saved
      return true
    }
    let fix = Fix(title: "将\(what)改为各项之和 \(shownSum)", edits: [TextEdit(range: total.range, newText: shownSum)])
    context.report(
      total.range, "\(what) \(shownTotal) ≠ \(terms(amounts)) = \(shownSum)，差 \(gap)",
      related: related, fixes: total.amount == nil ? [] : [fix])
    return true
  }
}
