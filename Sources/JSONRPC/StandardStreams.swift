import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The stdio transport: a reader thread that turns a file descriptor into framed messages, and a
/// writer that frames and writes whole messages, one at a time.
package enum StandardStreams {
  /// Reads `descriptor` on a dedicated thread until end of file or a read error, yielding each
  /// framed body or header problem. The stream finishes at end of file.
  package static func messages(readingFrom descriptor: Int32) -> AsyncStream<FrameParser.Output> {
    let (stream, continuation) = AsyncStream.makeStream(of: FrameParser.Output.self)
    let thread = Thread {
      var parser = FrameParser()
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        parser.append(chunk[0..<count])
        while let output = parser.next() { continuation.yield(output) }
      }
      if !parser.isIdle { continuation.yield(.malformed("输入在报文中途结束")) }
      continuation.finish()
    }
    thread.name = "juesuan-lsp-reader"
    thread.start()
    return stream
  }

  /// Ignores SIGPIPE, so that a client that goes away makes writes fail instead of killing us.
  package static func ignoreBrokenPipes() {
    _ = signal(SIGPIPE, SIG_IGN)
  }
}

/// Writes framed messages to a file descriptor; safe to call from any thread, whole messages never
/// interleave.
package final class MessageWriter: Sendable {
  private let descriptor: Int32
  private let lock = Mutex(())

  package init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Frames `body` with its `Content-Length` and writes it. Returns false when the peer is gone.
  @discardableResult
  package func write(_ body: Data) -> Bool {
    let framed = FrameParser.frame(body)
    return lock.withLock { _ in
      framed.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
          let written = systemWrite(descriptor, base + offset, buffer.count - offset)
          if written < 0, errno == EINTR { continue }
          guard written > 0 else { return false }
          offset += written
        }
        return true
      }
    }
  }
}

/// Writes log lines to standard error (never standard output, which carries only protocol).
package enum StandardError {
  /// Writes `line` and a newline to stderr.
  package static func write(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(2, base + offset, buffer.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, pointer, count)
}
