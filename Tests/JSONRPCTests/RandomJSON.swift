import JSONRPC
import JuesuanTestSupport

/// Random JSON texts for the fuzz harnesses: hostile but valid values, and JSON-RPC envelopes whose
/// correct classification is known in advance.
struct RandomJSON {
  var random: SeededGenerator
  /// Set when a value used a number no Swift type holds (`1e400`, 20 digits): such params may
  /// legitimately fail to decode even as `LSPAny`.
  var usedUndecodableValue = false

  init(seed: UInt64) {
    random = SeededGenerator(state: seed)
  }

  /// String pieces as written in JSON, and as decoded. A lone surrogate escape reads as U+FFFD
  /// (`IncomingMessage` repairs it); no piece starts with a low half, so pieces never pair up.
  static let stringPieces: [(json: String, decoded: String?)] = [
    ("", ""), ("a", "a"), ("initialize", "initialize"), ("textDocument/hover", "textDocument/hover"), ("中文", "中文"),
    ("😀", "😀"), (#"\u0000"#, "\u{0}"), (#"\ud83d\ude00"#, "😀"), (#"\n\t\r"#, "\n\t\r"), (#"\""#, "\""),
    (#"\\"#, "\\"), (#"\/"#, "/"), (#"\u00e9"#, "é"), ("\u{FEFF}", "\u{FEFF}"),
    (#"Content-Length: 3\r\n\r\n"#, "Content-Length: 3\r\n\r\n"), (#"\ud800"#, "\u{FFFD}"), (#"x\udc00"#, "x\u{FFFD}"),
  ]

  /// A JSON string literal and the Swift string it decodes to (nil when it holds a lone surrogate).
  mutating func string() -> (json: String, decoded: String?) {
    var json = "\""
    var decoded: String? = ""
    for _ in 0..<Int.random(in: 0...4, using: &random) {
      let piece = random.pick(Self.stringPieces)
      json += piece.json
      decoded = piece.decoded.flatMap { next in decoded.map { $0 + next } }
    }
    if decoded == nil { usedUndecodableValue = true }
    return (json + "\"", decoded)
  }

  /// Whitespace JSON allows between tokens, usually none.
  mutating func space() -> String {
    random.chance(1, in: 4) ? random.pick([" ", "\n", "\r\n", "\t", "  \n  "]) : ""
  }

  /// Any JSON value, nested up to `depth` levels.
  mutating func value(depth: Int = 3) -> String {
    switch Int.random(in: 0..<(depth > 0 ? 10 : 7), using: &random) {
    case 0: return random.pick(["null", "true", "false"])
    case 1: return String(Int.random(in: Int.min...Int.max, using: &random))
    case 2:
      return random.pick(["0", "-0", "1.5", "-2.25e-3", "1E+2", "0.1", "9223372036854775807", "-9223372036854775808"])
    case 3:
      usedUndecodableValue = true
      return random.pick(["1e400", "-1e400", "99999999999999999999", "1e-400", "123456789012345678901234567890.5"])
    case 4, 5, 6: return string().json
    case 7:
      let count = Int.random(in: 0...3, using: &random)
      return "[" + (0..<count).map { _ in space() + value(depth: depth - 1) + space() }.joined(separator: ",") + "]"
    default:
      let count = Int.random(in: 0...3, using: &random)
      let members = (0..<count).map { _ in string().json + space() + ":" + space() + value(depth: depth - 1) }
      return "{" + members.joined(separator: ",") + "}"
    }
  }

  /// A member of an envelope: its JSON text (nil when absent) and what the decoder should make of it.
  enum Field<Value: Equatable>: Equatable {
    case absent, null, invalid
    case value(Value)
  }

  mutating func id() -> (json: String?, field: Field<RequestID>) {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return (nil, .absent)
    case 1: return ("null", .null)
    case 2, 3:
      let number = Int.random(in: Int.min...Int.max, using: &random)
      return (String(number), .value(.number(number)))
    case 4:
      let number = random.pick([0, 1, 7, 2_147_483_648, Int.max, Int.min])
      return (String(number), .value(.number(number)))
    case 5, 6:
      let string = string()
      return (string.json, string.decoded.map { .value(.string($0)) } ?? .invalid)
    default:
      return (random.pick(["1.5", "true", "[]", "{}", "[1]", "1e400", "99999999999999999999", #"{"id":1}"#]), .invalid)
    }
  }

  mutating func method() -> (json: String?, field: Field<String>) {
    switch Int.random(in: 0..<8, using: &random) {
    case 0: return (nil, .absent)
    case 1: return ("null", .null)
    case 2: return (random.pick(["3", "{}", "[]", "true", #"["initialize"]"#]), .invalid)
    default:
      let string = string()
      return (string.json, string.decoded.map { .value($0) } ?? .invalid)
    }
  }
}
