internal import Foundation
internal import JSONRPC
internal import LanguageServerProtocol
internal import Synchronization

/// Measures the in-process server: first diagnostics after `didOpen`, and `didChange` →
/// `publishDiagnostics` latency for one-character edits (no debounce), plus resident memory.
/// The message path is the real one (JSON bodies in and out); only the pipe is missing.
package enum LanguageServerBenchmark {
  /// What one run measured.
  package struct Measurement: Sendable {
    package var documentBytes: Int
    package var firstDiagnostics: Duration
    /// One latency per edit, in the order made.
    package var editLatencies: [Duration]
    /// Resident set size after the run, from /proc/self/status; nil elsewhere.
    package var residentBytes: Int?

    /// The latency below which `fraction` (0…1) of the edits fall.
    package func percentile(_ fraction: Double) -> Duration {
      let sorted = editLatencies.sorted()
      guard !sorted.isEmpty else { return .zero }
      let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
      return sorted[index]
    }

    /// One line per figure, for the benchmark command.
    package var summary: String {
      func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
      }
      return [
        "文档大小：\(documentBytes) 字节",
        "didOpen → 首次诊断：\(milliseconds(firstDiagnostics))",
        "didChange → 诊断（\(editLatencies.count) 次单字符编辑）：p50 \(milliseconds(percentile(0.5)))，"
          + "p99 \(milliseconds(percentile(0.99)))",
        "常驻内存：\(residentBytes.map { "\($0 / 1_048_576) MB" } ?? "未知")",
      ].joined(separator: "\n")
    }
  }

  private final class Published: Sendable {
    let versions = Mutex<[Int: ContinuousClock.Instant]>([:])
  }

  /// Opens `text`, then makes `edits` one-character edits (alternately inserting and deleting a
  /// character in the middle), waiting for the diagnostics of each version.
  package static func run(text: String, edits: Int = 200) async -> Measurement {
    let published = Published()
    let clock = ContinuousClock()
    let server = Server(
      options: .init(
        debounce: .zero, logsToStandardError: false, readsConfigurationFiles: false,
        publishObserver: { _, version in
          let now = clock.now
          published.versions.withLock { $0[version] = now }
        }),
      send: { _ in })
    func wait(for version: Int) async -> ContinuousClock.Instant {
      while true {
        if let instant = published.versions.withLock({ $0[version] }) { return instant }
        try? await Task.sleep(for: .microseconds(200))
      }
    }
    func body(_ method: String, _ params: some Encodable, id: Int? = nil) -> [UInt8] {
      Array(
        id.map { OutgoingMessage.request(id: .number($0), method: method, params: params) }
          ?? OutgoingMessage.notification(method: method, params: params))
    }
    let uri = "file:///benchmark.md"
    await server.handle(body: body("initialize", InitializeParams(), id: 1))
    await server.handle(body: body("initialized", LSPAny.object([:])))
    let openStart = clock.now
    await server.handle(
      body: body(
        "textDocument/didOpen",
        DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "markdown", version: 1, text: text))))
    let firstDiagnostics = await wait(for: 1) - openStart
    let lines = max(1, text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
    let line = lines / 2
    var latencies: [Duration] = []
    for index in 0..<edits {
      let version = index + 2
      let insert = index % 2 == 0
      let change = TextDocumentContentChangeEvent(
        range: PositionRange(
          start: .init(line: line, character: 0), end: .init(line: line, character: insert ? 0 : 1)),
        text: insert ? "一" : "")
      let message = body(
        "textDocument/didChange",
        DidChangeTextDocumentParams(textDocument: .init(uri: uri, version: version), contentChanges: [change]))
      let start = clock.now
      await server.handle(body: message)
      latencies.append(await wait(for: version) - start)
    }
    return Measurement(
      documentBytes: text.utf8.count, firstDiagnostics: firstDiagnostics, editLatencies: latencies,
      residentBytes: residentBytes())
  }

  private static func residentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
