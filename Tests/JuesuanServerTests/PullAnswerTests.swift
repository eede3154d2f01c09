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
      let (items, bytes) = try await Self.freshAnswer(like: client, id: id, resultID: resultID)
      #expect(items.count > 20)
      #expect(client.responseBytes(to: id) == bytes, "edit \(index)")
    }
  }

  /// Typing in one report: its findings before the keystroke, and after it on later lines, keep
  /// the diagnostics encoded before (`UnchangedDiagnostics`); the answer must still be a fresh
  /// server's, byte for byte, whether the keystroke adds a line, changes a finding or neither.
  @Test("keystrokes in one report: each answer is, byte for byte, a fresh server's")
  func keystrokes() async throws {
    let text = try sample("defective.md") + "\n" + (try sample("clean.md"))
    let client = TestClient()
    try await client.initialize(pull: true, encodings: ["utf-16"])
    await client.open(Self.uri, text)
    let first = try await client.pullDiagnostics(Self.uri).items
    #expect(first.count > 10)
    // Inside findings (their first character typed again), then in the lines between them, then
    // a line break in the middle of the report.
    var edits: [TextDocumentContentChangeEvent] = first.prefix(6).map { item in
      .init(range: range(item.range.start.line, item.range.start.character, item.range.start.character), text: "9")
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for line in stride(from: 3, to: min(lines.count, 60), by: 11) where lines[line].utf16.count > 4 {
      let middle = lines[line].utf16.count / 2
      edits.append(.init(range: range(line, middle, middle), text: "，"))
      edits.append(.init(range: range(line, middle, middle + 1), text: ""))
    }
    edits.append(.init(range: range(lines.count / 3, 0, 0), text: "\n"))
    for (index, edit) in edits.enumerated() {
      await client.change(Self.uri, version: index + 2, [edit])
      let (id, resultID, _) = try await client.pullDiagnostics(Self.uri)
      let bytes = try await Self.freshAnswer(like: client, id: id, resultID: resultID).bytes
      #expect(client.responseBytes(to: id) == bytes, "edit \(index): \(edit)")
    }
  }

  /// What a fresh server, opened with the text `client` has now, answers a pull with: its items,
  /// and the response `client` should have sent to request `id` (result `resultID`), as bytes.
  private static func freshAnswer(
    like client: TestClient, id: RequestID, resultID: String?
  ) async throws -> (items: [Diagnostic], bytes: Data) {
    let text = try #require(await client.server.text(ofDocument: uri))
    let fresh = TestClient()
    try await fresh.initialize(pull: true, encodings: ["utf-16"])
    await fresh.open(uri, text)
    let items = try await fresh.pullDiagnostics(uri).items
    return (
      items, OutgoingMessage.response(id: id, result: DocumentDiagnosticReport.full(resultId: resultID, items: items))
    )
  }
}
