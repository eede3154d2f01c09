import Foundation
import JuesuanServer
import Synchronization

/// `juesuan lsp`: the language server over stdio. `--bench FILE` measures it instead (the same
/// server in-process, no debounce: first diagnostics, edit → diagnostics p50/p99, memory; `--edits N`
/// edits at most, for `--budget SECONDS` at most).
enum LanguageServerEntry {
  static func run(_ arguments: [String]) -> Int32 {
    if let index = arguments.firstIndex(of: "--bench") {
      guard index + 1 < arguments.count, let data = FileManager.default.contents(atPath: arguments[index + 1]) else {
        return CheckCommand.fail("用法：juesuan lsp --bench FILE [--edits N] [--budget SECONDS]")
      }
      func number(after flag: String) -> Int? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
      }
      let edits = max(0, number(after: "--edits") ?? 200)
      let budget = Duration.seconds(max(1, number(after: "--budget") ?? 120))
      let text = String(decoding: data, as: UTF8.self)
      let box = ResultBox()
      let done = DispatchSemaphore(value: 0)
      Task {
        await box.set(LanguageServerBenchmark.run(text: text, edits: edits, budget: budget).summary)
        done.signal()
      }
      done.wait()
      let summary = box.valueSync()
      print(summary)
      return 0
    }
    return LanguageServer.runStdio()
  }
}

/// Carries the benchmark's summary out of its task.
private final class ResultBox: Sendable {
  private let storage = Mutex<String>("")
  func set(_ value: String) async { storage.withLock { $0 = value } }
  func valueSync() -> String { storage.withLock { $0 } }
}
