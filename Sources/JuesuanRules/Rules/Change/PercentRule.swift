import JuesuanAnalysis
import JuesuanModel

/// A stated growth/decline percentage equals Δ ÷ last year's figure.
struct PercentRule: Rule {
  static let description = RuleDescription(
    code: "change/percent",
    summary: "“较上年增加/减少 X 万元，增长/下降 Y%”中的 Y 应等于 X ÷ 上年数。",
    rationale: """
      上年数 = 本年数 − 增加额（或 + 减少额）。常见错误是用本年数作分母。按所写小数位比较，\
      并容许各金额的四舍五入误差及末位 ±1。漏写“%”的增长率（“增长 13.95。”）同样核对；百分比也可写作“同比增长 Y%”“增长率为 Y%”“增幅（降幅）为 Y%”。“减少 X 万元，增长 Y%”这类方向词矛盾的（change/direction 报告），Y 须至少符合增加、减少之一。本年数取句中（或“与上年相比”前一句中；前一句是“合计，其中：…”的列举时取合计）同一项目的金额；\
      决算中句内没有本年数而所说的是“三公”经费某项时，取“三公”经费表中该项的决算数；都找不到时不检查。\
      两年的数都写明而百分比与之相符、只有增加额不符的，是增加额写错（change/delta 报告）。\
      上年为 0 时“增长 100%”是 change/zero-base 的惯用写法；写成别的、四舍五入也得不到的数（“增长 102%”）在此报告。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // A change after a list is of the list's whole; one framed by "与年初预算…相比" is no change
      // against last year; a signed "增加 -150.00 万元" is not read.
      .init("# 2023年度部门决算\n\n本年支出合计1,500.00万元，主要用于：基本支出900.00万元，项目支出600.00万元。比上年减少100.00万元，下降6.25%，主要原因是项目减少。\n"),
      .init("# 2023年度部门决算\n\n本年支出合计1,500.00万元。其中：基本支出900.00万元，项目支出600.00万元。比上年减少100.00万元，下降6.25%，主要原因是项目减少。\n"),
      .init("# 2023年度部门决算\n\n本年支出合计400.00万元，其中：\n基本支出100.00万元，项目支出300.00万元；比上年减少100.00万元，下降20.00%。\n"),
      .init(
        "# 2023年度部门决算\n\n本年支出合计1,150.00万元，比上年增加50.00万元，增长4.55%；与年初预算1,000.00万元相比增加150.00万元，增长15.00%。主要原因是追加人员经费。\n"),
      .init("# 2023年度部门决算\n\n本年支出合计850.00万元，比上年增加-150.00万元，增长-15.00%，主要原因是压减支出。\n"),
      // Last year's figure in a clause of its own before the change: the base, not this year's.
      .init("# 2023年度部门决算\n\n公务用车运行维护费支出 15.22 万元，完成全年预算的 47.13%；上年为 24.68 万元，减少 9.46 万元，降低 38.33%。\n"),
      .init("# 2023年度部门决算\n\n住房保障支出决算45.74万元；2022年决算为47.26万元，本年减少1.52万元，降幅3.22%。\n"),
      .init("# 2023年度部门决算\n\n一般公共服务支出决算1,098.45万元。与2022年决算数（1,035.60万元）相比增加62.85万元，增长6.07%。\n"),
      .init("# 2024年度部门决算\n\n本局 2024 年度收入支出总计 9859.38 万元。2023 年度为 8796.53 万元，本年增加 1062.85 万元，增长 12.08%。\n"),
      .init(
        "# 2023年度部门决算\n\n2023年度收入总计1,862.53万元，支出总计1,862.53万元。2022年度收入总计1,535.02万元，支出总计1,535.02万元。与上年相比，收支总计各增加327.51万元，增长21.34%。\n"
      ),
      // Last year's figure inside the comparison, or in a sentence about last year.
      .init("# 2023年度部门决算\n\n与上年“三公”经费支出12.00万元相比，减少2.40万元，下降20.00%，主要原因是厉行节约。\n"),
      .init("# 2023年度部门决算\n\n上年收入总计2000.00万元、支出总计2000.00万元，本年收、支总计各增加100.00万元，增长5.00%，主要原因是新增项目。\n"),
      // The report's title ends its paragraph: the sentence after it opens with last year.
      .init("某区统计局2023年度部门决算\n\n上年支出12.00万元，比上年减少2.40万元，下降20.00%。\n"),
      // The change may be the total's or its part's; 10% fits the total.
      .init("# 2023年度部门决算\n\n2023年度收入总计 1,100.00 万元，其中上年结转 100.00 万元，比上年增加 100.00 万元，增长 10.00%，主要原因是人员增加。\n"),
      // Last year's figure in a clause of its own before a sentence that opens with the comparison.
      .init(
        "# 2023年度部门决算\n\n2023年度本年支出合计 1,100.00 万元，2022年度 1,000.00 万元。与上年相比增加 100.00 万元，增长 10.00%，主要原因是人员增加。\n"
      ),
      // The previous year's figure in brackets before the verb.
      .init("一般公共服务支出860.00万元，比上年预算数（800.00万元）增加60.00万元，增长7.50%。"),
      // A part's change after 其中, and a reason's after 主要是, are not measured against the whole.
      .init("2023年度本年支出合计100.00万元，较上年增加20.00万元，增长25.00%，其中基本支出较上年增加15.00万元，增长20.00%，项目支出较上年增加5.00万元，增长100.00%。"),
      .init("2023年度财政拨款支出100.00万元，较上年增加20.00万元，增长25.00%，主要是人员经费增加15.00万元，增长23.81%，以及项目经费增加5.00万元。"),
      .init("（一）2010301-行政运行 907.12 万元，较上年决算数减少 45.76 万元，下降 4.80%。主要原因是人员减少。"),
      .init("2023年机关运行经费支出49.25万元，比2022年增加8.54万元，增长20.98%，主要原因是业务增加。"),
      .init("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。"),
      .init("2023年预算执行数为60.13万元，2023年决算数为50.00万元，本年安排25.77万元，比上年减少10.00%。"),
      .init("（四）2040220-执法办案 0 万元，较上年决算数减少 37.06 万元，下降 100%。主要原因是只有上年有该项支出。"),
      .init("（六）2013405-华侨事务 0.00 万元，较上年决算数减少 0.01 万元，下降 66.67%。"),
      .init("一般公共预算财政拨款支出 9746.50 万元，较上年增加 1193.20 万元，增长 13.95。"),
      .init("(三) 2011301-行政运行 19.46 万元，较上年决算数增加 19.46 万元，增长 100%。主要原因是新增该项目。"),
      // Tiny figures: a last year of up to 0.01 makes 50% reachable.
      .init("(三) 2011301-行政运行 0.01 万元，较上年决算数增加 0.01 万元，增长 50%。"),
      .init("机关运行经费2023年决算数为 10.00 万元，2022年决算数为 0.50 万元，比上年增加 9.50 万元，增长 1900.00%。"),
      // A figure whose clause opens with last year is last year's; one after "、" or "本年" is not,
      // nor one of another kind than the comparison names.
      .init("上年和本年分别为 3.00 万元、2.00 万元，比上年减少 1.00 万元，下降 33.33%。"),
      .init(
        "# 2024年部门预算\n\n2024年一般公共预算拨款 500.00 万元，2023年执行数 480.00 万元，比2023年预算增加 50.00 万元，增长 11.11%。\n"),
      // The Δ is wrong (change/delta), the percentage fits both years.
      .init("2024年部门收入预算 120.00 万元，2023年预算数为 100.00 万元，比上年增加 25.00 万元，增长 20.00%。"),
      .init("（二）2010350-事业运行 188.57 万元，比上年增加 76.97 万元，同比增长 68.97%。"),
      .init("（二）2010350-事业运行 188.57 万元，较上年增加 76.97 万元，增长率为 68.97%。"),
      .init("（六）2010308-信访事务 111.60 万元，较上年减少 76.97 万元，降幅为 40.82%。"),
      .init("2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加（减少）327.51 万元，增长（下降）21.35%。"),
      // "与上年相比" after a list compares the list's whole, not its last part.
      .init("本年支出合计100.00万元，其中：基本支出80.00万元，占80.00%；项目支出20.00万元，占20.00%。与上年相比增加10.00万元，增长11.11%。"),
      // The words disagree (change/direction), but the percentage fits an increase.
      .init("（二）公务用车购置及运行费支出 42.41 万元，较上年减少 17.73 万元，增长 71.84%。"),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t2.85\t0.39\n公务接待费\t2.85\t0.39\n\n因公出国（境）费支出与上一年度持平；公务接待费支出决算减少 0.15 万元，下降 27.78%。\n"
      ),
    ],
    triggeringExamples: [
      .init("# 2023年度部门决算\n\n本年支出合计1,500.00万元，主要用于：基本支出900.00万元，项目支出600.00万元。比上年减少100.00万元，下降⟦8.25%⟧。\n"),
      .init("# 2023年度部门决算\n\n公务用车运行维护费支出 15.22 万元；上年为 24.68 万元，减少 9.46 万元，降低 ⟦28.33%⟧。\n"),
      .init(
        "（二）2010350-事业运行 188.57 万元，较上年决算数增加 76.97 万元，增长 ⟦40.82%⟧。主要原因是项目支出。",
        fixed: "（二）2010350-事业运行 188.57 万元，较上年决算数增加 76.97 万元，增长 68.97%。主要原因是项目支出。"),
      .init(
        "2023年当年预算执行数为45.41万元，2024年预算安排42.60万元，比2023年预算执行数减少⟦11.19%⟧。",
        fixed: "2023年当年预算执行数为45.41万元，2024年预算安排42.60万元，比2023年预算执行数减少6.19%。"),
      .init("2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加（减少）327.51 万元，增长（下降）⟦21.85%⟧。"),
      .init("（二）公务用车购置及运行费支出 42.41 万元，较上年减少 17.73 万元，增长 ⟦70.81%⟧。"),
      // An item after a ； is its own: the 三公 total before it is not this year's figure.
      .init(
        "2023年度“三公”经费支出决算6.00万元，其中：公务用车运行维护费4.00万元，比上年减少0.50万元，下降11.11%；公务接待费2.00万元，比上年减少1.50万元，下降⟦20.00%⟧。",
        fixed: "2023年度“三公”经费支出决算6.00万元，其中：公务用车运行维护费4.00万元，比上年减少0.50万元，下降11.11%；公务接待费2.00万元，比上年减少1.50万元，下降42.86%。"),
      .init(
        "本年支出合计100.00万元，其中：基本支出80.00万元，占80.00%；项目支出20.00万元，占20.00%。与上年相比增加10.00万元，增长⟦12.11%⟧。",
        fixed: "本年支出合计100.00万元，其中：基本支出80.00万元，占80.00%；项目支出20.00万元，占20.00%。与上年相比增加10.00万元，增长11.11%。"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t2.85\t0.39\n公务接待费\t2.85\t0.39\n\n因公出国（境）费支出与上一年度持平；公务接待费支出决算减少 0.15 万元，下降 ⟦32.78%⟧。\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t2.85\t0.39\n公务接待费\t2.85\t0.39\n\n因公出国（境）费支出与上一年度持平；公务接待费支出决算减少 0.15 万元，下降 27.78%。\n"
      ),
      .init("一般公共预算财政拨款支出 9746.50 万元，较上年增加 1194.20 万元，增长 ⟦13.95⟧。"),
      // A last year of nothing: "增长 100%" is change/zero-base's idiom, anything else is wrong.
      .init("(三) 2011301-行政运行 19.46 万元，较上年决算数增加 19.46 万元，增长 ⟦102%⟧。主要原因是新增该项目。"),
      // Other provinces' wording of the percentage.
      .init("（二）2010350-事业运行 188.57 万元，比上年增加 76.97 万元，同比增长 ⟦40.82%⟧。"),
      .init("（二）2010350-事业运行 188.57 万元，较上年增加 76.97 万元，增长率为 ⟦40.82%⟧。"),
      .init("（六）2010308-信访事务 111.60 万元，较上年减少 76.97 万元，降幅为 ⟦60.82%⟧。"),
      // Full-width digits, as some offices type them.
      .init(
        "（二）2010350-事业运行 １８８．５７ 万元，较上年决算数增加 ７６．９７ 万元，增长 ⟦４０．８２％⟧。",
        fixed: "（二）2010350-事业运行 １８８．５７ 万元，较上年决算数增加 ７６．９７ 万元，增长 68.97％。"),
      .init(
        "（四）2040220-执法办案 0 万元，较上年决算数减少 37.06 万元，下降 ⟦101%⟧。主要原因是只有上年有该项支出。",
        fixed: "（四）2040220-执法办案 0 万元，较上年决算数减少 37.06 万元，下降 100%。主要原因是只有上年有该项支出。"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs, .tables]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      checkPercentChanges(paragraph, reader, context: &context)
      for change in reader.changes {
        if !change.isResolved {
          checkEitherDirection(change, paragraph, reader, context: &context)
          continue
        }
        // "增长 13.95。", the "%" left out (text/unit's finding), is checked as the percentage it is.
        let unitless = change.percent == nil ? reader.unitlessPercent(after: change) : nil
        guard let percent = change.percent ?? unitless?.number, let percentVerb = change.percentVerb ?? unitless?.verb
        else { continue }
        if percentVerb.isIncrease != change.verb.isIncrease {
          // "减少 17.73 万元，增长 71.81%": which word is wrong is change/direction's finding; the
          // percentage must still fit one direction or the other.
          checkEitherDirection(change, paragraph, reader, context: &context)
          continue
        }
        let delta = change.delta.value
        if let current = change.current, change.previous == nil, !change.verb.isIncrease, current.value.isZero {
          checkFallToZero(change, percent: percent, current: current, paragraph, reader, context: &context)
          continue
        }
        let previous: Amount
        let tolerance: Int64
        let working: String
        if let stated = change.previous {
          previous = stated.value
          tolerance = RatioCheck.halfUnit(stated.value)
          working = "上年 \(previous)"
        } else if let current = change.current {
          previous = change.verb.isIncrease ? current.value - delta : current.value + delta
          tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)
          working = "上年 \(previous)（\(current.value) \(change.verb.isIncrease ? "−" : "+") \(delta)）"
        } else if !report.kind.isBudget, let (item, current) = Self.sangongCurrent(of: change, reader, report) {
          // "公务接待费支出决算减少 0.15 万元，下降 27.78%": this year's figure is the 三公 table's.
          previous = change.verb.isIncrease ? current - delta : current + delta
          tolerance = RatioCheck.halfUnit(current) + RatioCheck.halfUnit(delta)
          working = "上年 \(previous)（“三公”经费表中\(item)决算 \(current) \(change.verb.isIncrease ? "−" : "+") \(delta)）"
        } else {
          context.skip("未找到“\(change.verb.text) \(delta)”对应的本年数，未核对增长率")
          continue
        }
        guard previous.tenThousandths > tolerance else {
          // A last year of nothing: change/zero-base's, unless the percentage is not even the idiom.
          // (A last year below nothing is a figure read as this year's that is not: no finding.)
          if change.verb.isIncrease, abs(previous.tenThousandths) <= tolerance,
            RatioCheck.growthFromNothing(stated: percent.value, delta: delta, previous: previous, tolerance: tolerance)
              == .impossible, !change.percentFitsAlternative
          {
            context.ran()
            context.report(
              percent.range,
              "\(working)，上年为 0，增长率无从计算；文中“\(percentVerb.text) \(percent.value.asWritten)%”也不是“新增”惯用的 100%：应写“新增”或“上年无此项支出”"
            )
          }
          continue
        }
        context.ran()
        guard
          let agrees = RatioCheck.agrees(
            stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: previous,
            wholeTolerance: tolerance), !agrees,
          let expected = RatioCheck.percent(part: delta, whole: previous, decimals: percent.value.decimals)
        else { continue }
        // Both years stated and the percentage fits them: the Δ is the wrong figure (change/delta's).
        if let stated = change.previous, let current = change.current {
          let difference = change.verb.isIncrease ? current.value - stated.value : stated.value - current.value
          if RatioCheck.agrees(
            stated: percent.value, part: difference,
            partTolerance: RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(stated.value), whole: stated.value,
            wholeTolerance: RatioCheck.halfUnit(stated.value)) == true
          {
            continue
          }
        }
        // Ambiguous when another figure of the sentence, taken as this year's, fits the percentage.
        if change.percentFitsAlternative {
          context.skip("“\(change.verb.text) \(delta)”的本年数不唯一，未核对增长率")
          continue
        }
        let rateName = percentVerb.text.hasSuffix("幅") ? percentVerb.text : percentVerb.text + "率"
        var message = "\(rateName)应为 Δ \(delta) ÷ \(working) = \(expected)%，文中为 \(percent.value.asWritten)%"
        if unitless != nil { message.append("（漏写“%”）") }
        if let current = change.current,
          RatioCheck.agrees(
            stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: current.value,
            wholeTolerance: RatioCheck.halfUnit(current.value)) == true
        {
          message += "（文中数值等于 Δ ÷ 本年数 \(current.value)，分母用错）"
        }
        let edit = TextEdit(
          range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: percent)), newText: expected)
        context.report(
          percent.range, Message(message),
          fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isSafe: false, isPreferred: true)],
          hint: "= \(expected)%")
      }
    }
  }

  /// The 三公 table's 决算数 of the item a change's clause names before its verb ("；公务接待费支出决算
  /// 减少 0.15 万元"), when the clause gives no figure of this year.
  private static func sangongCurrent(of change: NarrativeReader.Change, _ reader: NarrativeReader, _ report: Report)
    -> (item: String, actual: Amount)?
  {
    guard let table = report.table(.sangong) else { return nil }
    var clauseStart = change.sentence.lowerBound
    if let semicolon = reader.occurrences(of: "；", in: change.sentence.lowerBound..<change.verb.range.lowerBound).last {
      clauseStart = semicolon + 3
    }
    let clause = reader.paragraph.text(in: clauseStart..<change.verb.range.lowerBound)
    guard SangongLookup.mentionsItem(clause), !clause.utf8Text.contains("预算"),
      let (row, _, actual) = SangongLookup.figures(forLastItemIn: clause, table: table)
    else { return nil }
    return (row.name, actual)
  }

  /// "0 万元，较上年减少 Δ 万元，下降 P%": a fall to nothing is a fall of 100%. Only the rounding
  /// of this year's 0 (a "0.00" that was 0.004) can make it less, and nothing makes it more.
  private func checkFallToZero(
    _ change: NarrativeReader.Change, percent: Paragraph.Number, current: Paragraph.Number, _ paragraph: Paragraph,
    _ reader: NarrativeReader, context: inout RuleContext
  ) {
    let delta = change.delta.value
    guard delta.tenThousandths > 0 else { return }
    context.ran()
    let slack = Double(RatioCheck.halfUnit(current.value))
    let lowest = Double(delta.tenThousandths) / (Double(delta.tenThousandths) + slack) * 100
    var unit = 1.0
    for _ in 0..<max(0, percent.value.decimals) { unit /= 10 }
    let stated = percent.value.doubleValue
    guard stated > 100 + 1e-9 || stated < lowest - unit / 2 - 1e-9 else { return }
    let expected = Amount(hundredths: 10_000).formatted(decimals: percent.value.decimals)
    let edit = TextEdit(range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: percent)), newText: expected)
    context.report(
      percent.range,
      "本年为 \(current.value.asWritten)，较上年减少 \(delta.asWritten) 即全部减少，下降率应为 \(expected)%，文中为 \(percent.value.asWritten)%",
      related: [Finding.Related(range: current.range, message: "本年 \(current.value.asWritten)")],
      fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isSafe: false, isPreferred: true)],
      hint: "= \(expected)%")
  }

  /// "本年 B，比上年增加（减少）Δ，增长（下降）P%": the direction is left open (text/template-residue
  /// reports that), but P must be Δ ÷ (B − Δ) or Δ ÷ (B + Δ), one or the other.
  private func checkEitherDirection(
    _ change: NarrativeReader.Change, _ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext
  ) {
    guard let percent = change.percent, let current = change.current, change.previous == nil else { return }
    let delta = change.delta.value
    let tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)
    let bases = [current.value - delta, current.value + delta]
    guard bases.allSatisfy({ $0.tenThousandths > tolerance }) else { return }  // zero base: change/zero-base
    context.ran()
    // Another figure of the sentence taken as this year's may be the one it was worked from.
    let fits = ([current] + change.alternatives).contains { candidate in
      let slack = RatioCheck.halfUnit(candidate.value) + RatioCheck.halfUnit(delta)
      return [candidate.value - delta, candidate.value + delta].contains { base in
        RatioCheck.agrees(
          stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: base,
          wholeTolerance: slack) != false
      }
    }
    guard !fits,
      let rise = RatioCheck.percent(part: delta, whole: bases[0], decimals: percent.value.decimals),
      let fall = RatioCheck.percent(part: delta, whole: bases[1], decimals: percent.value.decimals)
    else { return }
    context.report(
      percent.range,
      "变动率与哪个方向都不符：按增加，Δ \(delta) ÷ 上年 \(bases[0])（\(current.value) − \(delta)） = \(rise)%；按减少，Δ \(delta) ÷ 上年 \(bases[1])（\(current.value) + \(delta)） = \(fall)%；文中为 \(percent.value.asWritten)%",
      related: [Finding.Related(range: current.range, message: "本年 \(current.value)")])
  }

  /// "上年 A，本年 B，比上年减少 P%": P = |B − A| ÷ A.
  private func checkPercentChanges(_ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext) {
    for change in reader.percentChanges {
      let previous = change.previous.value
      guard previous.tenThousandths > change.tolerance else { continue }  // zero base: change/zero-base
      context.ran()
      let magnitude = change.difference.magnitude
      guard
        RatioCheck.agrees(
          stated: change.percent.value, part: magnitude, partTolerance: change.tolerance, whole: previous,
          wholeTolerance: RatioCheck.halfUnit(previous)) == false,
        let expected = RatioCheck.percent(part: magnitude, whole: previous, decimals: change.percent.value.decimals)
      else { continue }
      var message =
        "\(change.verb.text)率应为 |\(change.current.value) − \(previous)| ÷ 上年 \(previous) = \(expected)%，文中为 \(change.percent.value.asWritten)%"
      // Another figure of the paragraph given for this year ("…（项）350.35万元") may be the one
      // the percentage was worked from: then the two figures for this year disagree.
      if let other = paragraph.numbers.first(where: { other in
        other.unit == change.current.unit && other.textRange.upperBound <= change.sentence.lowerBound
          && other.value != change.current.value
          && RatioCheck.agrees(
            stated: change.percent.value, part: (other.value - previous).magnitude,
            partTolerance: RatioCheck.halfUnit(other.value) + RatioCheck.halfUnit(previous), whole: previous,
            wholeTolerance: RatioCheck.halfUnit(previous)) == true
      }) {
        message += "；按本段前文的 \(other.value) 计算则相符，本年数前后不一"
      } else if let opening = paragraph.numbers.first(where: { $0.unit == change.current.unit }),
        opening.textRange.upperBound <= change.sentence.lowerBound, opening.value != change.current.value,
        opening.value != previous
      {
        // "…（项）”220.63万元，…2023年预算安排441.25万元": the item's figure and the sentence's differ.
        message += "；本段开头所列为 \(opening.value)，与句中本年数 \(change.current.value) 不一"
      }
      let edit = TextEdit(
        range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: change.percent)), newText: expected)
      context.report(
        change.percent.range, Message(message),
        related: [
          Finding.Related(range: change.previous.range, message: "上年 \(previous)"),
          Finding.Related(range: change.current.range, message: "本年 \(change.current.value)"),
        ],
        fixes: [Fix(title: "改为 \(expected)%", edits: [edit], isSafe: false, isPreferred: true)],
        hint: "= \(expected)%")
    }
  }
}
