import Foundation
import JuesuanServer
import Synchronization

/// `juesuan lsp`: the language server over stdio. `--bench FILE` measures it instead (the same
/// server in-process: first diagnostics, edit → diagnostics p50/p99, memory).
enum LanguageServerEntry {
  static func run(_ arguments: [String]) -> Int32 {
    if let index = arguments.firstIndex(of: "--bench") {
      guard index + 1 < arguments.count, let data = FileManager.default.contents(atPath: arguments[index + 1]) else {
        return CheckCommand.fail("用法：juesuan lsp --bench FILE [--edits N]")
      }
      var edits = 200
      if let flag = arguments.firstIndex(of: "--edits"), flag + 1 < arguments.count,
        let count = Int(arguments[flag + 1])
      {
        edits = count
      }
      let text = String(decoding: data, as: UTF8.self)
      let box = ResultBox()
      let done = DispatchSemaphore(value: 0)
      Task {
        await box.set(LanguageServerBenchmark.run(text: text, edits: edits).summary)
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
