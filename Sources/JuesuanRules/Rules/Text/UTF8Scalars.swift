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

  /// The length of the scalar that `lead` starts in valid UTF-8; 1 for a continuation byte, so
  /// that a scan skipping from scalar to scalar finds the next lead after a stray one.
  @inline(__always)
  static func length(ofLead lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The offset where the last `count` scalars of `bytes` (valid UTF-8) start, when they and the
  /// scalar before them (if any) stand alone: then they are the last `count` Characters. Nil when
  /// one does not stand alone, and Characters must be counted.
  static func startOfLast(_ count: Int, standingAloneIn bytes: [UInt8]) -> Int? {
    var start = bytes.count
    var scalars = 0
    while start > 0, scalars <= count {
      var lead = start - 1
      while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      guard standsAlone(bytes.withUnsafeBufferPointer { scalar(in: $0, at: lead).scalar }) else { return nil }
      scalars += 1
      if scalars <= count { start = lead }
    }
    return start
  }

  /// The bytes without those of white-space scalars (`removingWhitespace()` of their text).
  static func removingWhiteSpace(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { bytes in
      var offset = 0
      var run = 0  // the start of the bytes not yet kept
      while offset < bytes.count {
        let lead = bytes[offset]
        // White space is ASCII or starts C2, E1, E2 or E3.
        guard lead < 0x80 || (lead >= 0xE1 && lead <= 0xE3) || lead == 0xC2 else {
          offset += 1
          continue
        }
        let (scalar, length) = scalar(in: bytes, at: offset)
        if scalar.isWhiteSpace {
          kept.append(contentsOf: bytes[run..<offset])
          run = offset + length
        }
        offset += length
      }
      kept.append(contentsOf: bytes[run..<bytes.count])
    }
    return kept
  }

  /// The scalars of `bytes` (valid UTF-8), and the offset of each followed by `bytes.count`.
  /// - Complexity: O(n).
  static func scalarsAndOffsets(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
    var offsets: [Int] = []
    offsets.reserveCapacity(bytes.count + 1)
    let scalars = bytes.withUnsafeBufferPointer { source in
      // At most one scalar per byte.
      [Unicode.Scalar](unsafeUninitializedCapacity: source.count) { result, count in
        var offset = 0
        count = 0
        while offset < source.count {
          let (scalar, length) = scalar(in: source, at: offset)
          result[count] = scalar  // a trivial type: assigned uninitialized
          offsets.append(offset)
          count += 1
          offset += length
        }
      }
    }
    offsets.append(bytes.count)
    return (scalars, offsets)
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
  static func hasAtMostCharacters(_ text: String, _ limit: Int) -> Bool {
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
