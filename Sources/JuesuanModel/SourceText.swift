#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A position as the Language Server Protocol counts it: 0-based line, and a column in the
/// negotiated encoding (UTF-16 code units unless the client asked for UTF-8 or UTF-32).
package struct Position: Hashable, Sendable, Codable, Comparable {
  package var line: Int
  package var character: Int

  package init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  package static func < (lhs: Position, rhs: Position) -> Bool {
    (lhs.line, lhs.character) < (rhs.line, rhs.character)
  }
}

/// A range of LSP positions, end exclusive.
package struct LineRange: Hashable, Sendable, Codable {
  package var start: Position
  package var end: Position

  package init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }
}

/// How columns are counted at the edge (LSP `PositionEncodingKind`).
package enum PositionEncoding: String, Sendable, Codable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"
}

/// The text of one document as UTF-8 bytes, with the line table that converts byte offsets to
/// LSP positions and back. The only place where offsets become line/column pairs.
///
/// A line ends at `\n`, `\r\n` or a lone `\r` (as LSP counts them). A leading BOM is kept in the
/// bytes; it is an ordinary character at column 0 of line 0 for the client too.
package struct SourceText: Sendable, Equatable {
  /// The document's bytes. Invalid UTF-8 never reaches here: `init(decoding:)` repairs it.
  package let bytes: [UInt8]
  /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
  package let lineStarts: [Int]
  /// True when the input held invalid UTF-8 that was replaced by U+FFFD.
  package let hadInvalidUTF8: Bool

  /// - Complexity: O(n) in the length of the text.
  package init(_ string: String) {
    self.init(validBytes: Array(string.utf8), hadInvalidUTF8: false)
  }

  /// Decodes possibly invalid UTF-8, replacing each invalid sequence with U+FFFD.
  /// - Complexity: O(n).
  package init(decoding data: [UInt8]) {
    // Valid UTF-8, nearly every document, is kept as read: validated, not copied and compared.
    if String(validating: data, as: UTF8.self) != nil {
      self.init(validBytes: data, hadInvalidUTF8: false)
    } else {
      self.init(validBytes: Array(String(decoding: data, as: UTF8.self).utf8), hadInvalidUTF8: true)
    }
  }

  private init(validBytes: [UInt8], hadInvalidUTF8: Bool) {
    bytes = validBytes
    self.hadInvalidUTF8 = hadInvalidUTF8
    var starts = [0]
    starts.reserveCapacity(validBytes.count / 40 + 1)
    Self.scanLineStarts(validBytes, from: 0, through: validBytes.count - 1, into: &starts)
    lineStarts = starts
  }

  /// Appends the line starts that the line ends in `bytes[from...through]` make (a "\r\n"
  /// straddling `through` read whole); returns the first byte not read.
  @discardableResult
  private static func scanLineStarts(_ bytes: [UInt8], from: Int, through last: Int, into starts: inout [Int]) -> Int {
    let end = min(last + 1, bytes.count)
    guard from < end else { return from }
    let onlyLineFeeds = bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress, memchr(base + from, 0x0D, end - from) == nil else { return false }
      // No "\r": each line ends at a "\n", which memchr finds.
      var index = from
      while index < end, let found = memchr(base + index, 0x0A, end - index) {
        index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        starts.append(index)
      }
      return true
    }
    if onlyLineFeeds { return end }
    var index = from
    let count = bytes.count
    while index <= last, index < count {
      let byte = bytes[index]
      if byte == 0x0A {
        starts.append(index + 1)
      } else if byte == 0x0D {
        if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    return index
  }

  /// The text with the bytes of `range` replaced by `replacement` (whole UTF-8 sequences, as a
  /// `String` gives them; `range` on character boundaries, as `utf8Offset(of:)` gives them). The
  /// line table is kept before the edit, rescanned across it, and shifted after it, so a
  /// keystroke does not rescan or revalidate the document.
  /// - Complexity: O(n) byte copy plus O(lines) table copy; scanning only the replacement.
  package func replacing(_ range: Range<Int>, with replacement: some Collection<UInt8>) -> SourceText {
    let lower = max(0, min(range.lowerBound, bytes.count))
    let upper = max(lower, min(range.upperBound, bytes.count))
    var newBytes: [UInt8] = []
    newBytes.reserveCapacity(bytes.count - (upper - lower) + replacement.count)
    newBytes += bytes[..<lower]
    newBytes += replacement
    let replacedEnd = newBytes.count
    newBytes += bytes[upper...]
    let delta = replacedEnd - upper
    // Starts before `lower` depend only on bytes before it. From the byte before the edit (a
    // "\r" there may now pair with a "\n") to the first old byte after it, rescan; later starts
    // depend only on old bytes and move by `delta`.
    var starts: [Int] = []
    starts.reserveCapacity(lineStarts.count + 16)
    starts += lower == 0 ? [0] : lineStarts[...line(ofUTF8Offset: lower - 1)]
    let index = Self.scanLineStarts(newBytes, from: max(0, lower - 1), through: replacedEnd, into: &starts)
    // `index` is now the first byte not rescanned, an old one, read afresh by both scans. The
    // later starts are copied, then moved in place (a loop the compiler vectorizes).
    let moved = starts.count
    starts += lineStarts[(line(ofUTF8Offset: index - delta) + 1)...]
    if delta != 0 {
      starts.withUnsafeMutableBufferPointer { starts in
        for position in moved..<starts.count { starts[position] &+= delta }
      }
    }
    return SourceText(bytes: newBytes, lineStarts: starts)
  }

  /// The text of a line-aligned byte range as a document of its own; its line table is taken
  /// from this one rather than rescanned. Offsets in the part are offsets in `self` minus
  /// `range.lowerBound`.
  /// - Complexity: O(length of the range).
  package func part(_ range: Range<Int>) -> SourceText {
    let first = line(ofUTF8Offset: range.lowerBound)
    var starts: [Int] = []
    var index = first
    while index < lineStarts.count, lineStarts[index] <= range.upperBound {
      starts.append(lineStarts[index] - range.lowerBound)
      index += 1
    }
    return SourceText(bytes: Array(bytes[range]), lineStarts: starts)
  }

  private init(bytes: [UInt8], lineStarts: [Int]) {
    self.bytes = bytes
    self.lineStarts = lineStarts
    hadInvalidUTF8 = false
  }

  /// The whole text as a `String`.
  package var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Number of lines (an empty text has one empty line).
  package var lineCount: Int { lineStarts.count }

  /// Byte range of line `line` without its line terminator.
  package func byteRange(ofLine line: Int) -> Range<Int> {
    guard line >= 0, line < lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line]
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// The text of line `line` without its terminator.
  package func text(ofLine line: Int) -> String { text(in: byteRange(ofLine: line)) }

  /// The text of a byte range (clamped to the document).
  package func text(in range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, bytes.count))
    let upper = max(lower, min(range.upperBound, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// The 0-based line holding byte `offset`.
  /// - Complexity: O(log lines).
  package func line(ofUTF8Offset offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The LSP position of byte `offset`, columns counted in `encoding`.
  /// - Complexity: O(log lines + line length).
  package func position(ofUTF8Offset offset: Int, encoding: PositionEncoding = .utf16) -> Position {
    let clamped = max(0, min(offset, bytes.count))
    let line = line(ofUTF8Offset: clamped)
    let start = lineStarts[line]
    return Position(line: line, character: Self.columns(bytes[start..<clamped], encoding: encoding))
  }

  /// The LSP range of a byte range.
  package func lineRange(of range: Range<Int>, encoding: PositionEncoding = .utf16) -> LineRange {
    LineRange(
      start: position(ofUTF8Offset: range.lowerBound, encoding: encoding),
      end: position(ofUTF8Offset: range.upperBound, encoding: encoding))
  }

  /// The byte offset of an LSP position; positions past a line's end clamp to the line end,
  /// lines past the end clamp to the end of the text (as the LSP specification asks).
  /// - Complexity: O(log lines + line length).
  package func utf8Offset(of position: Position, encoding: PositionEncoding = .utf16) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let lineBytes = byteRange(ofLine: position.line)
    var remaining = max(0, position.character)
    var index = lineBytes.lowerBound
    while index < lineBytes.upperBound, remaining > 0 {
      let byte = bytes[index]
      let length = Self.sequenceLength(lead: byte)
      let units: Int
      switch encoding {
      case .utf8: units = length
      case .utf16: units = length == 4 ? 2 : 1
      case .utf32: units = 1
      }
      if units > remaining { break }
      remaining -= units
      index += length
    }
    return min(index, lineBytes.upperBound)
  }

  private static func sequenceLength(lead: UInt8) -> Int {
    switch lead {
    case 0..<0x80: return 1
    case 0xC0..<0xE0: return 2
    case 0xE0..<0xF0: return 3
    case 0xF0...: return 4
    default: return 1
    }
  }

  private static func columns(_ slice: ArraySlice<UInt8>, encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8:
      return slice.count
    case .utf16:
      var count = 0
      for byte in slice where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
      return count
    case .utf32:
      var count = 0
      for byte in slice where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
  }
}

extension SourceText {
  /// The 0-based lines that hold `pattern` (UTF-8 bytes), in order, each once: found by one byte
  /// search over the text, so a check that needs a word reads only the lines that have it.
  package func lines(holding pattern: [UInt8]) -> [Int] {
    var lines: [Int] = []
    var from = 0
    while let found = UTF8Text.firstOffset(of: pattern, in: bytes, from: from) {
      let line = line(ofUTF8Offset: found)
      if lines.last != line { lines.append(line) }
      from = found + pattern.count
    }
    return lines
  }
}
