/// A unit of text that a scan compares: a `Character`, or a `Unicode.Scalar` of a text in which
/// every scalar is a `Character` of its own (`UTF8Scalars.standsAlone`). A scan written over
/// `TextGlyph` reads such a text — nearly every report — scalar by scalar, with the answers it
/// would give reading `Character`s, which cost a grapheme-break test and a normalising comparison
/// each.
protocol TextGlyph: Equatable, ExpressibleByUnicodeScalarLiteral {
  /// "0"…"9".
  var isASCIIDigit: Bool { get }
  /// `Character.isLetter` of a character outside ASCII.
  var isLetterBeyondASCII: Bool { get }
}

extension Character: TextGlyph {
  var isASCIIDigit: Bool { isASCII && isNumber }
  var isLetterBeyondASCII: Bool { isLetter && !isASCII }
}

extension Unicode.Scalar: TextGlyph {
  var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
  var isLetterBeyondASCII: Bool {
    // Every CJK ideograph is alphabetic: most answers need no property look-up.
    (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x80 && properties.isAlphabetic)
  }
}

extension UTF8Scalars {
  /// Whether `scalar` is a `Character` of its own next to any other such scalar, equal to another
  /// of them only when the scalars are equal: no combining mark, joiner, variation selector,
  /// conjoining jamo or regional indicator, no carriage return (which pairs with a line feed), and
  /// none canonically equivalent to another (Ω U+2126 is Ω U+03A9). ASCII, Latin and Greek letters,
  /// CJK ideographs and punctuation, full-width forms and the symbols of a report (≥ ≤ ℃ ① ■) are.
  /// (Checked over every such scalar: each pair and random runs of them count one Character per
  /// scalar, and no two of them are equal as Characters.)
  package static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x0C, 0x0E...0x7F, 0xA0...0x24F, 0x391...0x3C9: true
    case 0x2010...0x2027, 0x2030...0x205E: true  // dashes, quotes, …, ‰, ※
    case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A: false  // Ω K Å 〈 〉 as other scalars
    case 0x2100...0x23FF, 0x2460...0x27BF: true  // ℃, Ⅰ, arrows, ≥ ≤, ①, box drawing, ■ ○ ☆
    case 0x3000...0x3029, 0x3030...0x303F: true  // 、。《》「」【】 (not the tone marks 302A…302F)
    case 0x3400...0x9FFF: true  // CJK ideographs (and the hexagrams 4DC0…4DFF)
    case 0xFF01...0xFF65, 0xFFE0...0xFFE6, 0xFFFD: true  // full-width forms, ￥, U+FFFD
    default: false
    }
  }

  /// The scalars of `bytes` (valid UTF-8) with their offsets, when each stands alone
  /// (`standsAlone`); nil when one does not, and the text must be read as `Character`s.
  /// - Complexity: O(n).
  static func standingAlone(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)]? {
    allStandAlone(bytes) ? withOffsets(bytes) : nil
  }

  /// Whether every scalar of `bytes` (valid UTF-8) stands alone (`standsAlone`).
  /// - Complexity: O(n).
  static func allStandAlone(_ bytes: [UInt8]) -> Bool { allStandAlone(bytes[...]) }

  /// Whether every scalar of `bytes` (valid UTF-8) stands alone (`standsAlone`).
  /// - Complexity: O(n).
  static func allStandAlone(_ bytes: ArraySlice<UInt8>) -> Bool {
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
}
