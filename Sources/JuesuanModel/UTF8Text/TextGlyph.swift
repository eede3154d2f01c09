/// A unit of text that a scan compares: a `Character`, or a `Unicode.Scalar` of a text in which
/// every scalar is a `Character` of its own (`UTF8Text.standsAlone`). A scan written over
/// `TextGlyph` reads such a text — nearly every report — scalar by scalar, with the answers it
/// would give reading `Character`s, which cost a grapheme-break test and a normalising comparison
/// each.
package protocol TextGlyph: Equatable, ExpressibleByUnicodeScalarLiteral {
  /// "0"…"9".
  var isASCIIDigit: Bool { get }
  /// `Character.isLetter` of a character outside ASCII.
  var isLetterBeyondASCII: Bool { get }
}

extension Character: TextGlyph {
  package var isASCIIDigit: Bool { isASCII && isNumber }
  package var isLetterBeyondASCII: Bool { isLetter && !isASCII }
}

extension Unicode.Scalar: TextGlyph {
  package var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
  package var isLetterBeyondASCII: Bool {
    // Every CJK ideograph is alphabetic: most answers need no property look-up.
    (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x80 && properties.isAlphabetic)
  }
}
