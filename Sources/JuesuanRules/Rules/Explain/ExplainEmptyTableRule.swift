import Foundation
import JuesuanModel

/// An empty standard table needs its "本部门无…" statement; a statement of "无" contradicted by
/// figures in the table is an error.
struct ExplainEmptyTableRule: Rule {
  static let description = RuleDescription(
    code: "explain/empty-table",
    summary: "没有数据的公开表须说明原因（如“本部门无…，故本表无数据”）；说明“无此项收支”而表内有数的，说明与表矛盾。",
    rationale: """
      空表不加说明，读者无法判断是没有此项收支还是漏填。说明写在表下注释、表后文字或情况说明中对应的一节均可。\
      反过来，说明称没有此项收支而表内却有非零金额，是错误（表或说明必有一处不对）；缺少说明只是警告。\
      表内有无法读取的部分时，不判断是否为空表。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // "无此项支出" said of one item of the table.
      .init(
        "某区某局2025年部门预算\n\n                  2025年部门“三公”经费和机关运行经费预算表\n编制部门：某区某局                                              单位：万元\n\n                            “三公”经费预算数\n                                                             机关运行经费预算\n                                          公务用车购置及运行费\n                                                                 数\n   合计        因公出国（境）费     公务接待费\n                                     小计      购置费       运行费\n\n        37.91              0       1.35        36.56         15         21.56        464.64\n                          其他相关情况说明\n\n   因公出国（境）费0万元，本部门无此项支出。\n"
      ),
      // A table whose one row is the department's total has data.
      .init("某市人力资源和社会保障局2025年部门预算\n\n部门收入预算表\n单位：万元\n项目\t合计\t财政拨款收入\t事业收入\n本部门合计\t1000.00\t900.00\t100.00\n"),
      // "上年无此项支出": new this year, as the table shows.
      .init(
        "### 二、政府性基金预算支出情况\n\n2025年政府性基金预算拨款支出50.00万元，上年无此项支出。\n\n### 2025年政府性基金预算支出表\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t50.00\t\t50.00\n2120899\t其他国有土地使用权出让收入安排的支出\t50.00\t\t50.00\n"
      ),
      .init("国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\n\n注：本部门2023年度无国有资本经营预算财政拨款支出。\n"),
      .init(
        "政府性基金预算财政拨款收入支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n合计\t\t\t\t\n说明：本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。\n"
      ),
      .init("国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t\t\t\n（本表无数据）\n"),
      .init(
        "本部门2023年度没有使用国有资本经营预算财政拨款安排的支出，故国有资本经营预算财政拨款支出决算表无数据。\n\n国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t\t\t\n"
      ),
      .init(
        "国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2080501\t行政单位离退休\t5.00\t5.00\t\n"),
    ],
    triggeringExamples: [
      .init(
        "⟦政府性基金预算财政拨款收入支出决算表⟧\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n合计\t\t\t\t\n"),
      .init(
        "国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2080501\t行政单位离退休\t5.00\t5.00\t\n⟦说明：本部门没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。⟧\n"
      ),
    ])

  /// Phrases that say a table is empty on purpose.
  static let statements: UTF8Text.Words = [
    "本表无数据", "无数据", "为空表", "无此项", "没有使用", "没有", "本部门无", "我部门无", "本单位无", "我单位无", "未发生", "不涉及",
    "未安排", "均为0", "均为零", "年度无", "年无",
  ]
  /// Words naming one line of a table, not the whole ("因公出国（境）费：无此项支出").
  static let itemWords = ["出国", "用车", "接待", "购置", "运行", "其中"]
  /// Phrases that say the whole table is empty (used to find a contradiction).
  static let wholeTableStatements: UTF8Text.Words = ["本表无数据", "故本表为空", "无此项收支", "无此项支出", "无此项收入", "本表为空表"]

  static let elements: ReportElements? = [.tables, .evaluations, .paragraphs, .headings]

  func check(_ report: Report, context: inout RuleContext) {
    let ordered = report.tables.sorted { $0.range.lowerBound < $1.range.lowerBound }
    let headings = Self.sectionHeadings(report)
    // The statements of each kind's section, read for the first table of the kind.
    var sections: [Table.Kind: [Statement]] = [:]
    for (index, table) in ordered.enumerated() where Table.Kind.standard.contains(table.kind) {
      guard table.reading.status != .unread else {
        context.skip("“\(table.title)”未能读取，未判断是否为空表")
        continue
      }
      context.ran()
      var nextStart = index + 1 < ordered.count ? ordered[index + 1].titleRange.lowerBound : report.source.bytes.count
      // Prose after a heading belongs to that heading's section, not to the table.
      if let heading = report.headings.first(where: { $0.range.lowerBound >= table.range.upperBound }) {
        nextStart = min(nextStart, heading.range.lowerBound)
      }
      let near = Self.nearbyStatements(report, table, before: nextStart)
      let section = sections[table.kind] ?? Self.sectionStatements(report, table.kind, headings: headings)
      sections[table.kind] = section
      if table.hasNoData {
        if near.contains(where: { $0.isEmptyStatement })
          || section.contains(where: { $0.isEmptyStatement || $0.allZero })
        {
          continue
        }
        if !table.damage.isEmpty || table.writesFiguresOutsideItsRows(in: report.source) {
          context.skip("“\(table.title)”未读出数据，但表内有无法读取的部分，未判断是否为空表")
          continue
        }
        context.report(
          table.titleRange,
          "“\(table.title)”没有数据，也没有说明原因：请在表下注明“本部门\(report.year.map { "\($0)年度" } ?? "本年度")无…，故本表无数据”",
          severity: .warning)
        continue
      }
      guard let figure = Self.firstFigure(table) else { continue }
      for statement in near + section where statement.isWholeTable {
        let line = report.source.line(ofUTF8Offset: figure.cell.range.lowerBound)
        let shown = figure.cell.amount?.description ?? figure.cell.text
        context.report(
          statement.range,
          "说明称“\(statement.text)”，但“\(table.title)”有数据：\(figure.label) \(shown)（第 \(line: line) 行）；说明与表不符，请核对哪一处有误",
          severity: table.damage.isEmpty ? nil : .warning,
          related: [.init(range: figure.cell.range, message: "表内金额 \(shown)")])
      }
    }
  }

  struct Statement {
    var text: String
    var range: Range<Int>
    var isEmptyStatement: Bool
    var isWholeTable: Bool
    var allZero: Bool
  }

  /// The index of the first of the report's paragraphs that `isPast` holds for: they are in
  /// document order, and it holds for every one after it (binary search).
  private static func firstParagraph(in report: Report, where isPast: (Paragraph) -> Bool) -> Int {
    var low = 0
    var high = report.paragraphs.count
    while low < high {
      let mid = (low + high) / 2
      if isPast(report.paragraphs[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }

  /// A statement of each sentence of `paragraph` that holds any text.
  private static func sentenceStatements(of paragraph: Paragraph) -> [Statement] {
    paragraph.sentenceRanges.compactMap { sentence in
      let text = paragraph.text(in: sentence).utf8Text.trimmingWhitespace()
      guard !text.isEmpty else { return nil }
      var item = statement(text, paragraph.sourceRange(ofTextRange: sentence), topic: nil)
      // "因公出国（境）费 0 万元，本部门无此项支出": one line of the table, not the whole (unless it says
      // so of "本表").
      if itemWords.contains(where: { text.utf8Text.contains($0) }), !text.utf8Text.contains("本表") {
        item.isWholeTable = false
      }
      return item
    }
  }

  /// Notes of the table and the paragraphs right after it (before the next table).
  static func nearbyStatements(_ report: Report, _ table: Table, before limit: Int) -> [Statement] {
    var result: [Statement] = []
    let bytes = report.source.bytes
    for note in table.notes {
      let needle = Array(note.utf8)
      guard let start = Self.find(needle, in: bytes, within: table.range) else { continue }
      result.append(statement(note, start..<(start + needle.count), topic: nil))
    }
    var taken = 0
    let after = firstParagraph(in: report) { $0.range.lowerBound >= table.range.upperBound }
    for paragraph in report.paragraphs[after...] {
      guard paragraph.range.lowerBound < limit, taken < 2 else { break }
      taken += 1
      result += sentenceStatements(of: paragraph)
    }
    if table.hasNoData {
      // An empty table's statement written as a row of it ("（本表无数据）"), or before its title.
      for word in ["本表无数据", "本表为空表"] {
        let needle = Array(word.utf8)
        if let start = Self.find(needle, in: bytes, within: table.range),
          !result.contains(where: { $0.range.contains(start) })
        {
          result.append(statement(word, start..<(start + needle.count), topic: nil))
        }
      }
      // The sentence before the title names the table: "…，故国有资本经营预算财政拨款支出决算表无数据。"
      let before = firstParagraph(in: report) { $0.range.upperBound > table.titleRange.lowerBound } - 1
      if before >= 0, case let paragraph = report.paragraphs[before],
        paragraph.range.lowerBound
          >= (report.tables.last { $0.range.upperBound <= table.titleRange.lowerBound }?.range.upperBound ?? 0)
      {
        let compactTitle = table.title.utf8Text.removingWhitespace()
        result += sentenceStatements(of: paragraph).filter {
          $0.text.utf8Text.removingWhitespace().utf8Text.contains(compactTitle)
        }
      }
    }
    return result
  }

  /// Sentences of the narrative section about `kind` (its heading names the table's topic).
  static func sectionStatements(_ report: Report, _ kind: Table.Kind, headings: [String]) -> [Statement] {
    guard let topic = topic(of: kind) else { return [] }
    var result: [Statement] = []
    // The sections about the topic, by heading index.
    let isAbout = headings.map {
      $0.utf8Text.contains(topic) && ($0.utf8Text.contains("说明") || $0.utf8Text.contains("情况"))
    }
    for index in report.paragraphs.indices {
      guard let own = report.paragraphs[index].headingIndex, isAbout[own] else { continue }
      let paragraph = report.paragraphs[index]
      // A statement speaks for the whole table only directly under the section's own heading.
      let direct = report.headings[own].text.utf8Text.contains(topic)
      for sentence in paragraph.sentenceRanges {
        let text = paragraph.text(in: sentence).utf8Text.trimmingWhitespace()
        guard !text.isEmpty else { continue }
        let numbers = paragraph.numbers.filter {
          $0.unit == .tenThousandYuan && sentence.contains($0.textRange.lowerBound)
        }
        var item = statement(text, paragraph.sourceRange(ofTextRange: sentence), topic: topic)
        if !direct || itemWords.contains(where: { text.utf8Text.contains($0) }) { item.isWholeTable = false }
        item.allZero = !numbers.isEmpty && numbers.allSatisfy(\.value.isZero)
        result.append(item)
      }
    }
    // The section says 0 for its total only when every sentence with an amount says 0.
    let withAmounts = result.filter { $0.allZero || $0.text.utf8Text.contains("万元") }
    if !withAmounts.allSatisfy(\.allZero) {
      for index in result.indices { result[index].allZero = false }
    }
    return result
  }

  private static func statement(_ text: String, _ range: Range<Int>, topic: String?) -> Statement {
    // "上年无此项支出" says the spending is new this year: no statement about this year's table.
    if text.utf8Text.contains(anyOf: ["上年无", "上年没有", "去年无", "上年度无"]) {
      return Statement(text: text, range: range, isEmptyStatement: false, isWholeTable: false, allZero: false)
    }
    let isEmpty = text.utf8Text.contains(anyOf: statements)
    var whole = text.utf8Text.contains(anyOf: wholeTableStatements)
    if !whole, let topic,
      let no = text.utf8Text.range(of: "没有") ?? text.utf8Text.range(of: "本部门无") ?? text.utf8Text.range(of: "我部门无"),
      text[no.upperBound...].utf8Text.contains(topic), ["政府性基金", "国有资本经营"].contains(topic)
    {
      whole = true
    }
    return Statement(text: text, range: range, isEmptyStatement: isEmpty, isWholeTable: whole, allZero: false)
  }

  /// `sectionHeading(_:under:)` of every heading, by its index.
  static func sectionHeadings(_ report: Report) -> [String] {
    report.headings.indices.map { sectionHeading(report, under: $0) }
  }

  /// The heading text of the section under heading `index` (the heading and the section above).
  static func sectionHeading(_ report: Report, under heading: Int) -> String {
    var index = heading
    var text = ""
    var steps = 0
    while index >= 0, steps < 3 {
      let heading = report.headings[index]
      text += heading.text
      if heading.level <= .section || heading.text.first.map({ "一二三四五六七八九十".utf8Text.contains($0) }) == true { break }
      index -= 1
      steps += 1
    }
    return text
  }

  static func topic(of kind: Table.Kind) -> String? {
    switch kind {
    case .governmentFund: "政府性基金"
    case .stateCapital: "国有资本经营"
    case .sangong: "三公"
    case .basicExpenditure: "基本支出"
    default: nil
    }
  }

  /// The first non-zero figure, preferring a total row.
  static func firstFigure(_ table: Table) -> (label: String, cell: Table.Cell)? {
    let rows = table.rows
    let isTotal = rows.map(\.isTotalRow)
    for index in rows.indices.filter({ isTotal[$0] }) + rows.indices.filter({ !isTotal[$0] }) {
      let row = rows[index]
      if let cell = row.cells.compactMap({ $0 }).first(where: { $0.amount.map { !$0.isZero } ?? false }) {
        return ((row.code.map { $0 + " " } ?? "") + row.label, cell)
      }
    }
    return nil
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8], within range: Range<Int>) -> Int? {
    guard !needle.isEmpty, range.count >= needle.count else { return nil }
    var index = range.lowerBound
    while index + needle.count <= min(range.upperBound, bytes.count) {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
