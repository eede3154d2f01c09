import JuesuanAnalysis
import JuesuanModel

/// A year that contradicts the report year: a work summary opening with the following year, or
/// figures for a year two or more years back stated as this year's results.
struct YearMismatchRule: Rule {
  static let description = RuleDescription(
    code: "text/year-mismatch",
    summary: "正文年份应与报告年度一致（工作总结写成下一年度、绩效结果写成前几年的数据）。",
    rationale: """
      只报告明确的情形：与上年比较（“较/比 20XX 年…增加/减少”）而年份不是报告年度的上一年；\
      段首“20XX年，…”为报告年度的下一年且段落是工作总结而不是计划（没有“将、计划、拟”等）；\
      “20XX 年…为 N”式的指标结果而年份早于上年；报告自称的“20XX 年度部门决算”、表头年份行、\
      与上年比较之句（“比 20XX 年度增加”亦是）所说的本年、“20XX 年度没有…”“该项目 20XX 年度未开展”“本部门 20XX 年度未购置”（表下注释中的也算），以及决算中没有计划之意的以后年度，年份不是报告年度；\
      预算中说本年安排的“20XX 年度，本部门编报…”“20XX 年度项目总预算”“20XX 年度本部门政府采购预算”同样；\
      预算项目经费说明的“实施周期”（该标题行及其下到下一个“六、”类标题的文字）不含预算年度（“2024全年度”）的也是；\
      决算说明中以上一年度开头、只陈述金额而不作比较的段落（“2022 年度机关运行经费支出 0.00 万元。”）也是\
      （同一段已写明本年度同一事项的，是有意并列的上年数，不报）；\
      还有写成上一年或下一年、金额却与本年表中数相同的叙述；并列的“编报绩效目标的 YYYY 年度项目…绩效自评的\
      YYYY 年度项目”中多数为报告年度而个别不同的；决算中“YYYY 年度预算绩效管理工作”“对 YYYY 年度 N 个项目实施单位自评”“关于开展 YYYY 年度单位自评…”年份不是报告年度的。文号〔2024〕、日期“2024年6月25日”、\
      年份区间和“上年（2022年）”均不报告。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      // Last year had none: this year states its figure, or the unit began this year.
      .init("# 2024年度部门决算\n\n机关运行经费支出 10.23 万元，2023 年度无此项支出。主要原因是单位于 2024 年成立。\n"),
      .init("# 2024年度部门决算\n\n本部门 2024 年度收入、支出总计均为 307.82 万元。因单位于 2024 年成立，2023 年度无收支。\n"),
      .init("# 2023年度部门决算\n\n2023年度“三公”经费支出24.37万元，较上年减少3.63万元，下降12.96%。2022年度“三公”经费支出28.00万元。\n"),
      .init("# 2023年度部门决算\n\n2022年度本部门收入总计、支出总计均为1,154.78万元。2023年度收入总计1,654.78万元，支出总计1,654.78万元。\n"),
      .init(
        "# 2023年度部门决算\n\n2023年度收入总计1,862.53万元。2022年度收入总计1,535.02万元。与上年相比，收入总计增加327.51万元，增长21.34%。\n"
      ),
      // Last year's figure set beside this year's, sentence by sentence.
      .init("某区住房和城乡建设局2023年度部门决算\n\n2023年度机关运行经费支出150.00万元。2022年度机关运行经费支出160.00万元。\n"),
      // A budget compared with the latest final, two years before; its first sentence is not its title.
      .init("某市司法局2025年部门预算\n\n2025年“三公”经费预算10.00万元，比2023年决算数8.00万元增加2.00万元，增长25.00%。\n"),
      // Last year's projects evaluated by the department, beside this year's self-evaluation.
      .init("# 2023年度部门决算\n\n本部门2023年度开展绩效自评的项目共5个，同时对2022年度3个项目开展了部门评价。\n"),
      // Last year set beside this year.
      .init("# 2023年度部门决算\n\n本部门2022年度没有政府性基金预算财政拨款收入，2023年度新增城市基础设施配套费安排的支出50.00万元。\n"),
      // Both years stated, in parts of one sentence: the earlier one is the base.
      .init("# 2023年度部门决算\n\n2023年度收入 1,000.00 万元；2022年度收入 900.00 万元；比上年增加 100.00 万元，增长 11.11%。\n"),
      // Other years on purpose: the same year's budget, a trend beside last year, a base year, a
      // project's history up to this year.
      .init("# 某某局2023年度部门决算\n\n2023年度一般公共预算财政拨款支出决算为120.00万元，比2023年年初预算数增加20.00万元，主要是追加项目。\n"),
      .init("# 某某局2023年度部门决算\n\n“三公”经费支出决算数2.30万元，比2022年减少0.50万元，比2021年减少1.20万元，连续两年下降。\n"),
      .init("# 某某局2023年度部门决算\n\n全市接待游客人次较2019年同期增长15.2%，恢复至疫情前水平。\n"),
      .init("# 某某局2023年度部门决算\n\n效益指标：空气质量优良天数比率达到88.5%，以2020年为基准年，2020年基准值为82.0%。\n"),
      .init("# 某某局2023年度部门决算\n\n该项目于2021年启动实施，2021年完成投资为120.00万元，2022年完成投资为80.00万元，2023年完成投资为100.00万元。\n"),
      // Both years stated, the earlier one the base of 较上年.
      .init("# 示范局2024年度部门决算\n\n2023年度支出决算为80.00万元，2024年度为100.00万元，较上年增加20.00万元，增长25.00%。\n"),
      .init("# 2025年度部门预算\n\n某某项目经费情况说明\n一、项目概述\n本项目实施周期三年，自2024年起。\n五、实施周期\n2024年12月至2025年12月。\n六、年度预算安排\n"),
      .init("# 2023年度部门决算\n\n主要原因是 2022 年未支出项目在 2023 年支出，依据〔2024〕36 号文，于2024年6月25日完成评价。"),
      .init("# 2023年度部门决算\n\n2024年，本单位将继续加强预算管理。"),
      .init("# 2023年度部门决算\n\n部门名称：某某区人民政府办公室      2023年度\n\n部门名称：某某区人民政府办公室于2022年成立\n"),
      .init("# 2023年度部门决算\n\n2023年度收入总计10.00万元，与2022年度相比增加1.00万元。上年（2022年度）无此项支出。\n"),
      .init("# 2025年度部门预算\n\n2025年度，本部门编报绩效目标的项目共25个。截至2024年8月31日，共有车辆0辆。\n"),
      .init("# 2023年度部门决算\n\n2022 年度机关运行经费支出 12.00 万元，2023 年度减少 2.00 万元。\n"),
      .init("# 2023年度部门决算\n\n2023年度本部门机关运行经费支出12.00万元，比2022年度增加2.00万元，增长20.00%。\n"),
      .init(
        "# 2024年度部门决算\n\n本部门 2024 年度预算绩效管理工作开展情况如下：编报绩效目标的 2024 年度项目 1 个；绩效跟踪评价的 2024 年度项目 1 个；绩效自评的 2024 年度项目 1 个。\n"
      ),
    ],
    triggeringExamples: [
      // Last year's words for another thing than this year's statement: not set beside it.
      .init("# 2023年度部门决算\n\n2023年度三公经费支出24.37万元。⟦2022⟧年度三公经费全年预算30.00万元。\n"),
      .init(
        "# 2025年度部门预算\n\n某某项目经费情况说明\n五、实施周期\n⟦2024⟧全年度。\n六、年度预算安排\n",
        fixed: "# 2025年度部门预算\n\n某某项目经费情况说明\n五、实施周期\n2025全年度。\n六、年度预算安排\n"),
      .init("# 2023年度部门决算\n\n⟦2024年⟧，本单位主要任务是：围绕中心工作，重点完成了以下工作。"),
      .init("# 2023年度部门决算\n\n效益方面：该部分分值 20 分，评价得 20 分。⟦2021 年⟧服务对象数量为 12 万人，完成目标值。"),
      .init(
        "# 2023年度部门决算\n\n某某局 ⟦2022⟧ 年度部门决算表\n", fixed: "# 2023年度部门决算\n\n某某局 2023 年度部门决算表\n"),
      .init(
        "# 2023年度部门决算\n\n⟦2022⟧ 年度收入总计 10.00 万元。与上年相比，增加 1.00 万元。\n",
        fixed: "# 2023年度部门决算\n\n2023 年度收入总计 10.00 万元。与上年相比，增加 1.00 万元。\n"),
      .init(
        "# 2023年度部门决算\n\n本部门 ⟦2022⟧ 年度没有使用政府性基金预算财政拨款。\n",
        fixed: "# 2023年度部门决算\n\n本部门 2023 年度没有使用政府性基金预算财政拨款。\n"),
      .init(
        "# 2023年度部门决算\n\n⟦2022⟧年度本部门机关运行经费支出12.00万元，比2022年度增加2.00万元，增长20.00%。\n",
        fixed: "# 2023年度部门决算\n\n2023年度本部门机关运行经费支出12.00万元，比2022年度增加2.00万元，增长20.00%。\n"),
      .init(
        "# 2023年度部门决算\n\n根据《某某区财政局关于开展 ⟦2022⟧ 年度单位自评和部门评价的通知》，本部门开展了绩效自评。\n",
        fixed: "# 2023年度部门决算\n\n根据《某某区财政局关于开展 2023 年度单位自评和部门评价的通知》，本部门开展了绩效自评。\n"),
      .init(
        "# 2023年度部门决算\n\n根据全面实施预算绩效管理要求，本部门组织对 ⟦2022⟧ 年度 1 个项目实施单位自评。\n",
        fixed: "# 2023年度部门决算\n\n根据全面实施预算绩效管理要求，本部门组织对 2023 年度 1 个项目实施单位自评。\n"),
      .init(
        "# 2023年度部门决算\n\n公务用车购置费0.00万元，本部门⟦2022⟧年度未购置公务用车。\n",
        fixed: "# 2023年度部门决算\n\n公务用车购置费0.00万元，本部门2023年度未购置公务用车。\n"),
      .init(
        "# 2023年度部门决算\n\n## 国有资本经营预算财政拨款支出决算表\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\n\n注：本部门⟦2022⟧年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。\n",
        fixed:
          "# 2023年度部门决算\n\n## 国有资本经营预算财政拨款支出决算表\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\n\n注：本部门2023年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。\n"
      ),
      .init(
        "# 2023年度部门决算\n\n政务协同办公平台建设项目决算数 0.00 万元，该项目 ⟦2022⟧ 年度未开展。\n",
        fixed: "# 2023年度部门决算\n\n政务协同办公平台建设项目决算数 0.00 万元，该项目 2023 年度未开展。\n"),
      .init(
        "# 2023年度部门决算\n\n机关运行经费支出49.25万元，比⟦2021年⟧增加8.54万元，增长20.98%。",
        fixed: "# 2023年度部门决算\n\n机关运行经费支出49.25万元，比2022年增加8.54万元，增长20.98%。"),
      .init(
        "# 2023年度部门决算\n\n⟦2022⟧ 年度机关运行经费支出 12.00 万元。主要原因是压减开支。\n",
        fixed: "# 2023年度部门决算\n\n2023 年度机关运行经费支出 12.00 万元。主要原因是压减开支。\n"),
      .init(
        "# 2025年度部门预算\n\n⟦2024⟧年度，本部门编报绩效目标的项目共25个。\n",
        fixed: "# 2025年度部门预算\n\n2025年度，本部门编报绩效目标的项目共25个。\n"),
      .init(
        "# 2023年度部门决算\n\n财政项目支出绩效目标填报表\n（⟦2022⟧年度）\n", fixed: "# 2023年度部门决算\n\n财政项目支出绩效目标填报表\n（2023年度）\n"),
      .init(
        "# 2023年度部门决算\n\n                         财政项目支出绩效目标填报表\n                                      （⟦2024⟧年度）\n",
        fixed:
          "# 2023年度部门决算\n\n                         财政项目支出绩效目标填报表\n                                      （2023年度）\n"),
      .init(
        "# 2023年度部门决算\n\n## 支出决算表\n\n部门名称：某某区人民政府办公室      ⟦2022⟧年度\n\n金额单位：万元\n",
        fixed: "# 2023年度部门决算\n\n## 支出决算表\n\n部门名称：某某区人民政府办公室      2023年度\n\n金额单位：万元\n"),
      .init(
        "# 2024年度部门决算\n\n编报绩效目标的 2024 年度项目 1 个；绩效跟踪评价的 ⟦2023⟧ 年度项目 1 个；绩效自评的 2024 年度项目 1 个。\n",
        fixed:
          "# 2024年度部门决算\n\n编报绩效目标的 2024 年度项目 1 个；绩效跟踪评价的 2024 年度项目 1 个；绩效自评的 2024 年度项目 1 个。\n"),
      .init(
        "# 2024年度部门决算\n\n本部门 ⟦2023⟧ 年度预算绩效管理工作开展情况如下：本部门建立了绩效管理制度。\n",
        fixed: "# 2024年度部门决算\n\n本部门 2024 年度预算绩效管理工作开展情况如下：本部门建立了绩效管理制度。\n"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  private static let twenty = Array("20".utf8)
  private static let summaryMarkers = ["主要任务是", "重点完成了", "主要工作是", "主要完成了"]
  private static let futureMarkers = ["将", "计划", "拟", "预计", "展望", "下一步", "思路", "打算", "力争"]

  func check(_ report: Report, context: inout RuleContext) {
    guard let year = report.year else {
      context.skip("报告年度未知，未核对年份")
      return
    }
    let reported = checkReportYear(report, year: year, context: &context)
    checkYearLines(report, year: year, besides: reported, context: &context)
    checkYearOfFigures(report, year: year, context: &context)
    checkProjectPeriods(report, year: year, context: &context)
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      context.ran()
      let reader = readers[index]
      let bytes = reader.bytes
      var index = 0
      while index + 4 <= bytes.count {
        // A year literal starts "20": the bytes between are passed over by byte search.
        guard let found = UTF8Text.firstOffset(of: Self.twenty, in: bytes, from: index) else { break }
        index = found
        guard let (value, end) = yearLiteral(bytes, at: index) else {
          index += 1
          continue
        }
        defer { index = end }
        var after = reader.skippingSpaces(from: end)
        guard reader.has("年", at: after) else { continue }
        after += 3
        let yearRange = index..<after
        let isParagraphStart = reader.skippingSpaces(from: 0) == index
        if value != year - 1, isComparison(reader, yearStart: index, yearEnd: after),
          !Self.comparesOnPurpose(reader, value: value, year: year, after: after, isBudget: report.kind.isBudget)
        {
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告与上年比较，上年应为 \(year - 1) 年，文中写作“\(value)年”",
            fixes: [
              Fix(
                title: "改为 \(year - 1)年",
                edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: index..<end), newText: String(year - 1))])
            ])
        } else if value == year + 1, isParagraphStart {
          var next = after
          if reader.has("度", at: next) { next += 3 }
          guard reader.has("，", at: next) else { continue }
          let text = paragraph.text
          guard !Self.futureMarkers.contains(where: text.utf8Text.contains) else { continue }
          // A work summary: under a 工作总结 heading, or saying what the year's tasks were.
          let heading =
            paragraph.headingIndex.flatMap { report.headings.indices.contains($0) ? report.headings[$0].text : nil }
            ?? ""
          guard
            heading.utf8Text.contains("工作总结") || heading.utf8Text.contains("主要工作")
              || Self.summaryMarkers.contains(where: text.utf8Text.contains)
          else { continue }
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告的工作总结写成了“\(value)年”，应为“\(year)年”",
            fixes: [
              Fix(
                title: "改为 \(year)年",
                edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: index..<end), newText: String(year))])
            ])
        } else if value <= year - 2, value >= year - 10 {
          guard isResultStatement(reader, from: after, yearStart: index),
            !Self.isHistory(reader, yearStart: index, after: after, year: year)
          else { continue }
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告中出现“\(value)年”的指标结果，可能是以前年度报告的残留")
        }
      }
    }
  }

  /// A comparison with another year than the last that means it: the same year's budget ("比2023年
  /// 年初预算数增加" in a 2023 final), a budget's comparison with the latest final ("比2022年决算数"
  /// in a 2024 budget), a trend beside last year's comparison ("比2022年减少…，比2021年减少…"), a
  /// base year long before ("较2019年同期").
  private static func comparesOnPurpose(
    _ reader: NarrativeReader, value: Int, year: Int, after: Int, isBudget: Bool
  ) -> Bool {
    var cursor = after
    if reader.has("度", at: cursor) { cursor += 3 }
    if value == year, ["年初预算", "全年预算", "调整预算", "预算"].contains(where: { reader.has($0, at: cursor) }) {
      return true
    }
    if isBudget, value == year - 2, reader.has("决算", at: cursor) { return true }
    if value <= year - 3, reader.has("同期", at: cursor) { return true }
    let sentence = reader.sentence(containing: after)
    return value < year - 1
      && ["比\(year - 1)年", "较\(year - 1)年", "比上年", "较上年"].contains(where: {
        !reader.occurrences(of: $0, in: sentence).isEmpty
      })
  }

  /// A year of a project's history, not a result copied from an old report: its start or base
  /// ("于2021年启动", "以2020年为基准年", "2021年以来"), or one of the years a sentence runs through
  /// up to the report's ("2021年完成投资…，2022年…，2023年…", "（2021—2023年）…").
  private static func isHistory(_ reader: NarrativeReader, yearStart: Int, after: Int, year: Int) -> Bool {
    if Self.historyWords.contains(where: { reader.has($0, at: after) }) { return true }
    if yearStart >= 3, reader.has("以", at: yearStart - 3) { return true }
    return !reader.occurrences(of: "\(year)年", in: reader.sentence(containing: yearStart)).isEmpty
  }

  private static let historyWords = ["以来", "起", "为基准", "基准", "启动", "开始", "立项", "批复", "确定", "设立", "成立"]

  /// "较2021年决算…增加" / "比2021年增加": a comparison with a year, followed in its clause by a
  /// change word.
  private func isComparison(_ reader: NarrativeReader, yearStart: Int, yearEnd: Int) -> Bool {
    guard reader.has("较", at: yearStart - 3) || reader.has("比", at: yearStart - 3) else { return false }
    var end = yearEnd
    var characters = 0
    while end < reader.bytes.count, characters < 30, !(reader.has("，", at: end) || reader.has("。", at: end)) {
      end += 1
      if end < reader.bytes.count, reader.bytes[end] & 0xC0 != 0x80 { characters += 1 }
    }
    let clause = reader.paragraph.text(in: yearEnd..<end)
    return (NarrativeReader.increaseWords + NarrativeReader.decreaseWords).contains(where: clause.utf8Text.contains)
      || clause.utf8Text.hasPrefix("相比") || clause.utf8Text.hasPrefix("度相比")
  }

  /// Whether ，。；、 (EF BC 8C, E3 80 82, EF BC 9B, E3 80 81) is written at `index`.
  private static func endsClause(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let (lead, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
    return lead == 0xEF
      ? second == 0xBC && (third == 0x8C || third == 0x9B)
      : lead == 0xE3 && second == 0x80 && (third == 0x82 || third == 0x81)
  }

  /// Four ASCII digits 20xx not inside a longer number.
  /// A budget's project (项目经费情况说明) runs in the budget year: "五、实施周期 2024全年度" in a 2025
  /// budget names another. The period is the rest of the 实施周期 line and the lines below it up
  /// to the next numbered heading ("六、年度预算安排"); it is right when it names the budget year or
  /// a span of years that takes it in ("2024年12月至2025年12月", "2023-2025年").
  private func checkProjectPeriods(_ report: Report, year: Int, context: inout RuleContext) {
    guard report.kind.isBudget else { return }
    let source = report.source
    let bytes = source.bytes
    for line in 0..<source.lineCount {
      let range = source.byteRange(ofLine: line)
      // The heading "五、实施周期" (or "实施周期：…"), not a sentence that mentions one.
      guard
        let label = UTF8Text.firstOffset(
          of: Self.period, in: bytes, from: range.lowerBound, before: range.upperBound),
        Self.isNumbering(bytes[range.lowerBound..<label]),
        case let after = UTF8Text.skippingSpaces(in: bytes, from: label + Self.period.count),
        after >= range.upperBound || bytes[after] == 0x0D || UTF8Text.has("：", at: after, in: bytes)
          || bytes[after] == 0x3A
      else { continue }
      var years: [(value: Int, range: Range<Int>)] = []
      var text = (label + Self.period.count)..<range.upperBound
      var below = line
      while true {
        var index = text.lowerBound
        while let found = UTF8Text.firstOffset(of: Self.twenty, in: bytes, from: index, before: text.upperBound) {
          if let (value, end) = yearLiteral(bytes, at: found) {
            years.append((value, found..<end))
            index = end
          } else {
            index = found + 1
          }
        }
        below += 1
        guard below < source.lineCount, below - line <= 3 else { break }
        text = source.byteRange(ofLine: below)
        let opening = UTF8Text.skippingSpaces(in: bytes, from: text.lowerBound)
        let heading = bytes.withUnsafeBufferPointer { all in
          ReportParser.numberedLevel(UnsafeBufferPointer(rebasing: all[opening..<max(opening, text.upperBound)]))
        }
        guard heading != .section else { break }
      }
      guard let first = years.first else { continue }
      context.ran()
      let values = years.map(\.value)
      let span = (values.min() ?? year)...(values.max() ?? year)
      guard !span.contains(year) else { continue }
      let single = Set(values).count == 1
      context.report(
        first.range, "预算是 \(year) 年度的，项目实施周期写的是 \(first.value) 年，不含预算年度",
        fixes: single
          ? [Fix(title: "改为 \(year)", edits: years.map { TextEdit(range: $0.range, newText: String(year)) })] : [])
    }
  }

  private static let period = Array("实施周期".utf8)

  /// Whether `bytes` hold nothing but a heading's numbering: "五、", "（五）", "5.", spaces.
  private static func isNumbering(_ bytes: ArraySlice<UInt8>) -> Bool {
    String(decoding: bytes, as: UTF8.self).allSatisfy { character in
      character.isWhitespace || character.isASCIIDigit || "一二三四五六七八九十、（）().．".contains(character)
    }
  }

  private func yearLiteral(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
    guard index + 4 <= bytes.count, bytes[index] == 0x32, bytes[index + 1] == 0x30 else { return nil }
    if index > 0, bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39 { return nil }
    var value = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    if index + 4 < bytes.count, bytes[index + 4] >= 0x30 && bytes[index + 4] <= 0x39 { return nil }
    return (value, index + 4)
  }

  /// "2021 年服务对象数量为 12 万人": a year, a measure without dates or ranges, "为" and a number,
  /// all in one clause that starts the sentence or follows a comma.
  private func isResultStatement(_ reader: NarrativeReader, from offset: Int, yearStart: Int) -> Bool {
    // Not a date, a range, a document number or a "2022年度…项目" name.
    let bytes = reader.bytes
    if yearStart >= 3 {
      let before = String(decoding: bytes[(yearStart - 3)..<yearStart], as: UTF8.self)
      if ["〔", "（", "【", "至", "从", "于", "自"].contains(before) { return false }
    }
    if yearStart > 0, [UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "-")].contains(bytes[yearStart - 1]) {
      return false
    }
    let start = reader.skippingSpaces(from: offset)
    var end = start
    while end < bytes.count, !Self.endsClause(bytes, at: end) { end += 1 }
    let clause = reader.paragraph.text(in: start..<end)
    if clause.utf8Text.hasPrefix("度") || clause.utf8Text.hasPrefix("-") || clause.utf8Text.hasPrefix("—")
      || clause.utf8Text.hasPrefix("至")
    {
      return false
    }
    guard !clause.utf8Text.contains("月"), !clause.utf8Text.contains("年"), !clause.utf8Text.contains("项目"),
      !clause.utf8Text.contains("〕")
    else {
      return false
    }
    guard let marker = clause.utf8Text.range(of: "为") else { return false }
    let value = clause[marker.upperBound...].drop { $0 == " " }
    return value.first?.isASCII == true && value.first?.isNumber == true
  }

  // MARK: The report's own year

  /// "YYYY 年度" where the report's year belongs: a title naming the report ("…2024 年度部门决算",
  /// in the cover, a heading, the contents or a table's heading line), a year after the report's
  /// in a final account that plans nothing, and the year of a statement that compares with the
  /// year before ("2023 年度收入总计 X 万元，与上年相比…" in a 2024 report).
  /// Returns where it reported a year (the year lines' check says nothing more there).
  private func checkReportYear(_ report: Report, year: Int, context: inout RuleContext) -> Set<Int> {
    var reported = Set<Int>()
    // Paragraphs map their text to the source; a heading's or contents entry's text is its line's.
    // Only texts that say 年度 are decoded.
    let yearWord = Array("年度".utf8)
    var texts: [(text: String, range: Range<Int>, paragraph: Paragraph?)] = report.paragraphs.compactMap {
      UTF8Text.firstOffset(of: yearWord, in: $0.utf8) == nil ? nil : ($0.text, $0.range, $0)
    }
    texts += report.headings.map { ($0.text, $0.range, nil) }
    texts += report.contentsEntries.map { (report.source.text(in: $0), $0, nil) }
    // A table's notes: "注：本部门 2023 年度无政府性基金预算财政拨款收入…".
    texts += report.tables.flatMap(\.noteRanges).compactMap { range in
      UTF8Text.firstOffset(of: yearWord, in: report.source.bytes, from: range.lowerBound, before: range.upperBound)
        == nil
        ? nil : (report.source.text(in: range), range, nil)
    }
    for (text, range, paragraph) in texts where Self.mayNameOtherYear(text, than: year) {
      let scalars = Array(text.unicodeScalars)
      let mentions = Self.yearMentions(scalars)
      let listed = Self.listedProjectYears(mentions, in: scalars)
      for mention in mentions where mention.value != year {
        context.ran()
        let after = String(String.UnicodeScalarView(scalars[mention.end..<min(scalars.count, mention.end + 8)]))
          .filter { !$0.isWhitespace }
        let sentence = Self.sentence(of: scalars, around: mention.start)
        let following = Self.sentence(
          of: scalars, around: min(scalars.count, mention.start + sentence.unicodeScalars.count + 1))
        // Whether the whole sentence (its parts divided by "；" too), or its part from `first` on,
        // names the report's year: then an earlier year beside it may be set against it on
        // purpose. Read only by the readings that ask.
        func namesReportYear(from first: Int? = nil) -> Bool {
          Self.sentence(of: scalars, around: mention.start, ends: "。！？", from: first)
            .filter { !$0.isWhitespace }.utf8Text.contains("\(year)年")
        }
        var message: String?
        if after.hasPrefix("部门决算") || after.hasPrefix("单位决算") || after.hasPrefix("部门预算")
          || after.hasPrefix("单位预算")
        {
          message = "报告是 \(year) 年度的，此处写作“\(mention.value) 年度\(after.prefix(4))”，应为 \(year) 年度"
        } else if mention.value > year, !report.kind.isBudget,
          !["预算", "计划", "目标", "工作"].contains(where: after.hasPrefix),
          !Self.futureMarkers.contains(where: sentence.utf8Text.contains)
        {
          message = "\(year) 年度决算中出现以后年度“\(mention.value) 年度”的情况，应为 \(year) 年度"
        } else if !report.kind.isBudget, mention.value == year - 1, paragraph != nil,
          Self.opensSentence(scalars, at: mention.start, unit: report.unitName), Self.statesFigureAlone(sentence),
          !namesReportYear(from: mention.end), !Self.isStatedForYear(year, mentionEnd: mention.end, in: scalars)
        {
          // "2022 年度机关运行经费支出 0.00 万元。" opening a statement of a 2023 final account.
          message = "\(year) 年度决算的说明以“\(mention.value) 年度”开头陈述决算数，说的应是 \(year) 年度"
        } else if listed.odd.contains(mention.start), listed.common == year {
          // "编报绩效目标的 2024 年度项目…；绩效跟踪评价的 2023 年度项目…；绩效自评的 2024 年度项目…"
          message = "同一处列举的“…的 \(year) 年度项目”都是 \(year) 年度，此处写作“\(mention.value) 年度项目”"
        } else if !report.kind.isBudget, !mention.isComparisonBase, after.hasPrefix("预算绩效管理工作") {
          message = "\(year) 年度决算所说的预算绩效管理工作是本年度的，文中写作“\(mention.value) 年度”"
        } else if !report.kind.isBudget, !mention.isComparisonBase,
          Self.countsEvaluatedProjects(after, in: Self.sentence(of: scalars, around: mention.start, ends: "。！？；，,"))
            || Self.textBefore(scalars, mention.start).hasSuffix("开展") && after.utf8Text.contains("自评")
        {
          // "本部门组织对 2023 年度 1 个项目实施单位自评", "《…关于开展 2023 年度单位自评和部门评价的
          // 通知》": a final's evaluations are of its own year.
          message = "\(year) 年度决算所说的自评是本年度的，文中写作“\(mention.value) 年度”"
        } else if report.kind.isBudget, !mention.isComparisonBase, Self.statesOwnBudget(after) {
          message = "\(year) 年度预算中，本年的预算安排写作“\(mention.value) 年度”，应为 \(year) 年度"
        } else if mention.value == year - 1, !mention.isComparisonBase,
          Self.comparesWithLastYear(sentence) || Self.opensWithComparison(following),
          // "2023年度…80.00万元，2024年度为100.00万元，较上年增加…": both years stated, the earlier
          // one the base (also in parts the sentence divides with "；"); or this year's stated
          // before, in a sentence of its own ("2023年度收入总计 X。2022年度收入总计 Y。与上年相比…").
          !namesReportYear(), !Self.isStatedForYear(year, mentionEnd: mention.end, in: scalars)
        {
          message = "本句与上年比较，所说的本年应为 \(year) 年度，文中写作“\(mention.value) 年度”"
        } else if mention.value == year - 1, !mention.isComparisonBase,
          Self.deniesThisYear(after, before: Self.textBefore(scalars, mention.start)),
          // "2022年度没有…，2023年度新增…": the two years set side by side.
          !namesReportYear(from: mention.end),
          // "机关运行经费支出 10.23 万元，2023 年度无此项支出", "因单位于 2024 年成立，2023 年度无收支":
          // this year has the figure, or began with the unit.
          !after.hasPrefix("无") || !Self.statesAmountBefore(scalars, mention.start),
          !sentence.filter({ !$0.isWhitespace }).utf8Text.contains("成立")
        {
          message = "本句说的是本年度的情况（“\(after.prefix(3))…”），应为 \(year) 年度，文中写作“\(mention.value) 年度”"
        }
        guard let message else { continue }
        let offset = text.unicodeScalars.prefix(mention.start).reduce(0) { $0 + UTF8.width($1) }
        let place: Range<Int>
        if let paragraph {
          place = paragraph.sourceRange(ofTextRange: offset..<(offset + 4))
        } else {
          let digits = String(mention.value)
          let earlier =
            String(decoding: text.utf8.prefix(offset), as: UTF8.self).components(separatedBy: digits).count - 1
          place = Self.sourceRange(ofYear: digits, occurrence: earlier, in: range, source: report.source)
        }
        reported.insert(place.lowerBound)
        context.report(
          place, Message(message),
          fixes: [Fix(title: "改为 \(year) 年度", edits: [TextEdit(range: place, newText: String(year))])])
      }
    }
    return reported
  }

  private static let yearWordBytes = Array("年度".utf8)

  /// Whether `text` writes "年度" after four characters other than `year`'s digits (spaces between
  /// allowed): where `yearMentions` may find a year that is not the report's. The texts that name
  /// only the report year (most) are not decoded.
  /// - Complexity: O(n) in the text's length.
  private static func mayNameOtherYear(_ text: String, than year: Int) -> Bool {
    let bytes = Array(text.utf8)
    let digits = Array(String(year).utf8)
    for offset in UTF8Text.offsets(of: yearWordBytes, in: bytes, range: 0..<bytes.count) {
      var end = offset
      while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
      if end < digits.count || !bytes[(end - digits.count)..<end].elementsEqual(digits) { return true }
    }
    return false
  }

  /// A line that holds only a year ("2023年度", "2023 年"), as under a table's title: the year the
  /// table is of, which must be the report's.
  private static let yearCharacter = Array("年".utf8)
  private static let yearLineMarks: Set<Character> = ["#", "*", "（", "）", "(", ")"]

  private func checkYearLines(_ report: Report, year: Int, besides reported: Set<Int>, context: inout RuleContext) {
    let source = report.source
    let bytes = source.bytes
    for line in 0..<source.lineCount {
      let whole = source.byteRange(ofLine: line)
      // Indented by the PDF's layout ("                （2023年度）"): measured without the spaces.
      var start = whole.lowerBound
      var end = whole.upperBound
      while start < end, bytes[start] == 0x20 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
      let range = start..<end
      // A longer line is read only when it opens with a unit's name ("部门名称：").
      guard range.count >= 5, range.count <= 24 || range.count <= 160 && Self.opensWithOwner(range, source),
        source.bytes[range].contains(0x32),
        UTF8Text.firstOffset(of: Self.yearCharacter, in: source.bytes, from: range.lowerBound, before: range.upperBound)
          != nil
      else { continue }
      // "2023年度", "（2023年度）" under a 绩效目标表's title, or "部门名称：… 2023年度" above a table.
      let place: Range<Int>
      let value: Int
      if range.count <= 24 {
        let compact = source.text(in: range).filter { !$0.isWhitespace && !Self.yearLineMarks.contains($0) }
        guard compact.count <= 6, compact.hasSuffix("年度") || compact.hasSuffix("年"),
          let stated = Int(compact.prefix { $0.isASCIIDigit }), compact.prefix(while: \.isASCIIDigit).count == 4,
          compact.dropFirst(4) == "年度" || compact.dropFirst(4) == "年",
          let digits = source.bytes[range].firstRange(of: Array(String(stated).utf8))
        else { continue }
        value = stated
        place = digits
      } else {
        guard let (stated, digits) = Self.headerYear(in: range, of: source) else { continue }
        value = stated
        place = digits
      }
      context.ran()
      guard value != year, !reported.contains(place.lowerBound) else { continue }
      context.report(
        place, "报告是 \(year) 年度的，表头年份写作“\(value)年度”，应为 \(year) 年度",
        fixes: [Fix(title: "改为 \(year)", edits: [TextEdit(range: place, newText: String(year))])])
    }
  }

  private static let headerOwners = ["部门名称：", "单位名称：", "编制单位：", "填报单位：", "部门名称:", "单位名称:", "编制单位:"]
    .map { Array($0.utf8) }

  /// Whether the line at `range` opens with "部门名称：" and the like.
  private static func opensWithOwner(_ range: Range<Int>, _ source: SourceText) -> Bool {
    // 部, 单, 编 and 填 open with 0xE9, 0xE5 or 0xE7: most lines are ruled out by their first byte.
    let lead = source.bytes[range.lowerBound]
    guard lead == 0xE9 || lead == 0xE5 || lead == 0xE7 else { return false }
    return headerOwners.contains { UTF8Text.has($0, at: range.lowerBound, in: source.bytes) }
  }

  /// "部门名称：长治市上党区人民政府办公室      2023年度": a table's header line naming the unit and,
  /// after spaces, the year alone. The year and its digits' range.
  private static func headerYear(in range: Range<Int>, of source: SourceText) -> (Int, Range<Int>)? {
    guard opensWithOwner(range, source) else { return nil }
    let text = source.text(in: range)
    var trailing = text
    if trailing.hasSuffix("年度") {
      trailing.removeLast(2)
    } else if trailing.hasSuffix("年") {
      trailing.removeLast()
    } else {
      return nil
    }
    let digits = trailing.reversed().prefix(while: \.isASCIIDigit)
    guard digits.count == 4, let year = Int(String(digits.reversed())) else { return nil }
    let before = trailing.dropLast(4)
    guard let separator = before.last, separator == " " || separator == "\t" || separator == "\u{3000}" else {
      return nil
    }
    let end = range.upperBound - (text.hasSuffix("年度") ? "年度".utf8.count : "年".utf8.count)
    return (year, (end - 4)..<end)
  }

  /// A figure labelled with the year before or after the report's that is the report's own: the
  /// narrative names "2022 年度收入合计 1,654.78 万元" where the tables' this year's 收入合计 is
  /// 1,654.78 (and the narrative reads only this year's tables against the report year).
  private func checkYearOfFigures(_ report: Report, year: Int, context: inout RuleContext) {
    lazy var own = NarrativeBinder(report: report, catalogue: context.catalogue)
    for other in [year - 1, year + 1] {
      let label = String(other)
      // Paragraphs with amounts where "2022年" is not the year compared with ("较2022年").
      let paragraphs = report.paragraphs.filter { paragraph in
        paragraph.numbers.contains { $0.unit == .tenThousandYuan }
          && Self.namesYear(Array((label + "年").utf8), in: paragraph.utf8)
      }
      guard !paragraphs.isEmpty else { continue }
      let binder = own.reading(asYear: other)
      for paragraph in paragraphs {
        let (chars, positions) = NarrativeFigures.normalizedText(paragraph)
        for (index, number) in paragraph.numbers.enumerated() where number.unit == .tenThousandYuan {
          guard let position = positions[index], own.bind(chars, before: position) == nil,
            let binding = binder.bind(chars, before: position), binding.figures.allSatisfy(\.isKnown),
            binding.figures.contains(where: { $0.agrees(with: number.value) }),
            let found = Self.lastOffset(of: Array(label.utf8), in: paragraph.utf8, before: number.textRange.lowerBound)
          else { continue }
          context.ran()
          let place = paragraph.sourceRange(ofTextRange: found..<(found + 4))
          context.report(
            place,
            "“\(label)年…\(number.value) 万元”与表中 \(year) 年度的\(binding.subject)相同，年份应为 \(year)",
            fixes: [Fix(title: "改为 \(year)", edits: [TextEdit(range: place, newText: String(year))])])
        }
      }
    }
  }

  /// Words before a year that make it the year compared with or a bound: 比、较、与、至、从、于、（.
  private static let comparing: [[UInt8]] = ["比", "较", "与", "至", "从", "于", "（"].map { Array($0.utf8) }

  /// Whether `bytes` hold `year` ("2022年") other than as the year compared with.
  private static func namesYear(_ year: [UInt8], in bytes: [UInt8]) -> Bool {
    var from = 0
    while let found = UTF8Text.firstOffset(of: year, in: bytes, from: from) {
      from = found + year.count
      var before = found
      while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
      if before >= 3, comparing.contains(where: { bytes[(before - 3)..<before].elementsEqual($0) }) { continue }
      return true
    }
    return false
  }

  /// Where `needle` last starts in `bytes` before `limit`.
  private static func lastOffset(of needle: [UInt8], in bytes: [UInt8], before limit: Int) -> Int? {
    var start = min(limit, bytes.count) - needle.count
    while start >= 0 {
      if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
      start -= 1
    }
    return nil
  }

  /// A year "YYYY 年度" of a text: its value, where its digits start and where 年度 ends (scalar
  /// offsets), and whether it is the base of a comparison ("与 2023 年度相比", "较 2023 年度").
  private struct YearMention {
    var value: Int
    var start: Int
    var end: Int
    var isComparisonBase: Bool
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  private static func yearMentions(_ scalars: [Unicode.Scalar]) -> [YearMention] {
    var result: [YearMention] = []
    var index = 0
    while index + 4 <= scalars.count {
      let digits = scalars[index..<(index + 4)]
      guard scalars[index] == "2", scalars[index + 1] == "0",
        digits.allSatisfy(Self.isDigit), index == 0 || !Self.isDigit(scalars[index - 1]),
        index + 4 == scalars.count || !Self.isDigit(scalars[index + 4])
      else {
        index += 1
        continue
      }
      var end = index + 4
      while end < scalars.count, scalars[end] == " " { end += 1 }
      guard end + 1 < scalars.count, scalars[end] == "年", scalars[end + 1] == "度" else {
        index += 4
        continue
      }
      let value = Int(String(String.UnicodeScalarView(digits))) ?? 0
      var before = index
      while before > 0, scalars[before - 1] == " " { before -= 1 }
      let lead = before > 0 ? scalars[before - 1] : " "
      let tail = String(String.UnicodeScalarView(scalars[(end + 2)..<min(scalars.count, end + 6)]))
      // "与 2022 年度相比", "较 2022 年度", "上年（2022 年度）": the year compared with, named as such.
      let lately = String(String.UnicodeScalarView(scalars[max(0, before - 4)..<before]))
      let isBase =
        "与较比同于".unicodeScalars.contains(lead) || tail.hasPrefix("相比") || tail.hasPrefix("同期")
        || lately.utf8Text.contains("上年") || lately.utf8Text.contains("上一年")
      result.append(YearMention(value: value, start: index, end: end + 2, isComparisonBase: isBase))
      index = end + 2
    }
    return result
  }

  /// The years of "…的 YYYY 年度项目" listed in one text: the year most of them share (when more
  /// than half do), and the starts of those that differ from it.
  private static func listedProjectYears(_ mentions: [YearMention], in scalars: [Unicode.Scalar]) -> (
    common: Int?, odd: Set<Int>
  ) {
    let listed = mentions.filter { mention in
      var before = mention.start
      while before > 0, scalars[before - 1] == " " { before -= 1 }
      var after = mention.end
      while after < scalars.count, scalars[after] == " " { after += 1 }
      return before > 0 && scalars[before - 1] == "的" && after + 1 < scalars.count && scalars[after] == "项"
        && scalars[after + 1] == "目"
    }
    guard listed.count >= 3 else { return (nil, []) }
    let counts = Dictionary(grouping: listed, by: \.value).mapValues(\.count)
    guard let (common, count) = counts.max(by: { $0.value < $1.value }), count * 2 > listed.count else {
      return (nil, [])
    }
    return (common, Set(listed.filter { $0.value != common }.map(\.start)))
  }

  /// The sentence around scalar offset `index`, up to the marks `ends` (by default also "；", which
  /// divides a sentence into parts); from scalar offset `first` on, when given.
  private static func sentence(
    of scalars: [Unicode.Scalar], around index: Int, ends: String = "。！？；", from first: Int? = nil
  ) -> String {
    var start = index
    while start > 0, !ends.unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
    if let first { start = max(start, first) }
    var end = index
    while end < scalars.count, !ends.unicodeScalars.contains(scalars[end]) { end += 1 }
    return String(String.UnicodeScalarView(scalars[start..<end]))
  }

  /// A sentence that states an amount or a 决算 and compares with nothing.
  private static func statesFigureAlone(_ sentence: String) -> Bool {
    let compact = sentence.filter { !$0.isWhitespace }
    let comparing = ["上年", "上一年", "去年", "同期", "同比", "比", "较", "相比", "增加", "减少", "增长", "下降", "持平"]
    return (compact.utf8Text.contains("万元") || compact.utf8Text.contains("决算"))
      && !comparing.contains(where: compact.utf8Text.contains)
  }

  /// Whether `text` states the same thing for `year`, with another figure, as the other year's
  /// mention ending at scalar `end` does: "2023年度机关运行经费支出 150.00 万元。2022年度机关运行经费支出
  /// 160.00 万元。" sets last year's figure beside this year's on purpose (a year shifted by mistake
  /// would state this year's figure again). The things are what each year is followed by up to a
  /// figure or mark, quotes left out, one the start of the other; the figures are the first after.
  private static func isStatedForYear(_ year: Int, mentionEnd end: Int, in scalars: [Unicode.Scalar]) -> Bool {
    func stated(_ text: Substring) -> (key: String, figure: String)? {
      var rest = text.drop { "，,、：:".contains($0) }
      if let owner = ["本部门", "本单位", "我部门", "我单位"].first(where: { rest.hasPrefix($0) }) {
        rest = rest.dropFirst(owner.count).drop { "，,、：:".contains($0) }
      }
      // Up to a digit (三 of 三公 is a number to `Character`, not a digit) or a mark.
      let key = String(rest.prefix { !isDigit($0) && !"、，,。；为是均".contains($0) })
      guard key.count >= 4 else { return nil }
      let tail = rest.prefix(40)
      guard let first = tail.firstIndex(where: isDigit) else { return nil }
      let figure = tail[first...].prefix { isDigit($0) || $0 == "." || $0 == "," }.filter { $0 != "," }
      return (key, String(figure))
    }
    func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }
    let compact = String(String.UnicodeScalarView(scalars)).filter { !$0.isWhitespace && !"“”\"".contains($0) }
    let own = String(String.UnicodeScalarView(scalars[end...])).filter { !$0.isWhitespace && !"“”\"".contains($0) }
    guard let mention = stated(Substring(own.trimmingPrefix("度"))) else { return false }
    for opening in ["\(year)年度", "\(year)年"] {
      var search = compact[...]
      while let found = search.utf8Text.range(of: opening) {
        if let other = stated(compact[found.upperBound...]), other.figure != mention.figure,
          other.key.hasPrefix(mention.key) || mention.key.hasPrefix(other.key)
        {
          return true
        }
        search = compact[found.upperBound...]
      }
    }
    return false
  }

  /// Whether the sentence before scalar `index` states a non-zero amount in 万元 or 元.
  private static func statesAmountBefore(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    var start = index
    while start > 0, !"。！？".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
    let text = String(String.UnicodeScalarView(scalars[start..<index])).filter { !$0.isWhitespace }
    var rest = Substring(text)
    while let digit = rest.firstIndex(where: { ("0"..."9").contains($0) }) {
      let figure = rest[digit...].prefix { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
      let after = rest[figure.endIndex...]
      if (after.hasPrefix("万元") || after.hasPrefix("元")), figure.contains(where: { ("1"..."9").contains($0) }) {
        return true
      }
      rest = after
    }
    return false
  }

  /// Whether the year at scalar `index` starts its sentence: only white space before it back to
  /// the paragraph's start or a 。！？, or the unit's own name ("上海市普陀区…局 2023 年度…").
  private static func opensSentence(_ scalars: [Unicode.Scalar], at index: Int, unit: String?) -> Bool {
    var start = index
    while start > 0, !"。！？".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
    let before = String(String.UnicodeScalarView(scalars[start..<index])).filter { !$0.isWhitespace }
    return before.isEmpty || before == "本部门" || before == "本单位" || (unit.map { before == $0 } ?? false)
  }

  /// What only the budget year's own figures are: "2025年度，本部门编报绩效目标…", "2025年度本部门
  /// 政府采购预算…", "2025年度项目总预算…" (`after`: the text after 年度, without spaces).
  private static func statesOwnBudget(_ after: String) -> Bool {
    let text = after.hasPrefix("，") ? String(after.dropFirst()) : after
    return ["项目总预算", "本部门编报", "本单位编报", "本部门政府", "本单位政府", "政府采购预算", "部门预算安排", "单位预算安排"]
      .contains(where: text.hasPrefix)
  }

  /// "…对 2023 年度 1 个项目实施单位自评": the year's projects a final's evaluation counts, in a
  /// clause that speaks of 自评 or 绩效评价 (not "对2022年度3个项目开展了部门评价") (`after`: the text
  /// after 年度, without spaces).
  private static func countsEvaluatedProjects(_ after: String, in clause: String) -> Bool {
    let count = after.prefix { $0.isASCIIDigit }
    return !count.isEmpty && after.dropFirst(count.count).hasPrefix("个项目")
      && (clause.utf8Text.contains("自评") || clause.utf8Text.contains("绩效评价"))
  }

  /// "与上年相比，…", "与 2023 年度相比，…": a sentence that goes on comparing what the sentence
  /// before stated.
  private static func opensWithComparison(_ sentence: String) -> Bool {
    let compact = sentence.filter { !$0.isWhitespace }
    if ["与上年", "较上年", "比上年", "与上一年", "同比"].contains(where: compact.hasPrefix) { return true }
    guard let lead = compact.first, "与较比".contains(lead) else { return false }
    let rest = compact.dropFirst()
    return rest.prefix(4).allSatisfy(\.isASCIIDigit) && rest.dropFirst(4).hasPrefix("年")
  }

  /// "本部门 2023 年度没有使用政府性基金…", "该项目 2023 年度未开展": what the report says its own
  /// year lacked (not said of the year before, "上年（2022 年度）无…").
  private static func deniesThisYear(_ after: String, before: String) -> Bool {
    ["无", "没有", "未发生", "未使用", "未安排", "未开展", "未实施", "未购置", "未支出", "未开支"].contains(where: after.hasPrefix)
      && !before.hasSuffix("（") && !before.hasSuffix("(") && !before.utf8Text.contains("上年")
  }

  /// Up to eight scalars before `index`, without white space.
  private static func textBefore(_ scalars: [Unicode.Scalar], _ index: Int) -> String {
    String(String.UnicodeScalarView(scalars[max(0, index - 8)..<index])).filter { !$0.isWhitespace }
  }

  /// Whether a sentence compares with the year before: 上年, 上一年度, "与…年度相比", "较…年",
  /// "比 2022 年度增加".
  private static func comparesWithLastYear(_ sentence: String) -> Bool {
    let compact = sentence.filter { !$0.isWhitespace }
    return ["上年", "上一年", "上年度", "同期"].contains(where: compact.utf8Text.contains)
      || compact.utf8Text.contains("年度相比") || compact.utf8Text.contains("年相比") || comparesWithDatedYear(compact)
  }

  /// "比 2022 年度…", "较2022年…": a comparison whose base is a year written out.
  private static func comparesWithDatedYear(_ compact: String) -> Bool {
    let scalars = Array(compact.unicodeScalars)
    return scalars.indices.contains { index in
      guard "比较".unicodeScalars.contains(scalars[index]), index + 5 < scalars.count else { return false }
      return scalars[(index + 1)...(index + 4)].allSatisfy(isDigit) && scalars[index + 5] == "年"
    }
  }

  /// The source bytes of the `occurrence`-th (0-based) "YYYY" of a line's text, found in the
  /// line's bytes `range` (a heading's or contents entry's text is its line's, decoration aside).
  private static func sourceRange(ofYear digits: String, occurrence: Int, in range: Range<Int>, source: SourceText)
    -> Range<Int>
  {
    let target = Array(digits.utf8)
    var from = range.lowerBound
    var seen = 0
    while let found = source.bytes[from..<range.upperBound].firstRange(of: target) {
      if seen == occurrence { return found.lowerBound..<found.upperBound }
      seen += 1
      from = found.upperBound
    }
    return range
  }
}
