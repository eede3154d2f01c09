import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Synchronization

/// The server on real pipes, as an editor runs it (StdioTests, DisconnectTests).
enum PipeServer {
  private final class ExitBox: Sendable {
    let code = Mutex<Int32?>(nil)
  }

  /// Runs the server on `input` (then end of file) and returns its exit code (nil if it did not
  /// end within 5 s) and the bodies it wrote; with `closingOutput`, the client has already closed
  /// its end of the server's output, so every write fails.
  static func run(_ input: [UInt8], closingOutput: Bool = false) async throws -> (Int32?, [LSPAny]) {
    let toServer = Pipe()
    let fromServer = Pipe()
    if closingOutput { try fromServer.fileHandleForReading.close() }
    let box = ExitBox()
    let inputDescriptor = toServer.fileHandleForReading.fileDescriptor
    let outputDescriptor = fromServer.fileHandleForWriting.fileDescriptor
    let thread = Thread {
      let code = LanguageServer.run(
        input: inputDescriptor, output: outputDescriptor,
        options: .init(debounce: .fixed(.zero), logsToStandardError: false, readsConfigurationFiles: false))
      box.code.withLock { $0 = code }
    }
    thread.start()
    try toServer.fileHandleForWriting.write(contentsOf: input)
    try toServer.fileHandleForWriting.close()
    for _ in 0..<1000 where box.code.withLock({ $0 }) == nil {
      try await Task.sleep(for: .milliseconds(5))
    }
    try fromServer.fileHandleForWriting.close()
    guard !closingOutput else { return (box.code.withLock { $0 }, []) }
    var parser = FrameParser()
    parser.append(try fromServer.fileHandleForReading.readToEnd() ?? Data())
    var messages: [LSPAny] = []
    while let frame = parser.next() {
      guard case .message(let body) = frame else { continue }
      messages.append(try JSONDecoder().decode(LSPAny.self, from: Data(body)))
    }
    return (box.code.withLock { $0 }, messages)
  }

  /// Content-Length frames of `bodies`.
  static func framed(_ bodies: [String]) -> [UInt8] {
    bodies.flatMap { FrameParser.frame(Array($0.utf8)) }
  }
}
