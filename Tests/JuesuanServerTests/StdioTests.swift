import Foundation
import LanguageServerProtocol
import Testing

/// The real transport: the server on a thread, talking through pipes.
@Suite("The stdio transport over pipes")
struct StdioTests {
  @Test("a session with garbage in it is answered and ends with exit code 0")
  func session() async throws {
    var input = PipeServer.framed([#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#])
    input += Array("Content-Length: x\r\n\r\nnot json at all".utf8)
    input += PipeServer.framed([
      "{not json",
      #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ])
    let (code, messages) = try await PipeServer.run(input)
    #expect(code == 0)
    let responses = messages.filter { $0["method"] == nil }
    #expect(responses.compactMap { $0["id"] } == [LSPAny.int(1), .null, .int(2)])
    #expect(responses[1]["error"]?["code"] == -32700)
    #expect(responses[2]["result"] == .null)
    #expect(messages.contains { $0["method"] == "window/logMessage" })
  }

  @Test("a client that disconnects mid-message ends the server with exit code 1")
  func disconnect() async throws {
    var input = PipeServer.framed([#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#])
    input += Array("Content-Length: 100\r\n\r\n{\"jsonrpc\":".utf8)
    let (code, messages) = try await PipeServer.run(input)
    #expect(code == 1)
    #expect(messages.first { $0["method"] == nil }?["id"] == 1)
  }
}
