import JuesuanAnalysis
import JuesuanModel

/// "X 万元，占 Y 的 W%" equals X ÷ Y where Y's figure is in the same paragraph.
struct ShareRule: Rule {
  static let description = RuleDescription(
    code: "change/share",
    summary: "“X 万元，占 Y 的 W%”中 W 应等于 X ÷ Y。",
    rationale: """
      “占 Y 的 W%”（“占 Y 的比重为 W%”）在 Y 的金额于同段写明时核对；决算中 Y 为本年收入（支出）合计而同段未写明的，取收支总表等\
      表中的该数（各表一致时）核对；“合计 T 万元，其中：A 万元，占 W%”式列举按合计 T 核对\
      （T 在同段开头，或在以“其中：”“以下方面：”结尾的上一段）。Y 为 0 的由 change/zero-base 报告。\
      按所写小数位，容许各金额的四舍五入误差及末位 ±1（写作“0 万元”的部分除外：其占比只能为 0）。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("政府采购支出总额 40.19 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 0.00%。"),
      .init("本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占本年支出合计的比重为 34.30%。"),
      .init("2023年度支出合计1,654.78万元，其中：基本支出622.19万元，占比为37.60%；项目支出1,032.60万元，占比为62.40%。"),
      .init("2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出0万元，占比0%。\n"),
      .init(
        "2024年度部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n本年收入合计\t307.82\t本年支出合计\t307.82\n总计\t307.82\t总计\t307.82\n\n一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 100.00%。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占本年支出合计的比重为 ⟦43.30%⟧。",
        fixed: "本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占本年支出合计的比重为 34.30%。"),
      .init(
        "政府采购支出总额 40.19 万元。授予中小企业合同金额 20.00 万元，占政府采购支出总额的 ⟦60.00%⟧。",
        fixed: "政府采购支出总额 40.19 万元。授予中小企业合同金额 20.00 万元，占政府采购支出总额的 49.76%。"),
      .init(
        "2023 年度收入合计 162.25 万元，其中：财政拨款收入 150.25 万元，占 ⟦90.00%⟧；其他收入 12.00 万元，占 7.40%。",
        fixed: "2023 年度收入合计 162.25 万元，其中：财政拨款收入 150.25 万元，占 92.60%；其他收入 12.00 万元，占 7.40%。"),
      .init(
        "2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出0万元，占比⟦1%⟧。\n",
        fixed: "2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出0万元，占比0%。\n"),
      .init(
        "2024年度部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n本年收入合计\t307.82\t本年支出合计\t307.82\n总计\t307.82\t总计\t307.82\n\n一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 ⟦98.00%⟧。\n",
        fixed:
          "2024年度部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n本年收入合计\t307.82\t本年支出合计\t307.82\n总计\t307.82\t总计\t307.82\n\n一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 100.00%。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    var listTotal: Paragraph.Number?  // the total of a list that continues over paragraphs
    var lastHeading: Int?
    let readers = context.view(NarrativeReaders.self)
    // A whole the paragraph does not state, read from the tables (made only when a share needs it).
    var binder: NarrativeBinder?
    let catalogue = context.catalogue
    func tableWhole(_ name: String) -> TableFigure? {
      guard Self.tableTotals.contains(name), !report.kind.isBudget else { return nil }
      if binder == nil { binder = NarrativeBinder(totalsOf: report, catalogue: catalogue) }
      let chars = Array(name.unicodeScalars) + [NarrativeBinder.amountMark]
      guard let figures = binder?.bind(chars, before: chars.count - 1)?.figures, let first = figures.first,
        figures.allSatisfy({ $0.isKnown && $0.value.isSameValue(as: first.value) })
      else { return nil }
      return first
    }
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      if paragraph.headingIndex != lastHeading {
        listTotal = nil
        lastHeading = paragraph.headingIndex
      }
      // The list goes on below (asked only while a list is open).
      lazy var continues = paragraph.text.utf8Text.trimmingWhitespace().hasSuffix("；")
      if let total = reader.listTotal {
        checkList(reader, total: total, context: &context)
        listTotal = continues ? total : nil
      } else if let total = listTotal {
        checkList(reader, total: total, context: &context)
        if paragraph.numbers.contains(where: { $0.unit == .tenThousandYuan }) && reader.unnamedShares.isEmpty
          || !continues
        {
          listTotal = nil
        }
      }
      if let total = paragraph.numbers.last(where: { $0.unit == .tenThousandYuan }),
        paragraph.numbers.filter({ $0.unit == .tenThousandYuan }).count == 1, reader.opensList
      {
        listTotal = total
      }
      for share in reader.shares {
        if share.whole == nil, let part = share.part {
          checkAgainstTable(share, part: part, paragraph, reader, tableWhole: tableWhole, context: &context)
        }
        guard let whole = share.whole, let part = share.part, !whole.value.isZero,
          whole.textRange.upperBound <= part.textRange.lowerBound
            || whole.textRange.lowerBound > share.share.textRange.upperBound
        else { continue }
        check(
          share.share, part: part.value, whole: (whole.value, whole.range, share.wholeName), paragraph, reader,
          context: &context)
      }
    }
  }

  /// The totals a share may name without stating them, whose figure the summary tables give.
  private static let tableTotals: Set<String> = ["本年支出合计", "本年收入合计", "支出合计", "收入合计"]

  /// "一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 100.00%", the paragraph giving no
  /// 本年支出合计: the whole is the summary table's (every table that states it agreeing).
  private func checkAgainstTable(
    _ share: NarrativeReader.Share, part: Paragraph.Number, _ paragraph: Paragraph, _ reader: NarrativeReader,
    tableWhole: (String) -> TableFigure?, context: inout RuleContext
  ) {
    guard let whole = tableWhole(share.wholeName), !whole.value.isZero, part.value <= whole.value else { return }
    check(
      share.share, part: part.value, whole: (whole.value, whole.range, share.wholeName), source: whole.tableTitle,
      paragraph, reader, context: &context)
  }

  /// `share` against part ÷ whole (`whole.name`'s figure, from the table `source` when it is not the
  /// paragraph's): reported, with the percentage to write, when they disagree.
  private func check(
    _ share: Paragraph.Number, part: Amount, whole: (value: Amount, range: Range<Int>, name: String),
    source: String? = nil, _ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext
  ) {
    context.ran()
    guard
      let agrees = RatioCheck.agrees(
        stated: share.value, part: part, partTolerance: RatioCheck.halfUnit(part), whole: whole.value,
        wholeTolerance: RatioCheck.halfUnit(whole.value)), !agrees,
      let expected = RatioCheck.percent(part: part, whole: whole.value, decimals: share.value.decimals)
    else { return }
    let edit = TextEdit(range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: share)), newText: expected)
    let stated = "\(whole.name) \(whole.value)" + (source.map { "（\($0)）" } ?? "")
    context.report(
      share.range, "占比应为 \(part) ÷ \(stated) = \(expected)%，文中为 \(share.value.asWritten)%",
      related: [Finding.Related(range: whole.range, message: "\(whole.name) \(whole.value)")],
      fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isPreferred: true)], hint: "= \(expected)%")
  }

  /// "X 万元，占 W%" items of a list checked against the list's total.
  private func checkList(_ reader: NarrativeReader, total: Paragraph.Number, context: inout RuleContext) {
    let paragraph = reader.paragraph
    for (part, share) in reader.unnamedShares where part.textRange != total.textRange {
      guard !total.value.isZero else { continue }  // a zero whole: nothing to compare
      guard part.value <= total.value else { continue }  // not a part of this total
      check(share, part: part.value, whole: (total.value, total.range, "合计"), paragraph, reader, context: &context)
    }
  }
}
