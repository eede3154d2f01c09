// `text.removingWhitespace()` and `drop { $0.isWhitespace }…reversed()` break the text
// into grapheme clusters and build the result a character at a time: in profiles of an edit they
// cost more than the rules' own work. These read the UTF-8 bytes instead.
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

extension StringProtocol {
  /// The text without its whitespace: `filter { !$0.isWhitespace }` over the UTF-8 bytes, the text
  /// itself when it has none.
  package func removingWhitespace() -> String {
    var text = String(self)
    let removed = text.withUTF8 { WhitespaceBytes.removed(from: $0) }
    return removed.map { String(decoding: $0, as: UTF8.self) } ?? text
  }

  /// The text without leading and trailing whitespace.
  package func trimmingWhitespace() -> String {
    var text = String(self)
    let bounds: (Int, Int)? = text.withUTF8 { bytes in
      var start = 0
      while start < bytes.count, case let length = WhitespaceBytes.length(bytes, at: start), length > 0 {
        start += length
      }
      var end = bytes.count
      while end > start, case let length = WhitespaceBytes.length(endingAt: end, bytes), length > 0 { end -= length }
      return start == 0 && end == bytes.count ? nil : (start, end)
    }
    guard let (start, end) = bounds else { return text }
    let utf8 = text.utf8
    return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
  }
}

/// The whitespace scalars (Unicode's White_Space) in UTF-8 bytes.
package enum WhitespaceBytes {
  /// The bytes (valid UTF-8) without those of whitespace scalars: `removingWhitespace()` of their
  /// text.
  /// - Complexity: O(n).
  package static func removing(from bytes: ArraySlice<UInt8>) -> [UInt8] {
    bytes.withUnsafeBufferPointer { removed(from: $0) } ?? Array(bytes)
  }

  /// The bytes without those of whitespace scalars; nil when they hold none.
  static func removed(from bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var offset = 0
    var kept: [UInt8] = []
    var copied = 0  // bytes[..<copied] are in `kept` (or skipped)
    while offset < bytes.count {
      let whitespace = length(bytes, at: offset)
      if whitespace == 0 {
        offset += 1
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
  static func length(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    let byte = bytes[offset]
    if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
    let rest = bytes.count - offset
    if byte == 0xC2, rest >= 2 { return bytes[offset + 1] == 0x85 || bytes[offset + 1] == 0xA0 ? 2 : 0 }
    guard byte >= 0xE1, byte <= 0xE3, rest >= 3 else { return 0 }
    let scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    return Unicode.Scalar(scalar)?.isWhiteSpace == true ? 3 : 0
  }

  /// The length of the whitespace scalar ending at `end` (0 when there is none).
  static func length(endingAt end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if end >= 1, bytes[end - 1] < 0x80 { return length(bytes, at: end - 1) }
    if end >= 2, bytes[end - 2] == 0xC2 { return length(bytes, at: end - 2) }
    if end >= 3, bytes[end - 3] & 0xF0 == 0xE0 { return length(bytes, at: end - 3) }
    return 0
  }
}
