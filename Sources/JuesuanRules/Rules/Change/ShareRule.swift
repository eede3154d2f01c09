import JuesuanModel

/// "X 万元，占 Y 的 W%" equals X ÷ Y where Y's figure is in the same paragraph.
struct ShareRule: Rule {
  static let description = RuleDescription(
    code: "change/share",
    summary: "“X 万元，占 Y 的 W%”中 W 应等于 X ÷ Y。",
    rationale: "只在 Y 的金额于同段写明时核对；Y 为 0 的由 change/zero-base 报告。按所写小数位，容许末位 ±1。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("政府采购支出总额 40.19 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 0.00%。")
    ],
    triggeringExamples: [
      .init(
        "政府采购支出总额 40.19 万元。授予中小企业合同金额 20.00 万元，占政府采购支出总额的 ⟦60.00%⟧。",
        fixed: "政府采购支出总额 40.19 万元。授予中小企业合同金额 20.00 万元，占政府采购支出总额的 49.76%。")
    ])

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    for paragraph in report.paragraphs {
      let reader = NarrativeReader(paragraph, year: report.year)
      for share in reader.shares {
        guard let whole = share.whole, let part = share.part, !whole.value.isZero,
          whole.textRange.upperBound <= part.textRange.lowerBound || whole.textRange.lowerBound > share.share.textRange.upperBound
        else { continue }
        context.ran()
        guard
          let agrees = RatioCheck.agrees(
            stated: share.share.value, part: part.value, partTolerance: RatioCheck.halfUnit(part.value),
            whole: whole.value, wholeTolerance: RatioCheck.halfUnit(whole.value)), !agrees,
          let expected = RatioCheck.percent(part: part.value, whole: whole.value, decimals: share.share.value.decimals)
        else { continue }
        let edit = TextEdit(
          range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: share.share)), newText: expected)
        context.report(
          share.share.range,
          "占比应为 \(part.value) ÷ \(share.wholeName) \(whole.value) = \(expected)%，文中为 \(share.share.value.asWritten)%",
          related: [Finding.Related(range: whole.range, message: "\(share.wholeName) \(whole.value)")],
          fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isPreferred: true)])
      }
    }
  }
}
