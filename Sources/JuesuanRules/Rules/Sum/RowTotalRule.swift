import JuesuanModel

/// A row's total column equals the sum of its component columns (02, 03, 05, 04's 支出 side).
struct RowTotalRule: Rule {
  static let description = RuleDescription(
    code: "sum/row-total",
    summary: "每一行的合计栏等于各组成栏之和（如 本年支出合计 = 基本支出 + 项目支出 + …）。",
    rationale: "横向合计不符说明某一栏填错或漏填。被分页拆断、无法确定所在栏的数字不参与检查，并计入“跳过”。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n")
    ],
    triggeringExamples: [
      .init(
        "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t⟦30.00⟧\t10.00\t15.00\n",
        fixed: "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n")
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = SumSupport.reportExplainsRounding(report)
    for table in report.tables {
      for comparison in Self.comparisons(in: table, skip: { context.skip($0) }) {
        SumSupport.compare(comparison, in: report, context: &context, roundingExplained: rounding)
      }
    }
  }

  /// Each row's total column against its component columns, in the tables that have both;
  /// `skip` hears why a row cannot be checked.
  static func comparisons(in table: Table, skip: (String) -> Void = { _ in }) -> [SumComparison] {
    switch table.kind {
    case .income, .expenditure, .generalBudget, .stateCapital, .fiscalSummary: break
    default: return []
    }
    var comparisons: [SumComparison] = []
    for panel in table.panels {
      guard let totalIndex = panel.columns.firstIndex(where: { $0.role == .total }) else { continue }
      let components = panel.columns.indices.filter { panel.columns[$0].role == .component }
      guard !components.isEmpty else { continue }
      for row in panel.rows {
        guard row.isPositional, !row.isDamaged, !row.cells.isEmpty else {
          if !row.cells.isEmpty { skip("第 \(LineNumber.text(row.line)) 行：各栏位置不确定，未检查横向合计") }
          continue
        }
        guard row.cells.count > totalIndex else { continue }
        let parts = components.map {
          SumComparison.Part(label: panel.columns[$0].title, cell: $0 < row.cells.count ? row.cells[$0] : nil)
        }
        guard parts.contains(where: { $0.cell?.amount != nil }) || row.cells[totalIndex]?.amount != nil else {
          continue
        }
        let total = row.cells[totalIndex] ?? Table.Cell(amount: nil, text: "", range: row.nameRange ?? row.range)
        comparisons.append(
          SumComparison(
            total: total, parts: parts, what: "“\(row.code ?? row.label)”的\(panel.columns[totalIndex].title)"))
      }
    }
    return comparisons
  }
}
