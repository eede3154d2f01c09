import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("ignore globs")
struct IgnoreTests {
  private static let ignored = "file:///work/drafts/old.md"
  private static let linted = "file:///work/final/report.md"
  private static let text = "共计××万元"

  private static func placeholders(_ diagnostics: [Diagnostic]) -> Int {
    diagnostics.count { $0.code == .string("text/placeholder") }
  }

  @Test("a document matching an ignore glob is not linted and gets an empty list; dropping the glob lints it")
  func push() async throws {
    let client = TestClient()
    try await client.initialize(options: ["juesuan": ["ignore": ["drafts/**"]]])
    await client.open(Self.ignored, Self.text)
    await client.open(Self.linted, Self.text)
    #expect(try await client.diagnostics(for: Self.ignored, version: 1).diagnostics == [])
    #expect(Self.placeholders(try await client.diagnostics(for: Self.linted, version: 1).diagnostics) == 1)
    #expect(client.lintsStarted == 1)
    await client.change(Self.ignored, version: 2, [.init(range: range(0, 0, 0), text: "合计")])
    #expect(try await client.diagnostics(for: Self.ignored, version: 2).diagnostics == [])
    #expect(client.lintsStarted == 1)
    await client.notify(
      "workspace/didChangeConfiguration", DidChangeConfigurationParams(settings: ["juesuan": ["ignore": []]]))
    try await client.waitUntil {
      client.notifications("textDocument/publishDiagnostics").contains {
        $0["uri"]?.stringValue == Self.ignored && $0["diagnostics"] != .array([])
      }
    }
    #expect(Self.placeholders(try await client.diagnostics(for: Self.ignored, version: 2).diagnostics) == 1)
  }

  @Test("pulled diagnostics, hover and inlay hints of an ignored document are empty")
  func pull() async throws {
    let client = TestClient()
    try await client.initialize(pull: true, options: ["juesuan": ["ignore": ["*.md"]]])
    await client.open(Self.ignored, Self.text)
    let report = try await client.request(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: Self.ignored)),
      as: DocumentDiagnosticReport.self)
    #expect(report == .full(resultId: nil, items: []))
    let hover = try await client.request(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: Self.ignored), position: .init(line: 0, character: 3)),
      as: Hover?.self)
    #expect(hover == nil)
    #expect(client.lintsStarted == 0)
    await client.open("untitled:Untitled-1", Self.text)
    let untitled = try await client.request(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: "untitled:Untitled-1")),
      as: DocumentDiagnosticReport.self)
    guard case .full(_, let items) = untitled else {
      Issue.record("expected a full report, got \(untitled)")
      return
    }
    #expect(Self.placeholders(items) == 1)
  }

  @Test("globs of .juesuan.json are relative to its folder")
  func configurationFile() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-ignore-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for folder in ["old", "new"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    // The second glob names the folder holding .juesuan.json: it matches no path relative to it.
    let configuration = #"{"ignore":["old/*.md","\#(root.lastPathComponent)/**"]}"#
    try Data(configuration.utf8).write(to: root.appendingPathComponent(".juesuan.json"))
    let old = root.appendingPathComponent("old/draft.md").absoluteString
    let new = root.appendingPathComponent("new/draft.md").absoluteString
    let client = TestClient(readsConfigurationFiles: true)
    try await client.initialize()
    await client.open(old, Self.text)
    await client.open(new, Self.text)
    #expect(try await client.diagnostics(for: old, version: 1).diagnostics == [])
    #expect(Self.placeholders(try await client.diagnostics(for: new, version: 1).diagnostics) == 1)
  }
}

@Suite("RequestFailed")
struct RequestFailedTests {
  private static let uri = "file:///never-opened.md"

  /// The error a request got, nil when it succeeded.
  private static func error(_ client: TestClient, _ method: String, _ params: some Encodable) async throws
    -> ResponseError?
  {
    let id = await client.startRequest(method, params)
    try await client.waitUntil { client.response(to: id) != nil }
    guard case .failure(let error)? = client.response(to: id) else { return nil }
    return error
  }

  @Test("requests about a document that is not open fail with -32803 and say which document")
  func notOpen() async throws {
    let client = TestClient()
    try await client.initialize()
    let document = TextDocumentIdentifier(uri: Self.uri)
    let position = TextDocumentPositionParams(textDocument: document, position: .init(line: 0, character: 0))
    let errors = [
      try await Self.error(client, "textDocument/hover", position),
      try await Self.error(client, "textDocument/completion", position),
      try await Self.error(client, "textDocument/documentSymbol", TextDocumentParams(textDocument: document)),
      try await Self.error(client, "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: document)),
      try await Self.error(
        client, "textDocument/codeAction", CodeActionParams(textDocument: document, range: range(0, 0, 0))),
      try await Self.error(
        client, "textDocument/inlayHint", InlayHintParams(textDocument: document, range: range(0, 0, 0))),
    ]
    #expect(errors.map { $0?.code } == Array(repeating: -32803, count: 6))
    #expect(errors.allSatisfy { $0?.message.contains(Self.uri) == true })
  }

  @Test("after didClose the document's requests fail; while open they succeed")
  func afterClose() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "正文")
    let params = TextDocumentParams(textDocument: .init(uri: Self.uri))
    #expect(try await Self.error(client, "textDocument/documentSymbol", params) == nil)
    await client.notify("textDocument/didClose", params)
    #expect(try await Self.error(client, "textDocument/documentSymbol", params)?.code == -32803)
  }
}
