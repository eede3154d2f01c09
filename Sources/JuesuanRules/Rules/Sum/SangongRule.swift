import JuesuanModel

/// 三公: 合计 = 出国 + 用车 + 接待; 用车 = 购置 + 运行 (预算数 and 决算数).
struct SangongRule: Rule {
  static let description = RuleDescription(
    code: "sum/sangong",
    summary: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费。",
    rationale: "预算数与决算数两栏都检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t5.00\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n"
      )
    ],
    triggeringExamples: [
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t⟦6.00⟧\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t5.00\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n"
      )
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = SumSupport.reportExplainsRounding(report)
    for table in report.tables where table.kind == .sangong {
      for comparison in Self.comparisons(in: table) {
        SumSupport.compare(comparison, in: report, context: &context, roundingExplained: rounding)
      }
    }
  }

  /// Per amount column: 合计 against its three items, then 用车 against 购置 and 运行, where the
  /// rows are there.
  static func comparisons(in table: Table) -> [SumComparison] {
    guard table.kind == .sangong, let panel = table.panels.first else { return [] }
    func row(_ keys: [String]) -> Table.Row? {
      panel.rows.first { row in keys.contains { row.label.contains($0) } && !row.isDamaged }
    }
    let total = row(["合计"])
    let abroad = row(["出国"])
    let car = row(["购置及运行"])
    let purchase = row(["购置费"]).flatMap { $0.label.contains("运行") ? nil : $0 }
    let running = row(["运行维护费", "运行费"]).flatMap { $0.label.contains("购置") ? nil : $0 }
    let reception = row(["接待"])
    var comparisons: [SumComparison] = []
    for (column, title) in panel.columns.enumerated() where title.role != .other {
      func cell(_ row: Table.Row?) -> Table.Cell?? {
        guard let row else { return .none }
        return .some(column < row.cells.count ? row.cells[column] : nil)
      }
      if let totalCell = cell(total) ?? nil, let a = cell(abroad), let c = cell(car), let r = cell(reception) {
        comparisons.append(
          SumComparison(
            total: totalCell,
            parts: [
              .init(label: "因公出国（境）费", cell: a), .init(label: "公务用车购置及运行费", cell: c), .init(label: "公务接待费", cell: r),
            ],
            what: "“三公”经费合计（\(title.title)）"))
      }
      if let carCell = cell(car) ?? nil, let p = cell(purchase), let r = cell(running) {
        comparisons.append(
          SumComparison(
            total: carCell, parts: [.init(label: "公务用车购置费", cell: p), .init(label: "公务用车运行维护费", cell: r)],
            what: "公务用车购置及运行费（\(title.title)）"))
      }
    }
    return comparisons
  }
}
