import Foundation

/// One decoded JSON-RPC message from the client, or the error to answer when it is not one.
package enum IncomingMessage: Sendable {
  case request(id: RequestID, method: String, params: Payload)
  case notification(method: String, params: Payload)
  /// The answer to a request the server sent (e.g. `workspace/configuration`).
  case response(id: RequestID, result: Result<Payload, ResponseError>)
  /// Not a usable message. Answer `error` (with `id`, null when it could not be read) unless the
  /// message was a notification.
  case invalid(id: RequestID?, error: ResponseError)

  /// Reads one framed body. Never throws: what cannot be read becomes `.invalid`.
  /// - Complexity: O(n) in the body.
  package init(body: [UInt8]) {
    // One pass over the body (`JSONReader`, which also reads a lone surrogate escape as U+FFFD);
    // the envelope and, later, the params are decoded from the values it made. The reader
    // validates the UTF-8 of every string, and JSON outside strings is ASCII, so a body it reads
    // is valid UTF-8: only one it cannot read is validated whole, to tell which error it is. (A
    // didOpen carries a whole document: validating it beforehand cost a copy of a megabyte.)
    let parsed = body.withUnsafeBufferPointer { bytes -> JSONValue? in try? JSONReader.value(of: bytes) }
    guard let parsed else {
      let isText = String(validating: body, as: UTF8.self) != nil
      self = .invalid(id: nil, error: .parseError(isText ? "报文体不是有效的 JSON" : "报文体不是有效的 UTF-8"))
      return
    }
    guard case .object(let object) = parsed, let envelope = try? JSONValueDecoder().decode(Envelope.self, from: parsed)
    else {
      self = .invalid(id: nil, error: .invalidRequest("报文体不是 JSON-RPC 对象"))
      return
    }
    self = Self.classify(envelope, object: object)
  }

  private static func classify(_ envelope: Envelope, object: JSONObject) -> IncomingMessage {
    let readableID: RequestID? =
      switch envelope.id {
      case .value(let id): id
      default: nil
      }
    if let version = envelope.version, version != "2.0" {
      return .invalid(id: readableID, error: .invalidRequest("jsonrpc 应为 \"2.0\""))
    }
    switch envelope.method {
    case .invalid, .null:
      return .invalid(id: readableID, error: .invalidRequest("method 应为字符串"))
    case .value(let method):
      let params = Payload(object["params"])
      switch envelope.id {
      case .absent: return .notification(method: method, params: params)
      case .value(let id): return .request(id: id, method: method, params: params)
      case .null, .invalid: return .invalid(id: nil, error: .invalidRequest("id 应为整数或字符串"))
      }
    case .absent:
      guard let id = readableID, envelope.hasResult || envelope.error != nil else {
        return .invalid(id: readableID, error: .invalidRequest("既不是请求、通知，也不是响应"))
      }
      if let error = envelope.error { return .response(id: id, result: .failure(error)) }
      return .response(id: id, result: .success(Payload(object["params"] ?? object["result"] ?? .null)))
    }
  }
}

/// The `params` of a request or notification, or the `result` of a response, decoded on demand
/// into the type its handler expects.
package struct Payload: Sendable {
  /// The member's value; nil when the message had no `params` member.
  private let value: JSONValue?

  init(_ value: JSONValue?) { self.value = value }

  /// False when the message had no `params` member.
  package var isPresent: Bool { value != nil }

  /// The payload as `T`; a shape mismatch is `invalidParams` (-32602). A missing payload decodes
  /// as `{}`, so types whose members are all optional accept it.
  package func decode<T: Decodable>(_ type: T.Type = T.self) throws(ResponseError) -> T {
    do {
      return try JSONValueDecoder().decode(T.self, from: value ?? .object(JSONObject()))
    } catch {
      throw .invalidParams("参数无效：\(Self.describe(error))")
    }
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return String(describing: error) }
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): context = found
    case .keyNotFound(let key, let found):
      return (found.codingPath + [key]).map(\.stringValue).dropFirst().joined(separator: ".") + " 缺失"
    @unknown default: return String(describing: error)
    }
    let path = context.codingPath.map(\.stringValue).dropFirst().joined(separator: ".")
    return path.isEmpty ? context.debugDescription : "\(path)：\(context.debugDescription)"
  }
}

/// The members that tell a request from a notification from a response; read leniently so that
/// only a non-object body fails to decode.
private struct Envelope: Decodable {
  enum Field<Value> {
    case absent, null, invalid
    case value(Value)
  }

  enum CodingKeys: String, CodingKey {
    case jsonrpc, id, method, params, result, error
  }

  var version: String?
  var id: Field<RequestID>
  var method: Field<String>
  var hasParams: Bool
  var hasResult: Bool
  var error: ResponseError?

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = container.contains(.jsonrpc) ? (try? container.decode(String.self, forKey: .jsonrpc)) ?? "?" : nil
    id = Self.field(RequestID.self, .id, in: container)
    method = Self.field(String.self, .method, in: container)
    hasParams = container.contains(.params)
    hasResult = container.contains(.result)
    error = container.contains(.error) ? try? container.decode(ResponseError.self, forKey: .error) : nil
    if container.contains(.error), error == nil { error = .internalError("客户端返回了无法读取的错误") }
  }

  private static func field<Value: Decodable>(
    _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
  ) -> Field<Value> {
    guard container.contains(key) else { return .absent }
    if (try? container.decodeNil(forKey: key)) == true { return .null }
    guard let value = try? container.decode(Value.self, forKey: key) else { return .invalid }
    return .value(value)
  }
}

/// Encodes the messages the server sends. Keys are sorted, so the output is deterministic.
package enum OutgoingMessage {
  /// A successful response; `result` may be an optional (nil encodes as `null`).
  package static func response(id: RequestID, result: some Encodable) -> Data {
    encode(Response(id: id, result: result, error: nil)) ?? error(id: id, .internalError("无法编码响应"))
  }

  /// A successful response whose result writes its own JSON, written straight into one buffer:
  /// the bytes `response(id:result:)` writes, without the encoder's copies of a large answer.
  package static func response(id: RequestID, writing result: some JSONWritable) -> Data {
    var out: [UInt8] = []
    out += #"{"id":"#.utf8
    switch id {
    case .number(let number): JSONOut.int(number, into: &out)
    case .string(let string): JSONOut.string(string, into: &out)
    }
    out += #","jsonrpc":"2.0","result":"#.utf8
    result.writeJSON(into: &out)
    out.append(0x7D)
    return Data(out)
  }

  /// An error response; `id` is null when the request's id could not be read.
  package static func error(id: RequestID?, _ error: ResponseError) -> Data {
    encode(Response<Int?>(id: id, result: nil, error: error)) ?? Data()
  }

  /// A notification.
  package static func notification(method: String, params: some Encodable) -> Data {
    encode(Call(id: nil, method: method, params: params)) ?? Data()
  }

  /// A notification whose params write their own JSON, written straight into one buffer: the
  /// bytes `notification(method:params:)` writes, without the encoder's copies of a large
  /// `publishDiagnostics`.
  package static func notification(method: String, writing params: some JSONWritable) -> Data {
    var out: [UInt8] = []
    out += #"{"jsonrpc":"2.0","method":"#.utf8
    JSONOut.string(method, into: &out)
    out += #","params":"#.utf8
    params.writeJSON(into: &out)
    out.append(0x7D)
    return Data(out)
  }

  /// A request from the server to the client.
  package static func request(id: RequestID, method: String, params: some Encodable) -> Data {
    encode(Call(id: id, method: method, params: params)) ?? Data()
  }

  /// A request from the server to the client without params.
  package static func request(id: RequestID, method: String) -> Data {
    encode(Call<Int>(id: id, method: method, params: nil)) ?? Data()
  }

  /// The encoder every message uses: sorted keys, `/` unescaped (`MessageEncoder`).
  package static func makeEncoder() -> MessageEncoder { MessageEncoder() }

  private static func encode(_ value: some Encodable) -> Data? {
    try? makeEncoder().encode(value)
  }

  private struct Response<Result: Encodable>: Encodable {
    var id: RequestID?
    var result: Result
    var error: ResponseError?

    enum CodingKeys: String, CodingKey {
      case jsonrpc, id, result, error
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode("2.0", forKey: .jsonrpc)
      if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
      if let error {
        try container.encode(error, forKey: .error)
      } else {
        try container.encode(result, forKey: .result)
      }
    }
  }

  private struct Call<Params: Encodable>: Encodable {
    var id: RequestID?
    var method: String
    var params: Params?

    enum CodingKeys: String, CodingKey {
      case jsonrpc, id, method, params
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode("2.0", forKey: .jsonrpc)
      try container.encodeIfPresent(id, forKey: .id)
      try container.encode(method, forKey: .method)
      try container.encodeIfPresent(params, forKey: .params)
    }
  }
}
