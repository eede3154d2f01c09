import Foundation
import LanguageServerProtocol
import Testing

/// A client that goes away: the server over real pipes ends with an exit code, never a crash
/// (SIGPIPE) or a hang. (End of input in the middle of a body: StdioTests.)
@Suite("Clients that disconnect")
struct DisconnectTests {
  private static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
  private static let goodbye = [
    #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"共计××万元"}}}"#,
    #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#,
  ]

  @Test(
    "end of input in a header, after a header, or inside a UTF-8 character ends the server with 1",
    arguments: [
      "Content-Len", "Content-Length: 40\r\n", "Content-Length: 40\r\n\r\n", "Content-Length: 40\r\n\r\n{\"a\":\"共",
    ])
  func endOfInputMidMessage(_ tail: String) async throws {
    var input = PipeServer.framed([Self.initialize])
    input += Array(tail.utf8.dropLast(tail.hasSuffix("共") ? 1 : 0))
    let (code, messages) = try await PipeServer.run(input)
    #expect(code == 1)
    #expect(messages.first { $0["method"] == nil }?["id"] == 1)
  }

  @Test("a client that stopped reading: writes fail, the session still ends with exit code 0")
  func stoppedReading() async throws {
    let (code, _) = try await PipeServer.run(PipeServer.framed([Self.initialize] + Self.goodbye), closingOutput: true)
    #expect(code == 0)
  }

  @Test("garbage, a lying Content-Length and a truncated body in the middle: later messages are still served")
  func garbageMidSession() async throws {
    var input = PipeServer.framed([Self.initialize])
    input += Array("\u{0}\u{FF}garbage\r\n\r\n".utf8) + [0xFF, 0xFE]
    input += Array("Content-Length: 3\r\n\r\n{\"jsonrpc\":\"2.0\"}\r\n\r\n".utf8)
    input += PipeServer.framed(Self.goodbye)
    let (code, messages) = try await PipeServer.run(input)
    #expect(code == 0)
    // The 3-byte body `{"j` is answered with a parse error; the rest of the lie is skipped.
    let responses = messages.filter { $0["method"] == nil }
    #expect(responses.compactMap { $0["id"] } == [1, .null, 2])
    #expect(responses[1]["error"]?["code"] == -32700)
  }
}
