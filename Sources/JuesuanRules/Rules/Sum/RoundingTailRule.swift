import JuesuanModel

/// A difference within the rounding tolerance. The sum rules find these as they add up (so every
/// comparison is made once); this declaration carries the code, documentation and examples.
struct RoundingTailRule: Rule {
  static let description = RuleDescription(
    code: "sum/rounding-tail",
    summary: "合计与各项之和的差额在四舍五入容差 0.005×(n+1) 之内：提示，建议在表注中说明尾差。",
    rationale:
      "由元折算为万元并保留两位小数，每个数都可能带 0.005 的舍入误差。报告已写明“尾差”“尾数误差”或“四舍五入”时不再提示。容差之内而取整不可能造成的差额不算尾差，仍按所在的合计规则报告：以元为单位的表中只有一项（上级科目只列一个下级）时两数应相同；各项都不为负时合计不会小于其中一项。",
    defaultSeverity: .information,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t25.01\t10.00\t15.00\n注：因四舍五入可能存在尾差。\n")
    ],
    triggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t⟦25.01⟧\t10.00\t15.00\n")
    ])

  func check(_ report: Report, context: inout RuleContext) {}
}
