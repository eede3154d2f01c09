import JuesuanAnalysis
import JuesuanModel

/// 类 = Σ its 款, 款 = Σ its 项, in every amount column (function-classification tables).
struct CodeHierarchyRule: Rule {
  static let description = RuleDescription(
    code: "sum/code-hierarchy",
    summary: "“类”等于其下各“款”之和，“款”等于其下各“项”之和，逐栏检查。",
    rationale:
      "上下级科目金额不衔接，说明漏列了科目或金额填错。只在表中列出了下级科目时检查。差额在四舍五入容差内的由 sum/rounding-tail 提示；以元为单位的表中只列一个下级科目时，上下级是同一金额按同样位数取整（漏列的下级不足半元），不会有尾差，相差即报告；上级小于其中一个下级的，取整也不会如此，同样报告。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t25.00\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n"
      ),
      // Two children: 0.01 is a rounding tail (sum/rounding-tail), not an error.
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t25.01\t25.01\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t⟦26.00⟧\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t25.00\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n"
      ),
      // One child in a whole-yuan table: the same amount rounded alike, so 1 元 is no rounding tail.
      .init(
        "一般公共预算支出功能分类预算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t⟦250,001⟧\t⟦250,001⟧\t\n2010301\t行政运行\t250,000\t250,000\t\n"
      ),
    ])

  /// The paragraphs only for whether they explain a rounding step.
  static let elements: ReportElements? = [.tables, .evaluations, .roundingNote]

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables where Table.functionTables.contains(table.kind) {
      for panel in table.panels {
        context.checkHierarchy(of: panel, roundingExplained: rounding)
      }
    }
  }
}
