/// Removing Markdown and HTML decoration from a line or a cell: HTML tags (`<b>`, `<h2 …>`),
/// `**` and `***` emphasis (every run of two or more `*`; a lone `*` stays), a heading's leading
/// `#`s, and surrounding whitespace.
enum Decoration {
  /// Whether `stripped(_:)` may change `bytes`: they hold `<`, `#` or `*`, or start or end with a
  /// byte of whitespace (an ASCII space or tab; a lead byte E3 or a last byte 80 of U+3000).
  static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { isPadded(bytes) || hasDecorationByte(bytes) }

  /// Whether the bytes start or end with whitespace that `stripped(_:)` trims: an ASCII space,
  /// tab or CR, U+3000, a no-break space… (a lead byte E3 or a last byte 80 is enough to say yes).
  static func isPadded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    return first == 0x20 || first == 0x09 || first == 0xE3 || last == 0x20 || last == 0x09 || last == 0x0D
      || last == 0x80 || UTF8Text.whitespaceLength(in: bytes, at: 0) > 0
      || UTF8Text.whitespaceLength(in: bytes, endingAt: bytes.count) > 0
  }

  /// Whether the bytes hold `<`, `#` or `*`.
  static func hasDecorationByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 == 0x3C || $0 == 0x23 || $0 == 0x2A }
  }

  /// The text of `bytes` without decoration, for a text whose every scalar is a Character
  /// (`UTF8Text.hasSingleScalarCharacters`): tags removed, each run of two or more `*` dropped, whitespace trimmed,
  /// then leading `#`s and the whitespace after them. Exactly what `strippedByCharacter(_:)` gives
  /// such a text.
  static func stripped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var inTag = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0x3C {
        inTag = true
      } else if byte == 0x3E && inTag {
        inTag = false
      } else if !inTag {
        guard byte == 0x2A else {
          result.append(byte)
          continue
        }
        let runStart = index - 1
        while index < bytes.count, bytes[index] == 0x2A { index += 1 }
        if index - runStart == 1 { result.append(byte) }
      }
    }
    return result.withUnsafeBufferPointer { kept in
      var start = 0
      var end = kept.count
      while start < end, case let length = UTF8Text.whitespaceLength(in: kept, at: start), length > 0 {
        start += length
      }
      if start < end, kept[start] == 0x23 {
        while start < end, kept[start] == 0x23 { start += 1 }
        while start < end, case let length = UTF8Text.whitespaceLength(in: kept, at: start), length > 0 {
          start += length
        }
      }
      while end > start, case let length = UTF8Text.whitespaceLength(in: kept, endingAt: end), length > 0 {
        end -= length
      }
      return Array(kept[start..<end])
    }
  }

  /// `text` without decoration: the bytes' reading when every scalar is a Character, else the
  /// Character-by-Character one.
  static func stripped(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard mayChange(bytes) else { return nil }
      guard UTF8Text.hasSingleScalarCharacters(bytes) else {
        return strippedByCharacter(String(decoding: bytes, as: UTF8.self))
      }
      return String(decoding: stripped(bytes), as: UTF8.self)
    } ?? text
  }

  /// The reading of `stripped(_:)` by Characters, for any text.
  private static func strippedByCharacter(_ text: String) -> String {
    var result = ""
    var inTag = false
    var stars = 0  // the `*`s just read, not yet kept or dropped
    for character in text {
      if character == "*" && !inTag {
        stars += 1
        continue
      }
      if stars == 1 { result.append("*") }
      stars = 0
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    if stars == 1 { result.append("*") }
    var trimmed = Substring(result).drop { $0.isWhitespace }
    if trimmed.utf8Text.hasPrefix("#") {
      trimmed = trimmed.drop { $0 == "#" }.drop { $0.isWhitespace }
    }
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }
}
