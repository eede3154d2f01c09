import JuesuanCatalogue
import JuesuanModel

/// The same figure in two tables differs: 01 totals vs 02/03 合计, 01 支出 by 类 vs 03, 04 一般公共预算
/// by 类 and in total vs 05.
struct TableMismatchRule: Rule {
  static let description = RuleDescription(
    code: "xref/table-mismatch",
    summary: "同一数字在不同表中应一致：总表合计与收入/支出决算表合计、总表各类支出与支出决算表、财政拨款总表一般公共预算栏与一般公共预算财政拨款支出决算表。",
    rationale:
      "只比较两表都列出且可读的单元格；总表中没有列出的类、受损或错位的行不比较，缺失的行不当作 0。"
      + "一表以元、另一表以万元为单位时，折成万元比较，差额在四舍五入到两位小数的误差内不报。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // The summary in 元, the income table in 万元: the same amount.
      .init(
        "公开01表\n单位：元\n收入支出决算总表\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t1000000.00\t一、一般公共服务支出\t32\t1000000.00\n本年收入合计\t9\t1000049.00\t本年支出合计\t35\t1000000.00\n总计\t12\t1000000.00\t总计\t38\t1000000.00\n公开02表\n单位：万元\n收入决算表\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n\t合计\t100.00\t100.00\t0.00\n201\t一般公共服务支出\t100.00\t100.00\t0.00\n"
      ),
      .init(
        "收入支出决算总表\n项目\t行次\t金额\t项目\t行次\t决算数\n一、一般公共预算财政拨款收入\t1\t5.00\t一、一般公共服务支出\t32\t5.00\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t5.00\t5.00\t\n201\t一般公共服务支出\t5.00\t5.00\t\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "公开01表\n单位：元\n收入支出决算总表\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t1000000.00\t一、一般公共服务支出\t32\t1000000.00\n本年收入合计\t9\t⟦1010000.00⟧\t本年支出合计\t35\t1000000.00\n总计\t12\t1000000.00\t总计\t38\t1000000.00\n公开02表\n单位：万元\n收入决算表\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n\t合计\t100.00\t100.00\t0.00\n201\t一般公共服务支出\t100.00\t100.00\t0.00\n"
      ),
      .init(
        "收入支出决算总表\n项目\t行次\t金额\t项目\t行次\t决算数\n一、一般公共预算财政拨款收入\t1\t5.00\t一、一般公共服务支出\t32\t⟦6.00⟧\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t5.00\t5.00\t\n201\t一般公共服务支出\t5.00\t5.00\t\n"
      ),
    ])

  init() {}

  private struct Figure {
    var value: Amount
    var range: Range<Int>
  }

  static let elements: ReportElements? = [.tables]

  func check(_ report: Report, context: inout RuleContext) {
    let year = context.configuration.catalogueEdition ?? report.year
    if let summary = report.table(.summary) {
      if let detail = report.table(.income) {
        compare(summary, side: 0, label: "本年收入合计", with: detail, code: nil, column: nil, context: &context)
        for source in ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"] {
          compare(
            summary, side: 0, label: source, with: detail, code: nil, column: nil, detailColumn: source,
            context: &context)
        }
      }
      if let detail = report.table(.expenditure) {
        compare(summary, side: 1, label: "本年支出合计", with: detail, code: nil, column: nil, context: &context)
        compareCategories(summary, column: nil, with: detail, year: year, context: &context)
      }
    }
    if let fiscal = report.table(.fiscalSummary), let detail = report.table(.income) {
      compare(
        fiscal, side: 0, label: "本年收入合计", with: detail, code: nil, column: nil, detailColumn: "财政拨款收入",
        context: &context)
    }
    if let fiscal = report.table(.fiscalSummary), let detail = report.table(.generalBudget) {
      compare(fiscal, side: 1, label: "本年支出合计", with: detail, code: nil, column: "一般公共预算", context: &context)
      compareCategories(fiscal, column: "一般公共预算", with: detail, year: year, context: &context)
    }
    compareBasicExpenditure(report, context: &context)
  }

  /// 05's 基本支出 total against 06's 人员经费合计 + 公用经费合计, beyond the rounding of two figures.
  private func compareBasicExpenditure(_ report: Report, context: inout RuleContext) {
    guard let general = report.table(.generalBudget), let panel = general.panels.first,
      let column = panel.columns.firstIndex(where: { $0.title.utf8Text.removingWhitespace() == "基本支出" }),
      let totalRow = panel.rows.first(where: { $0.isTotalRow && $0.code == nil }),
      let basicTotal = Self.figure(totalRow, column: column),
      let basic = report.table(.basicExpenditure),
      let peopleRow = basic.rows.first(where: { $0.label == "人员经费合计" }),
      let officeRow = basic.rows.first(where: { $0.label == "公用经费合计" }),
      let people = Self.figure(peopleRow, column: 0), let office = Self.figure(officeRow, column: 0)
    else { return }
    context.ran()
    // The two tables in different units are not compared here: the sum of two rounded figures in
    // 元 and a 万元 total differ in their roundings.
    guard Self.inYuan(general) == Self.inYuan(basic) else { return }
    let sum = people.value + office.value
    let gap = (basicTotal.value - sum).magnitude
    guard gap.tenThousandths > 150 else { return }
    let generalTitle = Table.normalizedLabel(general.title)
    let basicTitle = Table.normalizedLabel(basic.title)
    context.report(
      basicTotal.range,
      "\(generalTitle)基本支出为 \(basicTotal.value)，\(basicTitle)人员经费合计 \(people.value) + 公用经费合计 \(office.value) = \(sum)，相差 \(gap)。",
      related: [
        Finding.Related(range: people.range, message: "人员经费合计 \(people.value)"),
        Finding.Related(range: office.range, message: "公用经费合计 \(office.value)"),
      ])
  }

  /// Each 类 label of the summary's 支出 side against the detail table's row of that code.
  private func compareCategories(
    _ summary: Table, column: String?, with detail: Table, year: Int?, context: inout RuleContext
  ) {
    guard summary.panels.count > 1 else { return }
    for row in summary.panels[1].rows where row.code == nil {
      let codes = Set(
        context.catalogue.entries(named: row.label).filter { $0.code.count == 3 && $0.classification == .function }
          .map(\.code))
      guard codes.count == 1, let code = codes.first else { continue }
      compare(summary, side: 1, label: row.label, with: detail, code: code, column: column, context: &context)
    }
  }

  private func compare(
    _ summary: Table, side: Int, label: String, with detail: Table, code: String?, column title: String?,
    detailColumn: String? = nil, context: inout RuleContext
  ) {
    guard side < summary.panels.count else { return }
    let panel = summary.panels[side]
    let column =
      title.map { title in panel.columns.firstIndex { $0.title.utf8Text.contains(title) } }
      ?? panel.columns.firstIndex {
        !$0.title.utf8Text.contains("行次") && !$0.title.utf8Text.contains("栏次") && !$0.title.utf8Text.contains("项目")
      }
    guard let column, let row = panel.rows.first(where: { $0.label == label }),
      let left = Self.figure(row, column: column)
    else { return }
    guard let detailPanel = detail.panels.first,
      let detailRow = detailPanel.rows.first(where: {
        code == nil ? ($0.isTotalRow && $0.code == nil) : $0.code == code
      }),
      let rightColumn = detailColumn.map({ name in
        detailPanel.columns.firstIndex { $0.title.utf8Text.removingWhitespace() == name }
      }) ?? 0,
      let right = Self.figure(detailRow, column: rightColumn)
    else { return }
    context.ran()
    guard !left.value.isSameValue(as: right.value) else { return }
    // One table in 元, the other in 万元: compared in 万元, within the rounding to two decimals.
    if Self.inYuan(summary) != Self.inYuan(detail) {
      let (high, low) = (summary.inTenThousandYuan(left.value), detail.inTenThousandYuan(right.value))
      guard abs((high - low).tenThousandths) > 50 else { return }
      let summaryTitle = Table.normalizedLabel(summary.title)
      let detailTitle = Table.normalizedLabel(detail.title)
      let what = code.map { "\($0) \(label)" } ?? detailColumn.map { "合计行\($0)" } ?? label
      context.report(
        left.range,
        "\(summaryTitle)“\(label)”\(title.map { "（\($0)栏）" } ?? "")为 \(summary.shown(left.value))，"
          + "\(detailTitle)“\(what)”为 \(detail.shown(right.value))，相差 \((high - low).magnitude.formatted(decimals: 2)) 万元。",
        related: [Finding.Related(range: right.range, message: "\(detailTitle)：\(detail.shown(right.value))")])
      return
    }
    let summaryTitle = Table.normalizedLabel(summary.title)
    let detailTitle = Table.normalizedLabel(detail.title)
    let what = code.map { "\($0) \(label)" } ?? detailColumn.map { "合计行\($0)" } ?? label
    let gap = (left.value - right.value).magnitude
    // One rounding step between two tables is a tail to unify, not an error (DOMAIN.md §4).
    let isTail = gap.tenThousandths <= 100
    context.report(
      left.range,
      "\(summaryTitle)“\(label)”\(title.map { "（\($0)栏）" } ?? "")为 \(left.value)，\(detailTitle)“\(what)”为 \(right.value)，"
        + "相差 \(gap)" + (isTail ? "，为一个尾数单位，建议两表统一。" : "。"),
      severity: isTail ? .information : nil,
      related: [Finding.Related(range: right.range, message: "\(detailTitle)：\(right.value)")])
  }

  /// Whether `table` states its figures in 元 (else in 万元, stated or not).
  private static func inYuan(_ table: Table) -> Bool { table.unit == "元" }

  private static func figure(_ row: Table.Row, column: Int) -> Figure? {
    guard !row.isDamaged, column < row.cells.count, column == 0 || row.isPositional, let cell = row.cells[column],
      !cell.isDamaged
    else { return nil }
    return Figure(value: cell.value, range: cell.range)
  }
}
