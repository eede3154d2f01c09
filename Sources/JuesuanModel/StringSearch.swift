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
