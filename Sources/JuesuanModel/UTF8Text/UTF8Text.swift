#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text read from its UTF-8 bytes rather than its `Character`s: the one scanning API of the
/// parser, the analysis and the rules. A text's own searches are asked of its view,
/// `line.utf8Text.contains("合计")`; the same over byte arrays, and the reading of scalars and
/// white space from bytes, are the type's static functions (`UTF8Text.firstOffset(of:in:)`).
///
/// With Foundation imported, `String.contains(_:)` and `range(of:)` search through CFString with
/// locale-aware folding, and the standard library's `hasPrefix` compares Characters unless both
/// strings are ASCII: over CJK text that is a grapheme walk per call, and the parser asks
/// thousands of times per edit. These compare exact UTF-8 (no canonical-equivalence folding),
/// which is what a report's CJK text and ASCII punctuation need, and which texts whose scalars
/// are Characters of their own (`UTF8Text.standsAlone`) answer as `Character`s would.
package struct UTF8Text: Sendable {
  /// The text viewed: a whole String's bytes are lent without a copy, a Substring's through
  /// `withUTF8`.
  private enum Storage: Sendable {
    case string(String)
    case substring(Substring)
  }

  private let storage: Storage

  /// The view of `text`.
  package init(_ text: Substring) { storage = .substring(text) }

  /// The view of `text`.
  package init(_ text: String) { storage = .string(text) }

  /// True when `other` occurs in the text (false for the empty string, as Foundation answers).
  package func contains(_ other: String) -> Bool { !other.isEmpty && firstOffset(of: other) != nil }

  /// True when `other` occurs in the text (false for the empty string).
  package func contains(_ other: Substring) -> Bool { !other.isEmpty && firstOffset(of: String(other)) != nil }

  /// True when `character` occurs in the text: `"，。；".utf8Text.contains(character)` as a byte
  /// search rather than the generic `Sequence.contains`, which breaks the text into graphemes.
  package func contains(_ character: Character) -> Bool { firstOffset(of: String(character)) != nil }

  /// The first occurrence of `other`, nil when absent or empty.
  package func range(of other: String) -> Range<String.Index>? {
    guard !other.isEmpty, let offset = firstOffset(of: other) else { return nil }
    switch storage {
    case .string(let text): return Self.range(at: offset, length: other.utf8.count, in: text)
    case .substring(let text): return Self.range(at: offset, length: other.utf8.count, in: text)
    }
  }

  /// The last occurrence of `other`, nil when absent or empty (for `range(of:options: .backwards)`,
  /// which Foundation answers slowly).
  package func lastRange(of other: String) -> Range<String.Index>? {
    let pattern = Array(other.utf8)
    guard !pattern.isEmpty else { return nil }
    let found: Int? = withBytes { bytes in
      var start = bytes.count - pattern.count
      while start >= 0 {
        if bytes[start] == pattern[0], pattern.indices.allSatisfy({ bytes[start + $0] == pattern[$0] }) { return start }
        start -= 1
      }
      return nil
    }
    guard let found else { return nil }
    switch storage {
    case .string(let text): return Self.range(at: found, length: pattern.count, in: text)
    case .substring(let text): return Self.range(at: found, length: pattern.count, in: text)
    }
  }

  /// True when the text starts with `prefix` (always for the empty string), the match ending on a
  /// Character boundary (so "1" is not a prefix of "1\u{20E3}", as the standard library answers).
  package func hasPrefix(_ prefix: String) -> Bool { hasAffix(prefix, atEnd: false) }

  /// True when the text ends with `suffix` (always for the empty string), the match starting on a
  /// Character boundary.
  package func hasSuffix(_ suffix: String) -> Bool { hasAffix(suffix, atEnd: true) }

  /// Whether the text has at most `limit` Characters: `count <= limit` without walking the
  /// graphemes of a text whose bytes or scalars already answer (`limit + 1` scalars that stand
  /// alone are `limit + 1` Characters), and never past `limit + 1`.
  package func hasAtMostCharacters(_ limit: Int) -> Bool {
    switch storage {
    case .string(let text): Self.hasAtMostCharacters(limit, text)
    case .substring(let text): Self.hasAtMostCharacters(limit, text)
    }
  }

  /// Whether the text equals `other`, a text in NFC, as `==` answers (canonical equivalence): by
  /// their bytes, unless this text is not made of single-scalar Characters in NFC
  /// (`hasSingleScalarCharacters`).
  package func isSame(as other: String) -> Bool {
    hasSameBytes(as: other) || !withBytes(Self.hasSingleScalarCharacters) && string == other
  }

  /// Whether the text equals one of `others`, texts in NFC, as `others.contains(text)` answers.
  package func isSame(asAnyOf others: [String]) -> Bool {
    others.contains(where: hasSameBytes) || !withBytes(Self.hasSingleScalarCharacters) && others.contains(string)
  }

  /// Whether the text and `other` have the same UTF-8 bytes.
  package func hasSameBytes(as other: String) -> Bool {
    switch storage {
    case .string(let text): Self.hasSameBytes(text, other)
    case .substring(let text): Self.hasSameBytes(text, other)
    }
  }

  /// The UTF-8 offset of the first occurrence of `other` in the text (0 for the empty string).
  func firstOffset(of other: String) -> Int? {
    // Native strings lend their bytes without a copy.
    if case .string(let text) = storage {
      var found: Int?
      var searched = false
      _ = text.utf8.withContiguousStorageIfAvailable { hay in
        other.utf8.withContiguousStorageIfAvailable { pattern in
          found = Self.offset(of: pattern, in: hay)
          searched = true
        }
      }
      if searched { return found }
    }
    var needle = other
    return withBytes { hay in needle.withUTF8 { pattern in Self.offset(of: pattern, in: hay) } }
  }

  /// The text as a `String`.
  var string: String {
    switch storage {
    case .string(let text): text
    case .substring(let text): String(text)
    }
  }

  /// `body` of the text's UTF-8 bytes.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch storage {
    case .string(var text): text.withUTF8(body)
    case .substring(var text): text.withUTF8(body)
    }
  }

  private static func range(at offset: Int, length: Int, in text: some StringProtocol) -> Range<String.Index> {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    return start..<utf8.index(start, offsetBy: length)
  }

  private static func hasAtMostCharacters(_ limit: Int, _ text: some StringProtocol) -> Bool {
    if text.utf8.count <= limit { return true }
    var scalars = 0
    for scalar in text.unicodeScalars {
      guard standsAlone(scalar) else {
        return text.unicodeScalars.count <= limit || text.prefix(limit + 1).count <= limit
      }
      scalars += 1
      if scalars > limit { return false }
    }
    return true
  }

  private static func hasSameBytes(_ text: some StringProtocol, _ other: String) -> Bool {
    guard text.utf8.count == other.utf8.count else { return false }
    let same = text.utf8.withContiguousStorageIfAvailable { mine in
      other.utf8.withContiguousStorageIfAvailable { theirs in mine.elementsEqual(theirs) }
    }
    return (same ?? nil) ?? text.utf8.elementsEqual(other.utf8)
  }
}

extension String {
  /// The text read from its UTF-8 bytes (`UTF8Text`).
  package var utf8Text: UTF8Text { UTF8Text(self) }
}

extension Substring {
  /// The text read from its UTF-8 bytes (`UTF8Text`).
  package var utf8Text: UTF8Text { UTF8Text(self) }
}

// Prefixes and suffixes: the bytes compared, then the match's edge checked to be a Character
// boundary, settled from the scalars on its two sides where they are single-scalar Characters.
extension UTF8Text {
  /// `hasPrefix` (or `hasSuffix`, `atEnd`).
  @inline(__always)
  private func hasAffix(_ word: String, atEnd: Bool) -> Bool {
    switch storage {
    case .string(let text):
      guard text.utf8.count >= word.utf8.count else { return false }
      return Self.settledMatch(text, word, atEnd: atEnd) ?? Self.matches(text[...], word, atEnd: atEnd)
    case .substring(let text):
      return text.utf8.count >= word.utf8.count && Self.matches(text, word, atEnd: atEnd)
    }
  }

  /// `matches(_:_:atEnd:)` for a whole String, when its bytes settle the answer (nil when they
  /// do not: a match whose boundary the neighbouring scalars leave open, or no contiguous bytes).
  @inline(__always)
  private static func settledMatch(_ text: String, _ word: String, atEnd: Bool) -> Bool? {
    let match = text.utf8.withContiguousStorageIfAvailable { bytes in
      word.utf8.withContiguousStorageIfAvailable { pattern in compare(bytes, pattern, atEnd: atEnd) }
    }
    switch match {
    case .different: return false
    case .same: return true
    default: return nil
    }
  }

  /// Whether `text` starts (or ends, `atEnd`) with the bytes of `word`, the match ending (or
  /// starting) on a Character boundary of `text`. `text` is at least as long as `word`.
  private static func matches(_ text: Substring, _ word: String, atEnd: Bool) -> Bool {
    let length = word.utf8.count
    guard length > 0 else { return true }
    let utf8 = text.utf8
    var match: Match?
    _ = utf8.withContiguousStorageIfAvailable { bytes in
      word.utf8.withContiguousStorageIfAvailable { pattern in match = compare(bytes, pattern, atEnd: atEnd) }
    }
    let start = atEnd ? utf8.index(utf8.endIndex, offsetBy: -length) : utf8.startIndex
    switch match {
    case .different: return false
    case .same: return true
    case .unsettled: break
    case nil: guard utf8[start...].prefix(length).elementsEqual(word.utf8) else { return false }
    }
    let edge = atEnd ? start : utf8.index(start, offsetBy: length)
    return edge == utf8.startIndex || edge == utf8.endIndex || String.Index(edge, within: text) != nil
  }

  /// What comparing the bytes found.
  private enum Match {
    case different
    case same
    /// The bytes are the same; whether the match ends on a Character boundary is not known.
    case unsettled
  }

  /// Compares `pattern` with the start (or end) of `bytes`, and settles the boundary from the
  /// scalars on its two sides when it can be (`settlesCharacterBoundary`).
  private static func compare(
    _ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, atEnd: Bool
  ) -> Match? {
    let length = pattern.count
    guard let base = bytes.baseAddress, let needle = pattern.baseAddress, length <= bytes.count else { return nil }
    let start = atEnd ? bytes.count - length : 0
    guard memcmp(base + start, needle, length) == 0 else { return .different }
    let edge = atEnd ? start : length
    let settled = edge == 0 || edge == bytes.count || settlesCharacterBoundary(in: bytes, at: edge)
    return settled ? .same : .unsettled
  }
}

// Tests of many words at once. Lending a String's bytes costs about a hundred instructions, more
// than searching a short line: a line tested for a dozen keywords lends its bytes once, and the
// words are encoded once, when the list is made.
extension UTF8Text {
  /// Words to test a text for, with their UTF-8 bytes: `UTF8Text.Words` of a list literal.
  package struct Words: Sendable, ExpressibleByArrayLiteral {
    fileprivate let texts: [String]
    fileprivate let bytes: [[UInt8]]

    /// The words `texts`.
    package init(_ texts: [String]) {
      self.texts = texts
      bytes = texts.map { Array($0.utf8) }
    }

    /// The words of the literal.
    package init(arrayLiteral texts: String...) { self.init(texts) }
  }

  /// True when one of `words` occurs in the text, as `words.contains { text.contains($0) }`
  /// answers.
  package func contains(anyOf words: Words) -> Bool {
    withBytes { text in
      words.bytes.contains { word in
        !word.isEmpty && word.withUnsafeBufferPointer { Self.offset(of: $0, in: text) } != nil
      }
    }
  }

  /// True when the text starts with one of `words`, as `words.contains { text.hasPrefix($0) }`
  /// answers.
  package func hasPrefix(anyOf words: Words) -> Bool {
    // Nil when a match's edge is not settled by the bytes: then each word is asked the long way.
    let settled: Bool? = withBytes { text in
      var isOpen = false
      for word in words.bytes where word.count <= text.count {
        switch word.withUnsafeBufferPointer({ Self.compare(text, $0, atEnd: false) }) {
        case .same: return true
        case .different: continue
        case .unsettled, nil: isOpen = true
        }
      }
      return isOpen ? nil : false
    }
    return settled ?? words.texts.contains(where: hasPrefix)
  }
}
