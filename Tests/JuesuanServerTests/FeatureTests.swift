import JuesuanCatalogue
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("Code actions, hover, outline and completion")
struct FeatureTests {
  private static let uri = "file:///draft.md"

  @Test("code actions offer the ignore fix of a finding under the cursor")
  func ignoreFix() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "说明\n  共计××万元\n")
    let published = try await client.diagnostics(for: Self.uri, version: 1)
    let diagnostic = try #require(published.diagnostics.first { $0.code == .string("text/placeholder") })
    let actions = try await client.request(
      "textDocument/codeAction",
      CodeActionParams(textDocument: .init(uri: Self.uri), range: range(1, 5, 5)),
      as: [CodeAction].self)
    let expected = CodeAction(
      title: "忽略此行的 text/placeholder", kind: "quickfix", diagnostics: [diagnostic], isPreferred: false,
      edit: WorkspaceEdit(changes: [
        Self.uri: [TextEdit(range: range(1, 0, 0), newText: "  <!-- juesuan-disable-next-line text/placeholder -->\n")]
      ]))
    #expect(actions.contains(expected))
    #expect(actions.filter { $0.kind == "quickfix" }.count == diagnostic.data?["fixes"].map { fixes in
      if case .array(let list) = fixes { list.count } else { 0 }
    })
    let elsewhere = try await client.request(
      "textDocument/codeAction",
      CodeActionParams(textDocument: .init(uri: Self.uri), range: range(0, 0, 1), context: .init(only: ["quickfix"])),
      as: [CodeAction].self)
    #expect(elsewhere == [])
    let sourceOnly = try await client.request(
      "textDocument/codeAction",
      CodeActionParams(textDocument: .init(uri: Self.uri), range: range(1, 5, 5), context: .init(only: ["source"])),
      as: [CodeAction].self)
    #expect(sourceOnly.allSatisfy { $0.kind == "source.fixAll.juesuan" })
  }

  @Test("hover on a finding explains the rule; elsewhere it is null")
  func hoverOnFinding() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "共计××万元")
    let hover = try await client.request(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 3)),
      as: Hover?.self)
    let value = try #require(hover?.contents.value)
    #expect(value.hasPrefix("**text/placeholder**"))
    #expect(hover?.range == range(0, 2, 4))
    let nothing = try await client.request(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 0)),
      as: Hover?.self)
    #expect(nothing == nil)
  }

  private static let catalogue = SubjectCatalogue(entries: [
    .init(code: "201", name: "一般公共服务支出", classification: .function, level: .category, editions: 2018...2025, source: "test"),
    .init(code: "20103", name: "政府办公厅（室）及相关机构事务", classification: .function, level: .section, editions: 2018...2025, source: "test"),
    .init(code: "2010301", name: "行政运行", classification: .function, level: .item, editions: 2018...2025, source: "test"),
    .init(code: "2010302", name: "一般行政管理事务", classification: .function, level: .item, editions: 2018...2025, source: "test"),
  ])

  @Test("hover on a subject code shows its name, level and parent")
  func hoverOnCode() async throws {
    let client = TestClient(catalogue: Self.catalogue)
    try await client.initialize()
    await client.open(Self.uri, "| 2010301 | 行政运行 | 1.00 |")
    let hover = try await client.request(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 4)),
      as: Hover?.self)
    let value = try #require(hover?.contents.value)
    #expect(value.hasPrefix("**2010301 行政运行**"))
    #expect(value.contains("上级：20103 政府办公厅（室）及相关机构事务"))
    #expect(hover?.range == range(0, 2, 9))
  }

  @Test("completion proposes subject codes for the digits typed")
  func completion() async throws {
    let client = TestClient(catalogue: Self.catalogue)
    let result = try await client.initialize()
    #expect(result.capabilities.completionProvider != nil)
    await client.open(Self.uri, "| 20103")
    let list = try await client.request(
      "textDocument/completion",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 7)),
      as: CompletionList.self)
    #expect(list.items.map(\.label) == ["20103 政府办公厅（室）及相关机构事务", "2010301 行政运行", "2010302 一般行政管理事务"])
    #expect(list.items.first?.textEdit == TextEdit(range: range(0, 2, 7), newText: "20103"))
  }

  @Test("the outline nests sections under parts")
  func outline() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "第一部分 部门概况\n\n一、部门主要职责\n\n负责本部门工作。\n\n第二部分 决算情况说明\n")
    let symbols = try await client.request(
      "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: Self.uri)), as: [DocumentSymbol].self)
    #expect(symbols.map(\.name).count == 2)
    #expect(symbols.first?.name.contains("第一部分") == true)
    #expect(symbols.first?.children?.first?.name.contains("部门主要职责") == true)
    #expect(symbols.first?.range.end == Position(line: 6, character: 0))
  }
}
