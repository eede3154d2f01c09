import JuesuanModel
import Testing

/// Hostile bytes through `SourceText` and the parser: whatever arrives, a model comes back whose
/// every range lies inside the text. (BOMs, CRLF, 1 MB lines and 10 000-row tables: SourceTextTests
/// and RobustParseTests.)
@Suite("Bad input: bytes and numbers the parser must survive")
struct BadInputTests {
  /// Parses `source`; every heading, table, row and cell range lies inside the text.
  private static func parseInside(_ source: SourceText) -> Report {
    let report = ReportParser.parse(source)
    let inside = { (range: Range<Int>) in range.lowerBound >= 0 && range.upperBound <= source.bytes.count }
    #expect(report.headings.allSatisfy { inside($0.range) })
    #expect(report.unreadRegions.allSatisfy { inside($0.range) })
    for table in report.tables {
      #expect(inside(table.range) && inside(table.titleRange))
      for row in table.rows {
        #expect(inside(row.range) && row.cells.allSatisfy { $0.map { inside($0.range) } ?? true })
      }
    }
    return report
  }

  @Test(
    "invalid UTF-8 of every kind is repaired as Swift repairs it, and flagged",
    arguments: [
      [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE5, 0x90],
      [0x80, 0x80], [0xE5, 0x90, 0x0A, 0x88],
    ] as [[UInt8]])
  func invalidUTF8(_ bad: [UInt8]) {
    let bytes = Array("合计\t".utf8) + bad + Array("\n201\t一般公共服务支出\t1.00\n".utf8) + bad
    let source = SourceText(decoding: bytes)
    #expect(source.hadInvalidUTF8)
    #expect(source.string == String(decoding: bytes, as: UTF8.self))
    #expect(String(validating: source.bytes, as: UTF8.self) != nil)
    _ = Self.parseInside(source)
  }

  @Test("a binary file (PNG header, NULs, every byte value) parses to a model without tables")
  func binary() {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
    var state: UInt64 = 0x1234_5678
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
    }
    bytes += Array(0...255)
    let source = SourceText(decoding: bytes)
    #expect(source.hadInvalidUTF8)
    #expect(source.lineCount > 1)
    let report = Self.parseInside(source)
    #expect(report.tables.isEmpty)
  }

  @Test("lone CR, CR CR LF and NUL bytes: line breaks as LSP counts them, NUL an ordinary character")
  func lineBreaksAndNUL() {
    let source = SourceText("a\rb\r\r\nc\0d\n\0")
    #expect(source.lineCount == 5)
    #expect((0..<5).map { source.text(ofLine: $0) } == ["a", "b", "", "c\0d", "\0"])
    #expect(source.position(ofUTF8Offset: 9) == Position(line: 3, character: 3))
    #expect(source.utf8Offset(of: Position(line: 3, character: 2)) == 8)
  }

  @Test("odd figures in a table: 1,2,3, - and — are no amount (never zero); full-width digits are read")
  func oddFigures() throws {
    let text = """
      一般公共预算财政拨款支出决算表
      科目编码\t科目名称\t合计\t基本支出\t项目支出
      201\t一般公共服务支出\t1,2,3\t-\t—
      20101\t人大事务\t１２３.４５\t１２３.４５\t

      """
    let report = Self.parseInside(SourceText(text))
    let table = try #require(report.table(.generalBudget))
    let odd = try #require(table.rows.first { $0.code == "201" })
    #expect(odd.cells.allSatisfy { $0?.amount == nil })
    let wide = try #require(table.rows.first { $0.code == "20101" })
    #expect(wide.cells.first??.amount == Amount(parsing: "123.45"))
  }

  @Test("full-width figures in prose are read with their units; the figure's own bytes end before them")
  func fullWidthProse() throws {
    let text = "支出决算 １８６２．５３万元，较上年增加 ２１．１９ 万元，增长 ２１．３４％。２０２３年，共 ３ 个，3.5万元。"
    let paragraph = Paragraph(segments: [(text, 0)])
    let numbers = paragraph.numbers.map { "\($0.value) \($0.unit.rawValue)" }
    #expect(numbers == ["1862.53 万元", "21.19 万元", "21.34 %", "3.00 ", "3.50 万元"])
    for number in paragraph.numbers {
      let end = NarrativeScanner.figureEnd(
        in: paragraph.utf8, from: number.textRange.lowerBound, limit: number.textRange.upperBound)
      let digits = paragraph.text(in: number.textRange.lowerBound..<end)
      #expect(Amount(parsing: digits) == number.value, "\(digits)")
    }
  }
}
