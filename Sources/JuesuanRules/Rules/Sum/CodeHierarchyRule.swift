import JuesuanModel

/// 类 = Σ its 款, 款 = Σ its 项, in every amount column (function-classification tables).
struct CodeHierarchyRule: Rule {
  static let description = RuleDescription(
    code: "sum/code-hierarchy",
    summary: "“类”等于其下各“款”之和，“款”等于其下各“项”之和，逐栏检查。",
    rationale: "上下级科目金额不衔接，说明漏列了科目或金额填错。只在表中列出了下级科目时检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t25.00\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n"
      )
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t⟦26.00⟧\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t25.00\t25.00\t\n2010301\t行政运行\t10.00\t10.00\t\n2010350\t事业运行\t15.00\t15.00\t\n"
      )
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = SumSupport.reportExplainsRounding(report)
    for table in report.tables where SumSupport.functionTables.contains(table.kind) {
      for panel in table.panels {
        Self.checkHierarchy(panel, report: report, context: &context, rounding: rounding)
      }
    }
  }

  /// Checks every parent code whose children are listed; shared with sum/basic-expense.
  static func checkHierarchy(_ panel: Table.Panel, report: Report, context: inout RuleContext, rounding: Bool) {
    let comparisons = Self.comparisons(
      in: panel, skip: { context.skip($0) },
      blankParent: { range, message in
        context.ran()
        context.report(range, message)
      })
    for comparison in comparisons {
      SumSupport.compare(comparison, in: report, context: &context, roundingExplained: rounding)
    }
  }

  /// Each parent code against its listed children, one comparison per amount column. `skip`
  /// hears why a column cannot be checked; `blankParent` hears a parent whose cell is empty while
  /// its children hold figures (where to report, and what).
  /// - Complexity: O(r) in the coded rows (children are grouped by their parent's code first).
  static func comparisons(
    in panel: Table.Panel, skip: (String) -> Void = { _ in },
    blankParent: (Range<Int>, String) -> Void = { _, _ in }
  ) -> [SumComparison] {
    let coded = panel.rows.filter { $0.code != nil }
    // A child's code is its parent's and two more digits.
    var childrenByParent: [String: [Table.Row]] = [:]
    for row in coded {
      guard let code = row.code, code.count >= 2 else { continue }
      childrenByParent[String(code.dropLast(2)), default: []].append(row)
    }
    var comparisons: [SumComparison] = []
    for parent in coded {
      guard let code = parent.code, code.count < 7 else { continue }
      let children = childrenByParent[code] ?? []
      guard !children.isEmpty else { continue }
      let columns = max(parent.cells.count, children.map { $0.cells.count }.max() ?? 0)
      // Whether every row involved is sound, and placed in its columns (else only column 0 is).
      let isSound = !parent.isDamaged && !children.contains { $0.isDamaged }
      let isPositional = parent.isPositional && children.allSatisfy(\.isPositional)
      for column in 0..<min(columns, max(panel.columns.count, 1)) {
        guard isSound && (isPositional || column == 0) else {
          skip("\(code) 第 \(column + 1) 栏：有数字位置不确定或被拆断，未检查上下级衔接")
          continue
        }
        guard let total = column < parent.cells.count ? parent.cells[column] : nil else {
          if children.contains(where: {
            column < $0.cells.count && ($0.cells[column]?.amount.map { !$0.isZero } ?? false)
          }),
            column < panel.columns.count, parent.isPositional, !parent.cells.isEmpty
          {
            let sum = Amount.sum(children.map { column < $0.cells.count ? $0.cells[column]?.value ?? .zero : .zero })
            blankParent(
              parent.codeRange ?? parent.range,
              "\(code)“\(parent.name)”的“\(panel.columns[column].title)”为空，但其下级合计 \(sum.formatted(decimals: 2))")
          }
          continue
        }
        let title = column < panel.columns.count ? panel.columns[column].title : "第 \(column + 1) 栏"
        let parts = children.map { row in
          SumComparison.Part(label: row.code ?? "", cell: column < row.cells.count ? row.cells[column] : nil)
        }
        comparisons.append(SumComparison(total: total, parts: parts, what: "\(code)“\(parent.name)”的“\(title)”"))
      }
    }
    return comparisons
  }
}
