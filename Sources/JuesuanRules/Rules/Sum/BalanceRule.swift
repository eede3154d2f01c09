import JuesuanAnalysis
import JuesuanModel

/// 01 and 04: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 支出总计 = 本年支出合计 +
/// 结余分配 + 年末结转和结余; 收入总计 = 支出总计.
struct BalanceRule: Rule {
  static let description = RuleDescription(
    code: "sum/balance",
    summary: "总表的收入总计、支出总计分别等于本年合计加结转结余，且收支总计相等。",
    rationale:
      "收支总表是全套报表的起点；总计不平说明结转结余或本年合计填错。找不到某一行（如被分页拆断的行名）时跳过该等式。"
      + "收支总表未能读取时，核对叙述中的收入总计与支出总计（预算的收入预算与支出预算）、财政拨款收入与支出；说明中提到结转的，除决算的收入总计与支出总计外不核对。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "收入支出决算总表\n项目\t决算数\t项目\t决算数\n本年收入合计\t10.00\t本年支出合计\t9.00\n年初结转和结余\t1.00\t年末结转和结余\t2.00\n总计\t11.00\t总计\t11.00\n"),
      .init(
        "# 2025年部门预算\n\n2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元；事业收入0万元。\n支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。\n"
      ),
      .init("# 2023年度部门决算\n\n本部门2023年度收入总计307.82万元，支出总计307.82万元。比上年收入总计200.00万元增加107.82万元。\n"),
      .init("# 2025年部门预算\n\n2025年，某某局收入预算100.00万元，支出预算120.00万元。支出中20.00万元为使用上年结转资金安排。\n"),
    ],
    triggeringExamples: [
      .init(
        "收入支出决算总表\n项目\t决算数\t项目\t决算数\n本年收入合计\t10.00\t本年支出合计\t9.00\n年初结转和结余\t1.00\t年末结转和结余\t1.00\n总计\t11.00\t总计\t⟦11.00⟧\n"
      ),
      .init(
        "# 2025年部门预算\n\n2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元；事业收入0万元。\n支出预算⟦37,152.47万元⟧，其中：财政拨款支出预算37,151.47万元。\n"
      ),
      // Each side a tail within its rounding, but the two 总计 two tails apart.
      .init(
        "收入支出决算总表\n项目\t决算数\t项目\t决算数\n本年收入合计\t60.00\t本年支出合计\t60.00\n年初结转和结余\t40.00\t年末结转和结余\t40.00\n总计\t100.01\t总计\t⟦99.99⟧\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [StatedTotals.self]

  static let elements: ReportElements? = [.tables, .evaluations, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    checkStatedTotals(report, context: &context)
    let rounding = report.explainsRounding
    for table in report.tables where table.kind == .summary || table.kind == .fiscalSummary {
      let comparisons = table.isBudget ? table.budgetBalanceIdentities() : table.balanceIdentities()
      var sidesBalance = true
      for side in comparisons.sides {
        if context.check(side, roundingExplained: rounding) { sidesBalance = false }
      }
      if sidesBalance, let cross = comparisons.cross {
        context.check(cross, roundingExplained: rounding)
      }
    }
  }

  /// Where the tables that state them were not read, the narrative's own totals: 收入总计 =
  /// 支出总计 (a budget's 收入预算 = 支出预算), and 财政拨款收入 = 财政拨款支出 unless the paragraphs
  /// speak of 结转 (carried-over funds on one side only).
  private func checkStatedTotals(_ report: Report, context: inout RuleContext) {
    let totals = context.view(StatedTotals.self)
    guard !totals.tablesStateThem else { return }
    let isBudget = report.kind.isBudget
    // Carried-over funds (结转) sit on one side only of what a narrative may call 收入 and 支出
    // (本年收入 against 支出总计): a report that speaks of them anywhere is not held to either
    // balance, except a final account's 收入总计 and 支出总计, which include them by name.
    lazy var speaksOfCarryOver = report.paragraphs.contains {
      UTF8Text.firstOffset(of: Self.carryOver, in: $0.utf8) != nil
    }
    for (left, right) in [
      (StatedTotals.Total.income, StatedTotals.Total.expenditure), (.fiscalIncome, .fiscalExpenditure),
    ] {
      guard let income = totals.figure(of: left), let spending = totals.figure(of: right) else { continue }
      if isBudget || left == .fiscalIncome, speaksOfCarryOver { continue }
      context.ran()
      let gap = (income.number.value - spending.number.value).magnitude
      guard gap.tenThousandths > RatioCheck.halfUnit(income.number.value) + RatioCheck.halfUnit(spending.number.value)
      else { continue }
      let (first, second) =
        income.number.range.lowerBound < spending.number.range.lowerBound
        ? (income, spending) : (spending, income)
      let firstName = first.total.name(isBudget: isBudget)
      let secondName = second.total.name(isBudget: isBudget)
      context.report(
        second.number.range,
        "\(secondName) \(second.number.value) 万元与\(firstName) \(first.number.value) 万元相差 \(gap)：收支总表收入与支出相等，两者应一致",
        related: [Finding.Related(range: first.number.range, message: "\(firstName) \(first.number.value) 万元")])
    }
  }

  private static let carryOver = Array("结转".utf8)
}
