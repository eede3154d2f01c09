/// Splits a byte stream into JSON-RPC bodies framed by `Content-Length` headers (the LSP base
/// protocol). Byte-level and incremental: bytes may arrive split at any boundary, several messages
/// may arrive in one read.
///
/// A header block without a usable `Content-Length` is reported as `.malformed` and the parser
/// resynchronises at the next `Content-Length:` it sees; a body larger than
/// `maximumBodyBytes` is reported and skipped.
package struct FrameParser: Sendable {
  /// What the parser found in the stream.
  package enum Output: Hashable, Sendable {
    /// One message body (not yet validated as JSON or UTF-8).
    case message([UInt8])
    /// A header problem; the bytes involved were skipped.
    case malformed(String)
  }

  private enum State: Sendable {
    case header
    case body(length: Int)
    case skipping(remaining: Int)
    case resynchronising
  }

  /// A header block longer than this is treated as garbage.
  package static let maximumHeaderBytes = 8192
  /// A body longer than this is skipped with an error (a 128 MiB document is no draft report).
  package static let maximumBodyBytes = 128 << 20

  private var buffer: [UInt8] = []
  private var start = 0
  private var state = State.header
  /// How far past `start` the header has been scanned for its blank line, and where the line
  /// being scanned began: a header arriving a byte at a time is read once, not once per byte.
  private var scanned = (index: 0, lineStart: 0)
  private static let contentLengthName = Array("content-length".utf8)

  package init() {}

  /// True when no partial message is buffered.
  package var isIdle: Bool {
    if case .header = state { return buffer.count == start }
    return false
  }

  /// Adds bytes read from the stream.
  package mutating func append(_ bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// The next complete message or header problem, nil when more bytes are needed.
  /// - Complexity: O(bytes examined); header scanning is bounded by `maximumHeaderBytes`.
  package mutating func next() -> Output? {
    while true {
      switch state {
      case .header:
        if scanned.index == 0 {
          while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
        }
        guard let (headerEnd, bodyStart) = findEndOfHeader() else {
          if buffer.count - start >= Self.maximumHeaderBytes {
            state = .resynchronising
            start += 1
            scanned = (0, 0)
            return .malformed("报文头过长或缺少空行，已跳过")
          }
          compact()
          return nil
        }
        let header = buffer[start..<headerEnd]
        start = bodyStart
        scanned = (0, 0)
        switch Self.contentLength(in: header) {
        case .success(let length):
          if length > Self.maximumBodyBytes {
            state = .skipping(remaining: length)
            return .malformed("报文体过大（\(length) 字节），已跳过")
          }
          state = .body(length: length)
        case .failure(let problem):
          state = .resynchronising
          return .malformed(problem.reason)
        }
      case .body(let length):
        guard buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<(start + length)])
        start += length
        state = .header
        compact()
        return .message(body)
      case .skipping(let remaining):
        let available = min(remaining, buffer.count - start)
        start += available
        if available < remaining {
          state = .skipping(remaining: remaining - available)
          compact()
          return nil
        }
        state = .header
      case .resynchronising:
        if let found = findContentLengthName() {
          start = found
          state = .header
        } else {
          start = max(start, buffer.count - (Self.contentLengthName.count - 1))
          compact()
          return nil
        }
      }
    }
  }

  /// The end of the header lines and the start of the body: the first empty line
  /// (`\r\n\r\n`, or a bare `\n\n`).
  /// Resumes where the last call stopped (`scanned`).
  private mutating func findEndOfHeader() -> (headerEnd: Int, bodyStart: Int)? {
    var lineStart = start + scanned.lineStart
    var index = start + scanned.index
    let limit = min(buffer.count, start + Self.maximumHeaderBytes)
    while index < limit {
      if buffer[index] == 0x0A {
        let lineEnd = index > lineStart && buffer[index - 1] == 0x0D ? index - 1 : index
        if lineEnd == lineStart { return (lineStart, index + 1) }
        lineStart = index + 1
      }
      index += 1
    }
    scanned = (index - start, lineStart - start)
    return nil
  }

  private func findContentLengthName() -> Int? {
    let name = Self.contentLengthName
    var index = start
    while index + name.count <= buffer.count {
      var matches = true
      for offset in 0..<name.count where Self.lowercased(buffer[index + offset]) != name[offset] {
        matches = false
        break
      }
      if matches { return index }
      index += 1
    }
    return nil
  }

  private mutating func compact() {
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
      start = 0
    } else if start > 65536, start > buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
  }

  private struct HeaderProblem: Error {
    var reason: String
  }

  private static func contentLength(in header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
    var length: Int?
    for rawLine in header.split(separator: 0x0A) {
      var line = rawLine
      if line.last == 0x0D { line = line.dropLast() }
      // A line without a colon is noise; the block still counts if it has a Content-Length.
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = trimmed(line[line.startIndex..<colon]).map(lowercased)
      guard name == contentLengthName else { continue }
      let value = trimmed(line[(colon + 1)...])
      guard !value.isEmpty, value.count <= 12, value.allSatisfy({ (0x30...0x39).contains($0) }) else {
        return .failure(HeaderProblem(reason: "Content-Length 无效：\(String(decoding: value.prefix(40), as: UTF8.self))"))
      }
      let parsed = value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      if let length, length != parsed { return .failure(HeaderProblem(reason: "Content-Length 重复且不一致")) }
      length = parsed
    }
    guard let length else { return .failure(HeaderProblem(reason: "报文头缺少 Content-Length")) }
    return .success(length)
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
    while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
    return slice
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  /// The framed form of `body`: `Content-Length: N\r\n\r\n` followed by the body.
  package static func frame(_ body: some Collection<UInt8>) -> [UInt8] {
    var framed = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    framed.append(contentsOf: body)
    return framed
  }
}
