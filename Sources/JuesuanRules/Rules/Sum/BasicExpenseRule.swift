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
        fixed: "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t25.00\n30101\t基本工资\t10.00\n30102\t津贴补贴\t15.00\n"),
      // 人员经费合计 confirms 301, so the error is a 款: the one whose two digits, swapped, close the gap.
      .init(
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t⟦75.00⟧\n30101\t基本工资\t29.00\n30102\t津贴补贴\t⟦64.00⟧\n人员经费合计\t\t75.00\n",
        fixed:
          "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t75.00\n30101\t基本工资\t29.00\n30102\t津贴补贴\t46.00\n人员经费合计\t\t75.00\n"
      ),
      // 人员经费合计 confirms 303's 0.00, and no 款 of a 0.00 类 can be above it.
      .init(
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t25.00\n30101\t基本工资\t10.00\n30102\t津贴补贴\t15.00\n303\t对个人和家庭的补助\t⟦0.00⟧\n30301\t离休费\t⟦1.00⟧\n30302\t退休费\t0.00\n人员经费合计\t\t25.00\n"
      ),
    ])

  /// The paragraphs only for whether they explain a rounding step.
  static let elements: ReportElements? = [.tables, .evaluations, .roundingNote]

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables where table.kind == .basicExpenditure {
      if !table.damage.isEmpty {
        context.skip("06 表有被分页或折行拆断的数字（\(table.damage.count) 处），涉及这些数字的类款衔接与经费合计未检查")
      }
      for panel in table.panels {
        context.checkHierarchy(of: panel, roundingExplained: rounding)
        for comparison in Table.fundIdentities(in: panel) {
          context.check(comparison, roundingExplained: rounding)
        }
        checkDamagedFunds(panel, context: &context)
      }
    }
  }

  /// 人员经费合计 / 公用经费合计 when a 类 row was cut by a page break: its figure is unknown, but
  /// no 类 of expenditure is negative, so a total below the 类 that were read is wrong whatever the
  /// cut row holds.
  private func checkDamagedFunds(_ panel: Table.Panel, context: inout RuleContext) {
    for group in Table.fundGroups(in: panel) {
      let (label, total, parts) = (group.label, group.total, group.parts)
      guard !group.row.isDamaged, total.amount != nil, parts.contains(where: \.isDamaged) else { continue }
      let read = parts.filter { !$0.isDamaged }
      let known = Amount.sum(read.map { ($0.cells.first ?? nil)?.value ?? .zero })
      context.ran()
      let tolerance = TableIdentity.tolerance(parts: read.count)
      guard (known - total.value).tenThousandths > tolerance else { continue }
      let cut = parts.filter(\.isDamaged).compactMap(\.code).joined(separator: "、")
      context.report(
        total.range,
        "\(label)合计 \(total.value) 小于已读出的 \(read.compactMap(\.code).joined(separator: " + ")) = \(known)（\(cut) 被分页拆断未读出，其数不会为负），至少差 \(known - total.value)",
        related: read.compactMap { part in
          (part.cells.first ?? nil).map { Finding.Related(range: $0.range, message: "\(part.code ?? "") \($0.value)") }
        })
    }
  }
}
