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
      guard table.panels.count == 2 else { continue }
      let income = table.panels[0]
      let spending = table.panels[1]
      let incomeTotal = Self.figure(income, ["总计"])
      let spendingTotal = Self.figure(spending, ["总计"])
      var sidesBalance = true
      if let total = incomeTotal, let current = Self.figure(income, ["本年收入合计"]) {
        var parts = [("本年收入合计", Optional(current))]
        if let unused = Self.figure(income, ["使用非财政拨款结余", "用事业基金弥补收支差额"]) { parts.append(("使用非财政拨款结余", unused)) }
        if let opening = Self.figure(income, ["年初"]) { parts.append(("年初结转和结余", opening)) }
        if parts.count >= 2 {
          if SumSupport.compare(
            total: total, parts: parts, what: "收入总计", in: report, context: &context, roundingExplained: rounding)
          {
            sidesBalance = false
          }
        }
      }
      if let total = spendingTotal, let current = Self.figure(spending, ["本年支出合计"]) {
        var parts = [("本年支出合计", Optional(current))]
        if let distribution = Self.figure(spending, ["结余分配"]) { parts.append(("结余分配", distribution)) }
        if let closing = Self.figure(spending, ["年末"]) { parts.append(("年末结转和结余", closing)) }
        if parts.count >= 2 {
          if SumSupport.compare(
            total: total, parts: parts, what: "支出总计", in: report, context: &context, roundingExplained: rounding)
          {
            sidesBalance = false
          }
        }
      }
      if sidesBalance, let a = incomeTotal, let b = spendingTotal {
        SumSupport.compare(
          total: b, parts: [("收入总计", a)], what: "支出总计（应等于收入总计）", in: report, context: &context,
          roundingExplained: rounding)
      }
    }
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
