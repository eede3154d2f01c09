import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("Diagnostics, pushed and pulled")
struct DiagnosticsTests {
  private static let uri = "file:///draft.md"

  private static func placeholders(_ diagnostics: [Diagnostic]) -> [PositionRange] {
    diagnostics.filter { $0.code == .string("text/placeholder") }.map(\.range)
  }

  @Test("didOpen publishes a text/placeholder diagnostic with its documentation link")
  func publishOnOpen() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "共计××万元")
    let published = try await client.diagnostics(for: Self.uri, version: 1)
    let diagnostic = try #require(published.diagnostics.first { $0.code == .string("text/placeholder") })
    #expect(diagnostic.range == range(0, 2, 4))
    #expect(diagnostic.source == "juesuan")
    #expect(
      diagnostic.codeDescription?.href == "https://github.com/juesuan/juesuan/blob/main/docs/rules.md#text-placeholder")
    #expect(diagnostic.severity == 1 || diagnostic.severity == 2)
    #expect(diagnostic.message.contains("××"), "\(diagnostic.message)")
  }

  @Test("a repeated phrase is tagged unnecessary and an outdated name deprecated, for a client that shows tags")
  func tags() async throws {
    let text =
      "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n20805\t行政事业单位养老支出\t1.39\t1.39\t\n\n"
      + "3.社会保障和就业支出（类）行政事业单位离退休（款）事业单位离退休（项）。\n决算数与预算数决算数与预算数不存在差异。\n"
    func tags(_ supported: [Int]?) async throws -> [String: [Int]?] {
      let client = TestClient(catalogue: .bundled)
      try await client.initialize(diagnosticTags: supported)
      await client.open(Self.uri, text)
      let published = try await client.diagnostics(for: Self.uri, version: 1).diagnostics
      var byCode: [String: [Int]?] = [:]
      for diagnostic in published {
        if case .string(let code)? = diagnostic.code { byCode[code] = diagnostic.tags }
      }
      return byCode
    }
    let shown = try await tags([1, 2])
    #expect(shown["text/duplicate-phrase"] == .some([1]))
    #expect(shown["subject/outdated-name"] == .some([2]))
    #expect(shown.filter { $0.value != nil }.count == 2, "\(shown)")
    let onlyFaded = try await tags([1])
    #expect(onlyFaded["text/duplicate-phrase"] == .some([1]))
    #expect(onlyFaded["subject/outdated-name"] == .some(nil))
    let none = try await tags(nil)
    #expect(!none.isEmpty && none.values.allSatisfy { $0 == nil }, "\(none)")
  }

  @Test(
    "ranges are counted in the negotiated encoding after astral characters and CRLF",
    arguments: [
      ("utf-16", range(1, 4, 6)), ("utf-8", range(1, 8, 12)), ("utf-32", range(1, 2, 4)),
    ])
  func encodings(encoding: String, expected: PositionRange) async throws {
    let client = TestClient()
    try await client.initialize(encodings: [encoding])
    await client.open(Self.uri, "𠀀😀说明\r\n😀𠀀××万元\r\n")
    let published = try await client.diagnostics(for: Self.uri, version: 1)
    #expect(Self.placeholders(published.diagnostics) == [expected])
  }

  @Test("incremental edits, including a range past the end and an inverted one, update the diagnostics")
  func incrementalEdits() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "共计××万元\r\n说明")
    #expect(Self.placeholders(try await client.diagnostics(for: Self.uri, version: 1).diagnostics) == [range(0, 2, 4)])
    await client.change(Self.uri, version: 2, [.init(range: range(0, 2, 4), text: "100")])
    #expect(Self.placeholders(try await client.diagnostics(for: Self.uri, version: 2).diagnostics) == [])
    #expect(await client.server.text(ofDocument: Self.uri) == "共计100万元\r\n说明")
    await client.change(Self.uri, version: 3, [.init(range: range(9, 0, to: 12, 5), text: "，合计××")])
    #expect(await client.server.text(ofDocument: Self.uri) == "共计100万元\r\n说明，合计××")
    #expect(Self.placeholders(try await client.diagnostics(for: Self.uri, version: 3).diagnostics) == [range(1, 5, 7)])
    await client.change(Self.uri, version: 4, [.init(range: range(1, 7, to: 1, 2), text: "")])
    #expect(await client.server.text(ofDocument: Self.uri) == "共计100万元\r\n说明")
    #expect(Self.placeholders(try await client.diagnostics(for: Self.uri, version: 4).diagnostics) == [])
  }

  @Test("in a file of three reports, each edit publishes what a fresh server publishes for the text")
  func severalReports() async throws {
    let clean = try sample("clean.md")
    let defective = try sample("defective.md")
    let first = defective.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let second = first + clean.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, defective + clean + defective)
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    // "20" of the first report's title replaced by two line breaks (the others keep their bytes
    // and move two lines down), a line added to it, a figure typed into the second report, a
    // line of the third removed: the reports an edit did not touch are published from cache.
    let edits: [TextDocumentContentChangeEvent] = [
      .init(range: range(0, 2, 4), text: "\n\n"), .init(range: range(4, 0, 0), text: "说明××。\n"),
      .init(range: range(first + 43, 0, 0), text: "9"),
      .init(range: range(second + 63, 0, to: second + 64, 0), text: ""),
    ]
    for (index, edit) in edits.enumerated() {
      await client.change(Self.uri, version: index + 2, [edit])
      let published = try await client.diagnostics(for: Self.uri, version: index + 2).diagnostics
      let text = try #require(await client.server.text(ofDocument: Self.uri))
      let fresh = TestClient()
      try await fresh.initialize()
      await fresh.open(Self.uri, text)
      let expected = try await fresh.diagnostics(for: Self.uri, version: 1).diagnostics
      let differing = Set(published).symmetricDifference(expected).map {
        "\($0.range.start.line): \($0.message.prefix(30))"
      }
      #expect(published == expected, "edit \(index): \(differing.sorted())")
      #expect(published.count > 20)
    }
  }

  @Test("a push client opening a file of several reports is shown the first report's diagnostics, then all")
  func leadingPublish() async throws {
    let clean = try sample("clean.md")
    let defective = try sample("defective.md")
    let first = defective.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, defective + clean + defective)
    let all = try await client.diagnostics(for: Self.uri, version: 1).diagnostics
    #expect(client.publishesComplete(for: Self.uri) == [false, true])
    let published = client.notifications("textDocument/publishDiagnostics")
    #expect(published.count == 2 && published.allSatisfy { $0["version"]?.intValue == 1 })
    guard case .array(let leading) = published.first?["diagnostics"] else {
      Issue.record("no diagnostics in the first publish")
      return
    }
    let lines = leading.compactMap { $0["range"]?["start"]?["line"]?.intValue }
    #expect(!lines.isEmpty && lines.count == leading.count && lines.allSatisfy { $0 < first })
    #expect(leading.count == all.filter { $0.range.start.line < first }.count)
    // An edit checks one report: its diagnostics come whole.
    await client.change(Self.uri, version: 2, [.init(range: range(first + 43, 0, 0), text: "9")])
    _ = try await client.diagnostics(for: Self.uri, version: 2)
    #expect(client.publishesComplete(for: Self.uri) == [false, true, true])
  }

  @Test("a file closed while its first lint runs is sent nothing after its empty list")
  func leadingPublishAfterClose() async throws {
    let clean = try sample("clean.md")
    let defective = try sample("defective.md")
    let client = TestClient()
    try await client.initialize()
    client.holdLints(true)
    await client.open(Self.uri, defective + clean + defective)
    try await client.waitUntil { client.lintsStarted == 1 }
    await client.notify("textDocument/didClose", TextDocumentParams(textDocument: .init(uri: Self.uri)))
    client.holdLints(false)
    // The lint goes on (it cannot be stopped) and finds its first report's diagnostics.
    try await Task.sleep(for: .seconds(1))
    let published = client.notifications("textDocument/publishDiagnostics")
    #expect(published.count == 1)
    #expect(published.last?["diagnostics"] == .array([]))
  }

  @Test("a burst of edits publishes only the latest version")
  func debounce() async throws {
    let client = TestClient(debounce: .fixed(.milliseconds(100)))
    try await client.initialize()
    await client.open(Self.uri, "共计万元")
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    for version in 2...6 { await client.change(Self.uri, version: version, [.init(range: range(0, 2, 2), text: "×")]) }
    let published = try await client.diagnostics(for: Self.uri, version: 6)
    #expect(!Self.placeholders(published.diagnostics).isEmpty)
    let versions = client.notifications("textDocument/publishDiagnostics").compactMap { $0["version"]?.intValue }
    #expect(versions == [1, 6])
  }

  @Test("didClose clears the diagnostics; didChange of an unknown document is ignored")
  func closeAndUnknown() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.open(Self.uri, "共计××万元")
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    await client.notify("textDocument/didClose", TextDocumentParams(textDocument: .init(uri: Self.uri)))
    #expect(client.notifications("textDocument/publishDiagnostics").last?["diagnostics"] == .array([]))
    await client.change("file:///never-opened.md", version: 2, [.init(text: "××")])
    #expect(await client.server.text(ofDocument: "file:///never-opened.md") == nil)
  }

  @Test("pull diagnostics report a resultId, then unchanged, and nothing is pushed")
  func pull() async throws {
    let client = TestClient()
    let result = try await client.initialize(pull: true)
    #expect(result.capabilities.diagnosticProvider?.identifier == "juesuan")
    await client.open(Self.uri, "共计××万元")
    let first = try await client.request(
      "textDocument/diagnostic", DocumentDiagnosticParams(textDocument: .init(uri: Self.uri)),
      as: DocumentDiagnosticReport.self)
    guard case .full(let resultID?, let items) = first else {
      Issue.record("expected a full report, got \(first)")
      return
    }
    #expect(Self.placeholders(items) == [range(0, 2, 4)])
    let second = try await client.request(
      "textDocument/diagnostic",
      DocumentDiagnosticParams(textDocument: .init(uri: Self.uri), previousResultId: resultID),
      as: DocumentDiagnosticReport.self)
    #expect(second == .unchanged(resultId: resultID))
    await client.change(Self.uri, version: 2, [.init(range: range(0, 2, 4), text: "5")])
    let third = try await client.request(
      "textDocument/diagnostic",
      DocumentDiagnosticParams(textDocument: .init(uri: Self.uri), previousResultId: resultID),
      as: DocumentDiagnosticReport.self)
    guard case .full(let newID, let newItems) = third else {
      Issue.record("expected a full report, got \(third)")
      return
    }
    #expect(newID != resultID)
    #expect(Self.placeholders(newItems) == [])
    try await Task.sleep(for: .milliseconds(20))
    #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
  }

  @Test("configuration from initializationOptions and didChangeConfiguration changes severities")
  func configuration() async throws {
    let client = TestClient()
    try await client.initialize(options: ["juesuan": ["rules": ["text/placeholder": "off"]]])
    await client.open(Self.uri, "共计××万元")
    #expect(Self.placeholders(try await client.diagnostics(for: Self.uri, version: 1).diagnostics) == [])
    let before = client.notifications("textDocument/publishDiagnostics").count
    await client.notify(
      "workspace/didChangeConfiguration",
      DidChangeConfigurationParams(settings: ["juesuan": ["rules": ["text/placeholder": "hint"]]]))
    try await client.waitUntil { client.notifications("textDocument/publishDiagnostics").count > before }
    let published = try await client.diagnostics(for: Self.uri, version: 1)
    #expect(published.diagnostics.first { $0.code == .string("text/placeholder") }?.severity == 4)
  }

  @Test("workspace/configuration is requested after initialized and its answer applies")
  func configurationRequest() async throws {
    let client = TestClient()
    try await client.initialize(configurationRequests: true)
    let request = try #require(client.sent.first { $0["method"] == .string("workspace/configuration") })
    #expect(request["params"] == ["items": [["section": "juesuan"]]])
    await client.open(Self.uri, "共计××万元")
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    let id = try #require(request["id"]?.stringValue)
    await client.sendRaw(#"{"jsonrpc":"2.0","id":"\#(id)","result":[{"rules":{"text/placeholder":false}}]}"#)
    try await client.waitUntil { client.notifications("textDocument/publishDiagnostics").count >= 2 }
    let last = try #require(client.notifications("textDocument/publishDiagnostics").last)
    let data = try OutgoingMessage.makeEncoder().encode(last)
    let published = try JSONDecoder().decode(PublishDiagnosticsParams.self, from: data)
    #expect(Self.placeholders(published.diagnostics) == [])
  }

  @Test("settings sent again unchanged re-lint nothing: a document opened meanwhile is linted once")
  func unchangedSettings() async throws {
    let client = TestClient()
    try await client.initialize(configurationRequests: true)
    let request = try #require(client.sent.first { $0["method"] == .string("workspace/configuration") })
    let id = try #require(request["id"]?.stringValue)
    await client.open(Self.uri, "共计××万元")
    await client.notify(
      "workspace/didChangeConfiguration", DidChangeConfigurationParams(settings: ["juesuan": .object([:])]))
    await client.sendRaw(#"{"jsonrpc":"2.0","id":"\#(id)","result":[{}]}"#)
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    try await Task.sleep(for: .milliseconds(50))
    #expect(client.lintsStarted == 1)
    #expect(client.notifications("textDocument/publishDiagnostics").count == 1)
  }

  @Test("an invalid configuration is shown to the user once and the defaults apply")
  func invalidConfiguration() async throws {
    let client = TestClient()
    try await client.initialize(options: ["juesuan": ["rules": ["text/placeholder": "loud"]]])
    await client.open(Self.uri, "共计××万元")
    let published = try await client.diagnostics(for: Self.uri, version: 1)
    #expect(Self.placeholders(published.diagnostics) == [range(0, 2, 4)])
    await client.change(Self.uri, version: 2, [.init(range: range(0, 0, 0), text: "一")])
    _ = try await client.diagnostics(for: Self.uri, version: 2)
    let shown = client.notifications("window/showMessage")
    #expect(shown.count == 1)
    #expect(shown.first?["message"]?.stringValue?.contains("loud") == true)
  }

  @Test("$/setTrace turns on $/logTrace")
  func trace() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.notify("$/setTrace", SetTraceParams(value: "messages"))
    await client.open(Self.uri, "正文")
    #expect(client.notifications("$/logTrace").contains { $0["message"]?.stringValue?.contains("didOpen") == true })
  }

  @Test("edits made while a lint runs are coalesced: outdated versions are never linted")
  func coalescing() async throws {
    let client = TestClient()
    try await client.initialize()
    client.holdLints(true)
    await client.open(Self.uri, "共计万元")
    try await client.waitUntil { client.lintsStarted == 1 }
    for version in 2...5 {
      await client.change(Self.uri, version: version, [.init(range: range(0, 2, 2), text: "×")])
      try await Task.sleep(for: .milliseconds(5))
    }
    client.holdLints(false)
    let published = try await client.diagnostics(for: Self.uri, version: 5)
    #expect(!Self.placeholders(published.diagnostics).isEmpty)
    let versions = client.notifications("textDocument/publishDiagnostics").compactMap { $0["version"]?.intValue }
    #expect(versions == [5])
    #expect(client.lintsStarted == 2)
  }
}
