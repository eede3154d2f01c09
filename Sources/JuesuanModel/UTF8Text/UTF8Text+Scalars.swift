// Unicode scalars read straight from UTF-8 bytes: what `String(decoding:).unicodeScalars` gives,
// without making a `String` or walking its index; and which scalars are `Character`s of their
// own, so that a text made only of them can be read scalar by scalar (or byte by byte) with the
// answers a `Character` walk gives. Over CJK text each Character step runs the grapheme-breaking
// rules, which made Character walks a large share of a parse; the parser checks once per line
// (`Line.hasSingleScalarCharacters`) and keeps the Character code for the rare line that fails.
extension UTF8Text {
  /// The scalar that starts at `offset` of valid UTF-8 (a `Paragraph.utf8`, a `SourceText`'s
  /// bytes) and its length in bytes. A stray continuation byte or a sequence cut by the end reads
  /// as U+FFFD of length 1, so a scan always moves on.
  @inline(__always)
  package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (
    scalar: Unicode.Scalar, length: Int
  ) {
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
  @inlinable
  package static func length(ofLead lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// Whether `scalar` is a `Character` of its own next to any other such scalar, equal to another
  /// text only by being the same scalar: not a combining mark, joiner, variation selector,
  /// conjoining jamo, emoji modifier or regional indicator, not a carriage return (which pairs
  /// with a line feed), and not one that NFC replaces (Ω U+2126 is Ω U+03A9, U+2000 is U+2002, the
  /// CJK compatibility ideographs). Only the blocks a report writes in are looked at: ASCII, Latin
  /// and Greek letters, general punctuation and symbols (≥ ≤ ℃ ① ■), CJK ideographs with their
  /// punctuation, kana and full-width forms. Any other scalar answers false. (Tested over every
  /// such scalar: each pair and random runs of them count one Character per scalar, and no two of
  /// them are equal as Characters.)
  package static func standsAlone(_ scalar: Unicode.Scalar) -> Bool { standsAlone(scalar.value) }

  /// `standsAlone(_:)` of a scalar value.
  @inline(__always)
  static func standsAlone(_ value: UInt32) -> Bool {
    switch value {
    case 0x00...0x0C, 0x0E...0x7F: true  // ASCII but CR
    case 0x80...0x2FF: true  // Latin-1, Latin extended, IPA, spacing modifiers (not the marks at U+0300)
    case 0x391...0x3C9: true  // Greek letters
    case 0x2002...0x200B, 0x200E...0x205F, 0x2070...0x20CF: true  // spaces, dashes, quotes, ‰, currency
    case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC: false  // Ω K Å 〈 〉 ⫝̸, which NFC replaces
    case 0x2100...0x2BFF, 0x2E00...0x2FFF: true  // ℃, Ⅰ, arrows, ≥ ≤, ①, box drawing, ■ ○ ☆; radicals
    case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x3FFF: true  // 、。《》「」, kana (not 302A…302F, 3099, 309A)
    case 0x4000...0x9FFF: true  // CJK ideographs (and the hexagrams 4DC0…4DFF)
    case 0xF000...0xF8FF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFEFF: true  // private use; vertical, small forms
    case 0xFF01...0xFF9D, 0xFFE0...0xFFEE, 0xFFFC, 0xFFFD: true  // full-width forms (not FF9E, FF9F), ￥
    case 0x2F800...0x2FA1F: false  // CJK compatibility ideographs supplement
    case 0x20000...0x3FFFF: true  // CJK extension ideographs
    default: false
    }
  }

  /// Whether every scalar of `bytes` (valid UTF-8) stands alone (`standsAlone`).
  /// - Complexity: O(n).
  package static func allStandAlone(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      var offset = 0
      while offset < bytes.count {
        let lead = bytes[offset]
        // ASCII but CR, and the leads E4…E9 of U+4000…U+9FFF, need no decoding.
        if lead < 0x80, lead != 0x0D {
          offset += 1
        } else if lead >= 0xE4, lead <= 0xE9, offset + 2 < bytes.count {
          offset += 3
        } else {
          let (scalar, length) = scalar(in: bytes, at: offset)
          guard standsAlone(scalar) else { return false }
          offset += length
        }
      }
      return true
    }
  }

  /// Whether every scalar of `bytes` (valid UTF-8) stands alone (`standsAlone`).
  /// - Complexity: O(n).
  package static func allStandAlone(_ bytes: [UInt8]) -> Bool { allStandAlone(bytes[...]) }

  /// The offset where the last `count` scalars of `bytes` (valid UTF-8) start, when they and the
  /// scalar before them (if any) stand alone: then they are the last `count` Characters. Nil when
  /// one does not, and Characters must be counted.
  package static func startOfLast(_ count: Int, standingAloneIn bytes: [UInt8]) -> Int? {
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

  /// The scalars of `bytes` (valid UTF-8), and the offset of each followed by `bytes.count`.
  /// - Complexity: O(n).
  package static func scalarsAndOffsets(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
    var offsets: [Int] = []
    let scalars = bytes.withUnsafeBufferPointer { source in
      // At most one scalar per byte, and one offset more; both filled in one pass.
      [Unicode.Scalar](unsafeUninitializedCapacity: source.count) { result, count in
        offsets = [Int](unsafeUninitializedCapacity: source.count + 1) { starts, written in
          var offset = 0
          var index = 0
          while offset < source.count {
            let (scalar, length) = scalar(in: source, at: offset)
            result[index] = scalar  // trivial types: assigned uninitialized
            starts[index] = offset
            index += 1
            offset += length
          }
          starts[index] = source.count
          written = index + 1
          count = index
        }
      }
    }
    return (scalars, offsets)
  }

  /// The scalars of `bytes` (valid UTF-8), each with its offset.
  /// - Complexity: O(n).
  package static func scalarsWithOffsets(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)] {
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

  /// The scalars of `bytes` (valid UTF-8) with their offsets, when each stands alone
  /// (`standsAlone`); nil when one does not, and the text must be read as `Character`s.
  /// - Complexity: O(n).
  package static func scalarsStandingAlone(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)]? {
    allStandAlone(bytes) ? scalarsWithOffsets(bytes) : nil
  }
}

// Texts whose Characters are their scalars: then a text equals another NFC text (as `String`s
// compare, by canonical equivalence) exactly when their bytes are equal.
extension UTF8Text {
  /// True when every Unicode scalar of `bytes` is a Character by itself and the text is in NFC:
  /// no scalar that joins the one before it (combining marks, variation selectors, joiners,
  /// conjoining Hangul jamo, emoji modifiers) or the one after it (prepended marks, regional
  /// indicators), no "\r\n", and no scalar that normalisation replaces (CJK compatibility
  /// ideographs, U+2000, U+2126…). Scalars are accepted only from the blocks a report writes in,
  /// which hold none of those but a few, excluded: ASCII, Latin, general punctuation and
  /// symbols, CJK with its punctuation, kana and full-width forms. Any other scalar answers false.
  /// - Complexity: O(n).
  static func hasSingleScalarCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        if lead == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { return false }
        index += 1
        continue
      }
      guard let length = singleScalarLength(in: bytes, at: index) else { return false }
      index += length
    }
    return true
  }

  /// `hasSingleScalarCharacters` of the bytes of a text.
  static func hasSingleScalarCharacters(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { hasSingleScalarCharacters($0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { hasSingleScalarCharacters($0) }
  }

  /// The length of the scalar starting at `index` when it is one `hasSingleScalarCharacters`
  /// accepts (an ASCII byte always is; "\r\n" is the caller's to rule out), else nil.
  @inline(__always)
  static func singleScalarLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let lead = bytes[index]
    switch lead {
    case 0..<0x80:
      return 1
    case 0xE4...0xE9:
      return index + 2 < bytes.count ? 3 : nil  // U+4000–U+9FFF: CJK ideographs, which stand alone
    case 0xC2...0xCB:
      return index + 1 < bytes.count ? 2 : nil  // U+0080–U+02FF: Latin, which stands alone
    default:
      let length = length(ofLead: lead)
      guard lead >= 0xC2, index + length <= bytes.count else { return nil }
      return standsAlone(scalar(in: bytes, at: index).scalar) ? length : nil
    }
  }

  /// True when offset `edge` of `bytes` (a scalar boundary inside them) is a Character boundary
  /// because the scalars on both sides of it are ones `hasSingleScalarCharacters` accepts, and
  /// not "\r" and "\n"; false when that does not settle it.
  static func settlesCharacterBoundary(in bytes: UnsafeBufferPointer<UInt8>, at edge: Int) -> Bool {
    guard edge > 0, edge < bytes.count, singleScalarLength(in: bytes, at: edge) != nil else { return false }
    var before = edge - 1
    while before > 0, edge - before < 4, bytes[before] & 0xC0 == 0x80 { before -= 1 }
    guard let length = singleScalarLength(in: bytes, at: before), before + length == edge else { return false }
    return !(bytes[before] == 0x0D && bytes[edge] == 0x0A)
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The scalar whose UTF-8 starts at `offset`, and its length; nil at or past the end (or for
  /// an offset inside a scalar, or bytes cut short).
  @inline(__always)
  func scalar(at offset: Int) -> (value: UInt32, length: Int)? {
    guard offset >= 0, offset < count, self[offset] & 0xC0 != 0x80 else { return nil }
    let length = UTF8Text.length(ofLead: self[offset])
    guard offset + length <= count else { return nil }
    return (UTF8Text.scalar(in: self, at: offset).scalar.value, length)
  }

  /// The last scalar of the bytes, nil when they are empty.
  var lastScalar: UInt32? {
    var start = count - 1
    while start > 0, self[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start)?.value
  }
}
