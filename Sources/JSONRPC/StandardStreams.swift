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

  /// Asks for pipes of `bytes` instead of Linux's 64 KiB: a large document's didOpen, or the
  /// diagnostics of a large file, then passes in one write instead of a round trip between the
  /// two processes every 64 KiB. Elsewhere, or for a descriptor that is not a pipe, or above the
  /// system's limit, nothing happens.
  package static func enlargePipes(_ descriptors: [Int32], to bytes: Int32 = 1 << 20) {
    #if os(Linux)
      for descriptor in descriptors {
        _ = fcntl(descriptor, 1031 /* F_SETPIPE_SZ */, bytes)
      }
    #endif
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
    // The header and the body go out in one `writev`: a large body is not copied behind its header.
    let header = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    return lock.withLock { _ in
      header.withUnsafeBytes { header in
        body.withUnsafeBytes { body in writeAll(descriptor, [header, body]) }
      }
    }
  }
}

/// Writes log lines to standard error (never standard output, which carries only protocol).
package enum StandardError {
  /// Writes `line` and a newline to stderr.
  package static func write(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { _ = writeAll(2, [$0]) }
  }
}

/// Writes every byte of `buffers`, in order, retrying after a signal and after a partial write.
/// Returns false when a write fails (the peer is gone).
private func writeAll(_ descriptor: Int32, _ buffers: [UnsafeRawBufferPointer]) -> Bool {
  var pending = buffers.filter { !$0.isEmpty }
  while !pending.isEmpty {
    var vectors = pending.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
    let written = writev(descriptor, &vectors, Int32(vectors.count))
    if written < 0, errno == EINTR { continue }
    guard written > 0 else { return false }
    var remaining = written
    while let first = pending.first, remaining >= first.count {
      remaining -= first.count
      pending.removeFirst()
    }
    if remaining > 0 { pending[0] = UnsafeRawBufferPointer(rebasing: pending[0][remaining...]) }
  }
  return true
}
