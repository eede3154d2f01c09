import JSONRPC
import Testing

/// A lone UTF-16 surrogate escape (half an emoji, as JavaScript editors can send) becomes U+FFFD
/// instead of making the whole message, and the document in it, unreadable.
@Suite("Lone surrogate escapes")
struct SurrogateTests {
  struct Params: Decodable { var text: String }

  static func text(of json: String) throws -> String {
    let body = Array(#"{"jsonrpc":"2.0","method":"m","params":{"text":"\#(json)"}}"#.utf8)
    guard case .notification(_, let params) = IncomingMessage(body: body) else {
      Issue.record("not read as a notification: \(json)")
      return ""
    }
    return try params.decode(Params.self).text
  }

  @Test("unpaired halves are replaced, pairs and other escapes kept")
  func repaired() throws {
    #expect(try Self.text(of: #"共计\ud800××"#) == "共计\u{FFFD}××")
    #expect(try Self.text(of: #"\uDC00末"#) == "\u{FFFD}末")
    #expect(try Self.text(of: #"\ud83d\ude00"#) == "😀")
    #expect(try Self.text(of: #"\ud83d\u0041"#) == "\u{FFFD}A")
    #expect(try Self.text(of: #"a\\ud800b"#) == #"a\ud800b"#, "an escaped backslash is not an escape")
    #expect(try Self.text(of: #"\"\ud800\""#) == "\"\u{FFFD}\"")
    #expect(try Self.text(of: #"end\ud800"#) == "end\u{FFFD}")
  }
}
