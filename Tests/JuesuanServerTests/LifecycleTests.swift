import Foundation
import JSONRPC
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("Lifecycle and protocol errors")
struct LifecycleTests {
  @Test("initialize advertises what is implemented")
  func capabilities() async throws {
    let client = TestClient()
    let result = try await client.initialize()
    let capabilities = result.capabilities
    #expect(capabilities.positionEncoding == "utf-16")
    #expect(capabilities.textDocumentSync == .init(openClose: true, change: 2, save: .init(includeText: false)))
    #expect(capabilities.diagnosticProvider == nil)
    #expect(capabilities.codeActionProvider?.codeActionKinds == ["quickfix", "source.fixAll.juesuan"])
    #expect(capabilities.hoverProvider == true)
    #expect(capabilities.documentSymbolProvider == true)
    #expect(capabilities.completionProvider == nil)  // empty catalogue
    #expect(result.serverInfo?.name == "juesuan")
  }

  @Test(
    "the position encoding is the client's first supported preference",
    arguments: [
      ([String]?.none, "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), (["x-unknown"], "utf-16"),
      (["x-unknown", "utf-8"], "utf-8"),
    ])
  func encodingNegotiation(offered: [String]?, expected: String) async throws {
    let result = try await TestClient().initialize(encodings: offered)
    #expect(result.capabilities.positionEncoding == expected)
  }

  @Test("requests before initialize fail with ServerNotInitialized")
  func beforeInitialize() async throws {
    let client = TestClient()
    await client.open("file:///a.md", "共计××万元")
    await #expect(throws: ResponseError.serverNotInitialized) {
      try await client.request(
        "textDocument/hover",
        TextDocumentPositionParams(textDocument: .init(uri: "file:///a.md"), position: .init(line: 0, character: 0)),
        as: Hover?.self)
    }
    #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
  }

  @Test("shutdown then exit ends with 0; requests after shutdown are invalid")
  func shutdownAndExit() async throws {
    let client = TestClient()
    try await client.initialize()
    _ = try await client.request("shutdown", LSPAny?.none, as: LSPAny?.self)
    do {
      _ = try await client.request(
        "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: "u")), as: LSPAny.self)
      Issue.record("expected an error")
    } catch let error as ResponseError {
      #expect(error.code == -32600)
    }
    #expect(await client.server.exitCode == nil)
    await client.notify("exit", LSPAny?.none)
    #expect(await client.server.exitCode == 0)
  }

  @Test("exit without shutdown ends with 1")
  func exitWithoutShutdown() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.notify("exit", LSPAny?.none)
    #expect(await client.server.exitCode == 1)
  }

  @Test("malformed bodies get error responses and the server keeps serving")
  func malformedBodies() async throws {
    let client = TestClient()
    try await client.initialize()
    await client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":")
    await client.server.handle(body: [0x7B, 0xFF, 0xFE, 0x7D])
    await client.sendRaw("[]")
    #expect(client.errorsWithoutID == [-32700, -32700, -32600])
    await client.sendRaw(#"{"jsonrpc":"2.0","method":"no/such/notification","params":{}}"#)
    await #expect(throws: ResponseError.methodNotFound("no/such/method")) {
      try await client.request("no/such/method", LSPAny.object([:]), as: LSPAny.self)
    }
    do {
      _ = try await client.request("textDocument/hover", LSPAny.object(["textDocument": .int(3)]), as: LSPAny.self)
      Issue.record("expected an error")
    } catch let error as ResponseError {
      #expect(error.code == -32602)
    }
    do {
      _ = try await client.request(
        "textDocument/documentSymbol", TextDocumentParams(textDocument: .init(uri: "file:///none.md")),
        as: [DocumentSymbol].self)
      Issue.record("expected an error")
    } catch let error as ResponseError {
      #expect(error.code == -32803)
    }
  }

  @Test("the stdio loop skips a malformed header, answers, and exits with 0")
  func serveLoop() async throws {
    let client = TestClient()
    var stream: [UInt8] = Array("Content-Length: nope\r\n\r\n{}".utf8)
    let bodies = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
      #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ]
    for body in bodies { stream += FrameParser.frame(Array(body.utf8)) }
    let (messages, continuation) = AsyncStream.makeStream(of: FrameParser.Output.self)
    var parser = FrameParser()
    for byte in stream {
      parser.append([byte])
      while let output = parser.next() { continuation.yield(output) }
    }
    continuation.finish()
    let code = await LanguageServer.serve(client.server, messages: messages)
    #expect(code == 0)
    #expect(client.response(to: .number(1)) != nil)
    #expect(client.response(to: .number(2)) != nil)
  }

  @Test("a stream that ends without exit returns 1")
  func endOfInput() async {
    let (messages, continuation) = AsyncStream.makeStream(of: FrameParser.Output.self)
    continuation.yield(.message(Array("Content-Len".utf8)))
    continuation.finish()
    #expect(await LanguageServer.serve(TestClient().server, messages: messages) == 1)
  }
}
