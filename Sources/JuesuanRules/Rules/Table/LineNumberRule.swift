import JuesuanModel

/// The 行次 column numbers the rows in order: a number out of order, or 0, is a typing error.
struct LineNumberRule: Rule {
  static let description = RuleDescription(
    code: "table/line-number",
    summary: "表中“行次”栏的编号应自上而下递增；顺序错乱或为 0 的行次多为录入错误。",
    rationale: """
      收入支出决算总表、“三公”经费表等以“行次”编号各行，编号自上而下递增（空行可以不列）。\
      某行的行次不大于上一行、或为 0，说明编号写错，按此编号引用或汇总会出错。能由上下行确定是哪一行\
      写错时指出该行（上下两行恰好相差 2 时给出应有的编号）。只看完整读出的表；同一栏有三处以上顺序错乱的，\
      多半是版面读取错位，不报告，只记为未检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "“三公”经费支出决算表\n项目\t行次\t决算数\n合计\t1\t42.41\n1. 因公出国（境）费\t2\t0.00\n2. 公务用车购置及运行维护费\t3\t42.41\n3. 公务接待费\t6\t0.00\n"
      ),
      .init(Self.statistics(numbering: "3")),
    ],
    triggeringExamples: [
      // The rows with a 行次 and no figure ("工程	3	") are rows, not pieces of a row split by a page.
      .init(Self.statistics(numbering: "⟦7⟧")),
      .init(
        "“三公”经费支出决算表\n项目\t行次\t决算数\n合计\t1\t42.41\n1. 因公出国（境）费\t2\t0.00\n2. 公务用车购置及运行维护费\t⟦7⟧\t42.41\n3. 公务接待费\t4\t0.00\n"
      ),
      .init(
        "“三公”经费支出决算表\n项目\t行次\t决算数\n合计\t⟦0⟧\t42.41\n1. 因公出国（境）费\t2\t0.00\n2. 公务用车购置及运行维护费\t3\t42.41\n3. 公务接待费\t4\t0.00\n"
      ),
    ])

  /// A 部门决算公开相关信息统计表 whose 工程 row has the 行次 `numbering`.
  private static func statistics(numbering: String) -> String {
    "部门决算公开相关信息统计表\n项目\t行次\t统计数\n一、政府采购情况\t\t\n合计\t1\t4.16\n货物\t2\t4.16\n工程\t\(numbering)\t\n服务\t4\t\n二、机关运行经费\t\t\n（一）行政单位\t5\t49.25\n"
  }

  /// A column with more breaks than this was read out of place, not written wrong.
  private static let mostBreaks = 2

  static let elements: ReportElements? = [.tables, .evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    for table in report.tables where table.reading.status == .read {
      for panel in table.panels {
        guard let column = panel.columns.firstIndex(where: { $0.title == "行次" }) else { continue }
        let numbers = panel.rows.compactMap { row -> Table.Cell? in
          guard row.isPositional, column < row.cells.count, let cell = row.cells[column], !cell.isDamaged,
            let amount = cell.amount, amount.decimals == 0, amount.tenThousandths >= 0
          else { return nil }
          return cell
        }
        guard numbers.count >= 3 else { continue }
        let values = numbers.map { $0.amount!.tenThousandths / 10_000 }
        let breaks = values.indices.dropFirst().filter { values[$0] <= values[$0 - 1] }
        guard breaks.count <= Self.mostBreaks else {
          context.skip("“\(table.title)”的行次有 \(breaks.count) 处顺序错乱，疑为读取错位，未检查")
          continue
        }
        context.ran()
        var reported: Set<Int> = []
        for index in values.indices where values[index] == 0 {
          reported.insert(index)
          context.report(numbers[index].range, "行次不应为 0\(Self.expected(at: index, values))")
        }
        for index in breaks where !reported.contains(index) && !reported.contains(index - 1) {
          let (earlier, later) = (index - 1, index)
          // Which of the two breaks the order: the one whose neighbours are in order without it.
          let earlierOdd = earlier == 0 || values[earlier - 1] < values[later]
          let laterOdd = later == values.count - 1 || values[earlier] < values[later + 1]
          let odd = earlierOdd == laterOdd ? nil : (earlierOdd ? earlier : later)
          let at = odd ?? earlier
          reported.insert(at)
          let message: Message
          if let odd {
            let value = values[odd]
            let place =
              switch (odd > 0 ? values[odd - 1] : nil, odd < values.count - 1 ? values[odd + 1] : nil) {
              case (let before?, let after?): "不在上一行 \(before) 与下一行 \(after) 之间"
              case (let before?, nil): "不大于上一行的 \(before)"
              case (nil, let after?): "不小于下一行的 \(after)"
              case (nil, nil): ""
              }
            message = "行次 \(value) \(place)\(Self.expected(at: odd, values))"
          } else {
            message = "行次 \(values[earlier]) 之后是 \(values[later])，行次应自上而下递增：其中一个写错了"
          }
          context.report(
            numbers[at].range, message,
            related: odd == nil ? [Finding.Related(range: numbers[later].range, message: "下一行行次 \(values[later])")] : []
          )
        }
      }
    }
  }

  /// "，应为 N" when the rows either side of `index` are two apart, so only N fits between them.
  private static func expected(at index: Int, _ values: [Int64]) -> String {
    guard index > 0, index < values.count - 1, values[index + 1] - values[index - 1] == 2 else { return "" }
    return "，应为 \(values[index - 1] + 1)"
  }
}
