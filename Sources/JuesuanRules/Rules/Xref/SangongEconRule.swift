import JuesuanModel

/// 06's basic-expenditure 三公 items (30212 出国, 30217 接待, 30231 车辆运行) may not exceed the 三公
/// table's 决算数 for the same item, which covers basic and project expenditure together.
struct SangongEconRule: Rule {
  static let description = RuleDescription(
    code: "xref/sangong-econ",
    summary: "基本支出决算明细表中的因公出国（境）费用、公务接待费、公务用车运行维护费不应超过“三公”经费表的决算数。",
    rationale: "“三公”经费表的决算数含基本支出和项目支出，基本支出部分不能大于全部；两表任一单元格缺失或受损时不比较。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t0.05\n\n财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n"
      )
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n30217\t公务接待费\t⟦1.20⟧\n\n财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n"
      )
    ])

  init() {}

  /// Each economic code, its 三公 item, how the 三公 table labels it, and a word its own name has.
  private static let pairs: [(code: String, item: String, matches: @Sendable (String) -> Bool, word: String)] = [
    ("30212", "因公出国（境）费", { $0.utf8Text.hasPrefix("因公出国") }, "出国"),
    ("30217", "公务接待费", { $0 == "公务接待费" }, "接待"),
    ("30231", "公务用车运行维护费", { $0 == "公务用车运行维护费" || $0 == "公务用车运行费" }, "运行"),
  ]

  static let elements: ReportElements? = [.tables]

  func check(_ report: Report, context: inout RuleContext) {
    // A final account's 决算数; a budget's only column, its 预算数.
    let columnWord = report.kind.isBudget ? "预算" : "决算"
    guard let basic = report.table(.basicExpenditure), let sangong = report.table(.sangong),
      let panel = sangong.panels.first,
      let column = panel.columns.firstIndex(where: { $0.title.utf8Text.contains(columnWord) })
    else {
      context.skip("缺少基本支出表或“三公”经费表的\(columnWord)数栏")
      return
    }
    for pair in Self.pairs {
      // A row named for something else (codes shifted against names) is not that item.
      guard let row = basic.rows.first(where: { $0.code == pair.code }), !row.isDamaged,
        row.name.isEmpty || row.name.contains(pair.word),
        let econ = row.cells.first ?? nil, !econ.isDamaged,
        let item = panel.rows.first(where: { pair.matches($0.label) }), !item.isDamaged,
        column == 0 || item.isPositional, column < item.cells.count, let total = item.cells[column], !total.isDamaged
      else { continue }
      context.ran()
      // Both in 万元 (a budget's 基本支出 table is in 元, its 三公 table in 万元).
      let part = basic.inTenThousandYuan(econ.value)
      let whole = sangong.inTenThousandYuan(total.value)
      guard part.formatted(decimals: 2) != whole.formatted(decimals: 2), part > whole else { continue }
      context.report(
        econ.range,
        "基本支出中 \(pair.code) \(pair.item) \(basic.shown(econ.value))，超过“三公”经费表\(pair.item)\(columnWord)数 \(whole) 万元"
          + "（多 \((part - whole).formatted(decimals: 2))）；基本支出部分不应大于全部\(columnWord)数。",
        related: [Finding.Related(range: total.range, message: "“三公”经费表\(pair.item)\(columnWord)数 \(whole)")])
    }
  }
}
