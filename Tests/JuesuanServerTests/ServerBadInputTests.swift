import Foundation
import JSONRPC
import JuesuanCatalogue
import JuesuanServer
import LanguageServerProtocol
import Testing

/// What a confused or hostile client can send: the server answers or errors, never crashes or
/// hangs, and the next request still works. (Past-the-end and inverted single edits, unknown
/// documents, malformed bodies, BOM / NUL / lone CR documents: DiagnosticsTests, LifecycleTests,
/// TextSyncPropertyTests.)
@Suite("Bad input over LSP: the server answers or errors, and keeps serving")
struct ServerBadInputTests {
  private static let uri = "file:///bad.md"

  /// A pull diagnostic request on a fresh document is answered with its placeholder finding.
  private static func stillServes(_ client: TestClient) async throws {
    let uri = "file:///alive-\(UUID().uuidString).md"
    await client.open(uri, "共计××万元。")
    let report = try await client.request(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: uri)),
      as: DocumentDiagnosticReport.self)
    guard case .full(_, let items) = report else {
      Issue.record("expected a full report")
      return
    }
    #expect(items.map(\.code) == [.string("text/placeholder")])
  }

  /// The error code of request `id`'s response (nil when it succeeded or never came).
  private static func errorCode(_ client: TestClient, _ id: RequestID) async throws -> Int? {
    try await client.waitUntil { client.response(to: id) != nil }
    if case .failure(let error) = client.response(to: id) { return error.code }
    return nil
  }

  @Test("overlapping, inverted and past-the-end changes in one notification apply in order")
  func overlappingChanges() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.open(Self.uri, "abcdef\n123")
    await client.change(
      Self.uri, version: 2,
      [
        .init(range: range(0, 1, 4), text: "XY"),  // aXYef\n123
        .init(range: range(0, 2, to: 1, 1), text: ""),  // overlaps the first: aX23
        .init(range: range(0, 3, to: 0, 1), text: "—"),  // inverted: a—3
        .init(range: range(5, 0, to: 9, 9), text: "!"),  // past the end: a—3!
        .init(range: range(0, 0, 0), rangeLength: 99, text: ""),  // a rangeLength that lies is ignored
      ])
    #expect(await client.server.text(ofDocument: Self.uri) == "a—3!")
    #expect(await client.server.version(ofDocument: Self.uri) == 2)
    try await Self.stillServes(client)
  }

  @Test("positions at the limits of Int clamp; numbers beyond Int are invalid params")
  func extremePositions() async throws {
    let client = TestClient(catalogue: SubjectCatalogue(entries: []))
    try await client.initialize(pull: true)
    await client.open(Self.uri, "第一行\n共计××万元")
    let everything = PositionRange(
      start: Position(line: Int.min, character: Int.min), end: Position(line: Int.max, character: Int.max))
    await client.change(Self.uri, version: 2, [.init(range: everything, rangeLength: -1, text: "全文")])
    #expect(await client.server.text(ofDocument: Self.uri) == "全文")
    for position in [Position(line: Int.max, character: Int.max), Position(line: Int.min, character: -1)] {
      let hover = try await client.request(
        "textDocument/hover", TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: position),
        as: Hover?.self)
      #expect(hover == nil)
    }
    let beyond = #"{"line":99999999999999999999,"character":1e400}"#
    await client.sendRaw(
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(Self.uri)","version":3},"#
        + #""contentChanges":[{"range":{"start":\#(beyond),"end":\#(beyond)},"text":"x"}]}}"#)
    #expect(await client.server.text(ofDocument: Self.uri) == "全文")
    await client.sendRaw(
      #"{"jsonrpc":"2.0","id":"big","method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"#
        + #""position":\#(beyond)}}"#)
    #expect(try await Self.errorCode(client, .string("big")) == -32602)
    try await Self.stillServes(client)
  }

  @Test("ids, methods and params of the wrong type are answered with errors, and serving goes on")
  func wrongTypes() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    for body in [
      #"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}"#,
      #"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","id":null,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","id":true,"method":7}"#,
    ] {
      await client.sendRaw(body)
    }
    #expect(client.errorsWithoutID == [-32600, -32600, -32600, -32600])
    for (index, params) in [#"[1,2]"#, #""text""#, #"{"textDocument":{"uri":7},"position":{}}"#, "null"].enumerated() {
      await client.sendRaw(#"{"jsonrpc":"2.0","id":"p\#(index)","method":"textDocument/hover","params":\#(params)}"#)
      #expect(try await Self.errorCode(client, .string("p\(index)")) == -32602, "params \(params)")
    }
    await client.sendRaw(#"{"jsonrpc":"2.0","id":"none","method":"textDocument/hover"}"#)
    #expect(try await Self.errorCode(client, .string("none")) == -32602)
    #expect(await client.server.hasShutDown == false)
    try await Self.stillServes(client)
  }

  @Test("didChange of a closed document is ignored: no text, no diagnostics; reopening works")
  func changeAfterClose() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "共计××万元")
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    await client.notify("textDocument/didClose", TextDocumentParams(textDocument: .init(uri: Self.uri)))
    let publishedBefore = client.notifications("textDocument/publishDiagnostics").count
    await client.change(Self.uri, version: 2, [.init(range: range(0, 0, 0), text: "××")])
    await client.change(Self.uri, version: 3, [.init(text: "全文××")])
    #expect(await client.server.text(ofDocument: Self.uri) == nil)
    // A request on it is answered: null, or RequestFailed (document not open).
    let hover = await client.startRequest(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 2)))
    try await client.waitUntil { client.response(to: hover) != nil }
    switch client.response(to: hover) {
    case .success(let payload): #expect(try payload.decode(Hover?.self) == nil)
    case .failure(let error): #expect(error.code == -32803)
    case nil: Issue.record("no answer")
    }
    try await Task.sleep(for: .milliseconds(50))
    #expect(client.notifications("textDocument/publishDiagnostics").count == publishedBefore)
    await client.open(Self.uri, "说明：××", version: 7)
    let published = try await client.diagnostics(for: Self.uri, version: 7)
    #expect(published.diagnostics.map(\.code) == [.string("text/placeholder")])
  }

  @Test("after shutdown every request is an invalid request with its id, notifications are ignored; exit is 0")
  func afterShutdown() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.open(Self.uri, "共计××万元")
    _ = try await client.request("shutdown", LSPAny?.none, as: LSPAny?.self)
    let requests: [(String, LSPAny)] = [
      ("shutdown", .null), ("initialize", .object(["capabilities": .object([:])])),
      ("textDocument/hover", .object(["textDocument": .object(["uri": .string(Self.uri)])])),
      ("textDocument/diagnostic", .object(["textDocument": .object(["uri": .string(Self.uri)])])),
      ("no/such/method", .object([:])),
    ]
    for (method, params) in requests {
      let id = await client.startRequest(method, params)
      #expect(try await Self.errorCode(client, id) == -32600, "\(method)")
    }
    await client.open("file:///late.md", "××")
    await client.change(Self.uri, version: 2, [.init(text: "全文")])
    #expect(await client.server.text(ofDocument: "file:///late.md") == nil)
    #expect(await client.server.text(ofDocument: Self.uri) == "共计××万元")
    await client.notify("exit", LSPAny?.none)
    #expect(await client.server.exitCode == 0)
    let late = await client.startRequest("shutdown", LSPAny?.none)
    try await Task.sleep(for: .milliseconds(20))
    #expect(client.response(to: late) == nil, "nothing is answered after exit")
  }

  @Test("a document of one 1 MB line: edits and completion at column 600 000 are answered at once")
  func megabyteLine() async throws {
    // Pull diagnostics, and no diagnostic request for this document: it is never linted here
    // (linting a 1 MB line takes seconds in a debug build; RobustnessTests covers that).
    let client = TestClient(
      catalogue: SubjectCatalogue(entries: [
        .init(
          code: "201", name: "一般公共服务支出", classification: .function, level: .category, editions: 2018...2025, source: "t"
        )
      ]))
    try await client.initialize(pull: true)
    let line = String(repeating: "支出", count: 500_000)
    await client.open(Self.uri, line)
    await client.change(Self.uri, version: 2, [.init(range: range(0, 600_000, 600_002), text: "××201")])
    let text = try #require(await client.server.text(ofDocument: Self.uri))
    #expect(text.count == 1_000_003)
    #expect(text.dropFirst(600_000).hasPrefix("××201支出"))
    let list = try await client.request(
      "textDocument/completion",
      TextDocumentPositionParams(textDocument: .init(uri: Self.uri), position: .init(line: 0, character: 600_005)),
      as: CompletionList.self)
    #expect(list.items.map(\.label) == ["201 一般公共服务支出"])
    await client.notify("textDocument/didClose", TextDocumentParams(textDocument: .init(uri: Self.uri)))
    try await Self.stillServes(client)
  }

  @Test("a lone surrogate in a document's JSON text is repaired to U+FFFD: the document opens")
  func loneSurrogate() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.sendRaw(
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(Self.uri)","#
        + #""languageId":"markdown","version":1,"text":"共计\ud800××万元"}}}"#)
    let text = await client.server.text(ofDocument: Self.uri)
    #expect(text == "共计\u{FFFD}××万元")
    try await Self.stillServes(client)
  }
}
