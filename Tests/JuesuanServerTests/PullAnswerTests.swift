import Foundation
import JSONRPC
import LanguageServerProtocol
import Testing

@Suite("Pulled diagnostics of a file of several reports")
struct PullAnswerTests {
  private static let uri = "file:///draft.md"

  @Test("after each edit the full answer is, byte for byte, the encoding of what a fresh server finds")
  func answerBytes() async throws {
    let clean = try sample("clean.md")
    let defective = try sample("defective.md")
    let first = defective.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let client = TestClient()
    try await client.initialize(pull: true, encodings: ["utf-16"])
    await client.open(Self.uri, defective + clean + defective)
    // Lines added to the first report (the others move down), a figure typed into the second,
    // the first report's edit undone, a line of the third removed.
    let edits: [TextDocumentContentChangeEvent] = [
      .init(range: range(0, 0, 0), text: "说明××。\n\n"), .init(range: range(first + 45, 0, 0), text: "9"),
      .init(range: range(0, 0, to: 2, 0), text: ""),
      .init(range: range(2 * first + 7, 0, to: 2 * first + 8, 0), text: ""),
    ]
    for index in 0...edits.count {
      if index > 0 { await client.change(Self.uri, version: index + 1, [edits[index - 1]]) }
      let (id, resultID, _) = try await client.pullDiagnostics(Self.uri)
      let text = try #require(await client.server.text(ofDocument: Self.uri))
      let fresh = TestClient()
      try await fresh.initialize(pull: true, encodings: ["utf-16"])
      await fresh.open(Self.uri, text)
      let items = try await fresh.pullDiagnostics(Self.uri).items
      #expect(items.count > 20)
      let bytes = OutgoingMessage.response(
        id: id, result: DocumentDiagnosticReport.full(resultId: resultID, items: items))
      #expect(client.responseBytes(to: id) == bytes, "edit \(index)")
    }
  }
}
