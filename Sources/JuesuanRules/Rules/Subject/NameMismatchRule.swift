import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// A code written with a name that is not its official name (a near miss such as 公务招待费 for
/// 30217 公务接待费, or another name altogether).
struct NameMismatchRule: Rule {
  static let description = RuleDescription(
    code: "subject/name-mismatch",
    summary: "科目编码后的名称应为该编码在当年科目表中的正式名称。",
    rationale:
      "科目名称以当年《政府收支分类科目》为准。被分页截断的名称（正式名称的前半段）、旧版名称（见 subject/outdated-name）"
      + "和目录中没有的编码（见 subject/unknown-code）不在此报告。目录中不确定的条目最多报警告。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t1.00\n"),
      .init("一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30227\t委托业务\t1.00\n"),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t⟦公务招待费⟧\t1.00\n",
        fixed: "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t1.00\n")
    ])

  static let reads: [any AnalysisView.Type] = [SubjectVerdicts.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    let year = context.catalogueEdition
    let verdicts = context.view(SubjectVerdicts.self)
    for (index, mention) in context.view(SubjectMentions.self).all.enumerated() {
      guard let code = mention.code, let verdict = verdicts[index] else { continue }
      context.ran()
      let official: SubjectCatalogue.Entry
      var detail = ""
      var severity: Severity? = nil
      switch verdict {
      case .closeVariant(let entry, let difference):
        official = entry
        detail = "（\(difference)）"
        // Only "支出" added or dropped: the usual shorthand, worth less than a wrong character.
        if NarrativeBinder.core(mention.name) == NarrativeBinder.core(entry.name) { severity = .warning }
      case .mismatch(let entry):
        official = entry
        // Another name altogether may be another line's subject: less certain than a typo.
        if mention.isNarrative || !mention.isClean { severity = .warning }
      default:
        continue
      }
      guard !SubjectMention.isTruncation(mention.name, of: official.name) else { continue }
      if mention.isNarrative {
        // "2010301-行政运行支出决算为…": the prose runs on after the name; only the name is compared.
        let written = SubjectCatalogue.normalizedName(mention.name)
        if written.utf8Text.hasPrefix(NarrativeBinder.core(official.name)) { continue }
        if ["预算", "决算", "上年", "为", "是"].contains(where: { written.utf8Text.contains($0) }) { continue }
      }
      if official.isUncertain {
        // An uncertain row: a near miss is worth a warning, another name only a note.
        if case .mismatch = verdict { severity = .information } else { severity = .warning }
      }
      let written = SubjectCatalogue.normalizedName(mention.name)
      let edition = year.map { "\($0) 年" } ?? "现行"
      let fixes = mention.renameFixes(
        to: official.name, title: "改为正式名称“\(official.name)”", isSafe: !official.isUncertain)
      context.report(
        mention.range,
        "科目 \(code) 写作“\(written)”，\(edition)科目表的正式名称为“\(official.name)”\(detail)。",
        severity: severity, fixes: fixes)
    }
  }
}
