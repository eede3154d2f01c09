import JuesuanAnalysis
import JuesuanModel

/// "完成预算的 Y%" equals 决算 ÷ 预算 where both are stated.
struct ExecutionRateRule: Rule {
  static let description = RuleDescription(
    code: "change/execution-rate",
    summary: "“预算为 B 万元，决算为 A 万元，完成预算的 Y%”（“预算执行率 Y%”“占年初预算的 Y%”）中 Y 应等于 A ÷ B。",
    rationale: """
      只核对同一分句中写明的预算数与决算数（完成率单独成句时，取上一句；PDF 文本在“。”处分段时，取上一段末句）；预算为 0 的由 change/zero-base 报告。所称的预算为 0 而\
      句中另有不为 0 的预算数（“年初预算为 0 万元，全年预算为 B 万元”）时，完成率与哪一个都不符才报告。\
      句中有几个预算数时，完成率与其中之一相符即不算算错；但文中点名“完成年初预算的”而与所列年初预算不符、\
      只与另一预算数相符的，报告所称预算与所用预算不一（警告）。“三公”经费各项只写决算数和完成率、不写预算数的，\
      按决算 ÷ 完成率推算各项预算：公务用车购置费与运行维护费的预算之和应等于购置及运行费的预算，三项之和应等于\
      “三公”经费合计的预算（决算为 0 的项预算未知时，合计至少为其余各项之和）；按所写位数容差后仍不符的报告（警告）。\
      “三公”经费句中只写一个预算数、决算数与表中相同、完成率与表中决算 ÷ 预算相符却与句中预算不符的，\
      报告句中预算数与表中预算数不一（完成率证明句中预算数另有来源）。决算为 0 而完成率不为 0（如“支出决算 0.00 万元，完成预算的 100.00%”）也报告：除非预算也为 0，\
      否则应为 0%。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      // Last year's 决算 is no actual; a budget adjusted by "追加" (the adjusted budget unwritten) is
      // not checked; 全年 with its 年初 part in brackets.
      .init("行政运行（2010101）年初预算为400.00万元，上年决算为450.00万元，本年支出决算为420.00万元，完成年初预算的105.00%。决算数大于预算数的主要原因是人员调入。"),
      .init("行政运行（2010101）年初预算400.00万元，追加30.00万元，支出决算420.00万元，完成预算的97.67%。主要原因是人员调入。"),
      .init("“三公”经费全年预算30.00万元（其中年初预算25.00万元），决算24.00万元，完成全年预算的80.00%，主要原因是厉行节约。"),
      // A part's rate after 其中, of the part's own budget (not stated here).
      .init("“三公”经费财政拨款支出年初预算为30.00万元，支出决算为24.37万元，完成预算的81.23%，其中：因公出国（境）费决算为3.12万元，完成预算的62.40%。"),
      // The gap to the budget is no budget: "超出年初预算 29.16 万元".
      .init("社会保障和就业支出年初预算为174.04万元，支出决算为203.20万元，超出年初预算29.16万元，完成年初预算的116.75%。主要原因是养老保险缴费基数调整。"),
      .init("年初预算为 6.80 万元，支出决算为 9.42 万元，完成年初预算的 138.53%。决算数与年初预算数存在差异的主要原因是保险基数调整。"),
      // The 0 base is change/zero-base's; the rate fits the other budget.
      .init("年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。"),
      .init("年初预算为 6.00 万元，全年预算为 10.00 万元，支出决算为 9.00 万元，完成全年预算的 90.00%。"),
      .init("年初预算50.5万元,财政拨款批复50.5万元,实际支出39.59万元,预算执行率78.39%。"),
      // PDF text ends the paragraph at "。": the rate is of the figures before.
      .init("机关事业单位退休人员活动费支出（项）。年初预算为 0.88 万元，支出决算为 0.88 万元。\n\n完成年初预算的 100.00%。决算数同预算数持平。\n"),
      .init(
        "（二）公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；较上年减少 17.73 万元。\n\n公务用车购置费支出 27.19 万元，完成全年预算的 93.76%。\n\n公务用车运行费支出 15.22 万元，完成全年预算的 47.13%。\n"
      ),
      // The sentence's budget is the table's, and the rate is worked from both.
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 2.85 0.39\n因公出国（境）费 0.00 0.00\n公务用车购置及运行费 0.00 0.00\n公务用车购置费 0.00 0.00\n公务用车运行维护费 0.00 0.00\n公务接待费 2.85 0.39\n\n“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%。\n"
      ),
    ],
    triggeringExamples: [
      .init("行政运行（2010101）年初预算400.00万元，追加30.00万元，支出决算420.00万元，完成年初预算的⟦97.67%⟧。主要原因是人员调入。"),
      .init("“三公”经费财政拨款支出年初预算为30.00万元，支出决算为24.37万元，完成预算的⟦71.23%⟧，其中：因公出国（境）费决算为3.12万元，完成预算的62.40%。"),
      .init("住房公积金（项）年初预算为 7.20 万元，支出决算为 9.15 万元，超出年初预算 1.95 万元，完成年初预算的 ⟦157.08%⟧。主要原因是缴存基数调整。"),
      .init("年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 ⟦94.89%⟧。"),
      .init("年初预算为 6.00 万元，全年预算为 10.00 万元，支出决算为 9.00 万元，完成年初预算的 ⟦90.00%⟧。"),
      .init(
        "（二）公务用车购置及运行费支出 42.41 万元，完成全年预算的 ⟦69.19%⟧；较上年减少 17.73 万元。\n\n公务用车购置费支出 27.19 万元，完成全年预算的 93.76%。\n\n公务用车运行费支出 15.22 万元，完成全年预算的 52.13%。\n"
      ),
      .init(
        "年初预算为 211.44 万元，支出决算为 136.53 万元，完成年初预算的 ⟦46.57%⟧。",
        fixed: "年初预算为 211.44 万元，支出决算为 136.53 万元，完成年初预算的 64.57%。"),
      .init("公务接待费支出决算 0.00 万元，完成预算的 ⟦100.00%⟧。"),
      .init(
        "机关事业单位退休人员活动费支出（项）。年初预算为 0.88 万元，支出决算为 0.80 万元。\n\n完成年初预算的 ⟦100.00%⟧。\n",
        fixed: "机关事业单位退休人员活动费支出（项）。年初预算为 0.88 万元，支出决算为 0.80 万元。\n\n完成年初预算的 90.91%。\n"),
      // The rate as a measure, as other provinces and evaluations write it.
      .init("公务接待费年初预算为 2.85 万元，支出决算为 0.39 万元，预算执行率为 ⟦19.68%⟧。"),
      .init("公务接待费预算 2.85 万元，决算 0.39 万元，占年初预算的 ⟦19.68%⟧。"),
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 2.85 0.39\n因公出国（境）费 0.00 0.00\n公务用车购置及运行费 0.00 0.00\n公务用车购置费 0.00 0.00\n公务用车运行维护费 0.00 0.00\n公务接待费 2.85 0.39\n\n公务接待费支出决算 0.39 万元，预算执行率为 ⟦19.68%⟧。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 2.85 0.39\n因公出国（境）费 0.00 0.00\n公务用车购置及运行费 0.00 0.00\n公务用车购置费 0.00 0.00\n公务用车运行维护费 0.00 0.00\n公务接待费 2.85 0.39\n\n“三公”经费财政拨款支出年初预算为 ⟦2.58 万元⟧，支出决算为 0.39 万元，完成预算的 13.68%。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs, .tables]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    checkImpliedBudgets(report, readers, context: &context)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      for rate in readers.rates(ofParagraph: index, in: report) {
        if checkAgainstSangongTable(rate, reader, table: report.table(.sangong), context: &context) { continue }
        guard let actual = rate.actual else { continue }
        if let budget = rate.budget {
          guard !budget.value.isZero else {  // change/zero-base, unless the rate fits no other budget
            checkAgainstOtherBudgets(rate, reader, paragraph, context: &context)
            continue
          }
          context.ran()
          // With several 预算 figures (年初, 调整), any that fits is accepted.
          let fitsAnother = rate.budgets.contains { other in
            !other.value.isZero
              && rate.actuals.contains { spent in
                RatioCheck.agrees(
                  stated: rate.rate.value, part: spent.value, partTolerance: RatioCheck.halfUnit(spent.value),
                  whole: other.value, wholeTolerance: RatioCheck.halfUnit(other.value)) == true
              }
          }
          guard
            let agrees = RatioCheck.agrees(
              stated: rate.rate.value, part: actual.value, partTolerance: RatioCheck.halfUnit(actual.value),
              whole: budget.value, wholeTolerance: RatioCheck.halfUnit(budget.value)), !agrees,
            let expected = RatioCheck.percent(
              part: actual.value, whole: budget.value, decimals: rate.rate.value.decimals)
          else { continue }
          if fitsAnother {
            // "年初预算为 B1，全年预算为 B2，…完成年初预算的 R%" where R is worked from B2.
            if let name = rate.budgetName {
              context.report(
                rate.rate.range,
                "文中称完成\(name)预算的 \(rate.rate.value.asWritten)%，按\(name)预算 \(budget.value) 应为 \(expected)%；\(rate.rate.value.asWritten)% 是按句中另一预算数算出的，所称预算与所用预算不一",
                severity: .warning,
                related: [Finding.Related(range: budget.range, message: "\(name)预算 \(budget.value)")],
                hint: "= \(expected)%")
            }
            continue
          }
          let edit = TextEdit(
            range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: rate.rate)), newText: expected)
          context.report(
            rate.rate.range,
            "完成率应为 决算 \(actual.value) ÷ 预算 \(budget.value) = \(expected)%，文中为 \(rate.rate.value.asWritten)%",
            related: [Finding.Related(range: budget.range, message: "预算数 \(budget.value)")],
            fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isPreferred: true)], hint: "= \(expected)%")
        } else if rate.actuals.allSatisfy({ $0.value.isZero }), !rate.rate.value.isZero {
          context.ran()
          context.report(
            rate.rate.range,
            "决算为 \(actual.value)，完成率应为 0%（若预算也为 0，则比例没有意义），文中为 \(rate.rate.value.asWritten)%",
            hint: "= 0%")
        }
      }
    }
  }

  /// "年初预算为 0，全年预算为 B，支出决算为 A，完成年初预算的 R%": the zero base is
  /// change/zero-base's; R is also wrong when it is A ÷ B for none of the sentence's other budgets.
  private func checkAgainstOtherBudgets(
    _ rate: NarrativeReader.Rate, _ reader: NarrativeReader, _ paragraph: Paragraph, context: inout RuleContext
  ) {
    let others = rate.budgets.filter { !$0.value.isZero }
    guard let other = others.last, let actual = rate.actual, !actual.value.isZero else { return }
    context.ran()
    let fitsOne = others.contains { budget in
      rate.actuals.contains { spent in
        RatioCheck.agrees(
          stated: rate.rate.value, part: spent.value, partTolerance: RatioCheck.halfUnit(spent.value),
          whole: budget.value, wholeTolerance: RatioCheck.halfUnit(budget.value)) != false
      }
    }
    guard !fitsOne,
      let expected = RatioCheck.percent(part: actual.value, whole: other.value, decimals: rate.rate.value.decimals)
    else { return }
    context.report(
      rate.rate.range,
      "所称预算为 0，完成率无从计算；按句中另一预算数，决算 \(actual.value) ÷ 预算 \(other.value) = \(expected)%，文中为 \(rate.rate.value.asWritten)%，与哪一个预算数都不符",
      related: [Finding.Related(range: other.range, message: "预算数 \(other.value)")], hint: "= \(expected)%")
  }

  /// A 三公 rate compared with the 三公 table's 决算数 ÷ 预算数 for the item its clause names.
  /// True when the table decided the check (so the prose-only checks do not repeat it).
  private func checkAgainstSangongTable(
    _ rate: NarrativeReader.Rate, _ reader: NarrativeReader, table: Table?, context: inout RuleContext
  ) -> Bool {
    guard let (row, budget, actual) = SangongLookup.figures(for: rate, in: reader, table: table) else { return false }
    guard !budget.isZero else { return true }  // change/zero-base
    // Prose that states both figures and agrees with them is a figure mismatch (xref), not a rate error.
    if let statedBudget = rate.budget, !statedBudget.value.isZero, let statedActual = rate.actual,
      RatioCheck.agrees(
        stated: rate.rate.value, part: statedActual.value, partTolerance: RatioCheck.halfUnit(statedActual.value),
        whole: statedBudget.value, wholeTolerance: RatioCheck.halfUnit(statedBudget.value)) == true
    {
      return true
    }
    context.ran()
    guard
      let agrees = RatioCheck.agrees(
        stated: rate.rate.value, part: actual, partTolerance: RatioCheck.halfUnit(actual), whole: budget,
        wholeTolerance: RatioCheck.halfUnit(budget))
    else { return true }
    if agrees {
      checkStatedBudget(rate, against: (row, budget, actual), context: &context)
      return true
    }
    guard let expected = RatioCheck.percent(part: actual, whole: budget, decimals: rate.rate.value.decimals)
    else { return true }
    context.report(
      rate.rate.range,
      "按“三公”经费表，\(row.name)决算 \(actual) ÷ 预算 \(budget) = \(expected)%，文中为 \(rate.rate.value.asWritten)%",
      related: [Finding.Related(range: row.range, message: "\(row.name) 预算 \(budget)，决算 \(actual)")],
      hint: "= \(expected)%")
    return true
  }

  /// "年初预算为 2.58 万元，支出决算为 0.39 万元，完成预算的 13.68%" beside a 三公 table of 2.85 and
  /// 0.39: the rate is the table's 0.39 ÷ 2.85, not the sentence's 0.39 ÷ 2.58, so the sentence's
  /// one budget and the table's disagree. Only when the sentence's 决算 is the table's.
  private func checkStatedBudget(
    _ rate: NarrativeReader.Rate, against table: (row: Table.Row, budget: Amount, actual: Amount),
    context: inout RuleContext
  ) {
    guard rate.budgets.count == 1, let stated = rate.budget, !stated.value.isZero,
      !stated.value.isSameValue(as: table.budget), let actual = rate.actual, actual.value.isSameValue(as: table.actual),
      RatioCheck.agrees(
        stated: rate.rate.value, part: actual.value, partTolerance: RatioCheck.halfUnit(actual.value),
        whole: stated.value, wholeTolerance: RatioCheck.halfUnit(stated.value)) == false,
      let expected = RatioCheck.percent(part: actual.value, whole: stated.value, decimals: rate.rate.value.decimals)
    else { return }
    context.report(
      stated.range,
      "文中预算 \(stated.value) 与“三公”经费表中\(table.row.name)预算 \(table.budget) 不一：完成率 \(rate.rate.value.asWritten)% 与表中决算 \(table.actual) ÷ 预算 \(table.budget) 相符，按文中预算应为 \(expected)%",
      related: [
        Finding.Related(range: rate.rate.range, message: "完成率 \(rate.rate.value.asWritten)%"),
        Finding.Related(range: table.row.range, message: "\(table.row.name) 预算 \(table.budget)，决算 \(table.actual)"),
      ])
  }

  /// A 三公 item's rate stated without its budget: 决算 A, rate R, so the budget is A ÷ R.
  private struct ImpliedBudget {
    var rate: Paragraph.Number
    var actual: Amount
    /// The budget's bounds, from the rounding of A and R (R's last digit taken as ±1).
    var low: Double
    var high: Double

    init?(rate: Paragraph.Number, actual: Amount) {
      let percent = rate.value.doubleValue
      var unit = 1.0
      for _ in 0..<max(0, rate.value.decimals) { unit /= 10 }
      let slack = Double(RatioCheck.halfUnit(actual)) / 10_000
      guard percent - unit > 0, !actual.isZero else { return nil }
      self.rate = rate
      self.actual = actual
      low = (actual.doubleValue - slack) / (percent + unit) * 100
      high = (actual.doubleValue + slack) / (percent - unit) * 100
    }
  }

  /// The 三公 items and the items they are the sum of.
  private static let sangongParts: [(whole: String, parts: [String])] = [
    ("公务用车购置及运行费", ["公务用车购置费", "公务用车运行维护费"]),
    ("合计", ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"]),
  ]

  /// "公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；…购置费支出 27.19 万元，完成全年预算
  /// 的 93.76%；…运行费支出 15.22 万元，完成全年预算的 47.13%", no budget written: the budgets the
  /// rates imply (决算 ÷ 完成率) of the parts add up to the whole's. A part spent nothing (its budget
  /// unknown) leaves the whole's at least the sum of the others'.
  private func checkImpliedBudgets(_ report: Report, _ readers: NarrativeReaders, context: inout RuleContext) {
    var implied: [String: ImpliedBudget] = [:]
    var unknown: Set<String> = []
    var repeated: Set<String> = []
    for index in report.paragraphs.indices {
      let reader = readers[index]
      for rate in reader.rates where rate.budgets.isEmpty {
        var clauseStart = rate.sentence.lowerBound
        if let semicolon = reader.occurrences(of: "；", in: rate.sentence.lowerBound..<rate.rate.textRange.lowerBound)
          .last
        {
          clauseStart = semicolon + 3
        }
        guard
          let item = SangongLookup.item(lastIn: reader.paragraph.text(in: clauseStart..<rate.rate.textRange.lowerBound))
        else { continue }
        guard implied[item] == nil, !unknown.contains(item) else {
          repeated.insert(item)
          continue
        }
        if let actual = rate.actual, let budget = ImpliedBudget(rate: rate.rate, actual: actual.value) {
          implied[item] = budget
        } else {
          unknown.insert(item)
        }
      }
    }
    for (whole, parts) in Self.sangongParts {
      guard let total = implied[whole], !repeated.contains(whole), parts.allSatisfy({ !repeated.contains($0) })
      else { continue }
      let known = parts.compactMap { implied[$0] }
      let complete = known.count == parts.count
      guard !known.isEmpty else { continue }
      // Parts not stated at all may have any budget: only a stated rate of a zero 决算 is unknown.
      guard parts.allSatisfy({ implied[$0] != nil || unknown.contains($0) }) else { continue }
      context.ran()
      let low = known.reduce(0) { $0 + $1.low }
      let high = known.reduce(0) { $0 + $1.high }
      let fails = complete ? (total.high < low || total.low > high) : total.high < low
      guard fails else { continue }
      let terms = known.map { "\($0.actual) ÷ \($0.rate.value.asWritten)%" }.joined(separator: " + ")
      func rounded(_ value: Double) -> Amount { Amount(tenThousandths: Int64((value * 10_000).rounded()), decimals: 2) }
      let sum = rounded((low + high) / 2)
      let own = rounded((total.low + total.high) / 2)
      let relation = complete ? "应等于" : "至少为"
      context.report(
        total.rate.range,
        "按各项完成率推算的预算：\(terms) ≈ \(sum) 万元，\(whole == "合计" ? "“三公”经费" : whole)的预算\(relation)此数，而 \(total.actual) ÷ \(total.rate.value.asWritten)% ≈ \(own) 万元：某项的决算数或完成率有误",
        related: known.map {
          Finding.Related(range: $0.rate.range, message: "\($0.actual) ÷ \($0.rate.value.asWritten)%")
        })
    }
  }
}
