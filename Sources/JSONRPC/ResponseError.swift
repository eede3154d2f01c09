/// A JSON-RPC error object, with the codes of JSON-RPC 2.0 and the Language Server Protocol.
package struct ResponseError: Error, Hashable, Sendable, Codable {
  package var code: Int
  package var message: String

  package init(code: Int, message: String) {
    self.code = code
    self.message = message
  }

  /// -32700: the body is not JSON (or not UTF-8).
  package static func parseError(_ message: String) -> ResponseError { .init(code: -32700, message: message) }
  /// -32600: JSON, but not a JSON-RPC request (or not allowed in the server's state).
  package static func invalidRequest(_ message: String) -> ResponseError { .init(code: -32600, message: message) }
  /// -32601: no handler for the method.
  package static func methodNotFound(_ method: String) -> ResponseError {
    .init(code: -32601, message: "未实现的方法：\(method)")
  }
  /// -32602: the params do not have the expected shape.
  package static func invalidParams(_ message: String) -> ResponseError { .init(code: -32602, message: message) }
  /// -32603: the handler failed unexpectedly.
  package static func internalError(_ message: String) -> ResponseError { .init(code: -32603, message: message) }
  /// -32002: a request before `initialize`.
  package static let serverNotInitialized = ResponseError(code: -32002, message: "服务器尚未初始化")
  /// -32800: the client cancelled the request.
  package static let requestCancelled = ResponseError(code: -32800, message: "请求已取消")
  /// -32801: the document changed before the result could be computed; the client may retry.
  package static let contentModified = ResponseError(code: -32801, message: "文档已更改，请重试")
  /// -32803: the request was valid but could not be carried out.
  package static func requestFailed(_ message: String) -> ResponseError { .init(code: -32803, message: message) }
}
