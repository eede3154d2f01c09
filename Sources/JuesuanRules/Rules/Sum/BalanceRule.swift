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
    let rounding = SumSupport.reportExplainsRounding(report)
    for table in report.tables where table.kind == .summary || table.kind == .fiscalSummary {
      let comparisons = Self.comparisons(in: table)
      var sidesBalance = true
      for side in comparisons.sides {
        if SumSupport.compare(side, in: report, context: &context, roundingExplained: rounding) { sidesBalance = false }
      }
      if sidesBalance, let cross = comparisons.cross {
        SumSupport.compare(cross, in: report, context: &context, roundingExplained: rounding)
      }
    }
  }

  /// 收入总计 and 支出总计 against their parts (`sides`, where a side has at least two figures),
  /// and 支出总计 against 收入总计 (`cross`, checked only when both sides balance).
  static func comparisons(in table: Table) -> (sides: [SumComparison], cross: SumComparison?) {
    guard table.kind == .summary || table.kind == .fiscalSummary, table.panels.count == 2 else { return ([], nil) }
    let income = table.panels[0]
    let spending = table.panels[1]
    let incomeTotal = Self.figure(income, ["总计"])
    let spendingTotal = Self.figure(spending, ["总计"])
    var sides: [SumComparison] = []
    if let total = incomeTotal, let current = Self.figure(income, ["本年收入合计"]) {
      var parts = [SumComparison.Part(label: "本年收入合计", cell: current)]
      if let unused = Self.figure(income, ["使用非财政拨款结余", "用事业基金弥补收支差额"]) {
        parts.append(.init(label: "使用非财政拨款结余", cell: unused))
      }
      if let opening = Self.figure(income, ["年初"]) { parts.append(.init(label: "年初结转和结余", cell: opening)) }
      if parts.count >= 2 { sides.append(SumComparison(total: total, parts: parts, what: "收入总计")) }
    }
    if let total = spendingTotal, let current = Self.figure(spending, ["本年支出合计"]) {
      var parts = [SumComparison.Part(label: "本年支出合计", cell: current)]
      if let distribution = Self.figure(spending, ["结余分配"]) { parts.append(.init(label: "结余分配", cell: distribution)) }
      if let closing = Self.figure(spending, ["年末"]) { parts.append(.init(label: "年末结转和结余", cell: closing)) }
      if parts.count >= 2 { sides.append(SumComparison(total: total, parts: parts, what: "支出总计")) }
    }
    var cross: SumComparison?
    if let a = incomeTotal, let b = spendingTotal {
      cross = SumComparison(total: b, parts: [.init(label: "收入总计", cell: a)], what: "支出总计（应等于收入总计）")
    }
    return (sides, cross)
  }

  /// The amount cell (first column after 行次) of the row whose label starts with one of `labels`.
  private static func figure(_ panel: Table.Panel, _ labels: [String]) -> Table.Cell? {
    guard let row = panel.rows.first(where: { row in labels.contains { row.label.hasPrefix($0) } }), !row.isDamaged
    else {
      return nil
    }
    let column = panel.columns.firstIndex { $0.role != .other } ?? 0
    guard column < row.cells.count else {
      return row.cells.isEmpty ? nil : Table.Cell(amount: nil, text: "", range: row.range)
    }
    return row.cells[column] ?? Table.Cell(amount: nil, text: "", range: row.range)
  }
}
