import JuesuanServer
import JuesuanTestSupport
import LanguageServerProtocol
import Testing

/// A deliberately naive model of an LSP document: an array of Unicode scalars, positions found by
/// walking it. Independent of `SourceText`.
private struct ReferenceText {
  var scalars: [Unicode.Scalar]

  var string: String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return text
  }

  /// Scalar index where each line starts (lines end at \n, \r\n or a lone \r).
  var lineStarts: [Int] {
    var starts = [0]
    var index = 0
    while index < scalars.count {
      if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
        index += 2
        starts.append(index)
      } else if scalars[index] == "\n" || scalars[index] == "\r" {
        index += 1
        starts.append(index)
      } else {
        index += 1
      }
    }
    return starts
  }

  func index(of position: Position) -> Int {
    let starts = lineStarts
    guard position.line < starts.count else { return scalars.count }
    var index = starts[position.line]
    var remaining = position.character
    while index < scalars.count, scalars[index] != "\n", scalars[index] != "\r" {
      let width = scalars[index].value > 0xFFFF ? 2 : 1
      if width > remaining { break }
      remaining -= width
      index += 1
    }
    return index
  }

  mutating func replace(_ range: PositionRange, with text: String) {
    let first = index(of: range.start)
    let second = index(of: range.end)
    scalars.replaceSubrange(min(first, second)..<max(first, second), with: text.unicodeScalars)
  }
}

@Suite("Incremental text synchronisation")
struct TextSyncPropertyTests {
  @Test("1000 random range edits leave the same text as a reference model")
  func randomEdits() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    let uri = "file:///random.md"
    let initial = "第一部分 概况\r\n共计××万元😀\n\n| 项目 | 金额 |\r"
    await client.open(uri, initial)
    var reference = ReferenceText(scalars: Array(initial.unicodeScalars))
    var generator = SeededGenerator(state: 20_231_231)
    let pieces = ["", "a", "中", "😀", "𠀀", "\n", "\r\n", "\r", "××", " | ", "1.00", "\r\n\n"]
    for version in 2...1001 {
      let lineCount = reference.lineStarts.count
      func randomPosition() -> Position {
        Position(
          line: Int.random(in: 0...(lineCount + 1), using: &generator),
          character: Int.random(in: 0...12, using: &generator))
      }
      let edit = PositionRange(start: randomPosition(), end: randomPosition())  // often inverted
      let count = Int.random(in: 0...3, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      reference.replace(edit, with: text)
      await client.change(uri, version: version, [.init(range: edit, text: text)])
      let actual = await client.server.text(ofDocument: uri)
      guard actual == reference.string else {
        Issue.record(
          "version \(version): edit \(edit) with \(text.debugDescription) gave \(actual.debugDescription), expected \(reference.string.debugDescription)"
        )
        return
      }
    }
    #expect(await client.server.version(ofDocument: uri) == 1001)
  }

  @Test("several changes in one notification apply in order")
  func changesInOrder() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.open("file:///a.md", "abc")
    await client.change(
      "file:///a.md", version: 2,
      [.init(range: range(0, 1, 2), text: "XY"), .init(range: range(0, 0, 1), text: ""), .init(text: "全文替换")])
    #expect(await client.server.text(ofDocument: "file:///a.md") == "全文替换")
    await client.change(
      "file:///a.md", version: 3, [.init(range: range(0, 1, 2), text: "XY"), .init(range: range(0, 0, 1), text: "")])
    #expect(await client.server.text(ofDocument: "file:///a.md") == "XY替换")
  }
}

@Suite("Bad input keeps the server serving")
struct BadInputTests {
  /// Byte order mark, NUL bytes, lone CR, a 6 KB line, odd numbers, replacement characters.
  private static let documents = [
    "\u{FEFF}共计××万元", "\0\0共计××万元\0", "第一行\r共计××万元\r", String(repeating: "很长的一行", count: 400),
    "| 1,2,3 | １２３.４５ | - | — |\n| --- | --- | --- | --- |", "\u{FFFD}\u{FFFD}××",
  ]

  @Test("odd documents are linted and answered", arguments: documents.indices)
  func oddDocuments(index: Int) async throws {
    let text = Self.documents[index]
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.open("file:///odd.md", text)
    let report = try await client.request(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: "file:///odd.md")),
      as: DocumentDiagnosticReport.self)
    guard case .full(_, let items) = report else {
      Issue.record("expected a full report")
      return
    }
    if text.contains("××") {
      #expect(items.contains { $0.code == .string("text/placeholder") })
    }
    let symbols = try await client.request(
      "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: "file:///odd.md")),
      as: [DocumentSymbol].self)
    #expect(symbols.count >= 0)
  }

  @Test("a BOM is one UTF-16 unit at the start of line 0")
  func byteOrderMark() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open("file:///bom.md", "\u{FEFF}共计××万元")
    let published = try await client.diagnostics(for: "file:///bom.md", version: 1)
    #expect(published.diagnostics.first { $0.code == .string("text/placeholder") }?.range == range(0, 3, 5))
  }
}
