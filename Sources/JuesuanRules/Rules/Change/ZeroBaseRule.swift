import JuesuanAnalysis
import JuesuanModel

/// A percentage whose denominator is zero: growth from a zero last year, execution of a zero
/// budget, a share of a zero whole.
struct ZeroBaseRule: Rule {
  static let description = RuleDescription(
    code: "change/zero-base",
    summary: "分母为 0 的百分比没有意义：上年为 0 的“增长 100%”、预算为 0 的“完成预算的 X%”、整体为 0 的“占…的 X%”。",
    rationale: """
      上年数由“本年数 − 增加额”推得为 0 或句中写明为 0（“上年 0 万元，本年 B 万元，比上年增加 P%”）、句中写明预算为 0、或“三公”经费预算总额为 0 时其各项的完成率，\
      以及“占 X 的 W%”而 X 在同段写明为 0，均按零基数报告（0/0 写成 0% 或 100% 也算）。\
      “下降 100%”（本年为 0、上年不为 0）是正确的，不报告；上年为 0 而写的既不是“新增”惯用的 100% 也不是\
      四舍五入所能得到的增长率（“增长 102%”），是增长率写错，由 change/percent 报告。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // This year's 结余 is the figure the change is about: 20.00 from 10.00 is 100%.
      .init("# 2023年度部门决算\n\n本年结余 20.00 万元，上年结余 10.00 万元，比上年增加 10.00 万元，增长 100.00%。\n"),
      .init("(四) 2040220-执法办案 0 万元，较上年决算数减少 37.06 万元，下降 100%。主要原因是本年无该项支出。"),
      .init("城乡社区支出年初预算0.00万元，支出决算284.40万元，较2022年决算增加284.40万元。"),
      .init("# 2023年部门预算\n\n2022年当年预算执行数为0万元，2023年预算安排0万元，比2022年预算执行数持平。\n"),
      // A last year of 0.01 (0.05 − 0.04), which the rounding leaves, fits 400%.
      .init("其他支出（类）支出 0.05 万元，较上年增加 0.04 万元，增长 400.00%，主要是零星支出增加。"),
      // The stated last year's figure is not this year's.
      .init("机关运行经费2023年决算数为 1.00 万元，2022年决算数为 0.50 万元，比上年增加 0.50 万元，增长 100.00%。"),
    ],
    triggeringExamples: [
      .init(
        "(三) 2011301-行政运行 19.46 万元，较上年决算数增加 19.46 万元，增长 ⟦100%⟧。主要原因是新增该项目。",
        fixed: "(三) 2011301-行政运行 19.46 万元，较上年决算数增加 19.46 万元。主要原因是新增该项目。"),
      .init("政府性基金预算财政拨款支出年初预算为0.00万元，支出决算为 0.00 万元，完成年初预算的 ⟦0.00%⟧。"),
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t2.85\t0.39\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t0.00\t0.00\n其中：公务用车购置费\t0.00\t0.00\n公务用车运行维护费\t0.00\t0.00\n公务接待费\t2.85\t0.39\n\n“三公”经费年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%，其中：因公出国（境）费决算为 0.00 万元，完成预算的 ⟦0.00%⟧；公务接待费决算为 0.39 万元，完成预算的 13.68%，主要原因是压减开支。\n"
      ),
      .init("授予中小企业合同金额 0.00 万元，其中：授予小微企业合同金额 0.00 万元，占授予中小企业合同金额的 ⟦0%⟧。"),
      .init("# 2023年部门预算\n\n2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加⟦100.00%⟧。主要原因是：新增专项普查活动经费。\n"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  private static let sangongItems = ["三公", "出国", "公务用车", "公务接待", "接待费", "车辆"]

  static let elements: ReportElements? = [.paragraphs, .headings, .tables]

  func check(_ report: Report, context: inout RuleContext) {
    var zeroSangongBudget = false
    var lastHeading: Int?
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      // A section heading (一、… or higher) ends the 三公 scope.
      if paragraph.headingIndex != lastHeading {
        let from = (lastHeading ?? -1) + 1
        let to = paragraph.headingIndex ?? -1
        if from <= to, to < report.headings.count, report.headings[from...to].contains(where: { $0.level <= .section })
        {
          zeroSangongBudget = false
        }
        lastHeading = paragraph.headingIndex
      }
      let reader = readers[index]
      checkChanges(reader, context: &context)
      for rate in readers.rates(ofParagraph: index, in: report) {
        let sentence = paragraph.text(in: rate.sentence)
        if let budget = rate.budget, budget.value.isZero {
          context.ran()
          if Self.sangongItems.contains(where: sentence.utf8Text.contains), sentence.utf8Text.contains("三公") {
            zeroSangongBudget = true
          }
          let actual = rate.actual.map { "，决算 \($0.value)" } ?? ""
          context.report(
            rate.rate.range,
            "预算为 \(budget.value)\(actual)，分母为 0，“完成预算的 \(rate.rate.value.asWritten)%”没有意义；应写明“年初预算为 0，无法计算完成率”或删去比例",
            related: [Finding.Related(range: budget.range, message: "预算数 \(budget.value)")])
        } else if let (row, budget, actual) = SangongLookup.figures(
          for: rate, in: reader, table: report.table(.sangong)), budget.isZero
        {
          // "其中：因公出国（境）费决算为 0.00 万元，完成预算的 0.00%": the sentence's 预算 is the
          // whole's; the item's own is the table's.
          context.ran()
          context.report(
            rate.rate.range,
            "按“三公”经费表，\(row.name)预算为 \(budget)、决算为 \(actual)，分母为 0，“完成预算的 \(rate.rate.value.asWritten)%”没有意义",
            related: [Finding.Related(range: row.range, message: "\(row.name) 预算 \(budget)，决算 \(actual)")])
        } else if rate.budget != nil {
          context.ran()
        } else if zeroSangongBudget, Self.sangongItems.contains(where: sentence.utf8Text.contains) {
          context.ran()
          context.report(
            rate.rate.range,
            "“三公”经费预算总额为 0，其各项预算均为 0，“完成预算的 \(rate.rate.value.asWritten)%”分母为 0，没有意义")
        }
      }
      for share in reader.shares {
        guard let whole = share.whole else { continue }
        context.ran()
        guard whole.value.isZero else { continue }
        context.report(
          share.share.range,
          "\(share.wholeName)为 \(whole.value)，分母为 0，“占\(share.wholeName)的 \(share.share.value.asWritten)%”没有意义",
          related: [Finding.Related(range: whole.range, message: "\(share.wholeName) \(whole.value)")])
      }
    }
  }

  private func checkChanges(_ reader: NarrativeReader, context: inout RuleContext) {
    let paragraph = reader.paragraph
    // "2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加100.00%".
    for change in reader.percentChanges where change.verb.isIncrease {
      guard change.previous.value.isZero else { continue }
      context.ran()
      guard change.current.value.tenThousandths > 0 else { continue }
      context.report(
        change.percent.range,
        "上年为 \(change.previous.value.asWritten)，本年 \(change.current.value)，以 0 为基数的“\(change.verb.text) \(change.percent.value.asWritten)%”没有意义；可写“新增”或“上年无此项支出”",
        related: [Finding.Related(range: change.previous.range, message: "上年 \(change.previous.value.asWritten)")])
    }
    for change in reader.changes {
      guard change.isResolved, change.verb.isIncrease, let percent = change.percent,
        let percentVerb = change.percentVerb, percentVerb.isIncrease
      else { continue }
      let delta = change.delta.value
      let working: String
      if let previous = change.previous {
        guard previous.value.isZero else { continue }
        working = "上年为 \(previous.value)"
        // Not even the idiom's 100%, nor a growth the zero's rounding allows: a wrong percentage
        // (change/percent).
        guard
          RatioCheck.growthFromNothing(
            stated: percent.value, delta: delta, previous: previous.value,
            tolerance: RatioCheck.halfUnit(previous.value)) != .impossible
        else { continue }
      } else if let current = change.current {
        let previous = current.value - delta
        let tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)
        // A last year of nothing, as far as the rounding tells, that the percentage does not fit
        // ("0.05 万元，增加 0.04 万元，增长 400%" fits a last year of 0.01): the idiom's 100% here,
        // anything else change/percent's.
        // (Unless another figure of the sentence is this year's as well: "本年结余 20.00 万元，上年结余
        // 10.00 万元，比上年增加 10.00 万元，增长 100.00%".)
        guard abs(previous.tenThousandths) <= tolerance,
          RatioCheck.growthFromNothing(stated: percent.value, delta: delta, previous: previous, tolerance: tolerance)
            == .newItemIdiom, !change.percentFitsAlternative
        else { continue }
        working = "上年 = 本年 \(current.value) − 增加 \(delta) = \(previous)"
      } else {
        continue
      }
      context.ran()
      var fixes: [Fix] = []
      // Delete "，增长 100%" (the comma before the percentage verb up to the percentage).
      let gapStart = change.delta.textRange.upperBound
      if gapStart < percentVerb.range.lowerBound {
        let edit = TextEdit.deletion(
          paragraph.sourceRange(ofTextRange: gapStart..<percent.textRange.upperBound), in: context.report.source)
        fixes.append(Fix(title: "删除增长率（上年为 0）", edits: [edit]))
      }
      context.report(
        percent.range, "\(working)，以 0 为基数的“\(percentVerb.text) \(percent.value.asWritten)%”没有意义；可写“新增”或“上年无此项支出”",
        fixes: fixes)
    }
  }
}
