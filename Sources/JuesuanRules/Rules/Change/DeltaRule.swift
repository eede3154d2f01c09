import JuesuanAnalysis
import JuesuanModel

/// "较上年 P 万元增加/减少 D 万元" agrees with this year's figure C: C − P = ±D.
struct DeltaRule: Rule {
  static let description = RuleDescription(
    code: "change/delta",
    summary: "写明上年数时，增减额应等于本年数与上年数之差。",
    rationale: "只在句中同时写明本年数与上年数（“支出决算 C 万元，…较2022年决算 P 万元增加 D 万元”）时核对，容许各数四舍五入误差。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("住房保障支出年初预算48.31万元，支出决算45.74万元，较2022年决算47.26万元减少1.52万元，下降3.22%。")
    ],
    triggeringExamples: [
      .init(
        "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加⟦0.94万元⟧，增长3.79%。",
        fixed: "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加0.84万元，增长3.79%。")
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      for change in reader.changes {
        guard change.isResolved, let previous = change.previous, let current = change.current else { continue }
        context.ran()
        let difference = current.value - previous.value
        let signed = change.verb.isIncrease ? change.delta.value : -change.delta.value
        let tolerance =
          RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(previous.value)
          + RatioCheck.halfUnit(change.delta.value)
        guard abs((difference - signed).tenThousandths) > tolerance else { continue }
        let word = difference.tenThousandths >= 0 ? "增加" : "减少"
        let expected = difference.magnitude.formatted(decimals: max(2, change.delta.value.decimals))
        var message =
          "本年 \(current.value) − 上年 \(previous.value) = \(difference)，文中为“\(change.verb.text) \(change.delta.value)”"
        var fixes: [Fix] = []
        if word == change.verb.text || (word == "增加") == change.verb.isIncrease {
          fixes.append(
            Fix(
              title: "改为 \(expected)",
              edits: [
                TextEdit(
                  range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: change.delta)), newText: expected)
              ], isPreferred: true))
        } else {
          message += "（方向也不符，应为“\(word)”）"
        }
        context.report(change.delta.range, Message(message), fixes: fixes)
      }
    }
  }
}
