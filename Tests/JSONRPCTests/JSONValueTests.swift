import Foundation
import JSONRPC
import JuesuanTestSupport
import LanguageServerProtocol
import Testing

/// `JSONReader` + `JSONValueDecoder`, which read every message, against Foundation's
/// `JSONDecoder`, which they replace: the same values, the same refusals.
@Suite("Reading JSON messages")
struct JSONValueTests {
  /// What decoding `text` as `T` gives: the value, or nil when it fails.
  static func ours<T: Decodable>(_ text: String, as type: T.Type) -> T?? {
    guard let value = JSONValue(parsing: text) else { return .some(nil) }
    return .some(try? JSONValueDecoder().decode(T.self, from: value))
  }

  static func foundation<T: Decodable>(_ text: String, as type: T.Type) -> T?? {
    .some(try? JSONDecoder().decode(T.self, from: Data(text.utf8)))
  }

  /// A lone surrogate escape is refused by `JSONDecoder` and read as U+FFFD by `JSONReader`.
  static func hasSurrogateEscape(_ text: String) -> Bool {
    text.lowercased().contains(#"\ud8"#) || text.lowercased().contains(#"\ud9"#)
      || text.lowercased().contains(#"\uda"#) || text.lowercased().contains(#"\udb"#)
      || text.lowercased().contains(#"\udc"#) || text.lowercased().contains(#"\udd"#)
      || text.lowercased().contains(#"\ude"#) || text.lowercased().contains(#"\udf"#)
  }

  /// A number with a fraction or exponent that a `Double` does not hold exactly (more than 15
  /// digits, or an exponent of three digits): `JSONDecoder` reads it as an integer through a
  /// `Double` ("922337203685477580.7" → 922337203685477580, "1e-400" → 0), `JSONValueDecoder`
  /// exactly (a fraction is refused).
  static func hasInexactNumber(_ text: String) -> Bool {
    for token in text.split(whereSeparator: { !"0123456789.eE+-".contains($0) }) {
      guard token.contains(where: { ".eE".contains($0) }) else { continue }
      let parts = token.split(whereSeparator: { "eE".contains($0) })
      if (parts.first?.filter(\.isNumber).count ?? 0) > 15 { return true }
      if parts.count > 1, (parts.last?.filter(\.isNumber).count ?? 0) >= 3 { return true }
    }
    return false
  }

  @Test("random values decode to what JSONDecoder makes of them, as any type a handler asks for")
  func randomValues() async {
    await FuzzBudget(defaultIterations: 3000).run("json-values") { seed in
      var json = RandomJSON(seed: seed)
      let text = json.space() + json.value(depth: 4) + json.space()
      guard !Self.hasSurrogateEscape(text), !Self.hasInexactNumber(text) else { return }
      #expect(Self.ours(text, as: LSPAny.self) == Self.foundation(text, as: LSPAny.self), "\(text.debugDescription)")
      #expect(
        Self.ours(text, as: [LSPAny].self) == Self.foundation(text, as: [LSPAny].self), "\(text.debugDescription)")
      #expect(
        Self.ours(text, as: [String: LSPAny].self) == Self.foundation(text, as: [String: LSPAny].self),
        "\(text.debugDescription)")
      #expect(Self.ours(text, as: Int.self) == Self.foundation(text, as: Int.self), "\(text.debugDescription)")
      #expect(Self.ours(text, as: UInt8.self) == Self.foundation(text, as: UInt8.self), "\(text.debugDescription)")
      #expect(Self.ours(text, as: Double.self) == Self.foundation(text, as: Double.self), "\(text.debugDescription)")
      #expect(Self.ours(text, as: String.self) == Self.foundation(text, as: String.self), "\(text.debugDescription)")
      #expect(Self.ours(text, as: Bool?.self) == Self.foundation(text, as: Bool?.self), "\(text.debugDescription)")
      #expect(
        Self.ours(text, as: RequestID.self) == Self.foundation(text, as: RequestID.self), "\(text.debugDescription)")
    }
  }

  @Test("LSP params decode, or fail, as with JSONDecoder")
  func params() async {
    await FuzzBudget(defaultIterations: 2000).run("json-params") { seed in
      var json = RandomJSON(seed: seed)
      let uri = json.random.pick([#""file:///a.md""#, "1", "null", #""中文""#])
      let line = json.random.pick(["0", "3", "-1", "1.0", "2.5", #""1""#, "1e2", "99999999999999999999"])
      let character = json.random.pick(["0", "7", "null", "true"])
      let position =
        json.random.chance(1, in: 8) ? json.value(depth: 1) : #"{"line":\#(line),"character":\#(character)}"#
      let text =
        #"{"textDocument":{"uri":\#(uri),"version":\#(line)},"position":\#(position),"#
        + #""contentChanges":[{"range":{"start":\#(position),"end":\#(position)},"text":\#(json.string().json)}],"#
        + #""extra":\#(json.value(depth: 2))}"#
      guard !Self.hasSurrogateEscape(text), !Self.hasInexactNumber(text) else { return }
      func same<T: Decodable>(_ type: T.Type) -> Bool {
        let ours = Self.ours(text, as: T.self).flatMap { $0 } != nil
        let theirs = Self.foundation(text, as: T.self).flatMap { $0 } != nil
        return ours == theirs
      }
      #expect(same(TextDocumentPositionParams.self), "\(text)")
      #expect(same(DidChangeTextDocumentParams.self), "\(text)")
      #expect(same(InitializeParams.self), "\(text)")
      #expect(same(CodeActionParams.self), "\(text)")
      #expect(same(CancelParams.self), "\(text)")
    }
  }

  @Test("mangled texts: what is read reads as with JSONDecoder, what it refuses is refused")
  func mangled() async {
    await FuzzBudget(defaultIterations: 3000).run("json-mangled") { seed in
      var json = RandomJSON(seed: seed)
      var bytes = Array(json.value(depth: 3).utf8)
      for _ in 0..<Int.random(in: 1...4, using: &json.random) where !bytes.isEmpty {
        let position = Int.random(in: 0..<bytes.count, using: &json.random)
        let byte = json.random.pick(Array(#"{}[]:,"\ 0-.eE+tfn1"#.utf8) + [0x09, 0x0A, 0x01])
        switch Int.random(in: 0..<3, using: &json.random) {
        case 0: bytes[position] = byte
        case 1: bytes.insert(byte, at: position)
        default: bytes.remove(at: position)
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      guard !Self.hasSurrogateEscape(text), !Self.hasInexactNumber(text) else { return }
      // What we read, JSONDecoder reads the same; what it refuses, we refuse. JSONDecoder also
      // accepts texts whose faults lie in values it never decodes (the second value of a repeated
      // key: `{"a":1,"a":1+2}`); they are not JSON, and we refuse them.
      let ours = Self.ours(text, as: LSPAny.self).flatMap { $0 }
      let theirs = Self.foundation(text, as: LSPAny.self).flatMap { $0 }
      if let ours { #expect(ours == theirs, "\(text.debugDescription)") }
      if theirs == nil { #expect(ours == nil, "\(text.debugDescription)") }
    }
  }

  @Test("numbers: integers from whole fractions and exponents, out-of-range values refused")
  func numbers() throws {
    let wholes = [("1.0", 1), ("1e2", 100), ("-1.0e1", -10), ("0.1e1", 1), ("-0", 0), ("1200e-2", 12), ("0e99999", 0)]
    for (text, expected) in wholes + [("-9223372036854775.8e3", -9_223_372_036_854_775_800)] {
      #expect(Self.ours(text, as: Int.self) == .some(expected), "\(text)")
    }
    for text in ["1.5", "9223372036854775808", "1e400", "1e19", "1234e-2", "922337203685477580.7", "true", #""1""#] {
      #expect(Self.ours(text, as: Int.self) == .some(nil), "\(text)")
    }
    #expect(Self.ours("256", as: UInt8.self) == .some(nil))
    #expect(Self.ours("1e400", as: Double.self) == .some(nil))
    let invalid = ["01", "1.", ".5", "+1", "-", "1e", "1 2", "", " ", "nul", "[1 2]", #"{"a" 1}"#, "\"a\u{1}b\""]
    for text in invalid + [#"{"a":1,"a":1+2}"#, "{\"a\":1,\"a\":\"\n\"}"] {
      #expect(JSONValue(parsing: text) == nil, "\(text.debugDescription)")
    }
  }

  @Test("a trailing comma is accepted and a repeated key means its first value, as JSONDecoder reads them")
  func lenience() {
    #expect(JSONValue(parsing: "[1,]") == .array([.number("1")]))
    #expect(Self.ours(#"{"a":1,"a":2,}"#, as: [String: Int].self) == .some(["a": 1]))
    let many = "{" + (0..<40).map { #""k\#($0 % 20)":\#($0)"# }.joined(separator: ",") + "}"
    #expect(Self.ours(many, as: [String: Int].self) == Self.foundation(many, as: [String: Int].self))
  }

  @Test("nesting deeper than 512 levels is refused; 500 levels are read")
  func depth() {
    #expect(JSONValue(parsing: String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) != nil)
    #expect(JSONValue(parsing: String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) == nil)
    #expect(
      JSONValue(parsing: String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)) == nil)
  }

  @Test("a large string with many escapes is read whole")
  func largeString() throws {
    let line = "第一部分 部门概况\t“三公”经费 1,234.56 万元 \\ \"引号\" 😀\r"
    let text = String(repeating: line + "\n", count: 5000)
    let body = try String(decoding: JSONEncoder().encode(text), as: UTF8.self)
    #expect(Self.ours(body, as: String.self) == .some(text))
  }

  @Test("a quote, backslash or control character is found at every place in a word of eight bytes")
  func specialByteAtEveryOffset() {
    // Runs of CJK (three bytes) and ASCII around the byte, so that it falls at each offset of the
    // words the run scan reads, after bytes of every kind (0x80 and above, 0x20 itself, 0x7F).
    let specials = [#"\""#, #"\\"#, #"\n"#, #"\t"#, #"\u0001"#, "\u{1}", "\u{1F}", "\"", "\n"]
    for prefix in ["", "a", "ab", "汉", "a汉", " \u{7F}", "ab汉c", "预算数a"] {
      for repeatCount in 0..<4 {
        for special in specials {
          let text = "\"" + String(repeating: prefix, count: repeatCount) + special + "尾\""
          #expect(
            Self.ours(text, as: String.self) == Self.foundation(text, as: String.self), "\(text.debugDescription)")
        }
      }
    }
  }
}
