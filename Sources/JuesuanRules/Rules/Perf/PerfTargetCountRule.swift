import JuesuanAnalysis
import JuesuanModel

/// "N个指标全部完成" / "完成了全部绩效目标" while the table shows an indicator short of its target.
struct PerfTargetCountRule: Rule {
  static let description = RuleDescription(
    code: "perf/target-count",
    summary: "评价报告称指标“全部完成”时，自评表中不应有未达到年度指标值的指标。",
    rationale:
      "只比较数值明确的指标（“≥2次”对“1次”、“=4135人”对“4072人”，单位相同）；“达成预期”之类的文字不作比较。说法限定了指标类别（“产出数量中的各项指标均完成”）时，只看该类指标。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(PerfExamples.table(score: "100", secondScore: "40") + "\n各项指标均完成目标。\n")
    ],
    triggeringExamples: [
      .init(
        PerfExamples.table(score: "99", secondScore: "39", secondActual: "85%") + "\n⟦各项指标均完成⟧目标。\n")
    ], kinds: RuleDescription.finals)

  static let reads: [any AnalysisView.Type] = [EvaluationProse.self]

  private static let claims = ["全部完成", "均完成", "均已完成", "全部达成", "均达成", "完成了全部", "全部实现", "均已达到"]
  private static let claimBytes = claims.map { Array($0.utf8) }

  static let elements: ReportElements? = [.evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    let prose = context.view(EvaluationProse.self)
    for (evaluationIndex, evaluation) in report.selfEvaluations.enumerated() {
      // Read only when a paragraph makes a claim.
      lazy var short = evaluation.indicators.compactMap { indicator -> (SelfEvaluation.Indicator, String)? in
        guard let gap = IndicatorMeasure.shortfall(target: indicator.target, actual: indicator.actual) else {
          return nil
        }
        return (indicator, gap)
      }
      // A paragraph that makes no claim has no sentence that does.
      for paragraph in prose[evaluationIndex]
      where Self.claimBytes.contains(where: { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil }) {
        for range in paragraph.sentenceRanges {
          let sentence = paragraph.text(in: range)
          guard let claim = Self.claims.first(where: { sentence.utf8Text.contains($0) }) else { continue }
          if sentence.utf8Text.contains("未完成") || sentence.utf8Text.contains("但") || sentence.utf8Text.contains("除") {
            continue
          }
          context.ran()
          // A claim about one group ("产出数量中的各项指标均完成") covers that group only.
          let before = String(sentence[..<(sentence.utf8Text.range(of: claim)?.lowerBound ?? sentence.endIndex)])
          let scoped = short.filter { indicator, _ in
            let groups = [indicator.level1, indicator.level2].map { $0.replacingOccurrences("指标", with: "") }
              .filter { $0.count >= 2 }
            let named = ["产出", "效益", "满意度", "成本", "质量", "数量", "时效", "决策", "过程"].filter { before.utf8Text.contains($0) }
            return named.isEmpty || named.allSatisfy { word in groups.contains { $0.utf8Text.contains(word) } }
          }
          guard let (indicator, gap) = scoped.first else { continue }
          let claimStart = before.utf8.count
          let start = range.lowerBound + claimStart
          let claimRange = paragraph.sourceRange(ofTextRange: start..<(start + claim.utf8.count))
          let extended =
            extendedClaim(paragraph, start: range.lowerBound, sentence: sentence, claim: claim) ?? claimRange
          context.report(
            extended,
            "称指标“\(claim)”，但自评表中“\(indicator.level3)”\(gap)",
            related: indicator.actualRange.map { [Finding.Related(range: $0, message: "实际完成值 \(indicator.actual)")] }
              ?? [])
        }
      }
    }
  }

  /// "各项指标均完成" / "3个指标全部完成": the claim with its subject.
  private func extendedClaim(_ paragraph: Paragraph, start: Int, sentence: String, claim: String) -> Range<Int>? {
    guard let claimRange = sentence.utf8Text.range(of: claim) else { return nil }
    let head = sentence[..<claimRange.lowerBound]
    for subject in ["各项指标", "指标", "绩效目标", "各项目标", "目标"] where head.utf8Text.hasSuffix(subject) {
      var lower = head.index(head.endIndex, offsetBy: -subject.count)
      // "3个指标"
      if subject == "指标", head[..<lower].utf8Text.hasSuffix("个") {
        lower = head.index(before: lower)
        while lower > head.startIndex, head[head.index(before: lower)].isNumber { lower = head.index(before: lower) }
      }
      let from = start + sentence.utf8.distance(from: sentence.startIndex, to: lower)
      let to = start + sentence.utf8.distance(from: sentence.startIndex, to: claimRange.upperBound)
      return paragraph.sourceRange(ofTextRange: from..<to)
    }
    return nil
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
