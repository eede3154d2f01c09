import JuesuanAnalysis
import JuesuanModel

/// The funds block of a self-evaluation table adds up: 年度资金总额 = Σ its sources (or its sources
/// and, again, its uses; a 合计 last = Σ the rows above it), a 小计 row = Σ the rows under it,
/// 合计 = Σ the 小计 rows (年初预算数, 全年预算数, 全年执行数, 结余 columns);
/// and each row holds together: 全年预算 = 年初预算 + 年中调整, 结余 = 全年预算 − 全年执行,
/// 结余率 = 结余 ÷ 全年预算.
struct PerfFundsTotalRule: Rule {
  static let description = RuleDescription(
    code: "perf/funds-total",
    summary: "绩效自评表资金栏的合计行等于其下各资金来源之和（小计等于其下各行，合计等于各小计）；每行的预算、调整、执行、结余自洽。",
    rationale: """
      资金总额与来源不符，执行率和资金得分便失去依据。只比较金额栏（预算数、执行数、结余），缺失或写“—”的格\
      不计为 0，该栏跳过。每一行还须自洽：有“年中调整”栏的，全年预算（小计）= 年初预算 + 年中调整；有“结余”栏的，\
      结余 = 全年预算 − 全年执行；有“结余率”栏的，结余率 = 结余 ÷ 全年预算（按所写小数位，末位容差 ±1）。\
      三者只要一栏写错便不成立，报告在结果一栏上，不给自动修复。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(Self.example(total: "50.00")), .init(Self.balanceExample(balance: "342.85", rate: "15.5000")),
      // The 合计 below the tasks; one total split by source and by use.
      .init(
        "2024年度部门决算\n部门整体支出绩效自评表\n年度主要任务\t任务名称\t主要内容\t全年预算数\t全年执行数\t执行率\n\t政务服务\t窗口运行\t60.00\t57.00\t95.00%\n\t综合保障\t日常运转\t45.00\t43.00\t95.56%\n\t金额合计\t\t105.00\t100.00\t95.24%\n"
      ),
      .init(
        "2024年度部门决算\n部门整体支出绩效自评表\n预算资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\n\t年度资金总额\t100.00\t105.00\t100.00\n\t按收入性质分：\t\t\t\n\t一般公共预算\t95.00\t100.00\t95.50\n\t政府性基金预算\t5.00\t5.00\t4.50\n\t按支出性质分：\t\t\t\n\t基本支出\t80.00\t82.00\t80.00\n\t项目支出\t20.00\t23.00\t20.00\n总分\t\t\t\n"
      ),
    ],
    triggeringExamples: [
      .init(Self.example(total: "⟦60.00⟧"), fixed: Self.example(total: "50.00")),
      .init(Self.balanceExample(balance: "⟦324.85⟧", rate: "14.6866")),
      .init(Self.balanceExample(balance: "342.85", rate: "⟦14.5000⟧")),
    ],
    kinds: RuleDescription.finals)

  static func example(total: String) -> String {
    """
    2023年度部门决算
    项目支出绩效自评表
    (2023年度)
    项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
    \t年度资金总额\t\(total)\t50.00\t45.50\t10\t91.00\t9.1
    \t其中：当年财政拨款\t50.00\t50.00\t45.50\t—\t91.00\t—
    \t其他资金\t0.00\t0.00\t0.00\t—\t0.00\t—

    """
  }

  static func balanceExample(balance: String, rate: String) -> String {
    """
    2023年度部门决算
    部门整体绩效自评表
    (2023年度)
    财政资金安排和使用情况\t年初部门预算安排金额①\t年中调整金额②\t小计③ = ①+②\t年度拨付金额④\t支出实现率(%)⑤ = ④/③\t本年度结余金额⑥ = ③-④\t资金结余率(%)⑦ = ⑥/③
    \t合计\t2260.31\t-48.38\t2211.93\t1869.08\t84.5000\t\(balance)\t\(rate)

    """
  }

  private static let amountColumns: [SelfEvaluation.FundsColumn] = [
    .declared, .initialBudget, .adjustment, .annualBudget, .executed, .balance,
  ]

  static let elements: ReportElements? = [.evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations {
      let rows = evaluation.funds
      for row in rows { checkRow(row, context: &context) }
      guard rows.count >= 2 else { continue }
      let subtotals = rows.indices.filter { rows[$0].label.utf8Text.hasSuffix("小计") }
      if subtotals.isEmpty {
        let last = rows.count - 1
        if rows[last].label.utf8Text.contains("合计"), !rows[0].label.utf8Text.contains("合计") {
          // The 合计 below its rows (部门整体 tables list the tasks first).
          compare(rows[last], rows[..<last], context: &context)
        } else if let split = Self.twoWaySplit(rows) {
          // "按收入性质分：…；按支出性质分：…": the same total split two ways, each against it.
          compare(rows[0], rows[1..<split], context: &context)
          compare(rows[0], rows[split...], context: &context)
        } else {
          compare(rows[0], rows[1...], context: &context)
        }
        continue
      }
      var consistent = true
      for (position, index) in subtotals.enumerated() {
        let end = position + 1 < subtotals.count ? subtotals[position + 1] : rows.count
        guard index + 1 < end else { continue }
        if compare(rows[index], rows[(index + 1)..<end], context: &context) { consistent = false }
      }
      if consistent, let first = subtotals.first, first > 0 {
        compare(rows[0], subtotals.map { rows[$0] }[...], context: &context)
      }
    }
  }

  /// Where the rows under the total start adding up to it a second time (its sources, then its
  /// uses), in the first amount column the total states; nil when they do not.
  private static func twoWaySplit(_ rows: [SelfEvaluation.FundsRow]) -> Int? {
    guard rows.count >= 5, let column = amountColumns.first(where: { rows[0][$0] != nil }),
      let total = rows[0][column]?.value
    else { return nil }
    let values = rows.dropFirst().map { $0[column]?.value }
    guard values.allSatisfy({ $0 != nil }) else { return nil }
    func adds(_ part: ArraySlice<Amount?>) -> Bool {
      abs((Amount.sum(part.compactMap { $0 }) - total).tenThousandths) <= 50 * Int64(part.count + 1)
    }
    return (2..<values.count).first { adds(values[..<$0]) && adds(values[$0...]) }.map { $0 + 1 }
  }

  /// One row's own arithmetic: 全年预算 = 年初预算 + 年中调整, 结余 = 全年预算 − 全年执行,
  /// 结余率 = 结余 ÷ 全年预算, each where the row has all its figures.
  private func checkRow(_ row: SelfEvaluation.FundsRow, context: inout RuleContext) {
    let label = row.label.isEmpty ? "资金" : row.label
    /// Reports `stated` (named `name`) when it is not `computed` (worked out by `formula` from
    /// `operands`) within the rounding of three figures; true when it did.
    func compare(
      _ name: String, _ stated: SelfEvaluation.Figure, _ computed: Amount, _ formula: String,
      _ operands: [(name: String, figure: SelfEvaluation.Figure)]
    ) -> Bool {
      context.ran()
      guard (stated.value - computed).magnitude.tenThousandths > 50 * 3 else { return false }
      context.report(
        stated.range, "“\(label)”的\(name) \(stated.text) ≠ \(formula) = \(computed.formatted(decimals: 2))",
        related: operands.map { Finding.Related(range: $0.figure.range, message: "\($0.name) \($0.figure.text)") })
      return true
    }
    if let initial = row[.initialBudget], let adjustment = row[.adjustment], let annual = row[.annualBudget] {
      _ = compare(
        "全年预算（小计）", annual, initial.value + adjustment.value, "年初预算 \(initial.text) + 年中调整 \(adjustment.text)",
        [("年初预算", initial), ("年中调整", adjustment)])
    }
    guard let annual = row[.annualBudget] ?? row[.initialBudget], let balance = row[.balance] else { return }
    if let executed = row[.executed],
      compare(
        "结余", balance, annual.value - executed.value, "全年预算 \(annual.text) − 全年执行 \(executed.text)",
        [("全年预算", annual), ("全年执行", executed)])
    {
      return
    }
    if let rate = row[.balanceRate], !annual.value.isZero {
      context.ran()
      let agrees = RatioCheck.agrees(
        stated: rate.value, part: balance.value, partTolerance: RatioCheck.halfUnit(balance.value), whole: annual.value,
        wholeTolerance: RatioCheck.halfUnit(annual.value))
      if agrees == false,
        let expected = RatioCheck.percent(part: balance.value, whole: annual.value, decimals: rate.value.decimals)
      {
        context.report(
          rate.range, "“\(label)”的结余率 \(rate.text) ≠ 结余 \(balance.text) ÷ 全年预算 \(annual.text) = \(expected)%",
          related: [Finding.Related(range: balance.range, message: "结余 \(balance.text)")], hint: "= \(expected)%")
      }
    }
  }

  /// Compares `total` with Σ `parts` in every amount column; true when something was reported.
  @discardableResult
  private func compare(
    _ total: SelfEvaluation.FundsRow, _ parts: ArraySlice<SelfEvaluation.FundsRow>, context: inout RuleContext
  ) -> Bool {
    var wrong: [(column: SelfEvaluation.FundsColumn, stated: SelfEvaluation.Figure, sum: Amount, terms: [Amount])] = []
    for column in Self.amountColumns {
      guard let stated = total[column] else { continue }
      let figures = parts.map { $0[column] }
      guard figures.allSatisfy({ $0 != nil }) else { continue }
      context.ran()
      let terms = figures.compactMap { $0?.value }
      let sum = Amount.sum(terms)
      if (stated.value - sum).magnitude.tenThousandths > 50 * Int64(terms.count + 1) {
        wrong.append((column, stated, sum, terms))
      }
    }
    guard let first = wrong.first else { return false }
    let label = total.label.isEmpty ? "资金总额" : total.label
    let names = parts.map { $0.label.isEmpty ? "（无名行）" : $0.label }.joined(separator: "、")
    var message =
      "“\(label)”的\(first.column.rawValue) \(first.stated.text) ≠ \(names) 之和 \(Terms.joined(first.terms, limit: 10, asWritten: true)) = \(first.sum.formatted(decimals: 2))"
    if wrong.count > 1 {
      message += "；另有 \(wrong.count - 1) 栏（\(wrong.dropFirst().map(\.column.rawValue).joined(separator: "、"))）同样不符"
    }
    context.report(
      first.stated.range, Message(message),
      related: parts.compactMap { part in
        part[first.column].map { Finding.Related(range: $0.range, message: "\(part.label) \($0.text)") }
      },
      fixes: [
        Fix(
          title: "将“\(label)”改为各行之和",
          edits: wrong.map {
            TextEdit(range: $0.stated.range, newText: $0.sum.formatted(decimals: max(2, $0.stated.value.decimals)))
          })
      ])
    return true
  }
}
