#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Array where Element == UInt8 {
  /// The offset of the first occurrence of `needle` in `start..<end` (to the end of the array
  /// when `end` is nil): `memchr` to the next candidate first byte, `memcmp` to confirm — far
  /// faster than a generic `firstRange(of:)`.
  /// - Complexity: O(n·m) worst case, O(n) on text (first bytes of CJK needles are rare enough).
  package func firstOffset(of needle: [UInt8], from start: Int = 0, before end: Int? = nil) -> Int? {
    let end = Swift.min(end ?? count, count)
    guard !needle.isEmpty, start >= 0, start + needle.count <= end else { return nil }
    return withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { pattern in
        ByteSearch.offset(of: pattern, in: UnsafeBufferPointer(rebasing: haystack[start..<end])).map { $0 + start }
      }
    }
  }
}

enum ByteSearch {
  /// The offset of the first occurrence of `pattern` in `haystack` (0 for an empty pattern).
  /// `memchr` runs to the next place of the pattern's last continuation byte (0x80…0xBF), which
  /// spreads over 64 values, rather than to its first byte: every CJK character starts with one of
  /// a few lead bytes, so a search for "目" would otherwise stop at every sixth character.
  /// - Complexity: O(n·m) worst case, O(n) on text.
  static func offset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !pattern.isEmpty else { return 0 }
    guard pattern.count <= haystack.count, let base = haystack.baseAddress, let needle = pattern.baseAddress else {
      return nil
    }
    let anchor = pattern.lastIndex { $0 & 0xC0 == 0x80 } ?? 0
    let byte = Int32(pattern[anchor])
    var offset = 0
    let last = haystack.count - pattern.count
    while offset <= last {
      guard let hit = memchr(base + offset + anchor, byte, last - offset + 1) else { return nil }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
      if memcmp(base + position, needle, pattern.count) == 0 { return position }
      offset = position + 1
    }
    return nil
  }
}
