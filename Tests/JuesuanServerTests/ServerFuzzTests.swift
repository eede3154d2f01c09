import Foundation
import JSONRPC
import JuesuanTestSupport
import LanguageServerProtocol
import Testing

/// Random LSP sessions: documents with hostile text, edits at random (often impossible) positions,
/// every request the server implements, cancellations, settings, malformed bodies, sometimes a
/// shutdown. The server must answer every request exactly once and keep serving.
private struct RandomSession {
  var random: SeededGenerator
  var nextID = 0
  /// Requests sent, by id.
  var requests: [RequestID] = []
  var didShutDown = false

  static let uris = ["file:///a.md", "file:///b.md"]
  static let texts = [
    "共计××万元\r\n说明", "\u{FEFF}第一部分 概况\r一、职责\r\r\n共计XX万元\0",
    "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t30.00\t20.00\t\n201\t一般公共服务支出\t25.00\t1,2,3\t-\n20101\t人大事务\t１２３.４５\t—\t\n",
    "| 项目 | 金额 |\n| --- | ---: |\n| 合计 | 30.00 |\n| 工资 | 10.00 |\n| 津贴 | 15.00 |\n",
    "<!-- juesuan-disable text/placeholder -->\n××\n<!-- juesuan-enable",
    "𠀀😀说明\n😀𠀀××万元", "", "\n\n\n", "增长100%，较上年减少（3.20）万元，主要原因是〔2024〕",
  ]
  static let pieces = ["", "×", "××", "\n", "\r\n", "\r", "😀", "1", "0.00", "\t", " | ", "合计", "\0", "\u{FFFD}"]

  init(seed: UInt64) {
    random = SeededGenerator(state: seed)
  }

  mutating func number(_ typical: ClosedRange<Int>) -> Int {
    switch Int.random(in: 0..<20, using: &random) {
    case 0: return Int.max
    case 1: return Int.min
    case 2: return -1
    default: return Int.random(in: typical, using: &random)
    }
  }

  mutating func position() -> Position { Position(line: number(0...6), character: number(0...24)) }

  mutating func range() -> PositionRange { PositionRange(start: position(), end: position()) }

  mutating func uri() -> String { Self.uris.randomElement(using: &random) ?? "" }

  mutating func text() -> String {
    if Int.random(in: 0..<3, using: &random) == 0 { return Self.texts.randomElement(using: &random) ?? "" }
    return (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }
      .joined()
  }

  private mutating func request(_ client: TestClient, _ method: String, _ params: some Encodable) async {
    requests.append(await client.startRequest(method, params))
  }

  /// Sends one random message.
  mutating func step(_ client: TestClient) async {
    let document = TextDocumentIdentifier(uri: uri())
    switch Int.random(in: 0..<16, using: &random) {
    case 0, 1:
      let item = TextDocumentItem(uri: document.uri, languageId: "markdown", version: number(0...9), text: text())
      await client.notify("textDocument/didOpen", DidOpenTextDocumentParams(textDocument: item))
    case 2, 3, 4:
      let changes = (0..<Int.random(in: 1...3, using: &random)).map { _ in
        Int.random(in: 0..<6, using: &random) == 0
          ? TextDocumentContentChangeEvent(text: text()) : TextDocumentContentChangeEvent(range: range(), text: text())
      }
      await client.change(document.uri, version: number(0...20), changes)
    case 5: await client.notify("textDocument/didClose", TextDocumentParams(textDocument: document))
    case 6:
      await request(
        client, "textDocument/hover", TextDocumentPositionParams(textDocument: document, position: position()))
    case 7: await request(client, "textDocument/codeAction", CodeActionParams(textDocument: document, range: range()))
    case 8: await request(client, "textDocument/documentSymbol", TextDocumentParams(textDocument: document))
    case 9: await request(client, "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: document))
    case 10:
      await request(
        client, "textDocument/completion", TextDocumentPositionParams(textDocument: document, position: position()))
    case 11:
      if let id = requests.randomElement(using: &random), case .number(let number) = id {
        await client.notify("$/cancelRequest", CancelParams(id: .integer(number)))
      }
    case 12:
      let severity: LSPAny = ["off", "hint", "loud", 3, .null].randomElement(using: &random) ?? .null
      await client.notify(
        "workspace/didChangeConfiguration",
        DidChangeConfigurationParams(settings: ["juesuan": ["rules": ["text/placeholder": severity]]]))
    case 13:
      await client.notify("textDocument/didSave", DidSaveTextDocumentParams(textDocument: document))
    case 14:
      await client.sendRaw(
        [
          #"{"jsonrpc":"2.0","id":null,"method":"textDocument/hover","params":{}}"#, "{", "[]",
          #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.md"},"contentChanges":[{"range":{"start":{"line":1e400,"character":0},"end":{"line":0,"character":0}},"text":"x"}]}}"#,
          #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///b.md","languageId":"x","version":1,"text":"\ud800××"}}}"#,
        ].randomElement(using: &random) ?? "")
    default:
      if Int.random(in: 0..<8, using: &random) == 0 {
        await request(client, "shutdown", LSPAny.null)
        didShutDown = true
      } else {
        await request(client, "no/such/method", LSPAny.object([:]))
      }
    }
  }
}

@Suite("Fuzzing the server with random sessions")
struct ServerFuzzTests {
  @Test("random sessions: every request is answered exactly once, and the server keeps serving")
  func sessions() async {
    await FuzzBudget(defaultIterations: 40).run("server-sessions") { seed in
      var session = RandomSession(seed: seed)
      let client = TestClient()
      do {
        try await client.initialize(pull: Bool.random(using: &session.random))
        for _ in 0..<Int.random(in: 5...25, using: &session.random) { await session.step(client) }
        let requests = session.requests
        try await client.waitUntil { requests.allSatisfy { client.response(to: $0) != nil } }
        for id in requests {
          let answers = client.sent.filter { $0["method"] == nil && $0["id"] == Self.json(id) }
          #expect(answers.count == 1, "seed \(seed): request \(id) answered \(answers.count) times")
        }
        await client.open("file:///final.md", "第一部分 概况\n共计××万元")
        let final = await client.startRequest(
          "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: "file:///final.md")))
        try await client.waitUntil { client.response(to: final) != nil }
        if case .failure(let error) = client.response(to: final) {
          #expect(session.didShutDown && error.code == -32600, "seed \(seed): \(error)")
        }
      } catch {
        Issue.record("seed \(seed): \(error)")
      }
    }
  }

  private static func json(_ id: RequestID) -> LSPAny {
    switch id {
    case .number(let number): .int(number)
    case .string(let string): .string(string)
    }
  }
}
