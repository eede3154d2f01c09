import JuesuanDocuments
import Testing

@Suite("PDF text from word boxes")
struct PDFLayoutTests {
  /// The columns (0-based, in characters) at which `token` begins on each line that holds it.
  private func column(of token: String, in line: String) -> Int? {
    guard let range = line.range(of: token) else { return nil }
    return line.distance(from: line.startIndex, to: range.lowerBound)
  }

  @Test("a real table page: every row's name starts, and its first amount ends, at the same column")
  func incomeTable() throws {
    let pages = BoundingBoxXHTML.pages(in: try Fixtures.bytes("income-page.bbox.xhtml"))
    #expect(pages.count == 1)
    let page = try #require(pages.first)
    #expect(page.words.count > 50)
    let lines = PDFPageLayout.lines(of: page)
    let rows = lines.filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }
    // The table continues on the next page: 208 … 2101101 here.
    #expect(rows.count == 11)
    var nameColumns: Set<Int> = []
    var amountEnds: Set<Int> = []
    for row in rows {
      let fields = row.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count == 4, let name = column(of: String(fields[1]), in: row) else {
        Issue.record("not code, name and two amounts: \(row)")
        continue
      }
      nameColumns.insert(name)
      // Amounts are right-aligned: the first one ends at the same column in every row.
      let amount = try #require(column(of: " " + fields[2] + " ", in: row))
      amountEnds.insert(amount + 1 + fields[2].count)
    }
    #expect(nameColumns.count == 1, "names start at \(nameColumns.sorted())")
    // Within one column of each other: a box's start is rounded to the grid.
    #expect((amountEnds.max() ?? 0) - (amountEnds.min() ?? 0) <= 1, "first amounts end at \(amountEnds.sorted())")
    #expect(lines.contains { $0.contains("合计") && $0.contains("9746.50") })
    #expect(lines.first?.contains("收入决算表") == true)
  }

  @Test("words of one cell or sentence stay one space apart; cells are two or more apart and on one grid")
  func spacing() {
    // Half-width advance 5 pt: "208" is 15 pt wide, a CJK character 10 pt.
    let page = PDFPage(words: [
      PDFWord("208", xMin: 0, yMin: 0, xMax: 15, yMax: 10, block: 1, line: 1),
      PDFWord("社会保障", xMin: 50, yMin: 0, xMax: 90, yMax: 10, block: 2, line: 2),
      PDFWord("754.75", xMin: 200, yMin: 0, xMax: 230, yMax: 10, block: 3, line: 3),
      PDFWord("20805", xMin: 0, yMin: 12, xMax: 25, yMax: 22, block: 4, line: 4),
      PDFWord("行政事业单位养老支出", xMin: 50, yMin: 12, xMax: 150, yMax: 22, block: 5, line: 5),
      PDFWord("754.75", xMin: 200, yMin: 12, xMax: 230, yMax: 22, block: 6, line: 6),
      // A line's height below the table: one blank line.
      PDFWord("2024", xMin: 0, yMin: 34, xMax: 20, yMax: 44, block: 7, line: 7),
      PDFWord("年度部门决算", xMin: 24, yMin: 34, xMax: 84, yMax: 44, block: 7, line: 7),
    ])
    #expect(
      PDFPageLayout.lines(of: page) == [
        "208       社会保障                          754.75",
        "20805     行政事业单位养老支出                    754.75",
        "",
        "2024 年度部门决算",
      ])
  }

  @Test("pages join with a form feed at the start of each page's first line; a page without text is a scan")
  func pages() throws {
    let document = try PDFReader.document(pages: [["第一页", "续"], [], ["第三页"]], notes: [])
    #expect(document.text == "第一页\n续\n\u{0C}\u{0C}第三页")
    #expect(document.origins == [.page(1), .page(1), .page(3)])
    #expect(document.location(ofLine: 2, textBefore: "") == "p3")
    #expect(throws: DocumentError.self) { _ = try PDFReader.document(pages: [[], ["  "]], notes: []) }
  }
}
