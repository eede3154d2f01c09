import JuesuanAnalysis
import JuesuanModel

/// No row of a self-evaluation table scores more than its 分值, and no row with a 分值 lacks its 得分.
struct PerfScoreRangeRule: Rule {
  static let description = RuleDescription(
    code: "perf/score-range",
    summary: "绩效自评表每行得分不超过其分值；给出分值的行必须有得分。",
    rationale:
      "得分超过分值是评分错误；分值已给而得分空白，总分便无从核对。表格各行分值之和不是总分分值时（导出丢行、错行，分值与得分可能错栏），只作提示。",
    defaultSeverity: .error,
    nonTriggeringExamples: [.init(PerfExamples.table(score: "100", secondScore: "40"))],
    triggeringExamples: [
      .init(PerfExamples.table(score: "101", secondScore: "⟦41⟧")),
      .init(PerfExamples.table(score: "90", secondScore: "40", fundsScore: "⟦⟧")),
    ], kinds: RuleDescription.finals)

  static let elements: ReportElements? = [.evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations {
      let damaged = EvaluationScoring.damage(of: evaluation)
      if let funds = evaluation.fundsTotal, let points = funds[.points], funds[.score] == nil,
        evaluation.fundsColumns.contains(.score)
      {
        context.ran()
        let range = scoreCellRange(funds, in: report.source) ?? points.range
        context.report(
          range, "资金行“\(funds.label)”分值为 \(points.text)，得分却空白；总分无法核对",
          severity: damaged != nil ? .information : .warning)
      }
      for indicator in evaluation.indicators {
        guard let points = indicator.points, let score = indicator.score else { continue }
        context.ran()
        guard score.value > points.value else { continue }
        var message = "“\(indicator.level3.isEmpty ? "该指标" : indicator.level3)”得分 \(score.text) 超过其分值 \(points.text)"
        if let damaged { message += "（\(damaged)）" }
        context.report(
          score.range, Message(message), severity: damaged != nil ? .information : nil,
          related: [Finding.Related(range: points.range, message: "分值 \(points.text)")])
      }
    }
  }

  /// The empty 得分 cell of a tab-separated funds row (where a fix would type the score).
  private func scoreCellRange(_ row: SelfEvaluation.FundsRow, in source: SourceText) -> Range<Int>? {
    guard let rate = row[.rate] else { return nil }
    let lineRange = source.byteRange(ofLine: row.line)
    var offset = rate.range.upperBound
    guard offset < lineRange.upperBound, source.bytes[offset] == 0x09 else { return nil }
    offset += 1
    var end = offset
    while end < lineRange.upperBound, source.bytes[end] != 0x09 { end += 1 }
    return source.text(in: offset..<end).allSatisfy(\.isWhitespace) ? offset..<offset : nil
  }
}
