/// Removing Markdown and HTML decoration from a line or a cell: HTML tags (`<b>`, `<h2 …>`),
/// `**` emphasis, a heading's leading `#`s, and surrounding whitespace.
enum Decoration {
  /// Whether `stripped(_:)` may change `bytes`: they hold `<`, `#` or `*`, or start or end with a
  /// byte of whitespace (an ASCII space or tab; a lead byte E3 or a last byte 80 of U+3000).
  static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { isPadded(bytes) || hasDecorationByte(bytes) }

  /// Whether the bytes start or end with a byte of whitespace (see `mayChange(_:)`).
  static func isPadded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    return first == 0x20 || first == 0x09 || first == 0xE3 || last == 0x20 || last == 0x09 || last == 0x0D
      || last == 0x80
  }

  /// Whether the bytes hold `<`, `#` or `*`.
  static func hasDecorationByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 == 0x3C || $0 == 0x23 || $0 == 0x2A }
  }

  /// The text of `bytes` without decoration, for a text whose every scalar is a Character
  /// (`SingleScalarText`): tags removed, each `**` dropped, whitespace trimmed, then leading `#`s
  /// and the whitespace after them. Exactly what `strippedByCharacter(_:)` gives such a text,
  /// including its reading of `***` (the third `*` removes the Character before the pair).
  static func stripped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var inTag = false
    var previousIsStar = false
    for byte in bytes {
      if byte == 0x3C {
        inTag = true
      } else if byte == 0x3E && inTag {
        inTag = false
      } else if !inTag {
        if byte == 0x2A && previousIsStar {
          removeLastScalar(&result)
        } else {
          result.append(byte)
        }
      }
      previousIsStar = byte == 0x2A
    }
    return result.withUnsafeBufferPointer { kept in
      var start = 0
      var end = kept.count
      while start < end, case let length = WhitespaceBytes.length(kept, at: start), length > 0 { start += length }
      if start < end, kept[start] == 0x23 {
        while start < end, kept[start] == 0x23 { start += 1 }
        while start < end, case let length = WhitespaceBytes.length(kept, at: start), length > 0 { start += length }
      }
      while end > start, case let length = WhitespaceBytes.length(endingAt: end, kept), length > 0 { end -= length }
      return Array(kept[start..<end])
    }
  }

  /// Removes the last scalar of `bytes` (nothing when empty).
  private static func removeLastScalar(_ bytes: inout [UInt8]) {
    while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
    if !bytes.isEmpty { bytes.removeLast() }
  }

  /// `text` without decoration: the bytes' reading when every scalar is a Character, else the
  /// Character-by-Character one.
  static func stripped(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard mayChange(bytes) else { return nil }
      guard SingleScalarText.holds(in: bytes) else {
        return strippedByCharacter(String(decoding: bytes, as: UTF8.self))
      }
      return String(decoding: stripped(bytes), as: UTF8.self)
    } ?? text
  }

  /// The reading of `stripped(_:)` by Characters, for any text.
  private static func strippedByCharacter(_ text: String) -> String {
    var result = ""
    var inTag = false
    var previous: Character = " "
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        if character == "*" && previous == "*" {
          // "***": the third star removes the Character before the first two (none: nothing).
          if !result.isEmpty { result.removeLast() }
        } else {
          result.append(character)
        }
      }
      previous = character
    }
    var trimmed = Substring(result).drop { $0.isWhitespace }
    if trimmed.hasPrefix("#") {
      trimmed = trimmed.drop { $0 == "#" }.drop { $0.isWhitespace }
    }
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }
}
