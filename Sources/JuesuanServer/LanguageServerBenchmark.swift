internal import Foundation
internal import JSONRPC
internal import LanguageServerProtocol
internal import Synchronization

/// Measures the in-process server: `didOpen` → first `publishDiagnostics`, and one-character
/// `didChange` → `publishDiagnostics` of that version, plus resident memory. The server runs with
/// no debounce, so the latencies are the server's own work (decoding, applying the edit, linting,
/// encoding the diagnostics), not the pause it normally leaves for typing. The message path is the
/// real one (JSON bodies in and out); only the pipe is missing.
package enum LanguageServerBenchmark {
  /// What one run measured.
  package struct Measurement: Sendable {
    package var documentBytes: Int
    /// `didOpen` sent → all the diagnostics of version 1 published.
    package var firstDiagnostics: Duration
    /// `didOpen` sent → the diagnostics of the document's first report published, while the
    /// others were being checked (`Linter.lint(_:reusing:leading:)`); nil when none were.
    package var leadingDiagnostics: Duration?
    /// One latency per edit, in the order made: `didChange` sent → diagnostics of its version.
    package var editLatencies: [Duration]
    /// Edits asked for; fewer are made when the time budget runs out.
    package var editsRequested: Int
    /// Resident set size after the run, from /proc/self/status; nil elsewhere.
    package var residentBytes: Int?
    /// Peak resident set size of the process, from /proc/self/status; nil elsewhere.
    package var peakResidentBytes: Int?
    /// True when the server stopped publishing (a wait exceeded the time budget).
    package var timedOut = false

    package init(
      documentBytes: Int, firstDiagnostics: Duration, editLatencies: [Duration], editsRequested: Int,
      residentBytes: Int? = nil, peakResidentBytes: Int? = nil
    ) {
      self.documentBytes = documentBytes
      self.firstDiagnostics = firstDiagnostics
      self.editLatencies = editLatencies
      self.editsRequested = editsRequested
      self.residentBytes = residentBytes
      self.peakResidentBytes = peakResidentBytes
    }

    /// The latency below which `fraction` (0…1) of the edits fall (nearest rank).
    package func percentile(_ fraction: Double) -> Duration { Self.percentile(fraction, of: editLatencies) }

    /// The same over the insertions alone (the even-numbered edits): each changes a report's text
    /// to one the server has not seen, where an undo may restore the text of another copy.
    package func insertionPercentile(_ fraction: Double) -> Duration {
      Self.percentile(fraction, of: editLatencies.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
    }

    private static func percentile(_ fraction: Double, of latencies: [Duration]) -> Duration {
      let sorted = latencies.sorted()
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
      func megabytes(_ bytes: Int?) -> String {
        bytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "未知"
      }
      let opened =
        leadingDiagnostics.map {
          "didOpen → 首次诊断：\(milliseconds($0))（开头的报告，其余仍在检查），全部诊断：\(milliseconds(firstDiagnostics))"
        } ?? "didOpen → 首次诊断：\(milliseconds(firstDiagnostics))"
      var lines = [
        "文档大小：\(documentBytes) 字节（防抖 0：以下延迟不含防抖等待）",
        opened,
        editLatencies.isEmpty
          ? "单字符编辑 → 该版本诊断：未测"
          : "单字符编辑 → 该版本诊断（\(editLatencies.count) 次）：p50 \(milliseconds(percentile(0.5)))，"
            + "p99 \(milliseconds(percentile(0.99)))，最大 \(milliseconds(percentile(1)))",
        "常驻内存：\(megabytes(residentBytes))（峰值 \(megabytes(peakResidentBytes))）",
      ]
      if editLatencies.count > 1 {
        lines.insert(
          "其中插入（\((editLatencies.count + 1) / 2) 次）：p50 \(milliseconds(insertionPercentile(0.5)))，"
            + "p99 \(milliseconds(insertionPercentile(0.99)))，最大 \(milliseconds(insertionPercentile(1)))", at: 3)
      }
      if editLatencies.count < editsRequested {
        lines.append(
          timedOut
            ? "注意：服务器未在时限内发布诊断，测量中止"
            : "注意：时间预算用尽，只做了 \(editLatencies.count) / \(editsRequested) 次编辑")
      }
      return lines.joined(separator: "\n")
    }
  }

  /// The instants at which each version's diagnostics were published, and the one waiter.
  private final class Published: Sendable {
    private struct State {
      var instants: [Int: ContinuousClock.Instant] = [:]
      /// The first publish of a version's first report alone, before all its diagnostics.
      var leading: [Int: ContinuousClock.Instant] = [:]
      var waiter: (version: Int, continuation: CheckedContinuation<ContinuousClock.Instant?, Never>)?
      /// Versions whose wait timed out before it began.
      var expired: Set<Int> = []
    }

    private let state = Mutex(State())

    func record(_ version: Int, at instant: ContinuousClock.Instant, complete: Bool) {
      let waiter = state.withLock { state -> CheckedContinuation<ContinuousClock.Instant?, Never>? in
        guard complete else {
          if state.leading[version] == nil { state.leading[version] = instant }
          return nil
        }
        state.instants[version] = instant
        guard let waiter = state.waiter, waiter.version == version else { return nil }
        state.waiter = nil
        return waiter.continuation
      }
      waiter?.resume(returning: instant)
    }

    /// When the diagnostics of `version`'s first report alone were published, if they were.
    func leadingInstant(of version: Int) -> ContinuousClock.Instant? { state.withLock { $0.leading[version] } }

    /// When all the diagnostics of `version` were published; nil if not within `timeout`.
    func instant(of version: Int, timeout: Duration) async -> ContinuousClock.Instant? {
      let timer = Task {
        do { try await Task.sleep(for: timeout) } catch { return }  // cancelled: published in time
        let waiter = state.withLock { state -> CheckedContinuation<ContinuousClock.Instant?, Never>? in
          guard let waiter = state.waiter, waiter.version == version else {
            state.expired.insert(version)
            return nil
          }
          state.waiter = nil
          return waiter.continuation
        }
        waiter?.resume(returning: nil)
      }
      defer { timer.cancel() }
      return await withCheckedContinuation { continuation in
        let known = state.withLock { state -> ContinuousClock.Instant?? in
          if let instant = state.instants[version] { return instant }
          if state.expired.contains(version) { return .some(nil) }
          state.waiter = (version, continuation)
          return nil
        }
        if let known { continuation.resume(returning: known) }
      }
    }
  }

  /// Opens `text`, then makes up to `edits` one-character edits in pairs (insert a character at
  /// the start of a line, then delete it; each pair on another line, spread over the document),
  /// waiting for the diagnostics of each version before the next edit. Edits stop once they have
  /// taken `budget` in total; a wait longer than `budget` ends the run.
  package static func run(text: String, edits: Int = 200, budget: Duration = .seconds(120)) async -> Measurement {
    let published = Published()
    let clock = ContinuousClock()
    let server = Server(
      options: .init(
        debounce: .fixed(.zero), logsToStandardError: false, readsConfigurationFiles: false,
        publishObserver: { _, version, complete in published.record(version, at: clock.now, complete: complete) }),
      send: { _ in })
    func body(_ method: String, _ params: some Encodable, id: Int? = nil) -> [UInt8] {
      Array(
        id.map { OutgoingMessage.request(id: .number($0), method: method, params: params) }
          ?? OutgoingMessage.notification(method: method, params: params))
    }
    let uri = "file:///benchmark.md"
    await server.handle(body: body("initialize", InitializeParams(), id: 1))
    await server.handle(body: body("initialized", LSPAny.object([:])))
    let opened = body(
      "textDocument/didOpen",
      DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "markdown", version: 1, text: text)))
    let openStart = clock.now
    await server.handle(body: opened)
    var measurement = Measurement(
      documentBytes: text.utf8.count, firstDiagnostics: .zero, editLatencies: [], editsRequested: edits)
    guard let first = await published.instant(of: 1, timeout: budget) else {
      measurement.timedOut = true
      return finished(measurement)
    }
    measurement.firstDiagnostics = first - openStart
    measurement.leadingDiagnostics = published.leadingInstant(of: 1).map { $0 - openStart }
    let lines = max(1, text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
    let editsStart = clock.now
    for index in 0..<edits where clock.now - editsStart < budget {
      let version = index + 2
      let insert = index % 2 == 0
      let line = (lines / 2 + (index / 2) * 7919) % lines
      let change = TextDocumentContentChangeEvent(
        range: PositionRange(
          start: .init(line: line, character: 0), end: .init(line: line, character: insert ? 0 : 1)),
        text: insert ? "一" : "")
      let message = body(
        "textDocument/didChange",
        DidChangeTextDocumentParams(textDocument: .init(uri: uri, version: version), contentChanges: [change]))
      let start = clock.now
      await server.handle(body: message)
      guard let done = await published.instant(of: version, timeout: budget) else {
        measurement.timedOut = true
        break
      }
      measurement.editLatencies.append(done - start)
    }
    return finished(measurement)
  }

  private static func finished(_ measurement: Measurement) -> Measurement {
    var measurement = measurement
    measurement.residentBytes = statusFigure("VmRSS:")
    measurement.peakResidentBytes = statusFigure("VmHWM:")
    return measurement
  }

  /// A "kB" figure of /proc/self/status, in bytes.
  private static func statusFigure(_ key: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.utf8Text.hasPrefix(key) {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
