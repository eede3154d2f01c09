import JuesuanModel

/// "完成预算的 Y%" equals 决算 ÷ 预算 where both are stated.
struct ExecutionRateRule: Rule {
  static let description = RuleDescription(
    code: "change/execution-rate",
    summary: "“预算为 B 万元，决算为 A 万元，完成预算的 Y%”中 Y 应等于 A ÷ B。",
    rationale: """
      只核对同一分句中写明的预算数与决算数；预算为 0 的由 change/zero-base 报告。决算为 0 而完成率\
      不为 0（如“支出决算 0.00 万元，完成预算的 100.00%”）也报告：除非预算也为 0，否则应为 0%。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("年初预算为 6.80 万元，支出决算为 9.42 万元，完成年初预算的 138.53%。决算数与年初预算数存在差异的主要原因是保险基数调整。")
    ],
    triggeringExamples: [
      .init(
        "年初预算为 211.44 万元，支出决算为 136.53 万元，完成年初预算的 ⟦46.57%⟧。",
        fixed: "年初预算为 211.44 万元，支出决算为 136.53 万元，完成年初预算的 64.57%。"),
      .init("公务接待费支出决算 0.00 万元，完成预算的 ⟦100.00%⟧。"),
    ])

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    for paragraph in report.paragraphs {
      let reader = NarrativeReader(paragraph, year: report.year)
      for rate in reader.rates {
        guard let actual = rate.actual else { continue }
        if let budget = rate.budget {
          guard !budget.value.isZero else { continue }  // change/zero-base
          context.ran()
          guard
            let agrees = RatioCheck.agrees(
              stated: rate.rate.value, part: actual.value, partTolerance: RatioCheck.halfUnit(actual.value),
              whole: budget.value, wholeTolerance: RatioCheck.halfUnit(budget.value)), !agrees,
            let expected = RatioCheck.percent(part: actual.value, whole: budget.value, decimals: rate.rate.value.decimals)
          else { continue }
          let edit = TextEdit(
            range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: rate.rate)), newText: expected)
          context.report(
            rate.rate.range,
            "完成率应为 决算 \(actual.value) ÷ 预算 \(budget.value) = \(expected)%，文中为 \(rate.rate.value.asWritten)%",
            related: [Finding.Related(range: budget.range, message: "预算数 \(budget.value)")],
            fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isPreferred: true)])
        } else if actual.value.isZero, !rate.rate.value.isZero {
          context.ran()
          context.report(
            rate.rate.range,
            "决算为 \(actual.value)，完成率应为 0%（若预算也为 0，则比例没有意义），文中为 \(rate.rate.value.asWritten)%")
        }
      }
    }
  }
}
