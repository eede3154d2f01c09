import Foundation
import JuesuanAnalysis
import JuesuanModel

/// The 执行率 of a self-evaluation table (and of the evaluation prose that restates it) equals
/// 全年执行数 / 全年预算数, to the decimals written; a rate over 100 % needs a reason.
struct PerfExecutionRateRule: Rule {
  static let description = RuleDescription(
    code: "perf/execution-rate",
    summary: "绩效自评表及其评价报告中的执行率 = 全年执行数 ÷ 全年预算数（按所写小数位）；超过 100% 须说明原因。",
    rationale:
      "执行率是自评得分的依据（资金得分 = 分值 × 执行率），算错会连带得分出错。允许末位 ±1 的舍入误差；全年预算数为 0 的执行率由 change/zero-base 处理。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        PerfExamples.table(score: "100", secondScore: "40", rate: "110.00", executed: "55.00")
          + "\n支出超过预算的原因是年中追加培训任务。\n"),
      .init(PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，预算执行率 91%。\n"),
    ],
    triggeringExamples: [
      .init(PerfExamples.table(score: "100", secondScore: "40", rate: "⟦110.00⟧", executed: "55.00")),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "⟦90.00⟧", executed: "45.50"),
        fixed: PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
      ),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，预算执行率⟦93%⟧。\n",
        fixed: PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，预算执行率91%。\n"),
    ], kinds: RuleDescription.finals)

  static let reads: [any AnalysisView.Type] = [EvaluationProse.self]

  func check(_ report: Report, context: inout RuleContext) {
    let prose = context.view(EvaluationProse.self)
    for (evaluationIndex, evaluation) in report.selfEvaluations.enumerated() {
      var tableRate: (budget: Amount, executed: Amount)?
      for (index, row) in evaluation.funds.enumerated() {
        guard let rate = row[.rate], let executed = row[.executed],
          let budget = row[.annualBudget] ?? row[.initialBudget], !budget.value.isZero
        else { continue }
        if index == 0 { tableRate = (budget.value, executed.value) }
        context.ran()
        let decimals = rate.value.decimals
        if !RatioCheck.agrees(stated: rate.value, decimals: decimals, part: executed.value, whole: budget.value) {
          let computed = RatioCheck.percent(part: executed.value, whole: budget.value, decimals: decimals) ?? "—"
          let newText = rate.isPercent ? computed + "%" : computed
          context.report(
            rate.range,
            "“\(row.label.isEmpty ? "资金" : row.label)”执行率 \(rate.text) ≠ 全年执行数 \(executed.text) ÷ 全年预算数 \(budget.text) = \(computed)%",
            related: [
              Finding.Related(range: executed.range, message: "全年执行数 \(executed.text)"),
              Finding.Related(range: budget.range, message: "全年预算数 \(budget.text)"),
            ],
            fixes: [Fix(title: "将执行率改为 \(newText)", edits: [TextEdit(range: rate.range, newText: newText)])])
        } else if rate.value > Amount(hundredths: 10_000), !mentionsReason(evaluation, row: row, source: report.source)
        {
          context.report(rate.range, "执行率 \(rate.text) 超过 100%，表中和评价报告中都没有说明原因", severity: .warning)
        }
      }
      guard let (budget, executed) = tableRate else { continue }
      for paragraph in prose[evaluationIndex] {
        for (keyword, number) in EvaluationProse.numbers(
          after: ["预算执行率", "预算综合执行率", "项目执行率"], in: paragraph, window: 90)
        where number.unit == .percent {
          // Not a formula ("预算执行率=(实际支出/到位资金)×100%") and not another rate ("结余结转资金执行率").
          let gap = paragraph.text(in: 0..<number.textRange.lowerBound)
          guard let keyEnd = gap.utf8Text.lastRange(of: keyword) else { continue }
          let between = gap[keyEnd.upperBound...]
          if between.contains(where: { "=＝×*得分".utf8Text.contains($0) }) { continue }
          context.ran()
          let stated = number.value
          guard !RatioCheck.agrees(stated: stated, decimals: stated.decimals, part: executed, whole: budget)
          else { continue }
          let computed = RatioCheck.percent(part: executed, whole: budget, decimals: stated.decimals) ?? "—"
          let text = paragraph.text(in: number.textRange)
          let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
          let replaced = computed + text.dropFirst(digits.count)
          context.report(
            number.range,
            "评价报告的执行率 \(text) 与自评表不符：全年执行数 \(executed.formatted(decimals: executed.decimals)) ÷ 全年预算数 \(budget.formatted(decimals: budget.decimals)) = \(computed)%",
            fixes: [Fix(title: "将执行率改为 \(replaced)", edits: [TextEdit(range: number.range, newText: replaced)])])
        }
      }
    }
  }

  /// A reason next to the figures (the row's 偏差原因 cell) or in the evaluation prose.
  private func mentionsReason(_ evaluation: SelfEvaluation, row: SelfEvaluation.FundsRow, source: SourceText) -> Bool {
    let line = source.byteRange(ofLine: row.line)
    let after = source.text(in: row.range.upperBound..<line.upperBound)
    if after.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) { return true }
    let prose = evaluation.proseLines.map { source.text(ofLine: $0) }.joined()
    return ["原因", "由于", "因为", "主要是"].contains { prose.utf8Text.contains($0) }
  }
}
