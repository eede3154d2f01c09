import JuesuanDocuments
import Testing

@Suite("Word documents")
struct WordReaderTests {
  @Test("paragraphs with their list labels, tables by rows with merged cells as empty ones, each line's origin")
  func features() throws {
    let document = try WordReader.read(bytes: try Fixtures.bytes("features.docx"))
    #expect(
      document.text == """
        一、第一部分 概况
        （一）主要职责
        1.负责规划。
        2.负责管理。
        （二）机构设置
        二、第二部分 决算表
        项目\t金额
        第一行
        第二行
        保留<script>&
        文本框中的说明
        正文：支出共计××万元。

        项目\t\t金额
        基本支出\t人员经费\t10.00
        \t公用经费\t5.00
        合计（万元）\t\t15.00
        注：本表反映基本支出。
        """)
    #expect(document.origins.count == 18)
    #expect(document.origin(ofLine: 8) == .paragraph(8))
    #expect(document.origin(ofLine: 7) == .paragraph(8))
    #expect(document.origin(ofLine: 14) == .tableRow(table: 1, row: 2))
    #expect(document.location(ofLine: 14, textBefore: "基本支出\t人员经费\t") == "表1第2行第3列")
    #expect(document.location(ofLine: 0, textBefore: "") == "第1段")
  }

  @Test("list numbers in Word's formats")
  func numberFormats() {
    let cases: [(Int, String, String)] = [
      (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
      (20, "chineseCounting", "二十"), (35, "chineseCountingThousand", "三十五"), (105, "chineseCounting", "一百零五"),
      (3, "ideographTraditional", "丙"), (2, "decimalEnclosedCircle", "②"), (12, "decimalFullWidth", "１２"),
      (28, "lowerLetter", "bb"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (7, "decimal", "7"),
    ]
    for (number, format, expected) in cases {
      #expect(WordNumbering.format(number, as: format) == expected, "\(number) \(format)")
    }
  }

  @Test("a list restarts where a list instance overrides its start, and deeper levels restart under a new parent")
  func counting() {
    let numbering = """
      <w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>\
      <w:suff w:val="space"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      </w:numbering>
      """
    var lists = WordNumbering(numbering: Array(numbering.utf8))
    let labels = [
      lists.label(list: "1", level: 0), lists.label(list: "1", level: 1), lists.label(list: "1", level: 1),
      lists.label(list: "1", level: 0), lists.label(list: "1", level: 1), lists.label(list: "2", level: 0),
      lists.label(list: "0", level: 0), lists.label(list: "9", level: 0),
    ]
    // %1 in level 1's text is level 0's number in level 0's format, as Word shows it.
    #expect(labels == ["一、", "一.1 ", "一.2 ", "二、", "二.1 ", "一、", "", ""])
  }

  @Test("a zip that is not a Word document, and a Word document without body text, are refused")
  func refused() throws {
    #expect(throws: DocumentError.self) { _ = try WordReader.read(bytes: try Fixtures.bytes("python-level-6.zip")) }
    #expect(throws: DocumentError.self) { _ = try WordReader.read(bytes: Array("not a zip".utf8)) }
  }
}
