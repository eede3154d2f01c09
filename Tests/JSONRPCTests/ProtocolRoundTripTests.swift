import Foundation
import JSONRPC
import LanguageServerProtocol
import Testing

@Suite("LSP types round-trip exactly")
struct ProtocolRoundTripTests {
  private static func roundTrip<T: Codable & Equatable>(_ value: T, _ json: String) throws {
    let encoded = String(decoding: try OutgoingMessage.makeEncoder().encode(value), as: UTF8.self)
    #expect(encoded == json)
    #expect(try JSONDecoder().decode(T.self, from: Data(json.utf8)) == value)
  }

  private static let range = PositionRange(
    start: Position(line: 1, character: 2), end: Position(line: 1, character: 4))

  @Test("a diagnostic")
  func diagnostic() throws {
    let diagnostic = Diagnostic(
      range: Self.range, severity: 2, code: .string("text/placeholder"),
      codeDescription: .init(href: "https://example.org/rules.md#text-placeholder"), source: "juesuan",
      message: "占位符“××”", data: .object(["fixes": .array([])]))
    try Self.roundTrip(
      diagnostic,
      #"{"code":"text/placeholder","codeDescription":{"href":"https://example.org/rules.md#text-placeholder"},"#
        + #""data":{"fixes":[]},"message":"占位符“××”","#
        + #""range":{"end":{"character":4,"line":1},"start":{"character":2,"line":1}},"severity":2,"source":"juesuan"}"#
    )
  }

  @Test("a code action with a workspace edit")
  func codeAction() throws {
    let action = CodeAction(
      title: "忽略此行的 text/placeholder", kind: "quickfix", isPreferred: false,
      edit: WorkspaceEdit(changes: ["file:///a.md": [TextEdit(range: Self.range, newText: "x")]]))
    try Self.roundTrip(
      action,
      #"{"edit":{"changes":{"file:///a.md":[{"newText":"x","range":{"end":{"character":4,"line":1},"#
        + #""start":{"character":2,"line":1}}}]}},"isPreferred":false,"kind":"quickfix","title":"忽略此行的 text/placeholder"}"#
    )
  }

  @Test("document diagnostic reports, full and unchanged")
  func documentDiagnosticReport() throws {
    try Self.roundTrip(DocumentDiagnosticReport.unchanged(resultId: "3.0"), #"{"kind":"unchanged","resultId":"3.0"}"#)
    try Self.roundTrip(
      DocumentDiagnosticReport.full(resultId: "1", items: []), #"{"items":[],"kind":"full","resultId":"1"}"#)
  }

  @Test("content changes with and without a range")
  func contentChanges() throws {
    try Self.roundTrip(
      DidChangeTextDocumentParams(
        textDocument: .init(uri: "u", version: 2),
        contentChanges: [.init(range: Self.range, text: "a"), .init(text: "whole")]),
      #"{"contentChanges":[{"range":{"end":{"character":4,"line":1},"start":{"character":2,"line":1}},"text":"a"},"#
        + #"{"text":"whole"}],"textDocument":{"uri":"u","version":2}}"#)
  }

  @Test("LSPAny keeps integers, doubles, booleans and null apart")
  func anyValues() throws {
    try Self.roundTrip(
      LSPAny.array([.int(1), .double(1.5), .bool(true), .null, .string("s"), .object(["k": .array([])])]),
      #"[1,1.5,true,null,"s",{"k":[]}]"#)
  }

  @Test("initialize params read capabilities leniently")
  func initializeParams() throws {
    let json =
      #"{"processId":null,"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]},"#
      + #""textDocument":{"diagnostic":{"dynamicRegistration":false}},"workspace":{"configuration":true}},"#
      + #""initializationOptions":{"juesuan":{"reportYear":2023}},"trace":7}"#
    let params = try JSONDecoder().decode(InitializeParams.self, from: Data(json.utf8))
    #expect(params.capabilities.positionEncodings == ["utf-8", "utf-16"])
    #expect(params.capabilities.supportsPullDiagnostics)
    #expect(params.capabilities.supportsConfigurationRequest)
    #expect(params.trace == nil)
    #expect(params.initializationOptions?["juesuan"]?["reportYear"] == .int(2023))
  }
}
