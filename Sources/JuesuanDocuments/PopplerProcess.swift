import Dispatch
import Foundation
import Synchronization

/// Runs one of poppler's tools with a time limit and a limit on its output, reading its standard
/// output and standard error at once (a tool that fills the error pipe while we wait on the
/// output pipe would otherwise never finish).
enum PopplerProcess {
  struct Outcome {
    var status: Int32
    var output: [UInt8]
    var errors: [UInt8]
  }

  /// A damaged or hostile PDF can keep pdftotext busy for a very long time.
  static let timeLimit = Duration.seconds(120)
  /// -bbox-layout writes about 150 bytes per word: 512 MB is far past any report.
  static let outputLimit = 512 << 20
  /// The statuses `run` gives when it stopped the tool.
  static let timedOut: Int32 = -1
  static let tooLarge: Int32 = -2

  static func run(_ executable: String, arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw DocumentError("无法运行 \(executable)：\(error.localizedDescription)")
    }
    let stopped = Mutex<Int32?>(nil)
    let errorBytes = Mutex<[UInt8]>([])
    let errorsRead = DispatchSemaphore(value: 0)
    let errorHandle = errors.fileHandleForReading
    DispatchQueue.global().async {
      var collected: [UInt8] = []
      while let chunk = try? errorHandle.read(upToCount: 1 << 16), !chunk.isEmpty {
        if collected.count < 1 << 20 { collected += chunk }
      }
      errorBytes.withLock { $0 = collected }
      errorsRead.signal()
    }
    let processIdentifier = process.processIdentifier
    let deadline = DispatchWorkItem {
      stopped.withLock { if $0 == nil { $0 = timedOut } }
      kill(processIdentifier, SIGKILL)
    }
    let seconds = Double(timeLimit.components.seconds)
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
    var collected: [UInt8] = []
    let handle = output.fileHandleForReading
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      collected += chunk
      if collected.count > outputLimit {
        stopped.withLock { if $0 == nil { $0 = tooLarge } }
        kill(processIdentifier, SIGKILL)
        break
      }
    }
    process.waitUntilExit()
    deadline.cancel()
    errorsRead.wait()
    let status = stopped.withLock { $0 } ?? process.terminationStatus
    return Outcome(status: status, output: collected, errors: errorBytes.withLock { $0 })
  }
}
