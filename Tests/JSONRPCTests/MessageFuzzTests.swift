import Foundation
import JSONRPC
import JuesuanTestSupport
import LanguageServerProtocol
import Testing

/// What `IncomingMessage(body:)` made of a body, as a plain comparable value.
enum Classification: Equatable {
  case request(RequestID, String, hasParams: Bool)
  case notification(String, hasParams: Bool)
  case response(RequestID, isError: Bool)
  case invalid(RequestID?, code: Int)

  init(_ message: IncomingMessage) {
    switch message {
    case .request(let id, let method, let params): self = .request(id, method, hasParams: params.isPresent)
    case .notification(let method, let params): self = .notification(method, hasParams: params.isPresent)
    case .response(let id, let result):
      if case .failure = result { self = .response(id, isError: true) } else { self = .response(id, isError: false) }
    case .invalid(let id, let error): self = .invalid(id, code: error.code)
    }
  }
}

extension RandomJSON {
  /// A JSON-RPC envelope with random (often wrong) members in random order, and the classification
  /// JSON-RPC 2.0 gives it.
  mutating func envelope() -> (text: String, expected: Classification) {
    let version = random.pick([nil, #""2.0""#, #""2.0""#, #""1.0""#, "2", "null", #""2.0 ""#])
    let id = id()
    let method = method()
    let params = random.chance(1, in: 2) ? value() : nil
    let result = random.chance(1, in: 4) ? value() : nil
    let error =
      random.chance(1, in: 6)
      ? random.pick([#"{"code":-32601,"message":"x"}"#, "{}", "3", "null", #"{"code":"a","message":1}"#]) : nil
    var members: [(key: String, json: String?)] = [
      ("jsonrpc", version), ("id", id.json), ("method", method.json), ("params", params), ("result", result),
      ("error", error),
    ]
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      members.append((random.pick(["ID", "Method", "Params", "jsonRPC", "x-extra", ""]), value(depth: 1)))
    }
    members.shuffle(using: &random)
    let text =
      space() + "{"
      + members.compactMap { key, json in json.map { space() + "\"\(key)\"" + space() + ":" + space() + $0 + space() } }
      .joined(separator: ",") + "}"
    return (
      text,
      Self.classify(
        version: version, id: id.field, method: method.field, params: params, response: result, error: error)
    )
  }

  /// The oracle: JSON-RPC 2.0's reading of an object with these members.
  static func classify(
    version: String?, id: Field<RequestID>, method: Field<String>, params: String?, response: String?, error: String?
  ) -> Classification {
    let readableID: RequestID? = if case .value(let value) = id { value } else { nil }
    if let version, version != #""2.0""# { return .invalid(readableID, code: -32600) }
    switch method {
    case .null, .invalid: return .invalid(readableID, code: -32600)
    case .value(let name):
      switch id {
      case .absent: return .notification(name, hasParams: params != nil)
      case .value(let value): return .request(value, name, hasParams: params != nil)
      case .null, .invalid: return .invalid(nil, code: -32600)
      }
    case .absent:
      guard let readableID, response != nil || error != nil else { return .invalid(readableID, code: -32600) }
      return .response(readableID, isError: error != nil)
    }
  }
}

@Suite("Fuzzing JSON-RPC message decoding")
struct MessageFuzzTests {
  /// Every params type a handler decodes must either decode or fail with invalidParams.
  static func decodeAsHandlersWould(_ payload: Payload) -> [Int] {
    var codes: [Int] = []
    func attempt<T: Decodable>(_ type: T.Type) {
      do { _ = try payload.decode(T.self) } catch { codes.append(error.code) }
    }
    attempt(InitializeParams.self)
    attempt(TextDocumentPositionParams.self)
    attempt(DidChangeTextDocumentParams.self)
    attempt(CodeActionParams.self)
    attempt(CancelParams.self)
    attempt(LSPAny.self)
    return codes
  }

  @Test("random envelopes are classified as JSON-RPC 2.0 says, and their params decode or fail with -32602")
  func envelopes() async {
    await FuzzBudget(defaultIterations: 3000).run("message-envelopes") { seed in
      var json = RandomJSON(seed: seed)
      let (text, expected) = json.envelope()
      let message = IncomingMessage(body: Array(text.utf8))
      #expect(Classification(message) == expected, "seed \(seed): \(text.debugDescription)")
      switch message {
      case .request(_, _, let params), .notification(_, let params), .response(_, .success(let params)):
        let codes = Self.decodeAsHandlersWould(params)
        #expect(codes.allSatisfy { $0 == -32602 }, "seed \(seed): \(text.debugDescription)")
        if params.isPresent, !json.usedUndecodableValue {
          #expect((try? params.decode(LSPAny.self)) != nil, "seed \(seed): \(text.debugDescription)")
        }
      default: break
      }
    }
  }

  @Test("truncated, non-UTF-8, non-object and mangled bodies get a parse or request error, never a crash")
  func brokenBodies() async {
    await FuzzBudget(defaultIterations: 3000).run("message-broken") { seed in
      var json = RandomJSON(seed: seed)
      var bytes = Array(json.envelope().text.utf8)
      let expected: Int?
      switch Int.random(in: 0..<4, using: &json.random) {
      case 0:
        bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &json.random)))
        expected = -32700
      case 1:
        let position = Int.random(in: 0...bytes.count, using: &json.random)
        bytes.insert(
          contentsOf: json.random.pick([[0xFF], [0xC0, 0x80], [0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80]]), at: position)
        expected = -32700
      case 2:
        // Valid JSON, but not an object: an Invalid Request, not a parse error.
        let wrapped = json.random.chance(1, in: 2)
        bytes = wrapped ? Array("[".utf8) + bytes + Array("]".utf8) : Array(json.value(depth: 0).utf8)
        expected = -32600
      default:
        for _ in 0..<Int.random(in: 1...8, using: &json.random) where !bytes.isEmpty {
          let position = Int.random(in: 0..<bytes.count, using: &json.random)
          bytes[position] = json.random.pick([
            0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, UInt8.random(in: 0...255, using: &json.random),
          ])
        }
        expected = nil
      }
      let message = IncomingMessage(body: bytes)
      if let expected { #expect(Classification(message) == .invalid(nil, code: expected), "seed \(seed)") }
      switch message {
      case .request(_, _, let params), .notification(_, let params), .response(_, .success(let params)):
        #expect(Self.decodeAsHandlersWould(params).allSatisfy { $0 == -32602 }, "seed \(seed)")
      default: break
      }
    }
  }

  /// A random JSON value for the outgoing side: any Unicode scalar in strings (controls, U+2028,
  /// quotes, backslashes, astral), integers of any size, sometimes doubles.
  static func outgoingValue(_ random: inout SeededGenerator, depth: Int = 3, doubles: Bool) -> LSPAny {
    switch Int.random(in: 0..<(depth > 0 ? 9 : 6), using: &random) {
    case 0: return random.pick([.null, .bool(true), .bool(false)])
    case 1: return .int(random.pick([0, -1, Int.max, Int.min, Int.random(in: Int.min...Int.max, using: &random)]))
    case 2 where doubles:
      return .double(random.pick([0.1, -2.5e-7, 1e300, 123456.789, Double.random(in: -1e6...1e6, using: &random)]))
    case 2, 3, 4, 5:
      let scalars = (0..<Int.random(in: 0...12, using: &random)).compactMap { _ -> Unicode.Scalar? in
        let ranges: [ClosedRange<UInt32>] = [
          0...0x7F, 0x80...0x7FF, 0x2028...0x2029, 0x4E00...0x9FFF, 0xE000...0x10FFFF,
        ]
        return Unicode.Scalar(UInt32.random(in: random.pick(ranges), using: &random))
      }
      var string = ""
      string.unicodeScalars.append(contentsOf: scalars)
      return .string(string)
    case 6:
      return .array(
        (0..<Int.random(in: 0...3, using: &random)).map { _ in
          outgoingValue(&random, depth: depth - 1, doubles: doubles)
        })
    default:
      var members: [String: LSPAny] = [:]
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        guard case .string(let key) = outgoingValue(&random, depth: 0, doubles: false) else { continue }
        members[key] = outgoingValue(&random, depth: depth - 1, doubles: doubles)
      }
      return .object(members)
    }
  }

  @Test("outgoing messages: the server's encoder writes what JSONEncoder writes, and it reads back")
  func outgoing() async {
    await FuzzBudget(defaultIterations: 2000).run("message-outgoing") { seed in
      var random = SeededGenerator(state: seed)
      let doubles = random.chance(1, in: 4)
      let value = Self.outgoingValue(&random, doubles: doubles)
      let reference = JSONEncoder()
      reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      guard let ours = try? OutgoingMessage.makeEncoder().encode(value), let theirs = try? reference.encode(value)
      else {
        Issue.record("seed \(seed): \(value) did not encode")
        return
      }
      let read = try? JSONDecoder().decode(LSPAny.self, from: ours)
      #expect(read != nil && read == (try? JSONDecoder().decode(LSPAny.self, from: theirs)), "seed \(seed)")
      if !doubles {
        #expect(ours == theirs, "seed \(seed): \(String(decoding: ours, as: UTF8.self).debugDescription)")
        #expect(read == value, "seed \(seed)")
      }
      let message = OutgoingMessage.notification(method: "textDocument/publishDiagnostics", params: value)
      guard case .notification("textDocument/publishDiagnostics", let params) = IncomingMessage(body: Array(message))
      else {
        Issue.record("seed \(seed): the notification does not read back")
        return
      }
      if !doubles { #expect((try? params.decode(LSPAny.self)) == value, "seed \(seed)") }
    }
  }
}
