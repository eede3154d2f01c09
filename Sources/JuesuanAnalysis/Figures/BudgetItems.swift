import JuesuanModel

/// A budget's list of what its 财政拨款 is spent on, one numbered paragraph per 项: "财政拨款支出主要
/// 内容如下：" and then "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目43.83万元，
/// 主要用于…". Each item's figure is a part of the 财政拨款支出预算 the narrative states, so the list
/// can be held against it where the tables were not read.
package struct BudgetItems: AnalysisView {
  package static let elements: ReportElements? = [.paragraphs]

  /// One item of the list.
  package struct Item: Sendable {
    /// The index of its paragraph in `Report.paragraphs`.
    package var paragraph: Int
    /// Its figure: the first 万元 amount, right after the 项 it names.
    package var figure: Paragraph.Number
  }

  /// The paragraph that opens the list; nil when the report has none.
  package let header: Int?
  /// The items, numbered 1, 2, … in order. A number out of turn (a page the PDF repeated, a list
  /// numbered anew) ends the reading, and so does a numbered paragraph whose figure is not read.
  package let items: [Item]
  /// Whether the list was read to its end: to the end of its section, not to a number out of
  /// turn or an item without its figure.
  package let isWhole: Bool

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let paragraphs = input.report.paragraphs
    guard input.report.kind.isBudget,
      let header = paragraphs.firstIndex(where: { paragraph in
        Self.headers.contains { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil }
      })
    else {
      (self.header, items, isWhole) = (nil, [], false)
      return
    }
    var items: [Item] = []
    // Read to the end of the section: the items are all there unless a number comes out of turn.
    var isWhole = true
    for index in paragraphs.indices.dropFirst(header + 1) {
      let paragraph = paragraphs[index]
      guard paragraph.headingIndex == paragraphs[header].headingIndex else { break }
      // The rest of an item the PDF broke off ("2023年当年预算执行数为…" after a page break, "。"
      // on a line of its own), or prose after the list.
      guard let ordinal = paragraph.ordinal else { continue }
      guard ordinal == items.count + 1, let figure = Self.openingFigure(of: paragraph, namedInQuotes: true) else {
        isWhole = false
        break
      }
      items.append(Item(paragraph: index, figure: figure))
    }
    (self.header, self.items, self.isWhole) = (header, items, isWhole && !items.isEmpty)
  }

  /// The figure an item paragraph opens with: its first 万元 amount, when what comes before it
  /// names a 项 ("…（项）”25.77万元", "…（项）”科目42.29万元"), or, `namedInQuotes` (a numbered
  /// item of the list), ends a quoted subject ("“一般公共服务支出-…-行政运行”科目78.29万元");
  /// nil for any other paragraph.
  package static func openingFigure(of paragraph: Paragraph, namedInQuotes: Bool = false) -> Paragraph.Number? {
    guard let opening = paragraph.numbers.first(where: { $0.unit == .tenThousandYuan }) else { return nil }
    var before = paragraph.text(in: 0..<opening.textRange.lowerBound).filter { !$0.isWhitespace }
    if before.hasSuffix("科目") { before.removeLast(2) }
    if namedInQuotes, before.hasSuffix("”"), before.contains("“") { return opening }
    return ["（项）”", "（项）", "(项)”", "(项)"].contains(where: { before.utf8Text.hasSuffix($0) }) ? opening : nil
  }

  /// Whether a table that states each item's figure (05, 03, 02) was read with figures: the items
  /// are then held against its rows (xref/narrative-number), not only against the narrative.
  package static func tablesStateThem(in report: Report) -> Bool {
    report.tables.contains { table in
      [Table.Kind.generalBudget, .expenditure, .income].contains(table.kind) && table.reading.status != .unread
        && !table.hasNoData
    }
  }

  private static let headers = ["财政拨款支出主要内容如下", "财政拨款支出的主要内容如下"].map { Array($0.utf8) }
}

extension BudgetItems {
  /// For each item, the 合计 (in 万元) that the report's 一般公共预算支出功能分类预算表, not read as a
  /// table, writes for the 项 the item names; nil where it is not found. A plain export writes that
  /// table one cell per line with its codes apart from the rows, but each row's name right before its
  /// figures: the 项's name (the first after its 款's, itself after its 类's) followed by three
  /// figures of which the first is the sum of the other two (合计 = 基本支出 + 项目支出). This is not
  /// a reading of the table, so it only tells which item is wrong where the list's own sum proves
  /// that one is.
  /// - Complexity: O(items × lines of the table).
  package func streamFigures(in report: Report) -> [Amount?] {
    guard
      let table = report.tables.first(where: {
        $0.kind == .generalBudget && $0.reading.status == .unread && $0.unit != nil
      })
    else { return items.map { _ in nil } }
    let source = report.source
    let first = source.line(ofUTF8Offset: table.range.lowerBound)
    let last = source.line(ofUTF8Offset: max(table.range.lowerBound, table.range.upperBound - 1))
    let cells = (first...last).map { source.text(ofLine: $0).utf8Text.removingWhitespace() }.filter { !$0.isEmpty }
    return items.map { item in
      let paragraph = report.paragraphs[item.paragraph]
      let names = Self.subjectNames(before: item.figure, in: paragraph)
      guard names.count >= 2 else { return nil }
      var cursor = 0
      for name in names {
        guard let found = cells[cursor...].firstIndex(of: name) else { return nil }
        cursor = found + 1
      }
      guard cursor + 3 <= cells.count else { return nil }
      let figures = cells[cursor..<(cursor + 3)].compactMap { cell in
        cell.allSatisfy { $0.isASCIIDigit || $0 == "," || $0 == "." } ? Amount(parsing: cell) : nil
      }
      guard figures.count == 3, figures[0].isSameValue(as: figures[1] + figures[2]) else { return nil }
      return table.inTenThousandYuan(figures[0])
    }
  }

  /// The names of the subject an item quotes, 类 first: "“一般公共服务支出（类）统计信息事务（款）统计管理
  /// （项）”科目" gives 一般公共服务支出, 统计信息事务, 统计管理; "“一般公共服务支出-人大事务-行政运行”"
  /// the same way.
  private static func subjectNames(before figure: Paragraph.Number, in paragraph: Paragraph) -> [String] {
    let before = paragraph.text(in: 0..<figure.textRange.lowerBound).utf8Text.removingWhitespace()
    guard let close = before.lastIndex(of: "”"), let open = before[..<close].lastIndex(of: "“") else { return [] }
    var quoted = String(before[before.index(after: open)..<close])
    for level in ["（类）", "（款）", "(类)", "(款)"] { quoted = quoted.replacing(level, with: "|") }
    for level in ["（项）", "(项)"] { quoted = quoted.replacing(level, with: "") }
    let separator: Character = quoted.contains("|") ? "|" : "-"
    return quoted.split(separator: separator).map(String.init)
  }
}
