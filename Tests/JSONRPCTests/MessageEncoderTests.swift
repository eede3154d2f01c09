import Foundation
import JSONRPC
import LanguageServerProtocol
import Testing

/// `MessageEncoder` (and the hand-written JSON of the diagnostic types) writes what
/// `JSONEncoder` with sorted keys writes.
@Suite("MessageEncoder")
struct MessageEncoderTests {
  static func foundation(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  static let diagnostic = Diagnostic(
    range: PositionRange(start: .init(line: 3, character: 7), end: .init(line: 3, character: 12)),
    severity: 1, code: .string("sum/column-total"),
    codeDescription: .init(href: "https://example.org/rules.md#sum-column-total"), source: "juesuan",
    message: "合计 1,862.53 与各项之和 1,862.50 不符（差 0.03）\t\"引号\" \\ 换行\n",
    tags: [1, 2],
    relatedInformation: [
      .init(
        location: Location(
          uri: "file:///tmp/报告.md",
          range: PositionRange(start: .init(line: 9, character: 0), end: .init(line: 9, character: 4))),
        message: "表内金额 😀")
    ],
    data: .object([
      "fixes": .array([
        .object([
          "title": .string("改为 1,862.50"), "isSafe": .bool(true), "score": .double(2.5), "whole": .double(3),
          "edits": .array([.object(["newText": .string("1,862.50"), "n": .null, "i": .int(-4)])]),
        ])
      ])
    ]))

  @Test("a diagnostic: the same bytes as JSONEncoder")
  func diagnosticBytes() throws {
    let ours = try MessageEncoder().encode(Self.diagnostic)
    let theirs = try Self.foundation(Self.diagnostic)
    #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
  }

  @Test("a whole publishDiagnostics message decodes to what JSONEncoder's does")
  func messageSemantics() throws {
    var bare = Self.diagnostic
    bare.codeDescription = nil
    bare.tags = nil
    bare.relatedInformation = nil
    bare.data = nil
    bare.code = .integer(42)
    let params = PublishDiagnosticsParams(uri: "file:///a.md", version: 3, diagnostics: [Self.diagnostic, bare])
    let ours = try MessageEncoder().encode(params)
    let theirs = try Self.foundation(params)
    let left = try JSONSerialization.jsonObject(with: ours) as? NSDictionary
    let right = try JSONSerialization.jsonObject(with: theirs) as? NSDictionary
    #expect(left != nil && left == right)
    #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
  }

  @Test("publishDiagnostics without a version, and integers at their edges")
  func edges() throws {
    let cleared = PublishDiagnosticsParams(uri: "file:///b \"c\".md", version: nil, diagnostics: [])
    #expect(try MessageEncoder().encode(cleared) == Self.foundation(cleared))
    let numbers: [Int] = [0, 7, 10, 99, 100, -1, -10, 1_234_567_890, Int.max, Int.min]
    let values = LSPAny.array(numbers.map(LSPAny.int))
    #expect(try MessageEncoder().encode(values) == Self.foundation(values))
    #expect(String(decoding: try MessageEncoder().encode(values), as: UTF8.self).contains("9223372036854775807"))
  }

  @Test("publishDiagnostics with its diagnostics already encoded, in runs, writes the same bytes, through any encoder")
  func preEncoded() throws {
    let diagnostics = [Self.diagnostic, Self.diagnostic]
    let params = PublishDiagnosticsParams(uri: "file:///a.md", version: 7, diagnostics: diagnostics + diagnostics)
    var elements: [UInt8] = []
    for (index, diagnostic) in diagnostics.enumerated() {
      if index > 0 { elements.append(0x2C) }
      diagnostic.writeJSON(into: &elements)
    }
    let encoded = EncodedPublishDiagnosticsParams(
      uri: "file:///a.md", version: 7, diagnostics: [elements, [], elements])
    #expect(try MessageEncoder().encode(encoded) == MessageEncoder().encode(params))
    #expect(try Self.foundation(encoded) == Self.foundation(params), "JSONEncoder reads the elements back")
    let empty = EncodedPublishDiagnosticsParams(uri: "file:///a.md", version: nil, diagnostics: [])
    #expect(
      try MessageEncoder().encode(empty)
        == MessageEncoder().encode(PublishDiagnosticsParams(uri: "file:///a.md", version: nil, diagnostics: [])))
    // The notification written straight into one buffer is the one the encoder writes.
    for value in [encoded, empty] {
      let method = "textDocument/publishDiagnostics"
      #expect(
        OutgoingMessage.notification(method: method, writing: value)
          == OutgoingMessage.notification(method: method, params: value))
    }
  }

  @Test("a full diagnostic answer with its items already encoded writes the same bytes, for any id")
  func preEncodedAnswer() throws {
    var elements: [UInt8] = []
    Self.diagnostic.writeJSON(into: &elements)
    for resultId in ["3.1", nil] as [String?] {
      let encoded = EncodedFullDiagnosticReport(resultId: resultId, items: [[], elements, elements])
      let report = DocumentDiagnosticReport.full(resultId: resultId, items: [Self.diagnostic, Self.diagnostic])
      #expect(try MessageEncoder().encode(encoded) == MessageEncoder().encode(report))
      #expect(try Self.foundation(encoded) == Self.foundation(report), "JSONEncoder reads the items back")
      for id in [RequestID.number(7), .number(-1), .string("juesuan-\"1\"")] {
        #expect(OutgoingMessage.response(id: id, writing: encoded) == OutgoingMessage.response(id: id, result: report))
      }
    }
    let empty = EncodedFullDiagnosticReport(resultId: "1.0", items: [])
    #expect(
      OutgoingMessage.response(id: .number(1), writing: empty)
        == OutgoingMessage.response(id: .number(1), result: DocumentDiagnosticReport.full(resultId: "1.0", items: [])))
  }

  @Test("a diagnostic as a JSON object writes what the diagnostic writes, with added members too")
  func diagnosticObject() {
    var bare = Self.diagnostic
    bare.severity = nil
    bare.codeDescription = nil
    bare.tags = nil
    bare.relatedInformation = nil
    let added: [(name: StaticString, value: LSPAny)] = [
      ("aaa", .int(1)), ("fixes", .array([["title": .string("改"), "safe": .bool(false)]])), ("location", "第2段"),
      ("page", .int(3)), ("zz", .null),
    ]
    for diagnostic in [Self.diagnostic, bare] {
      var plain: [UInt8] = []
      diagnostic.writeJSON(into: &plain)
      for count in 0...added.count {
        var direct: [UInt8] = []
        let members = added.prefix(count).map { member in JSONMember(member.name) { member.value.writeJSON(into: &$0) }
        }
        diagnostic.writeJSON(into: &direct, adding: members)
        if count == 0 { #expect(direct == plain) }
        var object = diagnostic.jsonObject
        for member in added.prefix(count) { object[member.name.description] = member.value }
        var throughObject: [UInt8] = []
        LSPAny.object(object).writeJSON(into: &throughObject)
        #expect(String(decoding: throughObject, as: UTF8.self) == String(decoding: direct, as: UTF8.self))
      }
    }
  }

  @Test("optionals, nested containers and scalars through the generic path")
  func genericPath() throws {
    struct Sample: Encodable {
      var name = "名称/路径"
      var count: Int? = nil
      var flags = [true, false]
      var nested = ["b": 2, "a": 1]
      var ratio = 0.125
      var control = "\u{01}\u{1F}"
    }
    let ours = try MessageEncoder().encode(Sample())
    let theirs = try Self.foundation(Sample())
    #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
  }

  @Test("a non-finite number is an error, not invalid JSON")
  func nonFinite() {
    #expect(throws: EncodingError.self) { try MessageEncoder().encode(["x": Double.infinity]) }
  }
}
