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
      + "和目录中没有的编码（见 subject/unknown-code）不在此报告；但目录中没有的编码所写名称正是只差一两位数字的"
      + "另一科目的名称时（报告别处也如此书写，或目录中只有这一个），是编码写错，报警告并指出应为哪个编码。"
      + "正文“X（类）Y（款）Z（项）”中，类与项确定了表中所列的唯一一个项、而 Y 不是它所属的款（也不是该类下含同名项的任何款）时，报告款名有误；"
      + "Z 不是任何一版科目表中的项名、而其后所述金额只与一般公共预算财政拨款支出决算表中该款下的一个项相符时，报告项名有误并指出应为哪一项。"
      + "目录中不确定的条目最多报警告。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t1.00\n"),
      .init("一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30227\t委托业务\t1.00\n"),
      // A name no 项 carries, but no one 项 of the 款 with the amounts said: which one is meant is unknown.
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2080505\t机关事业单位基本养老保险缴费支出\t0.88\n2080599\t其他行政事业单位养老支出\t0.88\n\n5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。年初预算为 0.88 万元，支出决算为 0.88 万元。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2010301\t⟦行政运⟧\t1.00\n",
        fixed: "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2010301\t行政运行\t1.00\n"),
      .init(
        "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t⟦公务招待费⟧\t1.00\n",
        fixed: "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t1.00\n"),
      .init("一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2082006\t⟦社会组织管理⟧\t1.00\n"),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2210201\t住房公积金\t1.00\n\n12、住房保障支出（类）⟦住房保障支出⟧（款）住房公积金（项）。年初预算为 1.00 万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2080505\t机关事业单位基本养老保险缴费支出\t40.00\n2080599\t其他行政事业单位养老支出\t0.88\n\n5、社会保障和就业支出（类）行政事业单位养老支出（款）⟦机关事业单位退休人员活动费支出⟧（项）。主要用于：退休人员开展活动支出。年初预算为 0.88 万元，支出决算为 0.88 万元。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [SubjectVerdicts.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    let year = context.catalogueEdition
    let verdicts = context.view(SubjectVerdicts.self)
    let mentions = context.view(SubjectMentions.self).all
    let wholesale = Self.wholesaleMismatches(report, mentions, verdicts.verdicts, context: &context)
    checkMarkerChains(report, mentions, year: year, context: &context)
    for (index, mention) in mentions.enumerated() {
      guard let code = mention.code, let verdict = verdicts[index] else { continue }
      guard !wholesale.contains(where: { $0.contains(mention.range.lowerBound) }) else { continue }
      context.ran()
      if verdict == .unknownCode {
        if let intended = SubjectMention.intendedCode(of: mention, among: mentions, catalogue: context.catalogue) {
          context.report(
            mention.range,
            "科目编码 \(code) 不在科目表中，而“\(SubjectCatalogue.normalizedName(mention.name))”是 \(intended) 的名称：编码应为 \(intended)",
            severity: .warning)
        }
        continue
      }
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
      // A name cut by a page break or a wrap is its official name's beginning, and "委托业务" for
      // 委托业务费 a usual shorthand; in a clean table row a name one other character short of its
      // official name is a name left incomplete.
      if SubjectMention.isTruncation(mention.name, of: official.name) {
        let missing =
          SubjectCatalogue.normalizedName(official.name).count
          - SubjectCatalogue.normalizedName(mention.name).count
        guard !mention.isNarrative, mention.isClean, missing == 1, !official.name.hasSuffix("费") else { continue }
        severity = .warning
        detail = "（名称不完整）"
      }
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

  /// The tables where a third of the coded rows (five or more) carry another subject's name altogether: the
  /// codes and names are shifted against each other, or another classification was used. One
  /// warning says so on the table's title, instead of an error per row.
  private static func wholesaleMismatches(
    _ report: Report, _ mentions: [SubjectMention], _ verdicts: [SubjectCatalogue.NameVerdict?],
    context: inout RuleContext
  ) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for table in report.tables {
      var rows = 0
      var mismatched: [(code: String, written: String, official: String)] = []
      // By index: each table passes over every mention, and a copy of one costs its strings' retains.
      for index in mentions.indices
      where table.range.contains(mentions[index].range.lowerBound) && !mentions[index].isNarrative {
        guard let code = mentions[index].code, let verdict = verdicts[index] else { continue }
        rows += 1
        if case .mismatch(let entry) = verdict {
          mismatched.append((code, SubjectCatalogue.normalizedName(mentions[index].name), entry.name))
        }
      }
      guard mismatched.count >= 5, mismatched.count * 3 >= rows else { continue }
      ranges.append(table.range)
      context.ran()
      let examples = mismatched.prefix(3).map { "\($0.code) 写作“\($0.written)”（科目表为“\($0.official)”）" }
      context.report(
        table.titleRange,
        "“\(table.title)”中 \(rows) 个科目有 \(mismatched.count) 个的名称与科目表不符，如\(examples.joined(separator: "、"))："
          + "编码与名称可能整体错位，或采用了其他分类口径，请逐项核对",
        severity: .warning)
    }
    return ranges
  }
}

// "住房保障支出（类）住房保障支出（款）住房公积金（项）": the 类 and the 项 name one subject, whose
// 款 is 住房改革支出 — the 款 written is not it.
extension NameMismatchRule {
  /// A 类-款-项 chain of narrative markers whose 款 name is not the 款 of the 项 its 类 and 项 name.
  /// Only when the 类 and the 项 name exactly one 项 the report's tables list, and the 款 written
  /// is no 款 of that 类 holding a 项 of that name.
  func checkMarkerChains(
    _ report: Report, _ mentions: [SubjectMention], year: Int?, context: inout RuleContext
  ) {
    let catalogue = context.catalogue
    lazy var tableCodes = Set(report.tables.flatMap { $0.rows.compactMap(\.code) })
    for index in mentions.indices.dropLast(2) {
      guard mentions[index].place == .narrativeMarker(digits: 3),
        mentions[index + 1].place == .narrativeMarker(digits: 5),
        mentions[index + 2].place == .narrativeMarker(digits: 7)
      else { continue }
      let (category, section, item) = (mentions[index], mentions[index + 1], mentions[index + 2])
      guard Self.follows(section, category, in: report.source), Self.follows(item, section, in: report.source)
      else { continue }
      let functional = { (name: String, digits: Int) in
        Set(
          catalogue.entries(named: SubjectCatalogue.normalizedName(name)).filter {
            $0.code.count == digits && $0.classification == .function
          }.map(\.code))
      }
      let categories = functional(category.name, 3)
      guard categories.count == 1, let categoryCode = categories.first else { continue }
      let items = functional(item.name, 7).filter { $0.hasPrefix(categoryCode) && tableCodes.contains($0) }
      guard items.count == 1, let itemCode = items.first else {
        checkUnknownItem(item, under: section, of: categoryCode, report, mentions, year: year, context: &context)
        continue
      }
      context.ran()
      let sectionCode = String(itemCode.prefix(5))
      guard let official = catalogue.entry(code: sectionCode, year: year) else { continue }
      let written = SubjectCatalogue.normalizedName(section.name)
      // Written as any 款 of the 类 that holds a 项 of this name: not provably wrong.
      let holders = functional(item.name, 7).filter { $0.hasPrefix(categoryCode) }.map { String($0.prefix(5)) }
      guard
        !holders.contains(where: { code in
          catalogue.history(code: code).contains { SubjectCatalogue.normalizedName($0.name) == written }
        })
      else { continue }
      context.report(
        section.range,
        "“\(SubjectCatalogue.normalizedName(item.name))（项）”是科目 \(itemCode)，属于 \(sectionCode)“\(official.name)（款）”，此处款名写作“\(written)”",
        fixes: section.renameFixes(to: official.name, title: "改为“\(official.name)”", isSafe: false))
    }
  }

  /// "X（类）Y（款）Z（项）" whose Z is no 项 of Y in any edition of the catalogue, while the amounts
  /// stated after it match exactly one 项 of Y in 一般公共预算财政拨款支出决算表: the name written is
  /// not a subject, and the figures say which one it is.
  private func checkUnknownItem(
    _ item: SubjectMention, under section: SubjectMention, of categoryCode: String, _ report: Report,
    _ mentions: [SubjectMention], year: Int?, context: inout RuleContext
  ) {
    let catalogue = context.catalogue
    let sections = catalogue.entries(named: SubjectCatalogue.normalizedName(section.name)).filter {
      $0.code.count == 5 && $0.classification == .function && $0.code.hasPrefix(categoryCode)
    }
    guard Set(sections.map(\.code)).count == 1, let sectionCode = sections.first?.code else { return }
    let written = SubjectCatalogue.normalizedName(item.name)
    // A name of any 项 of the 款, in any edition (an old name is subject/outdated-name's), or of
    // any 项 at all (the 款 may be the one written wrong): not this check's.
    guard !catalogue.entries(named: written).contains(where: { $0.code.count == 7 }) else { return }
    // The amounts in 万元 stated after the name, up to the next subject named.
    guard let start = report.paragraphs.firstIndex(where: { $0.range.contains(item.range.lowerBound) }) else { return }
    var amounts: [Amount] = []
    for paragraph in report.paragraphs[start...].prefix(3) {
      if paragraph.range.lowerBound > item.range.upperBound,
        mentions.contains(where: { $0.isNarrative && paragraph.range.contains($0.range.lowerBound) })
      {
        break
      }
      amounts += paragraph.numbers.filter { $0.unit == .tenThousandYuan && $0.range.lowerBound > item.range.upperBound }
        .map(\.value)
    }
    guard !amounts.isEmpty, let table = report.table(.generalBudget) else { return }
    let matching = table.rows.filter { row in
      guard let code = row.code, code.count == 7, code.hasPrefix(sectionCode), !row.isDamaged,
        let total = row.cells.first ?? nil, let amount = total.amount
      else { return false }
      return amounts.contains(amount)
    }
    context.ran()
    guard matching.count == 1, let row = matching.first, let code = row.code,
      let official = catalogue.entry(code: code, year: year)
    else { return }
    let sectionName =
      catalogue.entry(code: sectionCode, year: year)?.name ?? SubjectCatalogue.normalizedName(section.name)
    context.report(
      item.range,
      "“\(written)（项）”不是科目表中 \(sectionCode)“\(sectionName)（款）”下的科目；"
        + "所述金额 \(row.cells.first??.amount.map { "\($0)" } ?? "") 万元与表中 \(code)“\(official.name)”相符，应为该科目",
      related: [Finding.Related(range: row.range, message: "\(code) \(official.name)")],
      fixes: item.renameFixes(to: official.name, title: "改为“\(official.name)”", isSafe: false))
  }

  /// Whether `next` starts right after `previous`'s marker ("（类）"), white space aside.
  private static func follows(_ next: SubjectMention, _ previous: SubjectMention, in source: SourceText) -> Bool {
    guard previous.range.upperBound <= next.range.lowerBound else { return false }
    let between = source.text(in: previous.range.upperBound..<next.range.lowerBound).filter { !$0.isWhitespace }
    return ["（类）", "(类)", "（款）", "(款)"].contains(between)
  }
}
