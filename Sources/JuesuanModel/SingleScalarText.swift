// Much of the parser was written against `Character`s: `count`, `first`, `prefix(while:)`,
// trimming `isWhitespace`. Over CJK text each Character step runs the grapheme-breaking rules,
// which made Character walks a large share of a parse. In a text where every Unicode scalar is a
// Character of its own, which is every line of a report in practice, the same answers come from
// the UTF-8 bytes. The parser checks that once per line (`Line.hasSingleScalarCharacters`) and
// keeps the Character code for the rare line that fails the check, so both give the same model.

enum SingleScalarText {
  /// True when every Unicode scalar of `bytes` is a Character by itself and the text is in NFC:
  /// no scalar that joins the one before it (combining marks, variation selectors, joiners,
  /// conjoining Hangul jamo, emoji modifiers) or the one after it (prepended marks, regional
  /// indicators), no "\r\n", and no scalar that normalisation replaces (CJK compatibility
  /// ideographs, U+2000, U+2126…). Scalars are accepted only from the blocks a report writes in,
  /// which hold none of those but a few, excluded: ASCII, Latin, general punctuation and
  /// symbols, CJK with its punctuation, kana and full-width forms. Any other scalar answers false.
  ///
  /// Such a text equals another NFC text (as `String`s compare, by canonical equivalence)
  /// exactly when their bytes are equal, and its Characters are its scalars.
  /// - Complexity: O(n).
  static func holds(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        if lead == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { return false }
        index += 1
        continue
      }
      guard let length = standaloneLength(bytes, at: index) else { return false }
      index += length
    }
    return true
  }

  /// The length of the scalar starting at `index` when it is one `holds(in:)` accepts (an
  /// ASCII byte always is; "\r\n" is the caller's to rule out), else nil.
  @inline(__always)
  static func standaloneLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let lead = bytes[index]
    switch lead {
    case 0..<0x80:
      return 1
    case 0xE4...0xE9:
      return index + 2 < bytes.count ? 3 : nil  // U+4000–U+9FFF: CJK ideographs, which stand alone
    case 0xC2...0xCB:
      return index + 1 < bytes.count ? 2 : nil  // U+0080–U+02FF: Latin, which stands alone
    default:
      let length = UTF8Scalars.length(ofLead: lead)
      guard lead >= 0xC2, index + length <= bytes.count else { return nil }
      return UTF8Scalars.standsAlone(UTF8Scalars.scalar(in: bytes, at: index).scalar) ? length : nil
    }
  }

  /// True when offset `edge` of `bytes` (a scalar boundary inside them) is a Character boundary
  /// because the scalars on both sides of it are ones `holds(in:)` accepts, and not "\r" and
  /// "\n"; false when that does not settle it.
  static func settlesBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at edge: Int) -> Bool {
    guard edge > 0, edge < bytes.count, standaloneLength(bytes, at: edge) != nil else { return false }
    var before = edge - 1
    while before > 0, edge - before < 4, bytes[before] & 0xC0 == 0x80 { before -= 1 }
    guard let length = standaloneLength(bytes, at: before), before + length == edge else { return false }
    return !(bytes[before] == 0x0D && bytes[edge] == 0x0A)
  }

  /// `holds(in:)` for the bytes of a text.
  static func holds(in text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { holds(in: $0) } ?? holds(in: Array(text.utf8))
  }

  private static func holds(in bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { holds(in: $0) } }
}

extension String {
  /// Whether the text equals `other`, a text in NFC, as `==` answers (canonical equivalence):
  /// by their bytes, unless this text is not a single-scalar NFC text (`SingleScalarText`).
  func isSame(as other: String) -> Bool {
    hasSameBytes(as: other) || !SingleScalarText.holds(in: self) && self == other
  }

  /// Whether the text equals one of `others`, texts in NFC, as `others.contains(self)` answers.
  func isSame(asAnyOf others: [String]) -> Bool {
    others.contains(where: hasSameBytes) || !SingleScalarText.holds(in: self) && others.contains(self)
  }

  /// Whether the two texts have the same UTF-8 bytes.
  func hasSameBytes(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    let same = utf8.withContiguousStorageIfAvailable { mine in
      other.utf8.withContiguousStorageIfAvailable { theirs in mine.elementsEqual(theirs) }
    }
    return (same ?? nil) ?? utf8.elementsEqual(other.utf8)
  }
}
