import JuesuanAnalysis
import JuesuanModel

/// A row's total column equals the sum of its component columns (02, 03, 05, 04's 支出 side).
struct RowTotalRule: Rule {
  static let description = RuleDescription(
    code: "sum/row-total",
    summary: "每一行的合计栏等于各组成栏之和（如 本年支出合计 = 基本支出 + 项目支出 + …）。",
    rationale:
      "横向合计不符说明某一栏填错或漏填。被分页拆断、无法确定所在栏的数字不参与检查，并计入“跳过”。差额在四舍五入容差内的由 sum/rounding-tail 提示；但各栏都不为负而合计小于其中一栏的，取整不会如此（一个数取整后不会大于包含它的和取整），仍报告。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // Budget and 决算 columns, no 基本支出 or 项目支出: no row total to add up.
      .init(
        "# 2023年度示范局部门决算\n\n### 一般公共预算财政拨款支出决算表\n\n单位：万元\n\n科目编码\t科目名称\t预算数\t决算数\n合计\t\t96.00\t100.00\n201\t一般公共服务支出\t96.00\t100.00\n"
      ),
      .init(
        "# 2023年度示范局部门决算\n\n### 一般公共预算财政拨款支出决算表\n\n单位：万元\n\n科目编码\t科目名称\t年初预算数\t调整预算数\t决算数\n合计\t\t96.00\t100.00\t100.00\n201\t一般公共服务支出\t96.00\t100.00\t100.00\n"
      ),
      .init("支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n"),
      // Within rounding, and no part above the total: a tail (sum/rounding-tail), not an error.
      .init("支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.01\t25.00\t0.00\n"),
    ],
    triggeringExamples: [
      .init(
        "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t⟦30.00⟧\t10.00\t15.00\n",
        fixed: "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n"),
      // 0.01 would be a tail, but a total below one of its parts is none.
      .init(
        "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t⟦24.99⟧\t25.00\t0.00\n",
        fixed: "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t25.00\t0.00\n"),
    ])

  /// The paragraphs only for whether they explain a rounding step.
  static let elements: ReportElements? = [.tables, .evaluations, .roundingNote]

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables {
      for comparison in table.rowTotalIdentities(skip: { context.skip($0()) }) {
        context.check(comparison, roundingExplained: rounding)
      }
    }
  }
}
