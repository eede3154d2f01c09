import JuesuanAnalysis
import JuesuanModel

/// The amount's direction word and the percentage's direction word agree.
struct DirectionRule: Rule {
  static let description = RuleDescription(
    code: "change/direction",
    summary: "同一变动的金额方向词与百分比方向词应一致（不能“减少 X 万元，增长 Y%”）。",
    rationale: """
      方向词互相矛盾时读者无法判断变动方向。若本年数已知，按百分比反推哪一个方向与 Y% 吻合，\
      优先建议改另一个词；无法判断时给出两种改法，均不作首选。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [.init("公务用车运行费支出 15.22 万元，较上年减少 9.46 万元，降低 38.33%。")],
    triggeringExamples: [
      .init(
        "公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；较上年⟦减少 17.73 万元，增长 71.81%⟧。",
        fixed: "公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；较上年增加 17.73 万元，增长 71.81%。")
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      for change in reader.changes {
        guard change.isResolved, let percent = change.percent, let percentVerb = change.percentVerb else { continue }
        context.ran()
        guard percentVerb.isIncrease != change.verb.isIncrease else { continue }
        // Which reading does the percentage support?
        var supported: Bool?  // true: increase
        if let current = change.current {
          let tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(change.delta.value)
          let readings = [true, false].filter { increase in
            let previous =
              increase ? current.value - change.delta.value : current.value + change.delta.value
            return RatioCheck.agrees(
              stated: percent.value, part: change.delta.value,
              partTolerance: RatioCheck.halfUnit(change.delta.value), whole: previous, wholeTolerance: tolerance)
              == true
          }
          if readings.count == 1 { supported = readings[0] }
        }
        let amountWord = percentVerb.isIncrease ? "增加" : "减少"
        let percentWord = change.verb.isIncrease ? "增长" : "下降"
        let fixAmount = Fix(
          title: "改为“\(amountWord)”",
          edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: change.verb.range), newText: amountWord)],
          isPreferred: supported == percentVerb.isIncrease)
        let fixPercent = Fix(
          title: "改为“\(percentWord)”",
          edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: percentVerb.range), newText: percentWord)],
          isPreferred: supported == change.verb.isIncrease)
        var message =
          "方向矛盾：金额为“\(change.verb.text) \(change.delta.value)”，百分比为“\(percentVerb.text) \(percent.value.asWritten)%”"
        if let supported, let current = change.current {
          let previous = supported ? current.value - change.delta.value : current.value + change.delta.value
          message +=
            "；按本年 \(current.value) 推算，上年 \(previous) 时 \(change.delta.value) ÷ \(previous) 与 \(percent.value.asWritten)% 相符，实为\(supported ? "增加" : "减少")，"
            + (supported == change.verb.isIncrease ? "百分比应写“\(percentWord)”" : "金额应写“\(amountWord)”")
        }
        let range = paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<percent.textRange.upperBound)
        context.report(
          range, Message(message), fixes: fixPercent.isPreferred ? [fixPercent, fixAmount] : [fixAmount, fixPercent])
      }
    }
  }
}
