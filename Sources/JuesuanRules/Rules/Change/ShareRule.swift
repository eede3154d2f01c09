import JuesuanAnalysis
import JuesuanModel

/// "X 万元，占 Y 的 W%" equals X ÷ Y where Y's figure is in the same paragraph.
struct ShareRule: Rule {
  static let description = RuleDescription(
    code: "change/share",
    summary: "“X 万元，占 Y 的 W%”中 W 应等于 X ÷ Y。",
    rationale: """
      “占 Y 的 W%”（“占 Y 的比重为 W%”）在 Y 的金额于同段写明时核对；决算中 Y 为本年收入（支出）合计或一般公共预算财政拨款支出而同段未写明的，取收支总表等（表未读出时取叙述别处所写之数）\
      表中的该数（各表一致时）核对；“合计 T 万元，其中：A 万元，占 W%”式列举按合计 T 核对\
      （T 在同段开头，或在以“其中：”“以下方面：”结尾的上一段；某项之下再列“其中”的，其下各项按该项核对，到该项的“；”或括号为止；或预算“收入（支出）预算中：”之前所写的收入（支出）预算，各项之和等于它时）；“三公”经费说明中“因公出国（境）费支出决算 X 万元，占 W%”\
      的 W 按“三公”经费表合计（无表时按句中三项之和）核对，且不超过 100%，三项之和为 100%（各按所写小数位容许半个末位）；政府采购“货物（工程、服务）采购授予中小企业合同金额占货物（工程、服务）支出金额的 W%”\
      三项所示金额之和应等于授予中小企业合同金额，各项不超过 100%；授予中小企业合同金额占政府采购支出总额（小微企业占中小企业）的比例也不超过 100%。Y 为 0 的由 change/zero-base 报告。\
      按所写小数位，容许各金额的四舍五入误差及末位 ±1（写作“0 万元”的部分除外：其占比只能为 0）。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 0.00 万元，占 0.00%；公务接待费支出决算 0.05 万元，占 100.00%。"
      ),
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 1.00 万元，占 33.33%；公务用车购置及运行费支出决算 1.00 万元，占 33.33%；公务接待费支出决算 1.00 万元，占 33.33%。"),
      .init("政府采购支出总额 0.00 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 100.00%。"),
      // A part's own list in brackets goes on past its ；.
      .init(
        "2023年度“三公”经费支出 6.00 万元，其中：公务用车购置及运行费 4.00 万元，占 66.67%（其中：公务用车购置费 1.00 万元，占 25.00%；公务用车运行维护费 3.00 万元，占 75.00%）；公务接待费 2.00 万元，占 33.33%。"
      ),
      // The budget's shares are not the table's 决算's.
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t30.00\t20.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t20.00\t15.00\n其中：公务用车购置费\t0.00\t0.00\n公务用车运行维护费\t20.00\t15.00\n公务接待费\t10.00\t5.00\n\n“三公”经费财政拨款支出预算中，因公出国（境）费预算 0.00 万元，占 0.00%；公务用车购置及运行费预算 20.00 万元，占 66.67%；公务接待费预算 10.00 万元，占 33.33%。\n"
      ),
      // A part of a part has its share of that part.
      .init(
        "2023年度政府采购支出总额10.00万元，其中：货物6.00万元，占60.00%；工程1.00万元，占10.00%；服务3.00万元，占30.00%。授予中小企业合同金额8.00万元，占80.00%，其中授予小微企业合同金额5.00万元，占62.50%。"
      ),
      .init("2023年度“三公”经费支出6.00万元，其中：公务用车购置及运行费4.00万元，占66.67%（其中公务用车运行维护费4.00万元，占100%）；公务接待费2.00万元，占33.33%。"),
      .init("政府采购支出总额 40.19 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 0.00%。"),
      .init("本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占本年支出合计的比重为 34.30%。"),
      .init("2023年度支出合计1,654.78万元，其中：基本支出622.19万元，占比为37.60%；项目支出1,032.60万元，占比为62.40%。"),
      .init("2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出0万元，占比0%。\n"),
      .init(
        "2024年度部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n本年收入合计\t307.82\t本年支出合计\t307.82\n总计\t307.82\t总计\t307.82\n\n一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 100.00%。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t30.00\t20.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t20.00\t15.00\n其中：公务用车购置费\t0.00\t0.00\n公务用车运行维护费\t20.00\t15.00\n公务接待费\t10.00\t5.00\n\n“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 75.00%；公务接待费支出决算 5.00 万元，占 25.00%。\n"
      ),
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 75.00%；公务接待费支出决算 5.00 万元，占 25.00%。"),
      .init(
        "政府采购支出总额 100.00 万元，其中：政府采购货物支出 60.00 万元、政府采购工程支出 30.00 万元、政府采购服务支出 10.00 万元。授予中小企业合同金额 48.00 万元，占政府采购支出总额的 48.00%；货物采购授予中小企业合同金额占货物支出金额的 50.00%，工程采购授予中小企业合同金额占工程支出金额的 40.00%，服务采购授予中小企业合同金额占服务支出金额的 60.00%。"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t90.00\t10.00\n201\t一般公共服务支出\t80.00\t70.00\t10.00\n221\t住房保障支出\t20.00\t20.00\t\n\n一般公共服务（类）支出80.00万元，占一般公共预算财政拨款支出的80.00%。\n"
      ),
      .init("# 2023年度部门决算\n\n本年支出合计100.00万元，其中：基本支出90.00万元，项目支出10.00万元。\n\n一般公共预算财政拨款支出100.00万元，占本年支出合计的100.00%。\n"),
      .init(
        "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n支出预算中：一般公共服务支出800.00万元，占72.73%；社会保障和就业支出200.00万元，占18.18%；住房保障支出100.00万元，占9.09%。\n"
      ),
    ],
    triggeringExamples: [
      // Tiny figures allow each share wide rounding, but the three add up to 100%.
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 ⟦0.50%⟧；公务用车购置及运行费支出决算 0.00 万元，占 0.00%；公务接待费支出决算 0.05 万元，占 100.00%。"
      ),
      .init("政府采购支出总额 0.00 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 ⟦102.00%⟧。"),
      .init("“三公”经费财政拨款支出决算中，因公出国（境）费占 ⟦0.00%⟧，公务用车购置及运行费占 70.00%，公务接待费占 40.00%。"),
      .init("2023年度“三公”经费支出6.00万元，其中：公务用车购置及运行费4.00万元，占66.67%（其中公务用车运行维护费4.00万元，占⟦90%⟧）；公务接待费2.00万元，占⟦40.33%⟧。"),
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 0.00 万元，占 0.00%；公务接待费支出决算 0.39 万元，占 ⟦102.00%⟧。"
      ),
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
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t30.00\t20.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t20.00\t15.00\n其中：公务用车购置费\t0.00\t0.00\n公务用车运行维护费\t20.00\t15.00\n公务接待费\t10.00\t5.00\n\n“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 ⟦70.00%⟧；公务接待费支出决算 5.00 万元，占 25.00%。\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t30.00\t20.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t20.00\t15.00\n其中：公务用车购置费\t0.00\t0.00\n公务用车运行维护费\t20.00\t15.00\n公务接待费\t10.00\t5.00\n\n“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 75.00%；公务接待费支出决算 5.00 万元，占 25.00%。\n"
      ),
      .init(
        "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 ⟦70.00%⟧；公务接待费支出决算 5.00 万元，占 25.00%。",
        fixed:
          "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 15.00 万元，占 75.00%；公务接待费支出决算 5.00 万元，占 25.00%。"),
      // The national template of 政府采购: the three kinds' shares against the award as a whole.
      .init(
        "政府采购支出总额 100.00 万元，其中：政府采购货物支出 60.00 万元、政府采购工程支出 30.00 万元、政府采购服务支出 10.00 万元。授予中小企业合同金额 48.00 万元，占政府采购支出总额的 48.00%；货物采购授予中小企业合同金额占货物支出金额的 ⟦80.00%⟧，工程采购授予中小企业合同金额占工程支出金额的 40.00%，服务采购授予中小企业合同金额占服务支出金额的 60.00%。"
      ),
      .init(
        "政府采购支出总额 100.00 万元，其中：政府采购货物支出 60.00 万元、政府采购工程支出 30.00 万元、政府采购服务支出 10.00 万元。授予中小企业合同金额 ⟦58.00 万元⟧，占政府采购支出总额的 58.00%；货物采购授予中小企业合同金额占货物支出金额的 50.00%，工程采购授予中小企业合同金额占工程支出金额的 40.00%，服务采购授予中小企业合同金额占服务支出金额的 60.00%。"
      ),
      .init(
        "政府采购支出总额 100.00 万元，其中：政府采购货物支出 60.00 万元、政府采购工程支出 30.00 万元、政府采购服务支出 10.00 万元。授予中小企业合同金额 52.05 万元，占政府采购支出总额的 52.05%；货物采购授予中小企业合同金额占货物支出金额的 50.00%，工程采购授予中小企业合同金额占工程支出金额的 40.00%，服务采购授予中小企业合同金额占服务支出金额的 ⟦100.50%⟧。"
      ),
      // The whole a fund's name says 预算 in, from the tables.
      .init(
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t90.00\t10.00\n201\t一般公共服务支出\t80.00\t70.00\t10.00\n221\t住房保障支出\t20.00\t20.00\t\n\n一般公共服务（类）支出80.00万元，占一般公共预算财政拨款支出的⟦79.00%⟧。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t90.00\t10.00\n201\t一般公共服务支出\t80.00\t70.00\t10.00\n221\t住房保障支出\t20.00\t20.00\t\n\n一般公共服务（类）支出80.00万元，占一般公共预算财政拨款支出的80.00%。\n"
      ),
      // A budget's "支出预算中：…" lists the 支出预算 stated before.
      .init(
        "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n支出预算中：基本支出900.00万元，占⟦76.00%⟧；项目支出300.00万元，占25.00%。\n",
        fixed:
          "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n支出预算中：基本支出900.00万元，占75.00%；项目支出300.00万元，占25.00%。\n"
      ),
      // Without tables: the whole as the narrative states it elsewhere.
      .init(
        "# 2023年度部门决算\n\n本年支出合计100.00万元，其中：基本支出90.00万元，项目支出10.00万元。\n\n一般公共预算财政拨款支出100.00万元，占本年支出合计的⟦99.50%⟧。\n",
        fixed: "# 2023年度部门决算\n\n本年支出合计100.00万元，其中：基本支出90.00万元，项目支出10.00万元。\n\n一般公共预算财政拨款支出100.00万元，占本年支出合计的100.00%。\n"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self, StatedTotals.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs, .tables, .headings]

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
    // …or, where no table states it, from the narrative's own statement of it in another paragraph
    // ("本年支出合计 100.00 万元，其中：…"), every statement agreeing.
    var statedWholes: [String: Paragraph.Number?] = [:]
    func statedWhole(_ name: String) -> Paragraph.Number? {
      guard Self.tableTotals.contains(name) else { return nil }
      if let known = statedWholes[name] { return known }
      var found: [Paragraph.Number] = []
      for reader in readers.readers {
        for offset in reader.occurrences(of: name) {
          var cursor = reader.skippingSpaces(from: offset + name.utf8.count)
          for glue in ["为", "："] where reader.has(glue, at: cursor) {
            cursor = reader.skippingSpaces(from: cursor + glue.utf8.count)
          }
          if let number = reader.number(startingAt: cursor), number.unit == .tenThousandYuan { found.append(number) }
        }
      }
      let whole = found.first.flatMap { first in
        found.allSatisfy { $0.value.isSameValue(as: first.value) } ? first : nil
      }
      statedWholes[name] = whole
      return whole
    }
    let sangongTable = report.kind.isBudget ? nil : report.table(.sangong)
    let statedTotals = context.view(StatedTotals.self)
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
      // "收入预算中：…，占 91.67%；…": the 收入预算 stated paragraphs before, when the items add up to
      // it (a list of the 财政拨款's part of it has its shares of its own sum).
      if reader.listTotal == nil, listTotal == nil,
        let total = statedTotals.listedTotal(of: reader, paragraph: index)?.number,
        Self.addUp(reader.unnamedShares.map(\.part), to: total)
      {
        checkList(reader, total: total, context: &context)
      }
      if let total = paragraph.numbers.last(where: { $0.unit == .tenThousandYuan }),
        paragraph.numbers.filter({ $0.unit == .tenThousandYuan }).count == 1, reader.opensList
      {
        listTotal = total
      }
      if !report.kind.isBudget { checkSangongShares(reader, table: sangongTable, context: &context) }
      checkSmallBusinessAwards(reader, context: &context)
      for share in reader.shares {
        // An award is part of the purchases it is counted in: above 100% whatever the figures.
        if Self.procurementWholes.contains(where: { share.wholeName.utf8Text.hasSuffix($0) }),
          Self.exceedsWhole(share.share.value)
        {
          context.ran()
          context.report(
            share.share.range, "中小企业合同金额是\(share.wholeName)的一部分，占比不会超过 100%，文中为 \(share.share.value.asWritten)%")
          continue
        }
        // "一般公共预算财政拨款支出 307.82 万元，占本年支出合计的 100.00%", the paragraph giving no
        // 本年支出合计: the tables' (every table that states it agreeing), else the narrative's.
        if share.whole == nil, let part = share.part {
          let elsewhere: (value: Amount, range: Range<Int>, source: String?)? =
            tableWhole(share.wholeName).map { ($0.value, $0.range, $0.tableTitle) }
            ?? statedWhole(share.wholeName).flatMap { $0.range == part.range ? nil : ($0.value, $0.range, nil) }
          if let whole = elsewhere, !whole.value.isZero, part.value <= whole.value {
            check(
              share.share, part: part.value, whole: (whole.value, whole.range, share.wholeName), source: whole.source,
              paragraph, reader, context: &context)
          }
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

  /// The procurement wholes an award to small businesses is part of ("占政府采购支出总额的",
  /// "占授予中小企业合同金额的" for the 小微 part of it).
  private static let procurementWholes = ["采购支出总额", "中小企业合同金额"]

  /// The totals a share may name without stating them, whose figure the summary tables give.
  private static let tableTotals: Set<String> = ["本年支出合计", "本年收入合计", "支出合计", "收入合计", "一般公共预算财政拨款支出"]

  /// `share` against part ÷ whole (`whole.name`'s figure, from the table `source` when it is not the
  /// paragraph's): reported, with the percentage to write, when they disagree.
  @discardableResult
  private func check(
    _ share: Paragraph.Number, part: Amount, whole: (value: Amount, range: Range<Int>, name: String),
    source: String? = nil, _ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext
  ) -> Bool {
    context.ran()
    guard
      let agrees = RatioCheck.agrees(
        stated: share.value, part: part, partTolerance: RatioCheck.halfUnit(part), whole: whole.value,
        wholeTolerance: RatioCheck.halfUnit(whole.value)), !agrees,
      let expected = RatioCheck.percent(part: part, whole: whole.value, decimals: share.value.decimals)
    else { return false }
    let edit = TextEdit(range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: share)), newText: expected)
    let stated = "\(whole.name) \(whole.value)" + (source.map { "（\($0)）" } ?? "")
    context.report(
      share.range, "占比应为 \(part) ÷ \(stated) = \(expected)%，文中为 \(share.value.asWritten)%",
      related: [Finding.Related(range: whole.range, message: "\(whole.name) \(whole.value)")],
      fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isPreferred: true)], hint: "= \(expected)%")
    return true
  }

  /// A share a 三公 sentence gives one of its items ("因公出国（境）费支出决算 0.00 万元，占 0.00%"), with
  /// the item's figure when the clause states one.
  private struct SangongShare {
    var label: String
    var share: Paragraph.Number
    var part: Paragraph.Number?
    var sentence: Range<Int>
    /// The sentence speaks of the budget or of last year: the 三公 table's 决算 is not its whole.
    var ownFigures: Bool
  }

  private static let sangongWord = Array("三公".utf8)
  private static let kindAwardWords = Array("采购授予中小企业合同金额".utf8)

  /// The 三公 items a share without a named whole may be of: the three the 三公 are made of.
  private static let sangongItems = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"]

  /// "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；…公务接待费支出决算
  /// 0.39 万元，占 100.00%": each item's share of the 三公 as a whole, which the sentence does not
  /// name. The whole is the 三公 table's 合计 (决算数), or without one the three items the sentence
  /// states, added. The item is taken as the sentence states it and as the table does, where they
  /// differ (xref/narrative-number's finding): the share is reported only when it fits neither.
  private func checkSangongShares(_ reader: NarrativeReader, table: Table?, context: inout RuleContext) {
    let paragraph = reader.paragraph
    guard UTF8Text.firstOffset(of: Self.sangongWord, in: paragraph.utf8) != nil else { return }
    var items: [SangongShare] = []
    for (offset, share) in reader.wholelessShares {
      let sentence = reader.sentence(containing: offset)
      let sentenceText = paragraph.text(in: sentence).utf8Text
      let clauseStart = reader.occurrences(of: "；", in: sentence.lowerBound..<offset).last.map { $0 + 3 }
      let clause = clauseStart ?? sentence.lowerBound
      guard let label = SangongLookup.item(lastIn: paragraph.text(in: clause..<offset)),
        Self.sangongItems.contains(label), sentenceText.contains("三公")
      else { continue }
      // A sentence of the budget or of last year ("“三公”经费财政拨款支出预算中，…", "上年“三公”经费…")
      // is not the table's 决算 column: its shares are of its own items' sum.
      let ownFigures = sentenceText.contains("上年") || (sentenceText.contains("预算") && !sentenceText.contains("决算"))
      let part = paragraph.numbers.last {
        $0.unit == .tenThousandYuan && $0.textRange.lowerBound >= clause && $0.textRange.upperBound <= offset
      }
      items.append(SangongShare(label: label, share: share, part: part, sentence: sentence, ownFigures: ownFigures))
    }
    // The sentences an item's share was reported in, and each item's share as its figures give it.
    var reported: Set<Range<Int>> = []
    var computed: [Range<Int>: Double] = [:]
    for item in items {
      let table = item.ownFigures ? nil : table
      guard let whole = sangongWhole(of: item.sentence, items: items, table: table, paragraph) else { continue }
      // An item is part of the 三公: above 100% it is wrong whatever the figures' rounding allows.
      if whole.value.tenThousandths > 0, Self.exceedsWhole(item.share.value) {
        context.ran()
        context.report(
          item.share.range, "\(item.label)是“三公”经费的一部分，占比不会超过 100%，文中为 \(item.share.value.asWritten)%")
        reported.insert(item.sentence)
        continue
      }
      var parts: [Amount] = []
      if let inTable = SangongLookup.actual(of: item.label, in: table) { parts.append(inTable.actual) }
      if let part = item.part { parts.append(part.value) }
      guard let part = parts.first else { continue }
      if whole.value.tenThousandths > 0 {
        computed[item.share.range] = Double(part.tenThousandths) / Double(whole.value.tenThousandths) * 100
      }
      context.ran()
      let fits = parts.contains { part in
        RatioCheck.agrees(
          stated: item.share.value, part: part, partTolerance: RatioCheck.halfUnit(part), whole: whole.value,
          wholeTolerance: whole.tolerance) != false
      }
      guard !fits else { continue }
      if check(
        item.share, part: part, whole: (whole.value, whole.range, "“三公”经费合计"), source: whole.source, paragraph,
        reader, context: &context)
      {
        reported.insert(item.sentence)
      }
    }
    for sentence in Set(items.map(\.sentence)).subtracting(reported) {
      checkSangongShareSum(
        items.filter { $0.sentence == sentence }, computed: computed, table: table, items: items, paragraph,
        context: &context)
    }
  }

  /// The three items make up the 三公, so their shares add up to 100% (each off by at most half
  /// its last written digit) when the 三公 as a whole is more than nothing. Reported, where no share
  /// of the sentence was, at the share furthest from what its figures give (the first without them),
  /// when the shares' own figures each allowed it, or the shares stand without figures: tiny
  /// amounts ("0.05 万元") leave each share wide rounding, but not their sum.
  private func checkSangongShareSum(
    _ stated: [SangongShare], computed: [Range<Int>: Double], table: Table?, items: [SangongShare],
    _ paragraph: Paragraph, context: inout RuleContext
  ) {
    guard stated.count == Self.sangongItems.count, Set(stated.map(\.label)).count == stated.count,
      let first = stated.first
    else { return }
    // The whole is more than nothing as its figures give it, or, none given, as a share above 0 says.
    if let whole = sangongWhole(of: first.sentence, items: items, table: first.ownFigures ? nil : table, paragraph) {
      guard whole.value.tenThousandths > 0 else { return }
    } else {
      guard stated.contains(where: { $0.share.value.tenThousandths > 0 }) else { return }
    }
    context.ran()
    let sum = stated.reduce(0.0) { $0 + $1.share.value.doubleValue }
    let slack = stated.reduce(0.0) { $0 + RatioCheck.lastDigitUnit(decimals: $1.share.value.decimals) / 2 }
    guard abs(sum - 100) > slack + 1e-9 else { return }
    let furthest =
      stated.max { left, right in
        abs(left.share.value.doubleValue - (computed[left.share.range] ?? left.share.value.doubleValue))
          < abs(right.share.value.doubleValue - (computed[right.share.range] ?? right.share.value.doubleValue))
      } ?? first
    let written = stated.map { "\($0.share.value.asWritten)%" }.joined(separator: " + ")
    let total = Amount(tenThousandths: Int64((sum * 10_000).rounded())).formatted(decimals: 2)
    let likeliest = stated.contains { computed[$0.share.range] != nil } ? "：\(furthest.label)的占比最可能有误" : ""
    context.report(
      furthest.share.range, "“三公”经费三项占比之和应为 100%，文中为 \(written) = \(total)%\(likeliest)",
      related: stated.filter { $0.share.range != furthest.share.range }.map {
        Finding.Related(range: $0.share.range, message: "\($0.label) \($0.share.value.asWritten)%")
      })
  }

  /// The 三公 as a whole for the shares of `sentence`: the table's 合计 (决算数), or without it the
  /// three items the sentence states, each once, added (the tolerance adding their roundings).
  private func sangongWhole(
    of sentence: Range<Int>,
    items: [SangongShare], table: Table?, _ paragraph: Paragraph
  ) -> (value: Amount, tolerance: Int64, range: Range<Int>, source: String?)? {
    if let total = SangongLookup.actual(of: "合计", in: table) {
      return (total.actual, RatioCheck.halfUnit(total.actual), total.row.range, table?.title)
    }
    let stated = items.filter { $0.sentence == sentence }
    let parts = stated.compactMap(\.part)
    guard Set(stated.map(\.label)).count == Self.sangongItems.count, stated.count == parts.count else { return nil }
    let tolerance = parts.reduce(0) { $0 + RatioCheck.halfUnit($1.value) }
    return (Amount.sum(parts.map(\.value)), tolerance, paragraph.sourceRange(ofTextRange: sentence), nil)
  }

  /// "授予中小企业合同金额 A 万元…货物采购授予中小企业合同金额占货物支出金额的 W1%，工程采购…的 W2%，服务采购…的
  /// W3%" (the national template): what the three shares give, each of its kind's 支出 stated in
  /// the paragraph, adds up to A. Reported when the shares alone already exceed A, or, all three
  /// stated, fall short of it, beyond the rounding of every figure.
  private func checkSmallBusinessAwards(_ reader: NarrativeReader, context: inout RuleContext) {
    guard UTF8Text.firstOffset(of: Self.kindAwardWords, in: reader.paragraph.utf8) != nil else { return }
    // The award as a whole: "授予中小企业合同金额 A 万元", no kind of purchase before it.
    let award = reader.occurrences(of: "授予中小企业合同金额").lazy.compactMap { offset -> Paragraph.Number? in
      guard !reader.has("采购", at: offset - 6) else { return nil }
      var cursor = reader.skippingSpaces(from: offset + "授予中小企业合同金额".utf8.count)
      if reader.has("为", at: cursor) { cursor = reader.skippingSpaces(from: cursor + 3) }
      return reader.number(startingAt: cursor).flatMap { $0.unit == .tenThousandYuan ? $0 : nil }
    }.first
    guard let award else { return }
    // What each kind's share gives, as the range its rounded figures allow (ten-thousandths of 万元).
    var low: Int64 = 0
    var high: Int64 = 0
    var working: [String] = []
    var kinds: Set<String> = []
    var largest: (share: Paragraph.Number, low: Int64)?
    for share in reader.shares {
      guard let kind = ["货物", "工程", "服务"].first(where: { share.wholeName.utf8Text.hasPrefix($0 + "支出") }),
        let base = share.whole, !kinds.contains(kind)
      else { continue }
      let subject = kind + "采购授予中小企业合同金额"
      guard reader.has(subject, at: reader.skippingSpacesBackward(from: share.offset) - subject.utf8.count) else {
        continue
      }
      let percent = share.share.value
      let half = RatioCheck.lastDigitUnit(decimals: percent.decimals) / 2
      context.ran()
      if Self.exceedsWhole(percent) {
        context.report(
          share.share.range, "\(subject)是\(kind)支出金额的一部分，占比不会超过 100%，文中为 \(percent.asWritten)%")
      }
      let baseHalf = RatioCheck.halfUnit(base.value)
      let shareLow = Int64(
        (max(0, percent.doubleValue - half) * Double(max(0, base.value.tenThousandths - baseHalf)) / 100).rounded(.down)
      )
      let shareHigh = Int64(
        ((percent.doubleValue + half) * Double(base.value.tenThousandths + baseHalf) / 100).rounded(.up))
      low += shareLow
      high += shareHigh
      kinds.insert(kind)
      working.append("\(kind) \(base.value) × \(percent.asWritten)%")
      if shareLow > largest?.low ?? 0 { largest = (share.share, shareLow) }
    }
    guard !kinds.isEmpty else { return }
    context.ran()
    let slack = RatioCheck.halfUnit(award.value)
    let sum = working.joined(separator: " + ")
    let related = [Finding.Related(range: award.range, message: "授予中小企业合同金额 \(award.value) 万元")]
    if low > award.value.tenThousandths + slack, let largest {
      let least = Amount(tenThousandths: low).formatted(decimals: award.value.decimals)
      context.report(
        largest.share.range,
        "按各类占比，授予中小企业合同金额 = \(sum)，计入四舍五入至少为 \(least) 万元，而文中为 \(award.value) 万元：占比或金额有误",
        related: related)
    } else if kinds.count == 3, high < award.value.tenThousandths - slack {
      let most = Amount(tenThousandths: high).formatted(decimals: award.value.decimals)
      context.report(
        award.range,
        "按各类占比，授予中小企业合同金额 = \(sum)，计入四舍五入至多为 \(most) 万元，而文中为 \(award.value) 万元：占比或金额有误",
        related: [])
    }
  }

  /// Whether `parts` add up to `total`, each figure's rounding allowed.
  /// Whether a part's share is above 100% beyond its last written digit's rounding.
  private static func exceedsWhole(_ percent: Amount) -> Bool {
    percent.doubleValue - RatioCheck.lastDigitUnit(decimals: percent.decimals) / 2 >= 100 + 1e-9
  }

  private static func addUp(_ parts: [Paragraph.Number], to total: Paragraph.Number) -> Bool {
    guard !parts.isEmpty else { return false }
    let sum = Amount.sum(parts.map(\.value))
    let slack = parts.reduce(RatioCheck.halfUnit(total.value)) { $0 + RatioCheck.halfUnit($1.value) }
    return abs((sum - total.value).tenThousandths) <= slack
  }

  /// "X 万元，占 W%" items of a list checked against the list's total.
  private func checkList(_ reader: NarrativeReader, total: Paragraph.Number, context: inout RuleContext) {
    let paragraph = reader.paragraph
    // The total may be another paragraph's: its place in the source, not in the paragraph, tells.
    let own = paragraph.numbers.first { $0.range == total.range }
    for (part, share) in reader.unnamedShares where part.range != total.range {
      // A part of a part ("…8.00 万元，占 80.00%，其中授予小微企业合同金额 5.00 万元，占 62.50%", or in
      // brackets) has its share of that part, the figure before its own 其中.
      let whole = Self.nestedWhole(of: part, after: own, in: reader) ?? total
      guard !whole.value.isZero else { continue }  // a zero whole: nothing to compare
      guard part.value <= whole.value else { continue }  // not a part of this whole
      check(
        share, part: part.value, whole: (whole.value, whole.range, whole.range == total.range ? "合计" : "上一层合计"),
        paragraph, reader, context: &context)
    }
  }

  /// The whole of a nested list `part` is in: the 万元 figure (not a change's Δ) right before the
  /// last 其中 before `part`, when that figure is not the list's `total` itself (nor before it) and
  /// the nested list has not ended (at a ； or its closing bracket) before `part`.
  private static func nestedWhole(
    of part: Paragraph.Number, after total: Paragraph.Number?, in reader: NarrativeReader
  ) -> Paragraph.Number? {
    let start = total?.textRange.upperBound ?? 0
    guard start < part.textRange.lowerBound,
      let marker = reader.occurrences(of: "其中", in: start..<part.textRange.lowerBound).last
    else { return nil }
    // The nested list ends with its item's ；, or with the brackets it is in: inside brackets
    // ("（其中：购置费…；运行维护费…）") only with them.
    let between = marker..<part.textRange.lowerBound
    func brackets(in range: Range<Int>) -> (opens: Int, closes: Int) {
      (
        ["（", "("].reduce(0) { $0 + reader.occurrences(of: $1, in: range).count },
        ["）", ")"].reduce(0) { $0 + reader.occurrences(of: $1, in: range).count }
      )
    }
    let before = brackets(in: start..<marker)
    let inside = brackets(in: between)
    guard inside.closes <= inside.opens,
      before.opens > before.closes || reader.occurrences(of: "；", in: between).isEmpty
    else { return nil }
    return reader.paragraph.numbers.last {
      $0.unit == .tenThousandYuan && $0.textRange.upperBound <= marker && $0.textRange.lowerBound >= start
        && !reader.isChangeAmount($0)
    }
  }
}
