import JuesuanModel
import Testing

/// Markdown emphasis and white space at the ends of lines and cells, as Word and PDF exports write
/// them: read the same whatever else the line holds.
@Suite("Decoration and white space")
struct DecorationTests {
  @Test("every run of two or more * is emphasis and goes; a lone * stays")
  func emphasis() {
    let text = "一、**部门主要职责**\n\n二、***机构设置***\n\n（一）a***b\n\n* 列表项\n\n***\n\n负责本区的公共服务。\n"
    let report = ReportParser.parse(SourceText(text))
    // A third * used to remove the character before the pair ("a***b" read as "b").
    #expect(report.headings.map(\.text) == ["一、部门主要职责", "二、机构设置", "（一）ab"])
    // A line of *** (a Markdown rule) reads as blank: no paragraph holds it; paragraphs keep
    // their text as written.
    #expect(report.paragraphs.map(\.text) == ["* 列表项负责本区的公共服务。"])
  }

  @Test("a heading indented with no-break spaces is a heading, with or without other decoration")
  func noBreakSpaces() {
    for indent in ["\u{A0}\u{A0}", "\u{2002}", "\u{3000}\u{3000}", "\u{A0}**"] {
      let text = "\(indent)一、部门主要职责\n\n负责本区的公共服务。\n"
      let report = ReportParser.parse(SourceText(text))
      #expect(report.headings.map(\.text) == ["一、部门主要职责"], "indent \(indent.unicodeScalars.map(\.value))")
    }
  }

  @Test(
    "a cell padded with thin or no-break spaces holds its amount; a line's end loses spaces and U+3000 in any order")
  func paddedCells() throws {
    let text = "支出决算表\n单位：万元\n项目\t合计\t基本支出\t项目支出\n合计\t\u{2009}30.00\t10.00\u{200A}\t20.00\u{A0}\n"
    let report = ReportParser.parse(SourceText(text))
    let table = try #require(report.table(.expenditure))
    let total = try #require(table.rows.first { $0.isTotalRow })
    #expect(total.cells.map { $0?.amount } == ["30.00", "10.00", "20.00"].map { Amount(parsing: $0) })
    let source = SourceText("2023年度收入总计 100.00 万元 \u{3000} \n")
    let paragraph = try #require(ReportParser.parse(source).paragraphs.first)
    #expect(paragraph.text == "2023年度收入总计 100.00 万元")
  }
}
