import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Synchronization
import Testing

/// The real transport: the server on a thread, talking through pipes.
@Suite("The stdio transport over pipes")
struct StdioTests {
  private final class ExitBox: Sendable {
    let code = Mutex<Int32?>(nil)
  }

  /// Runs the server on `input`, returns its exit code and every JSON body it wrote.
  private static func run(_ input: [UInt8]) async throws -> (Int32?, [LSPAny]) {
    let toServer = Pipe()
    let fromServer = Pipe()
    let box = ExitBox()
    let inputDescriptor = toServer.fileHandleForReading.fileDescriptor
    let outputDescriptor = fromServer.fileHandleForWriting.fileDescriptor
    let thread = Thread {
      let code = LanguageServer.run(
        input: inputDescriptor, output: outputDescriptor,
        options: .init(debounce: .zero, logsToStandardError: false, readsConfigurationFiles: false))
      box.code.withLock { $0 = code }
    }
    thread.start()
    try toServer.fileHandleForWriting.write(contentsOf: input)
    try toServer.fileHandleForWriting.close()
    for _ in 0..<1000 where box.code.withLock({ $0 }) == nil {
      try await Task.sleep(for: .milliseconds(5))
    }
    try fromServer.fileHandleForWriting.close()
    let output = try fromServer.fileHandleForReading.readToEnd() ?? Data()
    var parser = FrameParser()
    parser.append(output)
    var messages: [LSPAny] = []
    while let frame = parser.next() {
      guard case .message(let body) = frame else { continue }
      messages.append(try JSONDecoder().decode(LSPAny.self, from: Data(body)))
    }
    return (box.code.withLock { $0 }, messages)
  }

  private static func framed(_ bodies: [String]) -> [UInt8] {
    bodies.flatMap { FrameParser.frame(Array($0.utf8)) }
  }

  @Test("a session with garbage in it is answered and ends with exit code 0")
  func session() async throws {
    var input = Self.framed([#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#])
    input += Array("Content-Length: x\r\n\r\nnot json at all".utf8)
    input += Self.framed([
      "{not json",
      #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ])
    let (code, messages) = try await Self.run(input)
    #expect(code == 0)
    let responses = messages.filter { $0["method"] == nil }
    #expect(responses.compactMap { $0["id"] } == [LSPAny.int(1), .null, .int(2)])
    #expect(responses[1]["error"]?["code"] == -32700)
    #expect(responses[2]["result"] == .null)
    #expect(messages.contains { $0["method"] == "window/logMessage" })
  }

  @Test("a client that disconnects mid-message ends the server with exit code 1")
  func disconnect() async throws {
    var input = Self.framed([#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#])
    input += Array("Content-Length: 100\r\n\r\n{\"jsonrpc\":".utf8)
    let (code, messages) = try await Self.run(input)
    #expect(code == 1)
    #expect(messages.first { $0["method"] == nil }?["id"] == 1)
  }
}
