import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// A subject named by a former edition's name (资源勘探信息等支出 for 215, 行政事业单位离退休 for 20805).
struct OutdatedNameRule: Rule {
  static let description = RuleDescription(
    code: "subject/outdated-name",
    summary: "科目名称应使用当年科目表的名称，而不是旧版名称。",
    rationale:
      "检查带编码的表行和叙述中的“编码-名称”，以及收入支出决算总表、财政拨款收入支出决算总表中不带编码的类级名称和叙述中的“名称（类/款/项）”。"
      + "不带编码时，只有名称仅见于旧版、且对应编码出现在本报告表中时才报告。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("收入支出决算总表\n项目\t行次\t金额\t项目\t行次\t决算数\n一、一般公共预算财政拨款收入\t1\t5.00\t十四、资源勘探工业信息等支出\t44\t5.00\n")
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20805\t行政事业单位养老支出\t1.39\t1.39\t\n\n3.社会保障和就业支出（类）⟦行政事业单位离退休⟧（款）事业单位离退休（项）。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20805\t行政事业单位养老支出\t1.39\t1.39\t\n\n3.社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）。\n"
      )
    ],
    tags: [.deprecated])

  static let reads: [any AnalysisView.Type] = [SubjectVerdicts.self]

  init() {}

  static let elements: ReportElements? = [.tables, .evaluations, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let year = context.catalogueEdition
    let tableCodes = Set(report.tables.flatMap { $0.rows.compactMap(\.code) })
    let verdicts = context.view(SubjectVerdicts.self)
    for (index, mention) in context.view(SubjectMentions.self).all.enumerated() {
      let current: SubjectCatalogue.Entry
      let former: ClosedRange<Int>
      if mention.code != nil {
        guard case .outdated(let entry, let span) = verdicts[index] else { continue }
        current = entry
        former = span
      } else {
        let digits: Int
        switch mention.place {
        case .categoryLabel: digits = 3
        case .narrativeMarker(let level): digits = level
        default: continue
        }
        guard let found = outdatedByName(mention.name, digits: digits, year: year, catalogue: context.catalogue)
        else { continue }
        // Without a code, speak only of a subject this report's tables actually list (or a 类 label).
        guard mention.place == .categoryLabel || tableCodes.contains(found.current.code) else { continue }
        current = found.current
        former = found.span
      }
      context.ran()
      let written = SubjectCatalogue.normalizedName(Table.normalizedLabel(mention.name))
      let span = SubjectCatalogue.editionDescription(former)
      let edition = year.map { "\($0) 年" } ?? "现行"
      let fixes = mention.renameFixes(
        to: current.name, title: "改为现行名称“\(current.name)”", isSafe: !current.isUncertain)
      context.report(
        mention.range,
        "“\(written)”是科目 \(current.code) 的旧名称（\(span)），\(edition)科目表名称为“\(current.name)”。",
        fixes: fixes)
    }
  }

  /// The code whose former name is `name` at level `digits`, when no entry of the edition carries
  /// that name and exactly one code ever did.
  private func outdatedByName(_ name: String, digits: Int, year: Int?, catalogue: SubjectCatalogue)
    -> (current: SubjectCatalogue.Entry, span: ClosedRange<Int>)?
  {
    let entries = catalogue.entries(named: Table.normalizedLabel(name)).filter {
      $0.code.count == digits && $0.classification == .function
    }
    let codes = Set(entries.map(\.code))
    guard codes.count == 1, let code = codes.first, let current = catalogue.entry(code: code, year: year),
      let former = entries.first(where: { $0.editions.upperBound < current.editions.lowerBound }),
      !entries.contains(where: { $0 == current })
    else { return nil }
    return (current, former.editions)
  }
}
