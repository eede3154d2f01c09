internal import Foundation
internal import JSONRPC
internal import JuesuanRules
internal import LanguageServerProtocol

/// A lint in progress for one version of a document under one configuration.
struct RunningLint: Sendable {
  var generation: Int
  var configurationGeneration: Int
  /// Nil when the lint was skipped because the document changed before it could start.
  var task: Task<TimedLint?, Never>
}

/// A finished lint and how long it took (`Debounce` weighs it against the pauses between edits).
struct TimedLint: Sendable {
  var result: LintResult
  var duration: Duration
}

/// A document as a request saw it, with the lint of exactly that text.
struct Snapshot: Sendable {
  var document: Document
  var configurationGeneration: Int
  var result: LintResult
}

/// A request that needs the findings of a document.
enum LintRequest: Sendable {
  case diagnostic(DocumentDiagnosticParams)
  case codeAction(CodeActionParams)
  case hover(TextDocumentPositionParams)
  case documentSymbol
  case inlayHint(InlayHintParams)
}

extension Server {
  /// Answers `request` now when the document's lint is current (returning the response), or later
  /// from a task that waits for the lint of the text as it is now (returning nil); ContentModified
  /// when that lint was skipped because newer text arrived first. A document that is not open is
  /// RequestFailed; an ignored one (`ignore` globs) gets the empty answer without being linted.
  func answer(_ request: LintRequest, id: RequestID, uri: String) throws(ResponseError) -> Data? {
    guard let document = documents[uri] else { throw Self.notOpen(uri) }
    if isIgnored(uri) { return Self.emptyAnswer(to: request, id: id) }
    let configurationGeneration = configurationGeneration
    if let result = cachedLint(of: document) {
      let snapshot = Snapshot(document: document, configurationGeneration: configurationGeneration, result: result)
      return answer(request, id: id, snapshot: snapshot)
    }
    let lint = runningLint(of: document)
    requestsInFlight[id] = Task {
      let finished = await lint.value
      let replaced = store(
        finished, uri: uri, generation: document.generation, configurationGeneration: configurationGeneration)
      defer {
        withExtendedLifetime(replaced) {}
        retiredLint = nil
      }
      guard requestsInFlight.removeValue(forKey: id) != nil, phase != .exited else { return }
      guard let result = finished?.result else {
        send(OutgoingMessage.error(id: id, .contentModified))
        return
      }
      let snapshot = Snapshot(document: document, configurationGeneration: configurationGeneration, result: result)
      send(answer(request, id: id, snapshot: snapshot))
    }
    return nil
  }

  private func answer(_ request: LintRequest, id: RequestID, snapshot: Snapshot) -> Data {
    switch request {
    case .diagnostic(let params):
      diagnosticAnswer(params, id: id, snapshot: snapshot)
    case .codeAction(let params):
      OutgoingMessage.response(id: id, result: codeActions(params, snapshot))
    case .hover(let params):
      OutgoingMessage.response(id: id, result: hover(params, snapshot))
    case .documentSymbol:
      OutgoingMessage.response(id: id, result: documentSymbols(snapshot))
    case .inlayHint(let params):
      OutgoingMessage.response(id: id, result: inlayHints(params, snapshot))
    }
  }

  private static func emptyAnswer(to request: LintRequest, id: RequestID) -> Data {
    switch request {
    case .diagnostic: OutgoingMessage.response(id: id, result: DocumentDiagnosticReport.full(resultId: nil, items: []))
    case .codeAction: OutgoingMessage.response(id: id, result: [CodeAction]())
    case .hover: OutgoingMessage.response(id: id, result: Hover?.none)
    case .documentSymbol: OutgoingMessage.response(id: id, result: [DocumentSymbol]())
    case .inlayHint: OutgoingMessage.response(id: id, result: [InlayHint]())
    }
  }

  /// RequestFailed for a request about a document the client has not opened (or has closed).
  static func notOpen(_ uri: String) -> ResponseError {
    .requestFailed("文档未打开：\(uri)（请先发送 textDocument/didOpen）")
  }
}
