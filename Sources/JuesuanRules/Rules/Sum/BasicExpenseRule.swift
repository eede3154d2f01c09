import JuesuanAnalysis
import JuesuanModel

/// 06: each economic 类 = Σ its 款; 人员经费 = 301 + 303; 公用经费 = the other 类.
struct BasicExpenseRule: Rule {
  static let description = RuleDescription(
    code: "sum/basic-expense",
    summary: "基本支出决算表中，经济分类“类”等于其下各“款”之和，人员经费合计 = 301 + 303，公用经费合计 = 302 + 307 + 310 + 399 等。",
    rationale: "基本支出明细表的类款不衔接或人员/公用经费合计不符，会牵连情况说明中的人员经费、公用经费数字。表中有被分页拆断的数字时整表跳过。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t25.00\n30101\t基本工资\t10.00\n30102\t津贴补贴\t15.00\n")
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t⟦26.00⟧\n30101\t基本工资\t10.00\n30102\t津贴补贴\t15.00\n",
        fixed: "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t25.00\n30101\t基本工资\t10.00\n30102\t津贴补贴\t15.00\n")
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables where table.kind == .basicExpenditure {
      guard table.damage.isEmpty else {
        context.skip("06 表有被分页或折行拆断的数字（\(table.damage.count) 处），未检查类款衔接与经费合计")
        continue
      }
      for panel in table.panels {
        context.checkHierarchy(of: panel, roundingExplained: rounding)
        for comparison in Table.fundIdentities(in: panel) {
          context.check(comparison, roundingExplained: rounding)
        }
      }
    }
  }
}
