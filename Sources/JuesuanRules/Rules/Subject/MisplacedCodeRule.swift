import JuesuanCatalogue
import JuesuanModel

/// A 项 listed under a 款 (or a 款 under a 类) that is not its prefix, in the function-code tables.
struct MisplacedCodeRule: Rule {
  static let description = RuleDescription(
    code: "subject/misplaced-code",
    summary: "项级科目应列在其所属款级科目之下，款级科目应列在其所属类级科目之下。",
    rationale:
      "只检查按功能分类列示的收入决算表、支出决算表和各财政拨款支出决算表；只有当本表另行列出了该科目的上级科目、"
      + "而它却排在别的上级科目之下时才报告，分页错位或受损的行不检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t3.00\n20103\t政府办公厅（室）及相关机构事务\t3.00\n2010301\t行政运行\t3.00\n")
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t3.00\n20101\t人大事务\t1.00\n2010101\t行政运行\t1.00\n20103\t政府办公厅（室）及相关机构事务\t2.00\n⟦2010101⟧\t行政运行\t2.00\n"
      )
    ])

  init() {}

  static let elements: ReportElements? = [.tables]

  func check(_ report: Report, context: inout RuleContext) {
    let kinds: [Table.Kind] = [.income, .expenditure, .generalBudget, .governmentFund, .stateCapital]
    for table in report.tables where kinds.contains(table.kind) {
      guard let panel = table.panels.first else { continue }
      context.ran()
      let listed = Set(panel.rows.compactMap(\.code))
      var latest: [Int: String] = [:]  // code length → the latest code of that level
      for row in panel.rows {
        guard let code = row.code, SubjectCatalogue.classification(ofCode: code) == .function else { continue }
        let length = Table.characterCount(ofCode: code)
        defer { latest[length] = code }
        guard length > 3, !row.isDamaged, let range = row.codeRange, let parent = Table.parentCode(of: code) else {
          continue
        }
        let parentLength = length - 2
        guard listed.contains(parent), let above = latest[parentLength], above != parent else { continue }
        context.report(
          range, "科目 \(code) 应属于 \(parent)，却列在 \(above) 之下。")
      }
    }
  }
}
