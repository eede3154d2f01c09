#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// With Foundation imported, `text.contains("合计")` and `text.range(of: "单位：")` resolve to
// Foundation's StringProtocol methods, which search through CFString with locale-aware folding:
// in profiles they were a third of all instructions. These concrete overloads win overload
// resolution over Foundation's generic ones and search the UTF-8 bytes (`ByteSearch`).
//
// They match exact UTF-8 (no canonical-equivalence folding), which is what a report's CJK text
// and ASCII punctuation need.

extension String {
  /// True when `other` occurs in the text (exact UTF-8 match; false for the empty string, as
  /// Foundation answers).
  @inlinable package func contains(_ other: String) -> Bool { !other.isEmpty && utf8Offset(of: other) != nil }

  /// True when `other` occurs in the text (false for the empty string).
  @inlinable package func contains(_ other: Substring) -> Bool {
    !other.isEmpty && utf8Offset(of: String(other)) != nil
  }

  /// True when `character` occurs in the text: `"，。；".contains(character)` as a byte search
  /// rather than the generic `Sequence.contains`, which breaks the text into graphemes each call.
  @inlinable package func contains(_ character: Character) -> Bool { utf8Offset(of: String(character)) != nil }

  /// The first occurrence of `other`, nil when absent or empty.
  package func range(of other: String) -> Range<String.Index>? {
    guard !other.isEmpty, let offset = utf8Offset(of: other) else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    return start..<utf8.index(start, offsetBy: other.utf8.count)
  }

  /// The last occurrence of `other`, nil when absent or empty (for `range(of:options: .backwards)`,
  /// which Foundation answers slowly).
  package func lastRange(of other: String) -> Range<String.Index>? {
    let pattern = Array(other.utf8)
    guard !pattern.isEmpty else { return nil }
    var haystack = self
    let found: Int? = haystack.withUTF8 { bytes in
      var start = bytes.count - pattern.count
      while start >= 0 {
        if bytes[start] == pattern[0], pattern.indices.allSatisfy({ bytes[start + $0] == pattern[$0] }) { return start }
        start -= 1
      }
      return nil
    }
    guard let found else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: found)
    return start..<utf8.index(start, offsetBy: pattern.count)
  }

  /// The UTF-8 offset of the first occurrence of `other`.
  @usableFromInline
  func utf8Offset(of other: String) -> Int? {
    // Native strings lend their bytes without a copy of the String (and its retain).
    var found: Int?
    var searched = false
    _ = utf8.withContiguousStorageIfAvailable { hay in
      other.utf8.withContiguousStorageIfAvailable { pattern in
        found = ByteSearch.offset(of: pattern, in: hay)
        searched = true
      }
    }
    if searched { return found }
    var haystack = self
    var needle = other
    return haystack.withUTF8 { hay in needle.withUTF8 { pattern in ByteSearch.offset(of: pattern, in: hay) } }
  }
}

extension Substring {
  /// True when `other` occurs in the text (exact UTF-8 match; false for the empty string, as
  /// Foundation answers).
  @inlinable package func contains(_ other: String) -> Bool { !other.isEmpty && utf8Offset(of: other) != nil }

  /// The first occurrence of `other`, nil when absent or empty.
  package func range(of other: String) -> Range<String.Index>? {
    guard !other.isEmpty, let offset = utf8Offset(of: other) else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    return start..<utf8.index(start, offsetBy: other.utf8.count)
  }

  @usableFromInline
  func utf8Offset(of other: String) -> Int? {
    var haystack = self
    var needle = other
    return haystack.withUTF8 { hay in needle.withUTF8 { pattern in ByteSearch.offset(of: pattern, in: hay) } }
  }
}

// The standard library's `hasPrefix`/`hasSuffix` compare Characters unless both strings are known
// to be ASCII: for CJK text that is a grapheme walk per call, and the parser asks thousands of
// times per edit. These compare the UTF-8 bytes, then check that the match ends on a Character
// boundary (so "1" is not a prefix of "1\u{20E3}", as the standard library also answers). Like
// the searches above they match exact UTF-8, without canonical-equivalence folding.

extension String {
  /// True when the text starts with `prefix` (always for the empty string).
  package func hasPrefix(_ prefix: String) -> Bool {
    guard utf8.count >= prefix.utf8.count else { return false }
    return StringBytes.settledMatch(self, prefix, atEnd: false) ?? StringBytes.matches(self[...], prefix, atEnd: false)
  }

  /// True when the text ends with `suffix` (always for the empty string).
  package func hasSuffix(_ suffix: String) -> Bool {
    guard utf8.count >= suffix.utf8.count else { return false }
    return StringBytes.settledMatch(self, suffix, atEnd: true) ?? StringBytes.matches(self[...], suffix, atEnd: true)
  }
}

extension Substring {
  /// True when the text starts with `prefix` (always for the empty string).
  package func hasPrefix(_ prefix: String) -> Bool {
    utf8.count >= prefix.utf8.count && StringBytes.matches(self, prefix, atEnd: false)
  }

  /// True when the text ends with `suffix` (always for the empty string).
  package func hasSuffix(_ suffix: String) -> Bool {
    utf8.count >= suffix.utf8.count && StringBytes.matches(self, suffix, atEnd: true)
  }
}

enum StringBytes {
  /// Whether `text` starts (or ends, `atEnd`) with the bytes of `word`, the match ending (or
  /// starting) on a Character boundary of `text`. `text` is at least as long as `word`.
  static func matches(_ text: Substring, _ word: String, atEnd: Bool) -> Bool {
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

  /// `matches(_:_:atEnd:)` for a whole String, when its bytes settle the answer (nil when they
  /// do not: a match whose boundary the neighbouring scalars leave open, or no contiguous bytes).
  static func settledMatch(_ text: String, _ word: String, atEnd: Bool) -> Bool? {
    let match = text.utf8.withContiguousStorageIfAvailable { bytes in
      word.utf8.withContiguousStorageIfAvailable { pattern in compare(bytes, pattern, atEnd: atEnd) }
    }
    switch match {
    case .different: return false
    case .same: return true
    default: return nil
    }
  }

  /// What comparing the bytes found.
  private enum Match {
    case different
    case same
    /// The bytes are the same; whether the match ends on a Character boundary is not known.
    case unsettled
  }

  /// Compares `pattern` with the start (or end) of `bytes`, and settles the boundary from the
  /// scalars on its two sides when it can be (`SingleScalarText.settlesBoundary`).
  private static func compare(
    _ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, atEnd: Bool
  ) -> Match? {
    let length = pattern.count
    guard let base = bytes.baseAddress, let needle = pattern.baseAddress, length <= bytes.count else { return nil }
    let start = atEnd ? bytes.count - length : 0
    guard memcmp(base + start, needle, length) == 0 else { return .different }
    let edge = atEnd ? start : length
    let settled = edge == 0 || edge == bytes.count || SingleScalarText.settlesBoundary(bytes, at: edge)
    return settled ? .same : .unsettled
  }
}

extension StringProtocol {
  /// Whether the text has at most `limit` Characters: `count <= limit` without walking the
  /// graphemes of a text whose bytes or scalars already answer (`limit + 1` scalars that stand
  /// alone are `limit + 1` Characters, `UTF8Scalars.standsAlone`), and never past `limit + 1`.
  package func hasAtMostCharacters(_ limit: Int) -> Bool {
    if utf8.count <= limit { return true }
    var scalars = 0
    for scalar in unicodeScalars {
      guard UTF8Scalars.standsAlone(scalar) else {
        return unicodeScalars.count <= limit || prefix(limit + 1).count <= limit
      }
      scalars += 1
      if scalars > limit { return false }
    }
    return true
  }
}
