import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Testing

/// The LSP position (UTF-16) of the start or end of the `occurrence`-th `needle` in `text`.
func position(of needle: String, in text: String, occurrence: Int = 0, end: Bool = false) -> Position {
  var searchStart = text.startIndex
  var found = text.range(of: needle)
  for _ in 0..<occurrence {
    guard let previous = found else { break }
    searchStart = previous.upperBound
    found = text.range(of: needle, range: searchStart..<text.endIndex)
  }
  guard let found else {
    Issue.record("“\(needle)” not in the text")
    return Position(line: 0, character: 0)
  }
  let index = end ? found.upperBound : found.lowerBound
  let before = text[..<index]
  let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
  return Position(line: before.count { $0 == "\n" }, character: text[lineStart..<index].utf16.count)
}

@Suite("Inlay hints and hover on totals")
struct TotalsTests {
  private static let uri = "file:///totals.md"

  /// Table 05 with a 合计 row and two 类 rows, all 基本支出 (the 合计 row's 基本支出 is `basic`).
  private static func table(total: String, _ first: String, _ second: String, basic: String) -> String {
    "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t\(total)\t\(basic)\t\n"
      + "201\t一般公共服务支出\t\(first)\t\(first)\t\n208\t社会保障和就业支出\t\(second)\t\(second)\t\n"
  }

  private static let percent = "（二）2010350-事业运行 188.57 万元，较上年决算数增加 76.97 万元，增长 40.82%。主要原因是项目支出。\n"

  private static func hints(_ client: TestClient, _ range: PositionRange) async throws -> [InlayHint] {
    try await client.request(
      "textDocument/inlayHint", InlayHintParams(textDocument: .init(uri: Self.uri), range: range),
      as: [InlayHint].self)
  }

  private static func hover(_ client: TestClient, at position: Position) async throws -> Hover? {
    try await client.request(
      "textDocument/hover", TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: position),
      as: Hover?.self)
  }

  @Test("a wrong total gets the computed sum and a wrong percentage the computed one, after the figure")
  func hintsAfterWrongFigures() async throws {
    let client = TestClient()
    let result = try await client.initialize()
    #expect(result.capabilities.inlayHintProvider == true)
    let text = Self.table(total: "1300.00", "1000.00", "234.56", basic: "1234.56") + "\n" + Self.percent
    await client.open(Self.uri, text)
    let everything = PositionRange(start: Position(line: 0, character: 0), end: Position(line: 99, character: 0))
    let hints = try await Self.hints(client, everything)
    #expect(hints.map(\.label) == ["Σ 1,234.56", "= 68.97%"])
    #expect(
      hints.map(\.position) == [
        position(of: "1300.00", in: text, end: true), position(of: "40.82%", in: text, end: true),
      ])
    #expect(hints.allSatisfy { $0.paddingLeft == true })
    #expect(hints.first?.tooltip?.contains("1300.00") == true)
  }

  @Test("only hints inside the requested range are returned")
  func requestedRange() async throws {
    let client = TestClient()
    try await client.initialize()
    let text = Self.table(total: "30.00", "10.00", "15.00", basic: "25.00") + "\n" + Self.percent
    await client.open(Self.uri, text)
    let totalLine = position(of: "30.00", in: text).line
    let percentLine = position(of: "40.82%", in: text).line
    let tableOnly = try await Self.hints(client, range(totalLine, 0, to: totalLine + 1, 0))
    #expect(tableOnly.map(\.label) == ["Σ 25.00"])
    let prose = try await Self.hints(client, range(percentLine, 0, to: percentLine + 1, 0))
    #expect(prose.map(\.label) == ["= 68.97%"])
    let title = try await Self.hints(client, range(0, 0, to: totalLine, 0))
    #expect(title.isEmpty)
  }

  @Test("figures that agree get no hint")
  func noHintWhenRight() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, Self.table(total: "25.00", "10.00", "15.00", basic: "25.00") + "\n增长 40.82%。\n")
    let hints = try await Self.hints(client, range(0, 0, to: 99, 0))
    #expect(hints.isEmpty)
  }

  @Test("hover on a total that adds up shows the sum of its parts and a tick")
  func hoverOnMatchingTotal() async throws {
    let client = TestClient()
    try await client.initialize()
    let text = Self.table(total: "1,234.56", "1000.00", "234.56", basic: "1234.56")
    await client.open(Self.uri, text)
    let cell = position(of: "1,234.56", in: text)
    let hover = try #require(try await Self.hover(client, at: Position(line: cell.line, character: cell.character + 2)))
    #expect(hover.contents.value.contains("**合计行“合计”** = Σ 2 项 = 1,234.56 ✓"))
    #expect(hover.contents.value.contains("201 1,000.00 + 208 234.56"))
    #expect(!hover.contents.value.contains("sum/column-total"))
    #expect(hover.range == PositionRange(start: cell, end: position(of: "1,234.56", in: text, end: true)))
  }

  @Test("hover on a total that does not add up shows the difference and the finding")
  func hoverOnWrongTotal() async throws {
    let client = TestClient()
    try await client.initialize()
    let text = Self.table(total: "30.00", "10.00", "15.00", basic: "25.00")
    await client.open(Self.uri, text)
    let hover = try #require(try await Self.hover(client, at: position(of: "30.00", in: text)))
    #expect(hover.contents.value.contains("**合计行“合计”** = Σ 2 项 = 25.00 ✗ 所填 30.00，差 5.00"))
    #expect(hover.contents.value.contains("**sum/column-total**"))
  }

  @Test("hover on a total within the rounding tolerance says so")
  func hoverWithinTolerance() async throws {
    let client = TestClient()
    try await client.initialize()
    let text = Self.table(total: "25.01", "10.00", "15.00", basic: "25.01")
    await client.open(Self.uri, text)
    let hover = try #require(try await Self.hover(client, at: position(of: "25.01", in: text)))
    #expect(hover.contents.value.contains("= Σ 2 项 = 25.00 ≈ 所填 25.01，尾差 0.01"))
  }

  @Test("hover on a part or a name is not a sum")
  func hoverOnPart() async throws {
    let client = TestClient()
    try await client.initialize()
    let text = Self.table(total: "25.00", "10.00", "15.00", basic: "25.00")
    await client.open(Self.uri, text)
    let name = try await Self.hover(client, at: position(of: "一般公共服务支出", in: text))
    #expect(name?.contents.value.contains("Σ") != true)
    // 10.00 is a part of the column total, and the (one-figure) total of its own row.
    let part = try #require(try await Self.hover(client, at: position(of: "10.00", in: text)))
    #expect(!part.contents.value.contains("合计行"))
    #expect(part.contents.value.contains("**“201”的合计** = Σ 2 项 = 10.00 ✓"))
  }
}
