import JuesuanAnalysis
import JuesuanModel

/// A table with figures but no 单位 line (and no unit in its title or header).
struct TextUnitRule: Rule {
  static let description = RuleDescription(
    code: "text/unit",
    summary: "有数据的决算表必须标明金额单位（如“单位：万元”）；变动的百分比须写“%”。",
    rationale: """
      没有单位行，读者无法判断金额是元还是万元；公开表样式要求每张表注明单位。没有数据的空表只作提示。\
      “增加 X 万元，增长 N。”中 N 漏写“%”的，也在此报告；本年数已知且 N 等于 X ÷ 上年数时，补“%”是安全的修正。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t25.00\t\n")
    ],
    triggeringExamples: [
      .init("⟦一般公共预算财政拨款支出决算表⟧\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t25.00\t\n"),
      .init(
        "一般公共预算财政拨款支出 9746.50 万元，较上年增加 1193.20 万元，增长 ⟦13.95⟧。",
        fixed: "一般公共预算财政拨款支出 9746.50 万元，较上年增加 1193.20 万元，增长 13.95%。"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  static let elements: ReportElements? = [.tables, .paragraphs]

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
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      for change in reader.changes {
        guard let (verb, number) = reader.unitlessPercent(after: change) else { continue }
        context.ran()
        // Safe to add the "%" when the figure is the change's percentage.
        var isSafe = false
        if let current = change.current {
          let delta = change.delta.value
          let previous = change.verb.isIncrease ? current.value - delta : current.value + delta
          isSafe =
            RatioCheck.agrees(
              stated: number.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: previous,
              wholeTolerance: RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)) == true
        }
        let end = paragraph.sourceRange(ofTextRange: number.textRange).upperBound
        context.report(
          number.range, "“\(verb.text) \(number.value.asWritten)”缺少单位：变动的百分比应写作“\(number.value.asWritten)%”",
          fixes: [
            Fix(title: "补上“%”", edits: [TextEdit(range: end..<end, newText: "%")], isSafe: isSafe, isPreferred: true)
          ])
      }
    }
  }
}
