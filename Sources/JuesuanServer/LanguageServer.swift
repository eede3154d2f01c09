internal import Dispatch
package import JSONRPC
internal import Synchronization

/// The `juesuan lsp` entry point: a language server on stdin/stdout.
package enum LanguageServer {
  /// Serves on stdin/stdout until `exit` or end of input; returns the process exit code
  /// (0 after `shutdown` then `exit`, 1 otherwise). Logs go to stderr.
  package static func runStdio() -> Int32 {
    run(input: 0, output: 1)
  }

  /// Serves on two file descriptors (stdin/stdout, or pipes in tests); blocks until `exit` or end
  /// of input and returns the exit code.
  package static func run(input: Int32, output: Int32, options: Server.Options = Server.Options()) -> Int32 {
    StandardStreams.ignoreBrokenPipes()
    StandardStreams.enlargePipes([input, output])
    let writer = MessageWriter(descriptor: output)
    let server = Server(options: options, send: { writer.write($0) })
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      let code = await serve(server, messages: StandardStreams.messages(readingFrom: input))
      outcome.code.withLock { $0 = code }
      done.signal()
    }
    done.wait()
    return outcome.code.withLock { $0 }
  }

  /// Feeds framed messages to `server` in order until `exit` or the end of the stream.
  package static func serve(_ server: Server, messages: AsyncStream<FrameParser.Output>) async -> Int32 {
    for await output in messages {
      switch output {
      case .message(let body): await server.handle(body: body)
      case .malformed(let reason): await server.handleMalformedFrame(reason)
      }
      if let code = await server.exitCode { return code }
    }
    return await server.hasShutDown ? 0 : 1
  }

  private final class Outcome: Sendable {
    let code = Mutex<Int32>(1)
  }
}
