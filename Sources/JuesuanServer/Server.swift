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
/// Requests are answered synchronously and in order, so a request always sees every edit sent
/// before it. Push diagnostics are linted off the actor after a debounce; a newer edit cancels the
/// stale run, and a result for an outdated version is dropped.
package actor Server {
  /// Tunables, mostly for tests.
  package struct Options: Sendable {
    /// Delay between the last edit and the push lint.
    package var debounce: Duration
    /// Also write log lines to stderr (besides `window/logMessage`).
    package var logsToStandardError: Bool
    /// Look for `.juesuan.json` upward from each `file:` document.
    package var readsConfigurationFiles: Bool
    /// The subject catalogue for hover and completion (and the rules).
    package var catalogue: SubjectCatalogue

    package init(
      debounce: Duration = .milliseconds(150), logsToStandardError: Bool = true, readsConfigurationFiles: Bool = true,
      catalogue: SubjectCatalogue = .bundled
    ) {
      self.debounce = debounce
      self.logsToStandardError = logsToStandardError
      self.readsConfigurationFiles = readsConfigurationFiles
      self.catalogue = catalogue
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
  var trace = "off"
  var documents: [String: Document] = [:]
  var pushTasks: [String: Task<Void, Never>] = [:]
  var nextGeneration = 0
  /// The `juesuan` settings from initializationOptions, didChangeConfiguration or
  /// workspace/configuration (the latest wins).
  var settings: [String: LSPAny] = [:]
  var configurationGeneration = 0
  var configurationFileCache: [String: ConfigurationFile?] = [:]
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
      handleRequest(id: id, method: method, params: params)
    case .notification(let method, let params):
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
      send(try response(id: id, method: method, params: params))
    } catch {
      if error.code != ResponseError.methodNotFound(method).code {
        log(.warning, "\(method) 失败：\(error.message)")
      }
      send(OutgoingMessage.error(id: id, error))
    }
  }

  private func response(id: RequestID, method: String, params: Payload) throws(ResponseError) -> Data {
    switch method {
    case "initialize":
      return OutgoingMessage.response(id: id, result: initialize(try params.decode(InitializeParams.self)))
    case "shutdown":
      shutDown()
      return OutgoingMessage.response(id: id, result: LSPAny.null)
    case "textDocument/diagnostic":
      return OutgoingMessage.response(id: id, result: try diagnosticReport(try params.decode()))
    case "textDocument/codeAction":
      return OutgoingMessage.response(id: id, result: codeActions(try params.decode()))
    case "textDocument/hover":
      return OutgoingMessage.response(id: id, result: hover(try params.decode()))
    case "textDocument/documentSymbol":
      let request = try params.decode(TextDocumentParams.self)
      return OutgoingMessage.response(id: id, result: documentSymbols(uri: request.textDocument.uri))
    case "textDocument/completion":
      return OutgoingMessage.response(id: id, result: completion(try params.decode()))
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

  /// `window/logMessage` levels.
  enum LogLevel: Int {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
  }

  /// Logs to stderr (unless disabled) and to the client's log.
  func log(_ level: LogLevel, _ message: String) {
    if options.logsToStandardError { StandardError.write("[juesuan] \(message)") }
    guard phase != .exited else { return }
    sendNotification("window/logMessage", params: LogMessageParams(type: level.rawValue, message: message))
  }
}
