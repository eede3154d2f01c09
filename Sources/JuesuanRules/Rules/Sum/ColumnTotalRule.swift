import JuesuanAnalysis
import JuesuanModel

/// A 合计 row equals the sum of the 类 rows it totals, in every amount column.
struct ColumnTotalRule: Rule {
  static let description = RuleDescription(
    code: "sum/column-total",
    summary: "合计行等于其所合计各行（各“类”）之和，逐栏检查。",
    rationale: "合计与明细不符是决算公开中最常见的差错。只在表中列出了“类”级科目时检查；位置不确定或被分页拆断的数字不参与检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      )
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t⟦30.00⟧\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      )
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables
    where Table.functionTables.contains(table.kind) || table.isBudget && table.kind == .basicExpenditure {
      for comparison in table.columnTotalIdentities(skip: { context.skip($0()) }) {
        context.check(comparison, roundingExplained: rounding)
      }
    }
  }
}
