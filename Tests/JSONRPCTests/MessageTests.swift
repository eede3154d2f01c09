import Foundation
import JSONRPC
import Testing

@Suite("JSON-RPC messages")
struct MessageTests {
  private static func message(_ text: String) -> IncomingMessage { IncomingMessage(body: Array(text.utf8)) }

  private static func errorCode(_ message: IncomingMessage) -> Int? {
    if case .invalid(_, let error) = message { return error.code }
    return nil
  }

  @Test("requests, notifications and responses are told apart")
  func classification() throws {
    guard
      case .request(.number(7), "shutdown", let params) = Self.message(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#)
    else {
      Issue.record("not a request")
      return
    }
    #expect(!params.isPresent)
    guard case .notification("initialized", _) = Self.message(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    else {
      Issue.record("not a notification")
      return
    }
    guard case .response(.string("a"), .success(let result)) = Self.message(#"{"jsonrpc":"2.0","id":"a","result":[1]}"#)
    else {
      Issue.record("not a response")
      return
    }
    #expect(try result.decode([Int].self) == [1])
  }

  @Test("bodies that are not JSON, not UTF-8, or not requests get the right error code")
  func errors() {
    #expect(Self.errorCode(Self.message("{not json")) == -32700)
    #expect(Self.errorCode(IncomingMessage(body: [0x7B, 0x22, 0xFF, 0x22, 0x7D])) == -32700)
    #expect(Self.errorCode(Self.message("[1,2]")) == -32600)
    #expect(Self.errorCode(Self.message(#"{"jsonrpc":"2.0","id":1}"#)) == -32600)
    #expect(Self.errorCode(Self.message(#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)) == -32600)
    #expect(Self.errorCode(Self.message(#"{"jsonrpc":"1.0","id":1,"method":"x"}"#)) == -32600)
    #expect(Self.errorCode(Self.message(#"{"jsonrpc":"2.0","id":1,"method":3}"#)) == -32600)
  }

  @Test("a body that is not UTF-8 says so, in a plain or an escaped string, and a valid one still reads")
  func invalidUTF8() throws {
    func reason(_ body: [UInt8]) -> String? {
      if case .invalid(_, let error) = IncomingMessage(body: body) { return error.message }
      return nil
    }
    let prefix = Array(#"{"jsonrpc":"2.0","method":"x","params":{"text":""#.utf8)
    let suffix = Array(#""}}"#.utf8)
    // A lone continuation byte, then a truncated three-byte sequence after an escape.
    #expect(reason(prefix + [0x61, 0x80, 0x62] + suffix) == "报文体不是有效的 UTF-8")
    #expect(reason(prefix + Array(#"a\nb"#.utf8) + [0xE4, 0xB8] + suffix) == "报文体不是有效的 UTF-8")
    #expect(reason(prefix + Array(#"a\n决算"#.utf8)) == "报文体不是有效的 JSON")
    guard case .notification("x", let params) = IncomingMessage(body: prefix + Array(#"决算\n合计"#.utf8) + suffix) else {
      Issue.record("not a notification")
      return
    }
    #expect(try params.decode([String: String].self) == ["text": "决算\n合计"])
  }

  @Test("params of the wrong shape are invalidParams")
  func invalidParams() {
    struct Expected: Decodable { var uri: String }
    guard case .request(_, _, let params) = Self.message(#"{"jsonrpc":"2.0","id":1,"method":"m","params":{"uri":3}}"#)
    else {
      Issue.record("not a request")
      return
    }
    #expect(throws: ResponseError.self) { try params.decode(Expected.self) }
    do {
      _ = try params.decode(Expected.self)
    } catch {
      #expect(error.code == -32602)
    }
  }

  @Test("outgoing messages encode exactly")
  func outgoing() {
    #expect(
      String(decoding: OutgoingMessage.response(id: .number(1), result: [String: Int]?.none), as: UTF8.self)
        == #"{"id":1,"jsonrpc":"2.0","result":null}"#)
    #expect(
      String(decoding: OutgoingMessage.error(id: nil, .parseError("x")), as: UTF8.self)
        == #"{"error":{"code":-32700,"message":"x"},"id":null,"jsonrpc":"2.0"}"#)
    #expect(
      String(decoding: OutgoingMessage.notification(method: "a/b", params: ["k": "v"]), as: UTF8.self)
        == #"{"jsonrpc":"2.0","method":"a/b","params":{"k":"v"}}"#)
    #expect(
      String(decoding: OutgoingMessage.request(id: .string("s"), method: "m"), as: UTF8.self)
        == #"{"id":"s","jsonrpc":"2.0","method":"m"}"#)
  }
}
