import JuesuanAnalysis
import JuesuanModel

/// The same quantity stated twice with different values: the evaluation prose against the
/// self-evaluation table it restates (当年实际支出 vs 全年执行数, an indicator's 实际完成值).
struct XrefNarrativeConflictRule: Rule {
  static let description = RuleDescription(
    code: "xref/narrative-conflict",
    summary: "正文（评价报告）与附件自评表对同一数量的表述一致：实际支出等于全年执行数，指标完成情况等于实际完成值；叙述两次写同一总数应相同。",
    rationale:
      "评价报告和自评表常由不同的人填写。只比较说法明确的数：总分行之后紧跟的“实际支出/实际支付 X 万元”，以及紧跟在指标名称后、单位相同的数（“采购成本节约率 0.43%”）；与年度指标值相同的说法不算矛盾，同名指标取值不一的不比较。只点名一个项目（或“整体支出”，部门整体自评表只有一张时）的句子所写的预算数（预算总额）、决算数（决算总额）、得分，应分别是其自评表的年初或全年预算数、全年执行数、总分。"
      + "收支总表未能读取时，叙述中两次写出的同一总数（收入总计、支出总计、财政拨款收入/支出，预算的收入预算、支出预算及各类财政拨款收入、支出预算）应相同，报告后一处；“三公”经费表未能读取时，“三公”经费及其各项（预算的预算数、决算的支出决算数）同样；预算逐项说明中的“本年预算安排 X 万元”与该段开头所列该项的金额（功能分类表未能读取时）也应相同。"
      + "同段既写出机关运行经费、因公出国（境）费、公务接待费、公务用车购置（运行）费的本年金额（大于 0），又说本年没有（无、未发生）这项支出的，两处矛盾（上年、预算的说法不算）。"
      + "两个总是相等的总数（收入总计与支出总计；财政拨款收入与财政拨款支出，预算中叙述未提结转时）上年也相等，对同一基数（同为“比上年预算”）写出的增减额应相同，报告后一处。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // The figures before a project's name in its sentence are another subject's.
      .init(
        "某局2023年度部门决算\n\n社会保障和就业支出决算203.20万元，比2022年决算数49.77万元增加153.43万元，主要原因是信义服务中心良种厂经费项目支出增加。\n\n## 信义服务中心良种厂经费项目支出绩效自评表\n\n(2023年度)\n\n项目名称\t\t信义服务中心良种厂经费\t\t\t\t\t\t\t\t\n主管部门及代码\t\t002-长治市上党区人民政府办公室\t\t\t预算单位\t002001-长治市上党区人民政府办公室\t\t\t\t\n项目资金预算安排及执行进度(万元)\t资金总额:\t年初预算数\t\t全年预算数\t全年执行数\t资金结(转)余\t执行率\t得分\t偏差原因分析及改进措施\t\n\t\t目标申报数\t预算编制数\t\t\t\t\t\t\t\n\t\t\t120\t120\t120\t120\t0\t100\t\t10\n\t市县区财政资金\t120\t120\t120\t120\t0\t100.00\t10.00\t\t\n"
      ),
      // Another owner's totals: a subordinate unit, 机关本级; a unit's report quoting its department's.
      .init(
        "# 2023年度某县农业农村局部门决算\n\n2023年度收入总计1,281.68万元，支出总计1,281.68万元。\n\n下属某县农业技术推广中心2023年度收入总计419.58万元，支出总计419.58万元。\n"),
      .init("# 2023年度某县农业农村局部门决算\n\n2023年度“三公”经费支出24.37万元。其中，机关本级“三公”经费支出18.20万元，下属某县农业技术推广中心“三公”经费支出6.17万元。\n"),
      .init("# 某市公路事业发展中心2023年度单位决算\n\n某市交通运输局2023年度部门决算收入总计12,356.80万元，本单位收入总计3,256.40万元，占26.35%。\n"),
      // 财政拨款's 支出总计, said after its 收入总计 and a "，".
      .init("# 2023年度某局部门决算\n\n2023年度收入总计1,281.68万元，支出总计1,281.68万元。\n\n2023年度财政拨款收入总计1,065.56万元，支出总计1,065.56万元。\n"),
      // A subordinate unit's totals are not the department's.
      .init("# 2023年度示范局部门决算\n\n2023年度收入总计2100.00万元、支出总计2100.00万元。本部门下属事业单位收入总计600.00万元、支出总计600.00万元。"),
      // The 财政拨款 of the second sentence carries over to its 支出总计.
      .init(
        "# 2023年度部门决算\n\n2023年度收入总计2100.00万元、支出总计2100.00万元。\n2023年度财政拨款收入总计1950.00万元、支出总计1950.00万元。\n"
      ),
      // 基本支出预算 and 项目支出预算 are parts, not the 支出预算.
      .init("# 某市司法局2025年部门预算\n\n2025年基本支出预算650.00万元，项目支出预算350.00万元。\n"),
      // The second sentence gives last year's figures.
      .init(
        "# 2023年度部门决算\n\n“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务用车购置及运行费支出决算 6.00 万元，占 60.00%；公务接待费支出决算 4.00 万元，占 40.00%。"
          + "上年“三公”经费中，因公出国（境）费支出 2.00 万元，占 20.00%；公务用车购置及运行费支出 5.00 万元，占 50.00%；公务接待费支出 3.00 万元，占 30.00%。\n"
      ),
      .init("# 2023年度部门决算\n\n2023 年度机关运行经费支出 0.00 万元。主要原因是：我单位不是行政机关，没有机关运行经费支出。\n"),
      .init("# 2023年度部门决算\n\n公务接待费支出 1.00 万元，比上年增加 1.00 万元，主要原因是上年无公务接待费支出。\n"),
      .init("# 2023年度部门决算\n\n公务用车购置及运行费支出 5.00 万元，本年未发生公务用车购置支出，全部为运行维护费。\n"),
      .init("# 2023年度部门决算\n\n公务接待费支出 0.50 万元，年初无公务接待费预算。\n"),
      .init("# 2023年度部门决算\n\n因公出国（境）费支出 2.00 万元，本年无因公出国（境）团组，支出为上年团组的结算费用。\n"),
      // Against two bases (预算执行数, 预算), two changes.
      .init(
        "# 2025年部门预算\n\n2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元。支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。\n"
      ),
      .init(
        "# 2025年部门预算\n\n收入预算100.00万元，其中：财政拨款收入100.00万元，比2024年预算增加20.00万元。支出预算100.00万元，其中：财政拨款支出预算100.00万元（含上年结转10.00万元），比2024年预算增加10.00万元。\n"
      ),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，培训次数3次，群众满意度95%。\n"
      ),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n示例培训项目2023年预算数50.00万元，决算数 45.50 万元。\n"
      ),
      .init(
        PerfExamples.departmentTable
          + "我部门 2023 年度整体支出预算总额 317.05 万元，决算总额 162.25 万元，部门绩效自评得分 96.56 分。\n"
      ),
      .init("# 2025年部门预算\n\n2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元。\n\n一、收入预算\n\n2025年收入预算37,151.47万元。\n"),
      .init(
        "# 2024年部门预算\n\n9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为20.00万元，2024年预算安排25.00万元，比2023年预算执行数增加25.00%。\n"
      ),
      .init(
        "# 2024年度部门决算\n\n“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，其中：公务接待费支出决算为 0.39 万元。\n\n3、公务接待费支出 0.39 万元。\n"
      ),
    ],
    triggeringExamples: [
      .init("# 2023年度某局部门决算\n\n2023年度收入总计1,281.68万元，支出总计1,281.68万元。\n\n本部门（含下属单位）2023年度收入总计⟦1,200.00万元⟧。\n"),
      .init("# 2023年度示范局部门决算\n\n2023年度收入总计2100.00万元、支出总计2100.00万元。本部门收入总计⟦600.00万元⟧、支出总计⟦600.00万元⟧。"),
      .init("# 2023年度部门决算\n\n2023 年度机关运行经费支出 ⟦1.00 万元⟧。主要原因是：我单位不是行政机关，没有机关运行经费支出。\n"),
      .init(
        "# 2025年部门预算\n\n收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算增加3,535.65万元；事业收入0.00万元。支出预算18,976.76万元，其中：财政拨款支出预算18,976.76万元，比2024年预算增加⟦3,355.65⟧万元。\n"
      ),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 ⟦45.00 万元⟧，群众满意度达⟦97%⟧。\n",
        fixed: PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n当年实际支出 45.50 万元，群众满意度达95%。\n"),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n示例培训项目决算数 ⟦40.00 万元⟧，自评得分 ⟦98⟧ 分。\n",
        fixed: PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n示例培训项目决算数 45.50 万元，自评得分 99.1 分。\n"),
      .init(
        PerfExamples.table(score: "99.1", secondScore: "40", fundsScore: "9.1", rate: "91.00", executed: "45.50")
          + "\n示例培训项目2023年预算数⟦55.00万元⟧，决算数 45.50 万元。\n"),
      .init(
        PerfExamples.departmentTable
          + "我部门 2023 年度整体支出预算总额 ⟦318.05 万元⟧，决算总额 ⟦612.25 万元⟧，部门绩效自评得分 ⟦69.56⟧ 分。\n"
      ),
      .init("# 2025年部门预算\n\n2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元。\n\n一、收入预算\n\n2025年收入预算⟦37,115.47万元⟧。\n"),
      .init(
        "# 2025年部门预算\n\n2025年部门收入预算1,200.00万元，其中：一般公共预算拨款收入1,100.00万元，政府性基金预算拨款收入50.00万元，事业收入50.00万元。\n\n2025年财政拨款收入预算1,150.00万元，其中：一般公共预算拨款收入⟦1,010.00万元⟧，政府性基金预算拨款收入50.00万元。\n"
      ),
      .init(
        "# 2024年部门预算\n\n9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为20.00万元，2024年预算安排⟦20.50万元⟧，比2023年预算执行数增加25.00%。\n"
      ),
      .init(
        "# 2024年度部门决算\n\n“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，其中：公务接待费支出决算为 0.39 万元。\n\n3、公务接待费支出 ⟦0.93 万元⟧。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [
    EvaluationProse.self, StatedTotals.self, NarrativeReaders.self, DeniedSpending.self,
  ]

  static let elements: ReportElements? = .all
  /// The totals the narrative states twice read the tables (whether they were read), the
  /// paragraphs and the headings (`StatedTotals`, `DeniedSpending`); the evaluation prose against
  /// its tables reads the self-evaluations and the paragraphs (`EvaluationProse`).
  static let partElements: [ReportElements] = [[.tables, .paragraphs, .headings], [.evaluations, .paragraphs]]

  func check(_ report: Report, context: inout RuleContext) {
    check(part: 0, report, context: &context)
    check(part: 1, report, context: &context)
  }

  func check(part: Int, _ report: Report, context: inout RuleContext) {
    if part == 0 {
      checkTotals(report, context: &context)
    } else {
      checkEvaluations(report, context: &context)
    }
  }

  /// Totals and items the narrative states twice, and amounts it says were not spent.
  private func checkTotals(_ report: Report, context: inout RuleContext) {
    checkStatedTotals(report, context: &context)
    for contradiction in context.view(DeniedSpending.self).contradictions {
      context.ran()
      context.report(
        contradiction.figure.range,
        "\(contradiction.name)写作 \(contradiction.figure.value) 万元，同段又说没有这项支出：两处矛盾，必有一处写错",
        severity: .warning,
        related: [Finding.Related(range: contradiction.denial, message: "同段说没有\(contradiction.name)支出")])
    }
    checkChangesOfEqualTotals(report, context: &context)
    checkRestatedItems(report, context: &context)
  }

  /// The evaluation prose against the self-evaluation tables it restates.
  private func checkEvaluations(_ report: Report, context: inout RuleContext) {
    let evaluations = report.selfEvaluations
    let prose = context.view(EvaluationProse.self).paragraphs
    for (index, evaluation) in evaluations.enumerated() {
      guard let executed = evaluation.fundsTotal?[.executed] else { continue }
      for paragraph in prose[index] {
        let keywords = ["当年实际支出", "实际支出", "实际支付", "全年执行数"]
        var seen = Set<Int>()
        for (keyword, number) in EvaluationProse.numbers(after: keywords, in: paragraph, window: 12)
        where number.unit == .tenThousandYuan && seen.insert(number.textRange.lowerBound).inserted {
          context.ran()
          guard !Self.agrees(number.value, executed.value) else { continue }
          let text = paragraph.text(in: number.textRange)
          let fixed = executed.value.formatted(decimals: max(2, min(number.value.decimals, 2))) + " 万元"
          context.report(
            number.range, "评价文字“\(keyword) \(text)”与自评表全年执行数 \(executed.text) 万元不符",
            related: [Finding.Related(range: executed.range, message: "全年执行数 \(executed.text)")],
            fixes: [Fix(title: "改为自评表的 \(fixed)", edits: [TextEdit(range: number.range, newText: fixed)])])
        }
      }
    }
    checkIndicators(evaluations, prose: prose, report: report, context: &context)
    checkProjectSentences(evaluations, report: report, context: &context)
  }

  /// A sentence naming one project ("采购政务服务自动化设备项目，…决算数 5.00 万元，自评得分 85.87 分")
  /// restates its table's 全年执行数 and 总分.
  private func checkProjectSentences(_ evaluations: [SelfEvaluation], report: Report, context: inout RuleContext) {
    // Each project's name as prose writes it, with its evaluation.
    var projects: [Int] = []  // indices in `evaluations`
    var keys: [[UInt8]] = []
    for (index, evaluation) in evaluations.enumerated() {
      guard !evaluation.isDepartmentWide, var key = evaluation.projectName?.utf8Text.removingWhitespace() else {
        continue
      }
      if key.utf8Text.hasSuffix("项目") { key.removeLast(2) }
      if key.count >= 4 {
        projects.append(index)
        keys.append(Array(key.utf8))
      }
    }
    // The department as a whole ("我部门 2023 年度整体支出预算总额 317.05 万元，决算总额 162.25 万元，
    // 部门绩效自评得分 96.56 分"), when one table evaluates it.
    let departmentWide = evaluations.indices.filter { evaluations[$0].isDepartmentWide }
    if departmentWide.count == 1, !report.kind.isBudget {
      projects.append(departmentWide[0])
      keys.append(Array("整体支出".utf8))
    }
    guard !projects.isEmpty else { return }
    // Only a score (a bare number) or a 万元 amount is compared: a paragraph with neither is passed over.
    for paragraph in report.paragraphs
    where paragraph.numbers.contains(where: { $0.unit == .none || $0.unit == .tenThousandYuan }) {
      // The projects the paragraph names at all: the only ones its sentences can name.
      let named = keys.indices.filter { UTF8Text.firstOffset(of: keys[$0], in: paragraph.utf8) != nil }
      guard !named.isEmpty else { continue }
      for sentence in paragraph.sentenceRanges {
        // Byte search bounded to the sentence (String.contains goes through CFString folding).
        let hits = named.filter {
          UTF8Text.firstOffset(of: keys[$0], in: paragraph.utf8, from: sentence.lowerBound, before: sentence.upperBound)
            != nil
        }
        guard hits.count == 1, let hit = hits.first,
          let named = UTF8Text.firstOffset(
            of: keys[hit], in: paragraph.utf8, from: sentence.lowerBound, before: sentence.upperBound)
        else { continue }
        let evaluation = evaluations[projects[hit]]
        let subject = evaluation.isDepartmentWide ? "部门整体支出" : "该项目"
        // The figures after the project's name: those before it are another subject's ("社会保障和
        // 就业支出…比2022年决算数 49.77 万元增加…，主要原因是…良种厂经费项目支出增加").
        for number in paragraph.numbers
        where sentence.contains(number.textRange.lowerBound) && number.textRange.lowerBound > named {
          let lead = paragraph.text(
            in: max(sentence.lowerBound, number.textRange.lowerBound - 21)..<number.textRange.lowerBound)
          var kept = Substring(lead)
          while let last = kept.last, " 为是：:".utf8Text.contains(last) { kept.removeLast() }
          let trimmed = String(kept)
          let tail = paragraph.text(
            in: number.textRange.upperBound..<min(paragraph.utf8.count, number.textRange.upperBound + 4))
          if number.unit == .none, tail.trimmingPrefix(" ").utf8Text.hasPrefix("分"), trimmed.utf8Text.hasSuffix("得分"),
            let score = evaluation.total?.score
          {
            context.ran()
            guard !Self.agrees(number.value, score.value) else { continue }
            context.report(
              number.range, "正文称\(subject)得分 \(paragraph.text(in: number.textRange)) 分，自评表总分却是 \(score.text) 分",
              related: [Finding.Related(range: score.range, message: "总分 \(score.text)")],
              fixes: [Fix(title: "改为自评表的 \(score.text)", edits: [TextEdit(range: number.range, newText: score.text)])])
          } else if number.unit == .tenThousandYuan,
            let label = ["预算数", "预算总额"].first(where: { trimmed.utf8Text.hasSuffix($0) }),
            let funds = evaluation.fundsTotal
          {
            // "项目2023年预算数83.65 万元": the table's 年初 or 全年 预算数, whichever the prose means.
            let budgets = [funds[.initialBudget], funds[.annualBudget]].compactMap { $0 }
            guard !budgets.isEmpty else { continue }
            context.ran()
            guard !budgets.contains(where: { Self.agrees(number.value, $0.value) }) else { continue }
            let written = budgets.map(\.text).joined(separator: "、")
            context.report(
              number.range,
              "正文称\(subject)\(label) \(paragraph.text(in: number.textRange))，自评表的年初、全年预算数（\(written) 万元）都不是此数",
              related: budgets.map { Finding.Related(range: $0.range, message: "预算数 \($0.text)") })
          } else if number.unit == .tenThousandYuan,
            let label = ["决算数", "决算总额", "实际支出", "执行数", "实际支付"].first(where: { trimmed.utf8Text.hasSuffix($0) }),
            let executed = evaluation.fundsTotal?[.executed]
          {
            context.ran()
            guard !Self.agrees(number.value, executed.value) else { continue }
            context.report(
              number.range,
              "正文称\(subject)\(label) \(paragraph.text(in: number.textRange))，自评表全年执行数却是 \(executed.text) 万元",
              related: [Finding.Related(range: executed.range, message: "全年执行数 \(executed.text)")],
              fixes: [
                Fix(
                  title: "改为自评表的 \(executed.text) 万元",
                  edits: [TextEdit(range: number.range, newText: executed.text + " 万元")])
              ])
          }
        }
      }
    }
  }

  /// Equal once the table figure is rounded to the prose's decimals.
  static func agrees(_ prose: Amount, _ table: Amount) -> Bool {
    var unit: Int64 = 10_000
    for _ in 0..<min(4, prose.decimals) { unit /= 10 }
    return abs(prose.tenThousandths - table.tenThousandths) * 2 <= unit + 100
  }

  /// The bytes `offset..<offset + length` (at most 4) packed into an integer.
  private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> UInt32 {
    var value: UInt32 = 0
    for index in offset..<min(offset + length, bytes.count, offset + 4) { value = value << 8 | UInt32(bytes[index]) }
    return value
  }

  private func checkIndicators(
    _ evaluations: [SelfEvaluation], prose: [[Paragraph]], report: Report, context: inout RuleContext
  ) {
    // Indicator name → its measures; names whose values differ between tables are ambiguous.
    var byName: [String: [(SelfEvaluation.Indicator, IndicatorMeasure)]] = [:]
    for indicator in evaluations.flatMap(\.indicators) where !indicator.isManagement {
      guard let measure = IndicatorMeasure(indicator.actual), !measure.unit.isEmpty else { continue }
      let name = Self.cleanName(indicator.level3)
      guard name.count >= 4 else { continue }
      byName[name, default: []].append((indicator, measure))
    }
    let names = byName.filter { _, entries in
      entries.allSatisfy { $0.1.value == entries[0].1.value && $0.1.relation == entries[0].1.relation }
    }
    guard !names.isEmpty else { return }
    let paragraphs = report.paragraphs + prose.joined()
    var reported = Set<Int>()
    // Names by their first character, so each paragraph is scanned once for all of them.
    // Keyed by the first character's UTF-8 bytes packed into an integer (no allocation per byte).
    var byFirstCharacter:
      [UInt32: [(name: String, key: [UInt8], entries: [(SelfEvaluation.Indicator, IndicatorMeasure)])]] =
        [:]
    // The low 12 bits of each first character, packed: most characters of a paragraph are ruled
    // out by this table before the dictionary is asked.
    var isFirstCharacter = [Bool](repeating: false, count: 4096)
    // In a fixed order (a dictionary's changes from run to run), the longest name first: where two
    // names start at one place, the more specific one is read.
    let ordered = names.sorted { ($0.key.utf8.count, $1.key) > ($1.key.utf8.count, $0.key) }
    for (name, entries) in ordered {
      let key = Array(name.utf8)
      let first = key.withUnsafeBufferPointer { Self.packed($0, at: 0, length: UTF8Text.length(ofLead: $0[0])) }
      byFirstCharacter[first, default: []].append((name, key, entries))
      isFirstCharacter[Int(first & 0xFFF)] = true
    }
    // A value is stated in digits (`statedValue`): a paragraph without one states none.
    for paragraph in paragraphs where paragraph.utf8.contains(where: { $0 &- 0x30 < 10 }) {
      var hits: [(name: String, entries: [(SelfEvaluation.Indicator, IndicatorMeasure)], range: Range<Int>)] = []
      isFirstCharacter.withUnsafeBufferPointer { isFirstCharacter in
        paragraph.utf8.withUnsafeBufferPointer { bytes in
          var position = 0
          while position < bytes.count {
            // `UTF8Text.length(ofLead:)`, written here: a call to another module is not inlined.
            let lead = bytes[position]
            let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            defer { position += length }
            let end = position + length
            guard end <= bytes.count else { continue }
            // The table first, on the low 12 bits of the packed character: its last byte and the
            // low half of the byte before.
            let low = length == 1 ? Int(lead) : Int(bytes[end - 2] & 0x0F) << 8 | Int(bytes[end - 1])
            guard isFirstCharacter[low] else { continue }
            let first = Self.packed(bytes, at: position, length: length)
            guard let candidates = byFirstCharacter[first] else { continue }
            for candidate in candidates
            where position + candidate.key.count <= bytes.count
              && bytes[position..<(position + candidate.key.count)].elementsEqual(candidate.key)
            {
              hits.append((candidate.name, candidate.entries, position..<(position + candidate.key.count)))
            }
          }
        }
      }
      for (name, entries, found) in hits {
        do {
          guard let (value, range, unit) = Self.statedValue(after: found.upperBound, in: paragraph),
            unit == entries[0].1.unit
          else { continue }
          let (indicator, actual) = entries[0]
          context.ran()
          let conflicts: Bool
          switch actual.relation {
          case "≥", ">": conflicts = value < actual.value
          case "≤", "<": conflicts = value > actual.value
          default: conflicts = !value.isSameValue(as: actual.value)
          }
          let target = IndicatorMeasure(indicator.target)
          guard conflicts, target.map({ !$0.value.isSameValue(as: value) }) ?? true else { continue }
          let source = paragraph.sourceRange(ofTextRange: range)
          guard reported.insert(source.lowerBound).inserted else { continue }
          let shown = paragraph.text(in: range)
          let newText = actual.value.formatted(decimals: actual.value.decimals) + unit
          context.report(
            source, "正文称“\(name)”为 \(shown)，自评表的实际完成值却是 \(indicator.actual)",
            related: indicator.actualRange.map { [Finding.Related(range: $0, message: "实际完成值 \(indicator.actual)")] }
              ?? [],
            fixes: actual.relation == "="
              ? [Fix(title: "改为自评表的 \(newText)", edits: [TextEdit(range: source, newText: newText)])] : [])
        }
      }
    }
  }

  /// "数字人民币商户开户数(个)" → "数字人民币商户开户数".
  static func cleanName(_ name: String) -> String {
    var text = Substring(name.utf8Text.removingWhitespace())
    if text.utf8Text.hasSuffix(")") || text.utf8Text.hasSuffix("）"),
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    {
      text = text[..<open]
    }
    return String(text)
  }

  /// The words `statedValue(after:in:)` passes over before the number, as bytes.
  private static let statedValueFillers = ["为", "达", "是", "：", ":", "共", "约", "了", "到", " "].map { Array($0.utf8) }
  /// The units `statedValue(after:in:)` reads after the number, in the order they are tried.
  private static let statedValueUnits = [
    "%", "％", "家", "个", "人", "次", "条", "期", "件", "套", "箱", "份", "辆", "台", "万元", "元", "小时", "天",
  ]

  /// The number right after an indicator name ("采购成本节约率 0.43%", "机构数量44家", "满意度达97%"):
  /// its value, its text range (number and unit) and its unit.
  static func statedValue(after offset: Int, in paragraph: Paragraph) -> (Amount, Range<Int>, String)? {
    let bytes = paragraph.utf8
    var index = offset
    var skipped = 0
    while index < bytes.count, skipped < 3,
      let filler = statedValueFillers.first(where: { bytes[index...].starts(with: $0) })
    {
      index += filler.count
      skipped += 1
    }
    let start = index
    while index < bytes.count, (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x2E { index += 1 }
    guard index > start, let value = Amount(parsing: String(decoding: bytes[start..<index], as: UTF8.self)) else {
      return nil
    }
    let rest = String(decoding: bytes[index..<min(bytes.count, index + 12)], as: UTF8.self)
    guard let unit = statedValueUnits.first(where: { rest.utf8Text.hasPrefix($0) }) else { return nil }
    return (value, start..<(index + unit.utf8.count), unit == "％" ? "%" : unit)
  }

  /// A total the narrative states twice ("收入预算37,151.47万元" … "收入预算37,152.47万元") with two
  /// values, where the tables that state it were not read: the later statement is reported.
  private func checkStatedTotals(_ report: Report, context: inout RuleContext) {
    let totals = context.view(StatedTotals.self)
    for total in StatedTotals.Total.allCases where !totals.tablesState(total) {
      let stated = totals.statements(of: total)
      guard let first = stated.first, stated.count >= 2 else { continue }
      context.ran()
      for later in stated.dropFirst()
      where !Self.agrees(later.number.value, first.number.value) && !Self.agrees(first.number.value, later.number.value)
      {
        let name = total.name(isBudget: report.kind.isBudget)
        context.report(
          later.number.range,
          "\(name)此处为 \(later.number.value) 万元，前文为 \(first.number.value) 万元：同一数字前后不一",
          related: [Finding.Related(range: first.number.range, message: "\(name) \(first.number.value) 万元")])
      }
    }
  }

  /// Two totals that are always one amount — 收入总计 and 支出总计, 财政拨款收入 and 财政拨款支出 (a
  /// budget balances, a final's 总计 too) — were one amount last year as well, so their changes
  /// over the same base ("比2024年预算", not once 预算 and once 预算执行数) are one change:
  /// "财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元…财政拨款支出预算18,976.76万元，比2024年
  /// 预算增加3,535.65万元" has one of them wrong. Where both state a change of the same figure, the
  /// later change is reported when it differs.
  private func checkChangesOfEqualTotals(_ report: Report, context: inout RuleContext) {
    let totals = context.view(StatedTotals.self)
    let readers = context.view(NarrativeReaders.self)
    /// The first statement of `total` whose figure a change follows, with that change.
    func changed(_ total: StatedTotals.Total) -> (fact: StatedTotals.Fact, change: NarrativeReader.Change)? {
      for fact in totals.statements(of: total) {
        let change = readers[fact.paragraph].changes.first {
          $0.isResolved && $0.previous == nil && $0.current?.textRange == fact.number.textRange
        }
        if let change { return (fact, change) }
      }
      return nil
    }
    /// What a change is measured against, as the words between the figure and the verb say it
    /// ("万元，比2024年预算"): "比2024年预算执行数" is another base, with another figure.
    func base(_ stated: (fact: StatedTotals.Fact, change: NarrativeReader.Change)) -> String? {
      guard let current = stated.change.current, current.textRange.upperBound <= stated.change.verb.range.lowerBound
      else { return nil }
      let paragraph = readers[stated.fact.paragraph].paragraph
      return paragraph.text(in: current.textRange.upperBound..<stated.change.verb.range.lowerBound).utf8Text
        .removingWhitespace()
    }
    // A budget's 财政拨款收入 may leave out a carryover (上年结转) its 支出 spends: where the narrative
    // speaks of one, the two may have differed last year.
    let carryover = Array("结转".utf8)
    let speaksOfCarryover =
      report.kind.isBudget && report.paragraphs.contains { UTF8Text.firstOffset(of: carryover, in: $0.utf8) != nil }
    var pairs: [(StatedTotals.Total, StatedTotals.Total)] = [(.income, .expenditure)]
    if !speaksOfCarryover { pairs.append((.fiscalIncome, .fiscalExpenditure)) }
    for (first, second) in pairs {
      guard let one = changed(first), let other = changed(second),
        one.fact.number.value.isSameValue(as: other.fact.number.value), let oneBase = base(one), oneBase == base(other)
      else { continue }
      context.ran()
      func signed(_ change: NarrativeReader.Change) -> Amount {
        change.verb.isIncrease ? change.delta.value : Amount(tenThousandths: 0) - change.delta.value
      }
      guard !Self.agrees(signed(one.change), signed(other.change)) else { continue }
      let (earlier, later) =
        one.change.delta.range.lowerBound < other.change.delta.range.lowerBound ? (one, other) : (other, one)
      let isBudget = report.kind.isBudget
      let name = { (fact: StatedTotals.Fact) in fact.total.name(isBudget: isBudget) }
      // Figures as the text writes them ("18,976.76").
      func written(_ number: Paragraph.Number) -> String {
        report.source.text(in: NarrativeFigures.digitRange(of: number, in: report.source))
      }
      func stated(_ change: NarrativeReader.Change) -> String { "\(change.verb.text) \(written(change.delta)) 万元" }
      context.report(
        NarrativeFigures.digitRange(of: later.change.delta, in: report.source),
        "\(name(later.fact))与\(name(earlier.fact))同为 \(written(later.fact.number)) 万元，上年也相等，增减额应相同：此处为“\(stated(later.change))”，前文为“\(stated(earlier.change))”",
        related: [
          Finding.Related(range: earlier.change.delta.range, message: "\(name(earlier.fact))\(stated(earlier.change))")
        ])
    }
  }

  /// A budget's item paragraph ("“…（款）…（项）”25.77万元，主要用于…。2024年预算安排25.77万元，比…")
  /// states the item's figure twice; where no function table was read (else xref/narrative-number
  /// holds each against the item's row), the two must agree. The restatement is reported.
  private func checkRestatedItems(_ report: Report, context: inout RuleContext) {
    guard report.kind.isBudget, let year = report.year, !BudgetItems.tablesStateThem(in: report) else { return }
    let allocation = Array("\(year)年预算安排".utf8)
    for paragraph in report.paragraphs where UTF8Text.firstOffset(of: allocation, in: paragraph.utf8) != nil {
      guard let opening = BudgetItems.openingFigure(of: paragraph) else { continue }
      for offset in UTF8Text.offsets(of: allocation, in: paragraph.utf8, range: 0..<paragraph.utf8.count)
      where offset > opening.textRange.lowerBound {
        var start = UTF8Text.skippingSpaces(in: paragraph.utf8, from: offset + allocation.count)
        if UTF8Text.has("为", at: start, in: paragraph.utf8) {
          start = UTF8Text.skippingSpaces(in: paragraph.utf8, from: start + 3)
        }
        guard let restated = paragraph.numbers.first(where: { $0.textRange.lowerBound == start }),
          restated.unit == .tenThousandYuan
        else { continue }
        context.ran()
        guard !Self.agrees(restated.value, opening.value), !Self.agrees(opening.value, restated.value) else { continue }
        context.report(
          restated.range,
          "\(year)年预算安排 \(restated.value) 万元，与本段开头所列该项的 \(opening.value) 万元不一：同一项目的预算数前后不一",
          related: [Finding.Related(range: opening.range, message: "本段开头 \(opening.value) 万元")])
      }
    }
  }
}
