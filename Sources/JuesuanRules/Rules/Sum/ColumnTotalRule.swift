import JuesuanAnalysis
import JuesuanModel

/// A 合计 row equals the sum of the 类 rows it totals, in every amount column.
struct ColumnTotalRule: Rule {
  static let description = RuleDescription(
    code: "sum/column-total",
    summary: "合计行等于其所合计各行（各“类”）之和，逐栏检查。",
    rationale:
      "合计与明细不符是决算公开中最常见的差错。只在表中列出了“类”级科目时检查；位置不确定或被分页拆断的数字不参与检查。"
      + "表格跨页时在续页表头下重复的合计行（制表符分隔的表），应与表首合计行逐栏相同。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t⟦52.00⟧\t25.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t⟦30.00⟧\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t25.00\t25.00\t\n201\t一般公共服务支出\t10.00\t10.00\t\n208\t社会保障和就业支出\t15.00\t15.00\t\n"
      ),
    ])

  /// The paragraphs only for whether they explain a rounding step.
  static let elements: ReportElements? = [.tables, .evaluations, .roundingNote]

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables
    where Table.functionTables.contains(table.kind) || table.isBudget && table.kind == .basicExpenditure {
      for comparison in table.columnTotalIdentities(skip: { context.skip($0()) }) {
        context.check(comparison, roundingExplained: rounding)
      }
      checkPageTotals(of: table, context: &context)
    }
  }

  /// The 合计 row repeated under a later page's header states the first one's figures: a figure
  /// that differs is wrong in one of the two (and the first is the one the sums check).
  private func checkPageTotals(of table: Table, context: inout RuleContext) {
    guard !table.pageTotals.isEmpty, let panel = table.panels.first,
      let total = panel.rows.first(where: { $0.isTotalRow && $0.code == nil }), total.isPositional, !total.isDamaged
    else { return }
    for repeated in table.pageTotals where repeated.isPositional && !repeated.isDamaged {
      for (column, cell) in repeated.cells.enumerated() {
        guard let cell, let amount = cell.amount, !cell.isDamaged, column < total.cells.count,
          let first = total.cells[column], let stated = first.amount, !first.isDamaged
        else { continue }
        context.ran()
        guard !amount.isSameValue(as: stated) else { continue }
        let title = column < panel.columns.count ? "“\(Table.normalizedLabel(panel.columns[column].title))”" : ""
        context.report(
          cell.range,
          "续页重复的合计行\(title)为 \(amount)，与表首合计行的 \(stated) 不一致：同一合计前后两处写法不同",
          related: [Finding.Related(range: first.range, message: "表首合计 \(stated)")],
          fixes: [Fix(title: "改为 \(first.text)", edits: [TextEdit(range: cell.range, newText: first.text)])])
      }
    }
  }
}
