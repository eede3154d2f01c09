import JuesuanAnalysis
import JuesuanModel

/// A self-evaluation table's 总分 equals the sum of its rows, in the 分值 and the 得分 column,
/// the funds row's score included.
struct PerfScoreTotalRule: Rule {
  static let description = RuleDescription(
    code: "perf/score-total",
    summary: "绩效自评表的总分（分值、得分两栏）等于资金行与各指标行之和。",
    rationale:
      "总分与各行不符，说明某项得分填错或漏填。若各行分值之和本身不是总分分值（导出时丢行、错行），只作提示。某行得分缺失时不计为 0，而是跳过并计入“跳过”。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(PerfExamples.table(score: "100", secondScore: "40")),
      .init(PerfExamples.table(score: "99.5", secondScore: "40", fundsScore: "9.5")),
    ],
    triggeringExamples: [
      .init(
        PerfExamples.table(score: "⟦100⟧", secondScore: "39"),
        fixed: PerfExamples.table(score: "99", secondScore: "39"))
    ], kinds: RuleDescription.finals)

  static let elements: ReportElements? = [.evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations {
      guard let total = evaluation.total else {
        if !evaluation.indicators.isEmpty { context.skip("《\(evaluation.title)》没有总分行") }
        continue
      }
      let rows = EvaluationScoring.scoredRows(evaluation)
      let damaged = EvaluationScoring.damage(of: evaluation)
      if let stated = total.score {
        if let missing = rows.first(where: { $0.score == nil && $0.points != nil }) {
          // No score is negative: a total below the scores given is wrong whatever the missing one is.
          let given = rows.compactMap(\.score)
          let known = Amount.sum(given.map(\.value))
          context.ran()
          if (known - stated.value).tenThousandths > 50 {
            context.report(
              stated.range,
              "总分得分 \(stated.text) 小于已填各行得分之和 \(known)（第 \(line: missing.line) 行“\(missing.label)”未填得分，其分不会为负）",
              related: given.prefix(12).map { Finding.Related(range: $0.range, message: "得分 \($0.text)") })
          } else {
            context.skip("第 \(line: missing.line) 行“\(missing.label)”没有得分，未核对总分得分")
          }
        } else {
          compare(stated, rows.compactMap(\.score), column: "得分", damaged: damaged, context: &context)
        }
      }
      if let stated = total.points {
        compare(stated, rows.compactMap(\.points), column: "分值", damaged: damaged, context: &context)
      }
    }
  }

  private func compare(
    _ stated: SelfEvaluation.Figure, _ parts: [SelfEvaluation.Figure], column: String, damaged: String?,
    context: inout RuleContext
  ) {
    guard !parts.isEmpty else { return }
    context.ran()
    let amounts = parts.map(\.value)
    let sum = Amount.sum(amounts)
    let gap = (stated.value - sum).magnitude
    guard gap.tenThousandths > 50 else { return }
    let decimals = max(stated.value.decimals, amounts.map(\.decimals).max() ?? 0)
    let shownSum = sum.formatted(decimals: sum.tenThousandths % 10_000 == 0 ? 0 : min(2, max(decimals, 1)))
    let shownGap = gap.formatted(decimals: gap.tenThousandths % 10_000 == 0 ? 0 : 2)
    var message =
      "总分\(column) \(stated.text) ≠ 各行\(column)之和 \(Terms.joined(amounts, limit: 10, asWritten: true)) = \(shownSum)，差 \(shownGap)"
    if let damaged { message += "（\(damaged)）" }
    let fix = Fix(
      title: "将总分\(column)改为各行之和 \(shownSum)", edits: [TextEdit(range: stated.range, newText: shownSum)])
    context.report(
      stated.range, Message(message), severity: damaged != nil ? .information : nil,
      related: parts.prefix(12).map { Finding.Related(range: $0.range, message: "\(column) \($0.text)") },
      fixes: damaged != nil ? [] : [fix])
  }
}
