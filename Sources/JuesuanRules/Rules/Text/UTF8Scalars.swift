/// Reading Unicode scalars straight from UTF-8 bytes, with their offsets: what
/// `String(decoding:).unicodeScalars` gives, without making a `String` or walking its index.
package enum UTF8Scalars {
  /// The scalar that starts at `offset` of valid UTF-8 (a `Paragraph.utf8`, a `SourceText`'s
  /// bytes) and its length in bytes. A stray continuation byte or a sequence cut by the end reads
  /// as U+FFFD of length 1, so a scan always moves on.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[offset]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
    guard length > 0, offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for index in (offset + 1)..<(offset + length) { value = value << 6 | UInt32(bytes[index] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The scalars of `bytes` (valid UTF-8), each with its offset.
  /// - Complexity: O(n).
  static func withOffsets(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)] {
    var result: [(scalar: Unicode.Scalar, offset: Int)] = []
    result.reserveCapacity(bytes.count / 3 + 16)
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let (scalar, length) = scalar(in: buffer, at: offset)
        result.append((scalar, bytes.startIndex + offset))
        offset += length
      }
    }
    return result
  }

  /// `text.hasAtMostCharacters(limit)`, answered without walking graphemes when the first
  /// `limit + 1` scalars each stand alone (`standsAlone`): then the text has more Characters.
  package static func hasAtMostCharacters(_ text: String, _ limit: Int) -> Bool {
    if text.utf8.count <= limit { return true }
    var scalars = 0
    for scalar in text.unicodeScalars {
      guard standsAlone(scalar) else { return text.hasAtMostCharacters(limit) }
      scalars += 1
      if scalars > limit { return false }
    }
    return true
  }
}
