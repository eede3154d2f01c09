import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// A subject code the catalogue does not know (a user catalogue can add it).
struct UnknownCodeRule: Rule {
  static let description = RuleDescription(
    code: "subject/unknown-code",
    summary: "科目编码应见于当年科目表（或用户补充目录）。",
    rationale: """
      内置目录不含地方自设科目，也可能缺少个别科目，故只作提示；可在配置中用 catalogue 补充。\
      所写名称正是只差一两位数字的另一科目的名称时，是编码写错，见 subject/name-mismatch。
      """,
    defaultSeverity: .information,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2010301\t行政运行\t1.00\n")
    ],
    triggeringExamples: [
      .init("一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2010398\t⟦自设科目⟧\t1.00\n")
    ])

  static let reads: [any AnalysisView.Type] = [SubjectMentions.self]

  init() {}

  static let elements: ReportElements? = [.tables, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let mentions = context.view(SubjectMentions.self).all
    for mention in mentions {
      guard let code = mention.code else { continue }
      context.ran()
      guard !context.catalogue.contains(code: code) else { continue }
      // A digit wrong in an official subject's code: subject/name-mismatch says which.
      guard SubjectMention.intendedCode(of: mention, among: mentions, catalogue: context.catalogue) == nil else {
        continue
      }
      context.report(
        mention.range,
        "科目编码 \(code)（“\(SubjectCatalogue.normalizedName(mention.name))”）不在科目表中；如为地方自设科目，可在配置的 catalogue 中补充。")
    }
  }
}
