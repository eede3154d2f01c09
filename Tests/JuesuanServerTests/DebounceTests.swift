import Foundation
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("The wait between an edit and its lint")
struct DebounceTests {
  private static let adaptive = Debounce.adaptive(maximum: .milliseconds(150))
  private static let uri = "file:///draft.md"

  @Test(
    "no wait for the first edit, before any lint has finished, or while lints finish sooner than edits come",
    arguments: [
      (nil, nil), (nil, .milliseconds(80)), (.milliseconds(30), nil), (.milliseconds(200), .milliseconds(12)),
      (.milliseconds(12), .milliseconds(12)), (.seconds(5), .milliseconds(900)),
    ] as [(Duration?, Duration?)])
  func noWait(gap: Duration?, lint: Duration?) {
    #expect(Self.adaptive.delay(sincePreviousEdit: gap, latestLint: lint) == .zero)
  }

  @Test(
    "edits that come faster than lints finish wait twice the gap between them, at most the maximum",
    arguments: [
      (Duration.milliseconds(5), Duration.milliseconds(12), Duration.milliseconds(10)),
      (.milliseconds(40), .milliseconds(100), .milliseconds(80)),
      (.milliseconds(100), .milliseconds(400), .milliseconds(150)),
      (.zero, .milliseconds(1), .zero),
    ])
  func waitForPause(gap: Duration, lint: Duration, expected: Duration) {
    #expect(Self.adaptive.delay(sincePreviousEdit: gap, latestLint: lint) == expected)
  }

  @Test("a fixed wait is the same after every edit")
  func fixed() {
    for (gap, lint) in [(nil, nil), (.milliseconds(5), .milliseconds(500))] as [(Duration?, Duration?)] {
      #expect(Debounce.fixed(.milliseconds(70)).delay(sincePreviousEdit: gap, latestLint: lint) == .milliseconds(70))
    }
  }

  @Test("a keystroke after a pause is published at once, however long the longest wait")
  func keystrokeAfterPause() async throws {
    let client = TestClient(debounce: .adaptive(maximum: .seconds(60)))
    try await client.initialize()
    await client.open(Self.uri, "共计万元")
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    await client.change(Self.uri, version: 2, [.init(range: range(0, 2, 2), text: "××")])
    _ = try await client.diagnostics(for: Self.uri, version: 2)
    try await Task.sleep(for: .milliseconds(200))
    await client.change(Self.uri, version: 3, [.init(range: range(0, 2, 4), text: "")])
    _ = try await client.diagnostics(for: Self.uri, version: 3)
  }

  @Test("edits that come faster than the lints finish wait for a pause before the next lint")
  func slowLints() async throws {
    let client = TestClient(debounce: .adaptive(maximum: .seconds(60)))
    try await client.initialize()
    client.holdLints(true)
    await client.open(Self.uri, "共计万元")
    try await client.waitUntil { client.lintsStarted == 1 }
    try await Task.sleep(for: .seconds(1))
    client.holdLints(false)
    _ = try await client.diagnostics(for: Self.uri, version: 1)
    // The latest lint took a second; an edit 100 ms after the previous one waits 200 ms.
    client.holdLints(true)
    await client.change(Self.uri, version: 2, [.init(range: range(0, 2, 2), text: "×")])
    try await client.waitUntil { client.lintsStarted == 2 }
    try await Task.sleep(for: .milliseconds(100))
    await client.change(Self.uri, version: 3, [.init(range: range(0, 3, 3), text: "×")])
    let changed = ContinuousClock.now
    client.holdLints(false)
    try await Task.sleep(for: .milliseconds(100))
    let started = client.lintsStarted
    if ContinuousClock.now - changed < .milliseconds(190) {  // else a busy machine slept past the wait
      #expect(started == 2, "version 3 is not linted before its wait is over")
    }
    _ = try await client.diagnostics(for: Self.uri, version: 3)
    let versions = client.notifications("textDocument/publishDiagnostics").compactMap { $0["version"]?.intValue }
    #expect(versions == [1, 3])
  }

  @Test("a pull client's document is linted at each edit, before it asks: the answer is that lint's")
  func pullLintsAhead() async throws {
    let client = TestClient()
    try await client.initialize(pull: true)
    await client.open(Self.uri, "共计万元")
    try await client.waitUntil { client.lintsStarted == 1 }
    await client.change(Self.uri, version: 2, [.init(range: range(0, 2, 2), text: "××")])
    try await client.waitUntil { client.lintsStarted == 2 }
    let items = try await client.pullDiagnostics(Self.uri).items
    #expect(items.map(\.range).contains(range(0, 2, 4)))
    #expect(client.lintsStarted == 2)
    #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
  }
}
