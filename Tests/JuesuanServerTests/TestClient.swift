import Foundation
import JSONRPC
import JuesuanCatalogue
import JuesuanServer
import LanguageServerProtocol
import Synchronization
import Testing

/// An in-process client: sends JSON bodies to a `Server` and collects everything it sends back.
final class TestClient: Sendable {
  let server: Server
  private let outbox: Outbox
  private let counter = Mutex(0)

  private final class Outbox: Sendable {
    /// Each message as sent, and decoded once.
    let messages = Mutex<[(data: Data, json: LSPAny)]>([])
    /// Each publish as the server reported it (`Server.Options.publishObserver`), in order: false
    /// for the diagnostics of a file's first report alone, sent while the rest was checked.
    let publishes = Mutex<[(uri: String, version: Int, complete: Bool)]>([])
  }

  private let gate: LintGate

  private final class LintGate: Sendable {
    let isHolding = Mutex(false)
    let started = Mutex(0)
  }

  /// How many lints have started (skipped ones never start).
  var lintsStarted: Int { gate.started.withLock { $0 } }

  init(
    catalogue: SubjectCatalogue = SubjectCatalogue(entries: []), debounce: Debounce = .fixed(.milliseconds(1)),
    readsConfigurationFiles: Bool = false
  ) {
    let outbox = Outbox()
    self.outbox = outbox
    let gate = LintGate()
    self.gate = gate
    var options = Server.Options(
      debounce: debounce, logsToStandardError: false, readsConfigurationFiles: readsConfigurationFiles,
      catalogue: catalogue,
      publishObserver: { uri, version, complete in outbox.publishes.withLock { $0.append((uri, version, complete)) } })
    options.beforeLint = {
      gate.started.withLock { $0 += 1 }
      while gate.isHolding.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(1)) }
    }
    server = Server(
      options: options,
      send: { data in
        let json = (try? JSONDecoder().decode(LSPAny.self, from: data)) ?? .null
        outbox.messages.withLock { $0.append((data, json)) }
      })
  }

  /// While held, every lint waits before it starts.
  func holdLints(_ hold: Bool) {
    gate.isHolding.withLock { $0 = hold }
  }

  /// Initializes with the given client capabilities and sends `initialized`.
  @discardableResult
  func initialize(
    pull: Bool = false, encodings: [String]? = nil, configurationRequests: Bool = false, options: LSPAny? = nil,
    diagnosticTags: [Int]? = nil
  ) async throws -> InitializeResult {
    var general: [String: LSPAny] = [:]
    if let encodings { general["positionEncodings"] = .array(encodings.map(LSPAny.string)) }
    var textDocument: [String: LSPAny] = [:]
    if pull { textDocument["diagnostic"] = .object([:]) }
    if let diagnosticTags {
      textDocument["publishDiagnostics"] = .object([
        "tagSupport": .object(["valueSet": .array(diagnosticTags.map(LSPAny.int))])
      ])
    }
    let capabilities = ClientCapabilities(
      general: .object(general),
      textDocument: .object(textDocument),
      workspace: .object(["configuration": .bool(configurationRequests)]))
    let result = try await request(
      "initialize", InitializeParams(processId: nil, capabilities: capabilities, initializationOptions: options),
      as: InitializeResult.self)
    await notify("initialized", LSPAny.object([:]))
    return result
  }

  /// Sends a request and returns its decoded result, or throws its error.
  func request<Result: Decodable>(_ method: String, _ params: some Encodable, as: Result.Type) async throws -> Result {
    let id = await startRequest(method, params)
    return try await response(to: id, as: Result.self)
  }

  /// Sends a request without waiting for its response.
  func startRequest(_ method: String, _ params: some Encodable) async -> RequestID {
    let number = counter.withLock { value -> Int in
      value += 1
      return value
    }
    let body = OutgoingMessage.request(id: .number(number), method: method, params: params)
    await server.handle(body: Array(body))
    return .number(number)
  }

  /// Waits (up to 5 s) for the response to `id` and decodes it.
  func response<Result: Decodable>(to id: RequestID, as: Result.Type) async throws -> Result {
    try await waitUntil { response(to: id) != nil }
    guard let reply = response(to: id) else { throw ResponseError.internalError("no response") }
    return try reply.get().decode(Result.self)
  }

  /// Sends a notification.
  func notify(_ method: String, _ params: some Encodable) async {
    await server.handle(body: Array(OutgoingMessage.notification(method: method, params: params)))
  }

  /// Sends raw bytes as one message body.
  func sendRaw(_ text: String) async {
    await server.handle(body: Array(text.utf8))
  }

  /// Every message the server sent, as JSON values.
  var sent: [LSPAny] {
    outbox.messages.withLock { $0.map(\.json) }
  }

  /// The bytes of the response to request `id`, as sent.
  func responseBytes(to id: RequestID) -> Data? {
    outbox.messages.withLock { $0.map(\.data) }.first { data in
      if case .response(id, _) = IncomingMessage(body: Array(data)) { return true }
      return false
    }
  }

  /// The response to request `id`, if sent.
  func response(to id: RequestID) -> Swift.Result<Payload, ResponseError>? {
    for data in outbox.messages.withLock({ $0.map(\.data) }) {
      if case .response(id, let result) = IncomingMessage(body: Array(data)) { return result }
    }
    return nil
  }

  /// The error responses with a null id.
  var errorsWithoutID: [Int] {
    sent.compactMap { message in
      guard message["id"] == .null, let code = message["error"]?["code"]?.intValue else { return nil }
      return code
    }
  }

  /// The params of every notification `method` sent so far.
  func notifications(_ method: String) -> [LSPAny] {
    sent.filter { $0["method"]?.stringValue == method && $0["id"] == nil }.compactMap { $0["params"] }
  }

  /// Waits (up to 5 s) until `condition` holds.
  func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<1000 {
      if condition() { return }
      try await Task.sleep(for: .milliseconds(5))
    }
    Issue.record("timed out")
  }

  /// Whether each publish so far held all the diagnostics of its version (false: those of a
  /// file's first report alone, sent while the rest was checked), in order.
  func publishesComplete(for uri: String) -> [Bool] {
    outbox.publishes.withLock { $0.filter { $0.uri == uri }.map(\.complete) }
  }

  /// Waits (up to 5 s) for all the diagnostics of `uri` at `version` (not those of its first
  /// report alone, published while the rest is checked).
  func diagnostics(for uri: String, version: Int) async throws -> PublishDiagnosticsParams {
    for _ in 0..<1000 {
      let complete = outbox.publishes.withLock { $0.contains { $0.uri == uri && $0.version == version && $0.complete } }
      for params in notifications("textDocument/publishDiagnostics").reversed()
      where complete && params["uri"]?.stringValue == uri && params["version"]?.intValue == version {
        let data = try OutgoingMessage.makeEncoder().encode(params)
        return try JSONDecoder().decode(PublishDiagnosticsParams.self, from: data)
      }
      try await Task.sleep(for: .milliseconds(5))
    }
    throw ResponseError.internalError("no diagnostics for \(uri) version \(version)")
  }

  /// Pulls the diagnostics of `uri`: the request's id and the full report's result id and items
  /// (an `unchanged` answer is an issue, with no items).
  func pullDiagnostics(_ uri: String) async throws -> (id: RequestID, resultID: String?, items: [Diagnostic]) {
    let id = await startRequest("textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: uri)))
    let report = try await response(to: id, as: DocumentDiagnosticReport.self)
    guard case .full(let resultID, let items) = report else {
      Issue.record("expected a full report, got \(report)")
      return (id, nil, [])
    }
    return (id, resultID, items)
  }

  func open(_ uri: String, _ text: String, version: Int = 1) async {
    await notify(
      "textDocument/didOpen",
      DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "markdown", version: version, text: text)))
  }

  func change(_ uri: String, version: Int, _ changes: [TextDocumentContentChangeEvent]) async {
    await notify(
      "textDocument/didChange",
      DidChangeTextDocumentParams(textDocument: .init(uri: uri, version: version), contentChanges: changes))
  }
}

/// A draft of `samples/` (clean.md, defective.md).
func sample(_ name: String) throws -> String {
  let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")
  return try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
}

/// A range on one line.
func range(_ line: Int, _ start: Int, _ end: Int) -> PositionRange {
  PositionRange(start: Position(line: line, character: start), end: Position(line: line, character: end))
}

/// A range across lines.
func range(_ startLine: Int, _ start: Int, to endLine: Int, _ end: Int) -> PositionRange {
  PositionRange(start: Position(line: startLine, character: start), end: Position(line: endLine, character: end))
}
