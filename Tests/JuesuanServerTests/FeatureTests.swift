import JSONRPC
import JuesuanCatalogue
import JuesuanModel
import JuesuanRules
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
    // One quick fix per fix of the finding, as the linter made them for this very text.
    let finding = try #require(
      Linter().lint(SourceText("说明\n  共计××万元\n")).findings.first { $0.code == "text/placeholder" })
    #expect(actions.filter { $0.kind == "quickfix" }.map(\.title) == finding.fixes.map(\.title))
    #expect(diagnostic.data == nil, "fixes are served by codeAction, not repeated in every publish")
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
    .init(
      code: "201", name: "一般公共服务支出", classification: .function, level: .category, editions: 2018...2025, source: "test"),
    .init(
      code: "20103", name: "政府办公厅（室）及相关机构事务", classification: .function, level: .section, editions: 2018...2025,
      source: "test"),
    .init(
      code: "2010301", name: "行政运行", classification: .function, level: .item, editions: 2018...2025, source: "test"),
    .init(
      code: "2010302", name: "一般行政管理事务", classification: .function, level: .item, editions: 2018...2025, source: "test"),
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

  @Test("the outline names the report's kind, then nests sections under parts")
  func outline() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "第一部分 部门概况\n\n一、部门主要职责\n\n负责本部门工作。\n\n第二部分 决算情况说明\n")
    let symbols = try await client.request(
      "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: Self.uri)), as: [DocumentSymbol].self)
    #expect(symbols.map(\.name) == ["部门决算", "第一部分 部门概况", "第二部分 决算情况说明"])
    #expect(symbols.first?.children == nil)
    let part = symbols[1]
    #expect(part.children?.first?.name.contains("部门主要职责") == true)
    #expect(part.range.end == Position(line: 6, character: 0))
  }
}

@Suite("source.fixAll")
struct FixAllTests {
  private static func finding(_ range: Range<Int>, fixes: [Fix]) -> Finding {
    let ignore = Fix(title: "忽略此行的 x/y", edits: [TextEdit(range: 0..<0, newText: "<!-- -->\n")], isSafe: true)
    return Finding(code: "x/y", severity: .error, range: range, message: "m", fixes: fixes + [ignore])
  }

  @Test("takes the first safe fix of each finding, skips collisions, unsafe and suppression fixes")
  func safeEdits() {
    let findings = [
      Self.finding(10..<12, fixes: [Fix(title: "a", edits: [TextEdit(range: 10..<12, newText: "A")], isSafe: true)]),
      Self.finding(11..<13, fixes: [Fix(title: "b", edits: [TextEdit(range: 11..<13, newText: "B")], isSafe: true)]),
      Self.finding(
        2..<4,
        fixes: [
          Fix(title: "unsafe", edits: [TextEdit(range: 2..<4, newText: "U")]),
          Fix(title: "c", edits: [TextEdit(range: 2..<4, newText: "C")], isSafe: true),
        ]),
      Self.finding(20..<20, fixes: []),
    ]
    #expect(
      Server.safeEdits(of: findings) == [TextEdit(range: 2..<4, newText: "C"), TextEdit(range: 10..<12, newText: "A")])
  }
}

@Suite("Requests that wait for a lint")
struct DeferredRequestTests {
  /// A document whose lint takes a while, even in an optimised build.
  private static let longDocument = String(
    repeating: "第一部分 部门概况\n\n一、部门主要职责\n\n2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加（减少）327.51 万元，增长 21.35%。\n\n",
    count: 12)

  @Test("a request still waiting for its lint can be cancelled, and the next one is answered")
  func cancel() async throws {
    let client = TestClient(debounce: .fixed(.seconds(30)))
    try await client.initialize()
    let uri = "file:///long.md"
    await client.open(uri, Self.longDocument)
    await client.change(uri, version: 2, [.init(range: range(0, 0, 0), text: "×")])
    let position = TextDocumentPositionParams(textDocument: .init(uri: uri), position: .init(line: 0, character: 0))
    client.holdLints(true)
    let id = await client.startRequest("textDocument/hover", position)
    guard case .number(let number) = id else { return }
    await client.notify("$/cancelRequest", CancelParams(id: .integer(number)))
    client.holdLints(false)
    await #expect(throws: ResponseError.requestCancelled) { try await client.response(to: id, as: Hover?.self) }
    let symbols = try await client.request(
      "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: uri)), as: [DocumentSymbol].self)
    #expect(!symbols.isEmpty)
  }

  @Test("a request answers for the text it was sent against, even when an edit follows at once")
  func snapshot() async throws {
    let client = TestClient(debounce: .fixed(.seconds(30)))
    try await client.initialize(pull: true)
    let uri = "file:///long.md"
    await client.open(uri, "共计××万元\n" + Self.longDocument)
    client.holdLints(true)
    let id = await client.startRequest(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: uri)))
    await client.change(uri, version: 2, [.init(range: range(0, 2, 4), text: "5")])
    client.holdLints(false)
    let report = try await client.response(to: id, as: DocumentDiagnosticReport.self)
    guard case .full(_, let items) = report else {
      Issue.record("expected a full report")
      return
    }
    #expect(items.contains { $0.code == .string("text/placeholder") && $0.range == range(0, 2, 4) })
  }
}

@Suite("Rule fixes as code actions")
struct RuleFixTests {
  @Test("text/template-residue offers its preferred fix as a quickfix")
  func templateResidue() async throws {
    let client = TestClient()
    try await client.initialize()
    let uri = "file:///residue.md"
    await client.open(uri, "2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加（减少）327.51 万元，增长 21.35%。")
    let published = try await client.diagnostics(for: uri, version: 1)
    let diagnostic = try #require(published.diagnostics.first { $0.code == .string("text/template-residue") })
    #expect(diagnostic.range == range(0, 33, 39))
    let actions = try await client.request(
      "textDocument/codeAction", CodeActionParams(textDocument: .init(uri: uri), range: range(0, 35, 35)),
      as: [CodeAction].self)
    let preferred = try #require(actions.first { $0.isPreferred == true })
    #expect(preferred.kind == "quickfix")
    #expect(preferred.edit?.changes?[uri]?.first?.newText == "增加")
    #expect(actions.last { $0.kind == "quickfix" }?.title == "忽略此行的 text/template-residue")
  }
}
