import JuesuanAnalysis
import JuesuanModel

/// 01 and 04: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 支出总计 = 本年支出合计 +
/// 结余分配 + 年末结转和结余; 收入总计 = 支出总计.
struct BalanceRule: Rule {
  static let description = RuleDescription(
    code: "sum/balance",
    summary: "总表的收入总计、支出总计分别等于本年合计加结转结余，且收支总计相等。",
    rationale: "收支总表是全套报表的起点；总计不平说明结转结余或本年合计填错。找不到某一行（如被分页拆断的行名）时跳过该等式。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "收入支出决算总表\n项目\t决算数\t项目\t决算数\n本年收入合计\t10.00\t本年支出合计\t9.00\n年初结转和结余\t1.00\t年末结转和结余\t2.00\n总计\t11.00\t总计\t11.00\n")
    ],
    triggeringExamples: [
      .init(
        "收入支出决算总表\n项目\t决算数\t项目\t决算数\n本年收入合计\t10.00\t本年支出合计\t9.00\n年初结转和结余\t1.00\t年末结转和结余\t1.00\n总计\t11.00\t总计\t⟦11.00⟧\n"
      )
    ])

  func check(_ report: Report, context: inout RuleContext) {
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
}
