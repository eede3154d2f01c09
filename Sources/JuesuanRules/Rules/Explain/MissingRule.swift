import JuesuanModel

/// A reason marker with nothing after it ("主要是：。"), or "不存在差异" where the stated
/// 预算 and 决算 differ.
struct MissingRule: Rule {
  static let description = RuleDescription(
    code: "explain/missing",
    summary: "说明变动或预决算差异时必须给出原因，不能留空（“主要是：。”）。",
    rationale: """
      报告原因标记后紧接句末的空原因，以及同一句写明的预算数与决算数不同却称“不存在差异”的情况。\
      是否每一项变动都有原因由 explain/threshold 检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("2023 年度机关运行经费支出 0.00 万元。主要原因是：我单位不是行政机关，没有机关运行经费支出。")
    ],
    triggeringExamples: [
      .init("财政拨款收入总计 1,862.53 万元，与上年相比增加 327.51 万元，增长 21.34%，⟦主要是：。⟧"),
      .init("公务接待费预算为 0.39 万元，支出决算为 0.05 万元，完成预算的 12.82%。⟦决算数与预算数不存在差异⟧。"),
    ])

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    for paragraph in report.paragraphs {
      for reason in ReasonReader.reasons(in: paragraph) {
        context.ran()
        let body = reason.text.filter { !$0.isWhitespace }
        guard body.isEmpty, reason.body.upperBound < paragraph.utf8.count else { continue }
        // The marker through the sentence end, when there is one.
        let end = min(paragraph.utf8.count, reason.body.upperBound + 3)
        context.report(
          paragraph.sourceRange(ofTextRange: reason.marker.lowerBound..<end),
          "“\(paragraph.text(in: reason.marker))”后没有写原因")
      }
      checkClaimedNoDifference(paragraph, year: report.year, context: &context)
    }
  }

  private func checkClaimedNoDifference(_ paragraph: Paragraph, year: Int?, context: inout RuleContext) {
    let reader = NarrativeReader(paragraph, year: year)
    for rate in reader.rates {
      guard let budget = rate.budget, let actual = rate.actual else { continue }
      let tolerance = RatioCheck.halfUnit(budget.value) + RatioCheck.halfUnit(actual.value)
      guard abs((budget.value - actual.value).tenThousandths) > tolerance else { continue }
      // The claim in the sentence that follows the rate.
      let following = reader.sentences.first { $0.lowerBound >= rate.sentence.upperBound }
      guard let following else { continue }
      for claim in ["决算数与预算数不存在差异", "决算数与年初预算数不存在差异", "不存在差异", "无差异"] {
        guard let offset = reader.occurrences(of: claim, in: following).first else { continue }
        context.report(
          paragraph.sourceRange(ofTextRange: offset..<(offset + claim.utf8.count)),
          "预算 \(budget.value) 与决算 \(actual.value) 相差 \((budget.value - actual.value).magnitude)，却称“\(claim)”，未说明差异原因")
        break
      }
    }
  }
}
