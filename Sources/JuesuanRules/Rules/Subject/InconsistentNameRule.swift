import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// One code written with different names in different places of the report.
struct InconsistentNameRule: Rule {
  static let description = RuleDescription(
    code: "subject/inconsistent-name",
    summary: "同一科目编码在报告各处应使用同一名称。",
    rationale:
      "只比较带编码的表行和叙述中的“编码-名称”。被截断的名称（另一处名称的前半段）不算不同；"
      + "已由 subject/name-mismatch 或 subject/outdated-name 报告的名称不再重复报告。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2990101\t地方自设事务\t1.00\n\n（一）2990101-地方自设事务1.00万元。\n")
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2990101\t地方自设事务\t1.00\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\n2990101\t⟦地方自设事物⟧\t1.00\n"
      )
    ])

  static let reads: [any AnalysisView.Type] = [SubjectVerdicts.self]

  init() {}

  static let elements: ReportElements? = [.tables, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let verdicts = context.view(SubjectVerdicts.self)
    let all = context.view(SubjectMentions.self).all
    // Sized at once: growing would hash every code again.
    var byCode: [String: [SubjectMention]] = [:]
    byCode.reserveCapacity(all.count)
    for (index, mention) in all.enumerated() {
      guard let code = mention.code, let verdict = verdicts[index] else { continue }
      // Names another subject rule already judges are left to it.
      switch verdict {
      case .official, .unknownCode: byCode[code, default: []].append(mention)
      default: continue
      }
    }
    for (code, mentions) in byCode.sorted(by: { $0.key < $1.key }) {
      context.ran()
      guard let first = mentions.first else { continue }
      let reference = SubjectCatalogue.normalizedName(first.name)
      for mention in mentions.dropFirst() {
        let name = SubjectCatalogue.normalizedName(mention.name)
        guard name != reference, !SubjectMention.isTruncation(name, of: reference),
          !SubjectMention.isTruncation(reference, of: name)
        else { continue }
        context.report(
          mention.range, "科目 \(code) 此处写作“\(name)”，前文写作“\(reference)”，同一科目名称不一致。",
          related: [Finding.Related(range: first.range, message: "此处写作“\(reference)”")])
      }
    }
  }
}
