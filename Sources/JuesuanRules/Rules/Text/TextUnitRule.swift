import JuesuanModel

/// A table with figures but no 单位 line (and no unit in its title or header).
struct TextUnitRule: Rule {
  static let description = RuleDescription(
    code: "text/unit",
    summary: "有数据的决算表必须标明金额单位（如“单位：万元”）。",
    rationale: "没有单位行，读者无法判断金额是元还是万元；公开表样式要求每张表注明单位。没有数据的空表只作提示。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t25.00\t\n")
    ],
    triggeringExamples: [
      .init("⟦一般公共预算财政拨款支出决算表⟧\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t25.00\t\n")
    ])

  func check(_ report: Report, context: inout RuleContext) {
    for table in report.tables where Table.Kind.standard.contains(table.kind) {
      context.ran()
      guard table.unit == nil, !table.title.utf8Text.contains("万元"), !table.title.utf8Text.contains("单位") else {
        continue
      }
      let empty = table.hasNoData && table.reading.status != .unread
      context.report(
        table.titleRange,
        "“\(table.title)”没有标明金额单位：请在表头加“单位：万元”" + (empty ? "（本表无数据）" : ""),
        severity: empty ? .information : nil)
    }
  }
}
