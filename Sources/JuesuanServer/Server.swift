package import Foundation
package import JSONRPC
package import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

/// The language server: one actor owning the open documents, the negotiated settings and the
/// configuration. Messages go in through `handle(_:)` in the order they were read; everything
/// the server says goes out through `send` as an encoded JSON body.
///
/// Text synchronisation is handled in order on the actor. Linting runs off the actor, after an
/// edit's debounce (`Debounce`; a newer edit cancels the stale wait; a result for an outdated
/// version is not published), and requests that need findings (pull diagnostics, code actions,
/// hover, outline, inlay hints) are answered against the text as it was when they arrived, as
/// soon as its lint is ready, so a slow lint never blocks edits and `$/cancelRequest` can still
/// cancel them.
package actor Server {
  /// Tunables, mostly for tests.
  package struct Options: Sendable {
    /// The wait between an edit and its lint.
    package var debounce: Debounce
    /// Also write log lines to stderr (besides `window/logMessage`).
    package var logsToStandardError: Bool
    /// Look for `.juesuan.json` upward from each `file:` document.
    package var readsConfigurationFiles: Bool
    /// The subject catalogue for hover and completion (and the rules).
    package var catalogue: SubjectCatalogue
    /// Called after each `publishDiagnostics` with the URI and version, and whether the
    /// diagnostics are all of that version's (false: those of a file's first report, published
    /// while the rest is checked), for benchmarks.
    package var publishObserver: (@Sendable (_ uri: String, _ version: Int, _ complete: Bool) -> Void)?
    /// Awaited before each lint starts (tests use it to hold a lint back).
    package var beforeLint: (@Sendable () async -> Void)?

    package init(
      debounce: Debounce = .adaptive(maximum: .milliseconds(150)), logsToStandardError: Bool = true,
      readsConfigurationFiles: Bool = true,
      catalogue: SubjectCatalogue = .bundled,
      publishObserver: (@Sendable (_ uri: String, _ version: Int, _ complete: Bool) -> Void)? = nil
    ) {
      self.debounce = debounce
      self.logsToStandardError = logsToStandardError
      self.readsConfigurationFiles = readsConfigurationFiles
      self.catalogue = catalogue
      self.publishObserver = publishObserver
      self.beforeLint = nil
    }
  }

  enum Phase {
    case uninitialized, running, shutDown, exited
  }

  /// What a request the server sent to the client was for.
  enum PendingRequest {
    case configuration
    case ignored
  }

  let options: Options
  let send: @Sendable (Data) -> Void
  var phase = Phase.uninitialized
  /// Set by `exit`: 0 after `shutdown`, 1 otherwise.
  package internal(set) var exitCode: Int32?
  var encoding = PositionEncoding.utf16
  var clientCapabilities = ClientCapabilities()
  var usesPullDiagnostics = false
  /// The `DiagnosticTag`s of each rule's findings that the client shows (it is sent no others).
  var diagnosticTags: [String: [Int]] = [:]
  var trace = "off"
  var documents: [String: Document] = [:]
  /// The lint each document waits for after its latest edit (then publishes, for a push client).
  var scheduledLints: [String: Task<Void, Never>] = [:]
  var nextGeneration = 0
  /// The `juesuan` settings from initializationOptions, didChangeConfiguration or
  /// workspace/configuration (the latest wins).
  var settings: [String: LSPAny] = [:]
  var configurationGeneration = 0
  var configurationFileCache: [String: ConfigurationFile?] = [:]
  var catalogueCache: [String: SubjectCatalogue] = [:]
  /// Configuration problems already shown with `window/showMessage`.
  var shownConfigurationProblems: Set<String> = []
  /// The workspace root (from `rootUri`), for relative catalogue paths.
  var rootPath: String?
  /// Requests waiting for a lint, by id; cancelling one answers it with RequestCancelled.
  var requestsInFlight: [RequestID: Task<Void, Never>] = [:]
  /// The lint running for each document, shared by the push run and the requests that need it.
  var runningLints: [String: RunningLint] = [:]
  /// The lint a finished lint replaced while requests of a pull client waited for it: freed once
  /// one of them has been answered, not before (`finish`).
  var retiredLint: Document.CachedLint?
  /// For each document just opened whose whole lint is not in yet, what lets its first report's
  /// diagnostics be published from the lint's own thread meanwhile.
  var leadingPublishes: [String: LeadingPublish] = [:]
  var nextRequestNumber = 0
  var pendingRequests: [RequestID: PendingRequest] = [:]

  package init(options: Options = Options(), send: @escaping @Sendable (Data) -> Void) {
    self.options = options
    self.send = send
  }

  /// True once `shutdown` was answered.
  package var hasShutDown: Bool { phase == .shutDown || exitCode == 0 }

  /// The current text of an open document (for tests and tools), nil when it is not open.
  package func text(ofDocument uri: String) -> String? { documents[uri]?.source.string }

  /// The current version of an open document.
  package func version(ofDocument uri: String) -> Int? { documents[uri]?.version }

  /// Reads one framed body and handles it.
  package func handle(body: [UInt8]) {
    handle(IncomingMessage(body: body))
  }

  /// Logs a header problem of the transport; the reader has already resynchronised.
  package func handleMalformedFrame(_ reason: String) {
    log(.warning, "报文头无效，已跳过：\(reason)")
  }

  /// Handles one message.
  package func handle(_ message: IncomingMessage) {
    guard phase != .exited else { return }
    switch message {
    case .request(let id, let method, let params):
      trace("收到请求 \(method)（\(id)）")
      handleRequest(id: id, method: method, params: params)
    case .notification(let method, let params):
      if method != "$/setTrace" { trace("收到通知 \(method)") }
      handleNotification(method: method, params: params)
    case .response(let id, let result):
      handleResponse(id: id, result: result)
    case .invalid(let id, let error):
      log(.warning, "无法处理的报文（\(error.code)）：\(error.message)")
      send(OutgoingMessage.error(id: id, error))
    }
  }

  private func handleRequest(id: RequestID, method: String, params: Payload) {
    switch phase {
    case .uninitialized where method != "initialize":
      send(OutgoingMessage.error(id: id, .serverNotInitialized))
      return
    case .shutDown:
      send(OutgoingMessage.error(id: id, .invalidRequest("服务器已关闭（shutdown 之后只接受 exit）")))
      return
    case .running where method == "initialize":
      send(OutgoingMessage.error(id: id, .invalidRequest("initialize 只能调用一次")))
      return
    default:
      break
    }
    do throws(ResponseError) {
      if let response = try response(id: id, method: method, params: params) { send(response) }
    } catch {
      if error.code != ResponseError.methodNotFound(method).code {
        log(.warning, "\(method) 失败：\(error.message)")
      }
      send(OutgoingMessage.error(id: id, error))
    }
  }

  /// The response to a request, or nil when it will be sent once the document's lint is ready.
  private func response(id: RequestID, method: String, params: Payload) throws(ResponseError) -> Data? {
    switch method {
    case "initialize":
      return OutgoingMessage.response(id: id, result: initialize(try params.decode(InitializeParams.self)))
    case "shutdown":
      shutDown()
      return OutgoingMessage.response(id: id, result: LSPAny.null)
    case "textDocument/diagnostic":
      let request = try params.decode(DocumentDiagnosticParams.self)
      return try answer(.diagnostic(request), id: id, uri: request.textDocument.uri)
    case "textDocument/codeAction":
      let request = try params.decode(CodeActionParams.self)
      return try answer(.codeAction(request), id: id, uri: request.textDocument.uri)
    case "textDocument/hover":
      let request = try params.decode(TextDocumentPositionParams.self)
      return try answer(.hover(request), id: id, uri: request.textDocument.uri)
    case "textDocument/documentSymbol":
      let request = try params.decode(TextDocumentParams.self)
      return try answer(.documentSymbol, id: id, uri: request.textDocument.uri)
    case "textDocument/inlayHint":
      let request = try params.decode(InlayHintParams.self)
      return try answer(.inlayHint(request), id: id, uri: request.textDocument.uri)
    case "textDocument/completion":
      return OutgoingMessage.response(id: id, result: try completion(try params.decode()))
    default:
      throw .methodNotFound(method)
    }
  }

  private func handleNotification(method: String, params: Payload) {
    if method == "exit" {
      exit()
      return
    }
    guard phase == .running else {
      log(.log, "忽略通知 \(method)：服务器\(phase == .shutDown ? "已关闭" : "尚未初始化")")
      return
    }
    do throws(ResponseError) {
      switch method {
      case "initialized": initialized()
      case "$/cancelRequest": cancelRequest(try params.decode())
      case "$/setTrace": trace = try params.decode(SetTraceParams.self).value
      case "textDocument/didOpen": didOpen(try params.decode())
      case "textDocument/didChange": didChange(try params.decode())
      case "textDocument/didClose": didClose(try params.decode())
      case "textDocument/didSave": didSave(try params.decode())
      case "workspace/didChangeConfiguration": didChangeConfiguration(try params.decode())
      default: log(.log, "忽略未实现的通知 \(method)")
      }
    } catch {
      log(.warning, "\(method) 的参数无效：\(error.message)")
    }
  }

  private func handleResponse(id: RequestID, result: Result<Payload, ResponseError>) {
    guard let pending = pendingRequests.removeValue(forKey: id) else {
      log(.log, "收到未知请求 \(id) 的响应")
      return
    }
    switch (pending, result) {
    case (.configuration, .success(let payload)):
      guard let items = try? payload.decode([LSPAny].self), let first = items.first else {
        log(.warning, "workspace/configuration 的结果无法读取")
        return
      }
      if case .object(let section) = first {
        updateSettings(section)
      } else if first == .null, !settings.isEmpty {
        updateSettings([:])
      }
    case (.configuration, .failure(let error)):
      log(.warning, "workspace/configuration 失败：\(error.message)")
    case (.ignored, .failure(let error)):
      log(.log, "客户端拒绝了请求 \(id)：\(error.message)")
    case (.ignored, .success):
      break
    }
  }

  /// Sends a request to the client; its response is routed by `pending`.
  func sendRequest(_ method: String, params: (some Encodable)?, pending: PendingRequest) {
    nextRequestNumber += 1
    let id = RequestID.string("juesuan-\(nextRequestNumber)")
    pendingRequests[id] = pending
    if let params {
      send(OutgoingMessage.request(id: id, method: method, params: params))
    } else {
      send(OutgoingMessage.request(id: id, method: method))
    }
  }

  /// Sends a notification to the client.
  func sendNotification(_ method: String, params: some Encodable) {
    send(OutgoingMessage.notification(method: method, params: params))
  }

  /// Sends a notification whose params write their own JSON.
  func sendNotification(_ method: String, writing params: some JSONWritable) {
    send(OutgoingMessage.notification(method: method, writing: params))
  }

  /// `window/logMessage` levels.
  enum LogLevel: Int {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
  }

  /// Sends `$/logTrace` when the client asked for tracing with `$/setTrace` or `initialize`.
  func trace(_ message: String) {
    guard trace != "off", phase == .running else { return }
    sendNotification("$/logTrace", params: ["message": message])
  }

  /// Logs to stderr (unless disabled) and to the client's log.
  func log(_ level: LogLevel, _ message: String) {
    if options.logsToStandardError { StandardError.write("[juesuan] \(message)") }
    guard phase != .exited else { return }
    sendNotification("window/logMessage", params: LogMessageParams(type: level.rawValue, message: message))
  }
}
