import Foundation
import Synchronization

/// "已检查 3/11 个文件" on stderr while a batch is checked, rewritten in place, and cleared at the
/// end. Only on a terminal (or with JUESUAN_PROGRESS=1), so that logs and pipes stay clean, and
/// only for more than one file.
final class BatchProgress: Sendable {
  private let total: Int
  private let isShown: Bool
  private let done = Mutex(0)

  init(total: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.total = total
    let forced = environment["JUESUAN_PROGRESS"]
    isShown = total > 1 && forced != "0" && (forced == "1" || isatty(STDERR_FILENO) == 1)
    if isShown { draw(0) }
  }

  /// Counts one file as checked and redraws the line.
  func fileDone() {
    guard isShown else { return }
    // Drawn inside the lock, so that a smaller count never overwrites a larger one.
    done.withLock { count in
      count += 1
      draw(count)
    }
  }

  /// Writes `line` on stderr, above the progress line when it is shown.
  func report(_ line: String) {
    guard isShown else {
      FileHandle.standardError.write(Data((line + "\n").utf8))
      return
    }
    done.withLock { count in
      FileHandle.standardError.write(Data("\r\u{1B}[K\(line)\n".utf8))
      draw(count)
    }
  }

  /// Clears the line.
  func finish() {
    guard isShown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  private func draw(_ count: Int) {
    FileHandle.standardError.write(Data("\r\u{1B}[K已检查 \(count)/\(total) 个文件".utf8))
  }
}
