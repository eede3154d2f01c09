// White space read from UTF-8 bytes. `text.removingWhitespace()` as `filter { !$0.isWhitespace }`
// and `drop { $0.isWhitespace }…reversed()` break the text into grapheme clusters and build the
// result a character at a time: in profiles of an edit they cost more than the rules' own work.
//
// `Character.isWhitespace` is its first scalar's White_Space property; these test every scalar.
// The two differ only for a combining mark written right after a space, which a report has no
// use for.

extension Unicode.Scalar {
  /// Unicode's White_Space property (what `properties.isWhitespace` reads from the tables).
  package var isWhiteSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}

extension UTF8Text {
  /// The text without its whitespace: `filter { !$0.isWhitespace }` over the UTF-8 bytes, the text
  /// itself when it has none.
  package func removingWhitespace() -> String {
    var copy = string
    let removed = copy.withUTF8 { Self.removedWhitespace(from: $0) }
    return removed.map { String(decoding: $0, as: UTF8.self) } ?? copy
  }

  /// The text without leading and trailing whitespace.
  package func trimmingWhitespace() -> String {
    var copy = string
    let bounds: (Int, Int)? = copy.withUTF8 { bytes in
      var start = 0
      while start < bytes.count, case let length = Self.whitespaceLength(in: bytes, at: start), length > 0 {
        start += length
      }
      var end = bytes.count
      while end > start, case let length = Self.whitespaceLength(in: bytes, endingAt: end), length > 0 {
        end -= length
      }
      return start == 0 && end == bytes.count ? nil : (start, end)
    }
    guard let (start, end) = bounds else { return copy }
    let utf8 = copy.utf8
    return String(copy[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
  }

  /// The bytes (valid UTF-8) without those of whitespace scalars: `removingWhitespace()` of their
  /// text.
  /// - Complexity: O(n).
  package static func removingWhitespace(from bytes: ArraySlice<UInt8>) -> [UInt8] {
    bytes.withUnsafeBufferPointer { removedWhitespace(from: $0) } ?? Array(bytes)
  }

  /// The bytes without those of whitespace scalars; nil when they hold none.
  static func removedWhitespace(from bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var offset = 0
    var kept: [UInt8] = []
    var copied = 0  // bytes[..<copied] are in `kept` (or skipped)
    while offset < bytes.count {
      let whitespace = whitespaceLength(in: bytes, at: offset)
      if whitespace == 0 {
        // No whitespace starts inside a scalar: the rest of this one needs no look.
        offset += length(ofLead: bytes[offset])
        continue
      }
      if kept.isEmpty { kept.reserveCapacity(bytes.count) }
      kept.append(contentsOf: bytes[copied..<offset])
      offset += whitespace
      copied = offset
    }
    guard copied > 0 else { return nil }
    kept.append(contentsOf: bytes[copied...])
    return kept
  }

  /// The length of the whitespace scalar starting at `offset` (0 when there is none).
  static func whitespaceLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    let byte = bytes[offset]
    if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
    let rest = bytes.count - offset
    if byte == 0xC2, rest >= 2 { return bytes[offset + 1] == 0x85 || bytes[offset + 1] == 0xA0 ? 2 : 0 }
    guard byte >= 0xE1, byte <= 0xE3, rest >= 3 else { return 0 }
    // White space from U+1000 up is U+1680, U+2000…U+205F or U+3000: second bytes 9A, 80, 81.
    guard case let second = bytes[offset + 1], second == 0x80 || second == 0x81 || second == 0x9A else { return 0 }
    let scalar = UInt32(byte & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    return Unicode.Scalar(scalar)?.isWhiteSpace == true ? 3 : 0
  }

  /// The length of the whitespace scalar ending at `end` (0 when there is none).
  static func whitespaceLength(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
    if end >= 1, bytes[end - 1] < 0x80 { return whitespaceLength(in: bytes, at: end - 1) }
    if end >= 2, bytes[end - 2] == 0xC2 { return whitespaceLength(in: bytes, at: end - 2) }
    if end >= 3, bytes[end - 3] & 0xF0 == 0xE0 { return whitespaceLength(in: bytes, at: end - 3) }
    return 0
  }

  /// The offset of the first byte at or after `offset` of `bytes` that is not an ASCII space, a
  /// tab or an ideographic space (U+3000).
  @inlinable
  package static func skippingSpaces(in bytes: [UInt8], from offset: Int) -> Int {
    var index = offset
    while index < bytes.count {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if index + 2 < bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
        index += 3  // U+3000
      } else {
        break
      }
    }
    return index
  }

  /// The offset after the last byte before `offset` (exclusive end) of `bytes` that is not an
  /// ASCII space or a tab.
  @inlinable
  package static func skippingSpacesBackward(in bytes: [UInt8], from offset: Int) -> Int {
    var index = offset
    while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
    return index
  }
}
