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
    let rest = bytes.count - offset
    func continuation(_ index: Int) -> UInt32 { UInt32(bytes[offset + index] & 0x3F) }
    let value: UInt32
    let length: Int
    switch lead {
    case 0xE0..<0xF0 where rest >= 3:  // CJK, first
      value = UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
      length = 3
    case 0xC0..<0xE0 where rest >= 2:
      value = UInt32(lead & 0x1F) << 6 | continuation(1)
      length = 2
    case 0xF0... where rest >= 4:
      value = UInt32(lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
      length = 4
    default:
      return ("\u{FFFD}", 1)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The scalars of `bytes` (valid UTF-8), each with its offset.
  /// - Complexity: O(n).
  static func withOffsets(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)] {
    bytes.withUnsafeBufferPointer { source in
      // At most one scalar per byte.
      [(scalar: Unicode.Scalar, offset: Int)](unsafeUninitializedCapacity: source.count) { result, count in
        var offset = 0
        count = 0
        while offset < source.count {
          let (scalar, length) = scalar(in: source, at: offset)
          result[count] = (scalar, bytes.startIndex + offset)  // a trivial type: assigned uninitialized
          count += 1
          offset += length
        }
      }
    }
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
