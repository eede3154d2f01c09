import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Synchronization
import Testing

/// A client that goes away: the server over real pipes ends with an exit code, never a crash
/// (SIGPIPE) or a hang. (End of input in the middle of a body: StdioTests.)
@Suite("Clients that disconnect")
struct DisconnectTests {
  private final class ExitBox: Sendable {
    let code = Mutex<Int32?>(nil)
  }

  private static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
  private static let goodbye = [
    #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"共计××万元"}}}"#,
    #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#,
  ]

  /// Runs the server on `input` (then end of file) and returns its exit code (nil if it did not
  /// end within 5 s) and the bodies it wrote; with `closingOutput`, the client has already closed
  /// its end of the server's output, so every write fails.
  private static func run(_ input: [UInt8], closingOutput: Bool = false) async throws -> (Int32?, [LSPAny]) {
    let toServer = Pipe()
    let fromServer = Pipe()
    if closingOutput { try fromServer.fileHandleForReading.close() }
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
    guard !closingOutput else { return (box.code.withLock { $0 }, []) }
    var parser = FrameParser()
    parser.append(try fromServer.fileHandleForReading.readToEnd() ?? Data())
    var messages: [LSPAny] = []
    while case .message(let body) = parser.next() {
      messages.append(try JSONDecoder().decode(LSPAny.self, from: Data(body)))
    }
    return (box.code.withLock { $0 }, messages)
  }

  private static func framed(_ bodies: [String]) -> [UInt8] {
    bodies.flatMap { FrameParser.frame(Array($0.utf8)) }
  }

  @Test(
    "end of input in a header, after a header, or inside a UTF-8 character ends the server with 1",
    arguments: [
      "Content-Len", "Content-Length: 40\r\n", "Content-Length: 40\r\n\r\n", "Content-Length: 40\r\n\r\n{\"a\":\"共",
    ])
  func endOfInputMidMessage(_ tail: String) async throws {
    var input = Self.framed([Self.initialize])
    input += Array(tail.utf8.dropLast(tail.hasSuffix("共") ? 1 : 0))
    let (code, messages) = try await Self.run(input)
    #expect(code == 1)
    #expect(messages.first { $0["method"] == nil }?["id"] == 1)
  }

  @Test("a client that stopped reading: writes fail, the session still ends with exit code 0")
  func stoppedReading() async throws {
    let (code, _) = try await Self.run(Self.framed([Self.initialize] + Self.goodbye), closingOutput: true)
    #expect(code == 0)
  }

  @Test("garbage, a lying Content-Length and a truncated body in the middle: later messages are still served")
  func garbageMidSession() async throws {
    var input = Self.framed([Self.initialize])
    input += Array("\u{0}\u{FF}garbage\r\n\r\n".utf8) + [0xFF, 0xFE]
    input += Array("Content-Length: 3\r\n\r\n{\"jsonrpc\":\"2.0\"}\r\n\r\n".utf8)
    input += Self.framed(Self.goodbye)
    let (code, messages) = try await Self.run(input)
    #expect(code == 0)
    // The 3-byte body `{"j` is answered with a parse error; the rest of the lie is skipped.
    let responses = messages.filter { $0["method"] == nil }
    #expect(responses.compactMap { $0["id"] } == [1, .null, 2])
    #expect(responses[1]["error"]?["code"] == -32700)
  }
}
