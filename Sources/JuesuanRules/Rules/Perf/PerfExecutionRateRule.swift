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
      "执行率是自评得分的依据（资金得分 = 分值 × 执行率），算错会连带得分出错。评价报告所写“预算资金使用率”按全年执行数 ÷ 同段所写当年财政核拨数核对。"
      + "允许末位 ±1 的舍入误差；全年预算数为 0 的执行率由 change/zero-base 处理。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        PerfExamples.table(score: "100", secondScore: "40", rate: "110.00", executed: "55.00")
          + "\n支出超过预算的原因是年中追加培训任务。\n"),
      .init(PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，预算执行率 91%。\n"),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年财政核拨 50.00 万元。当年实际支出 45.50 万元。当年预算资金使用率(当年预算支出数/当年预算核拨数)91%。\n"),
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
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年财政核拨 50.00 万元。当年实际支出 45.50 万元。当年预算资金使用率(当年预算支出数/当年预算核拨数)⟦96%⟧。\n",
        fixed: PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年财政核拨 50.00 万元。当年实际支出 45.50 万元。当年预算资金使用率(当年预算支出数/当年预算核拨数)91%。\n"),
    ], kinds: RuleDescription.finals)

  static let reads: [any AnalysisView.Type] = [EvaluationProse.self]

  static let elements: ReportElements? = [.evaluations]

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
        checkProse(
          paragraph, rates: ["预算执行率", "预算综合执行率", "项目执行率"], executed: executed,
          whole: (budget, "全年预算数"), context: &context)
        // "当年预算资金使用率(当年预算支出数/当年预算核拨数)91%": of the 当年财政核拨 the paragraph states.
        guard UTF8Text.firstOffset(of: Self.useRate, in: paragraph.utf8) != nil else { continue }
        let allotted = EvaluationProse.numbers(after: ["财政核拨"], in: paragraph, window: 24).first {
          $0.number.unit == .tenThousandYuan && !$0.number.value.isZero
        }
        // The paragraph's own 实际支出, where it differs from the table's, may be what the rate took.
        let spent = EvaluationProse.numbers(after: ["实际支出"], in: paragraph, window: 24).first {
          $0.number.unit == .tenThousandYuan
        }
        if let allotted {
          checkProse(
            paragraph, rates: ["资金使用率"], executed: executed, alternative: spent?.number.value,
            whole: (allotted.number.value, "当年财政核拨"), context: &context)
        }
      }
    }
  }

  private static let useRate = Array("资金使用率".utf8)

  /// The rates after `rates` in a paragraph of evaluation prose against the table's 全年执行数
  /// ÷ `whole`: not a formula ("预算执行率=(实际支出/到位资金)×100%"), not another rate
  /// ("结余结转资金执行率").
  private func checkProse(
    _ paragraph: Paragraph, rates: [String], executed: Amount, alternative: Amount? = nil,
    whole: (value: Amount, name: String), context: inout RuleContext
  ) {
    for (keyword, number) in EvaluationProse.numbers(after: rates, in: paragraph, window: 90)
    where number.unit == .percent {
      let gap = paragraph.text(in: 0..<number.textRange.lowerBound)
      guard let keyEnd = gap.utf8Text.lastRange(of: keyword) else { continue }
      let between = gap[keyEnd.upperBound...]
      if between.contains(where: { "=＝×*得分".utf8Text.contains($0) }) { continue }
      context.ran()
      let stated = number.value
      guard
        !([executed] + (alternative.map { [$0] } ?? [])).contains(where: {
          RatioCheck.agrees(stated: stated, decimals: stated.decimals, part: $0, whole: whole.value)
        })
      else { continue }
      let computed = RatioCheck.percent(part: executed, whole: whole.value, decimals: stated.decimals) ?? "—"
      let text = paragraph.text(in: number.textRange)
      let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
      let replaced = computed + text.dropFirst(digits.count)
      let rate = keyword == "资金使用率" ? "资金使用率" : "执行率"
      let division =
        "全年执行数 \(executed.formatted(decimals: executed.decimals)) ÷ \(whole.name) \(whole.value.formatted(decimals: whole.value.decimals)) = \(computed)%"
      context.report(
        number.range,
        rate == "执行率" ? "评价报告的执行率 \(text) 与自评表不符：\(division)" : "评价报告的\(rate) \(text) 不对：自评表\(division)",
        fixes: [Fix(title: "将\(rate)改为 \(replaced)", edits: [TextEdit(range: number.range, newText: replaced)])])
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
