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

extension Array where Element == UInt8 {
  /// Whether the bytes of `range` here are the bytes of `otherRange` in `other` (compared with
  /// `memcmp`; both ranges inside their arrays).
  package func hasSameBytes(in range: Range<Int>, as other: [UInt8], in otherRange: Range<Int>) -> Bool {
    precondition(range.upperBound <= count && otherRange.upperBound <= other.count, "range outside the bytes")
    guard range.count == otherRange.count else { return false }
    guard !range.isEmpty else { return true }
    return withUnsafeBufferPointer { mine in
      other.withUnsafeBufferPointer { theirs in
        memcmp(mine.baseAddress! + range.lowerBound, theirs.baseAddress! + otherRange.lowerBound, range.count) == 0
      }
    }
  }

  /// How many bytes this array and `other` share at their start, and then at their end (the two
  /// never overlapping in either array).
  package func commonEnds(with other: [UInt8]) -> (prefix: Int, suffix: Int) {
    withUnsafeBufferPointer { mine in
      other.withUnsafeBufferPointer { theirs in
        let shortest = Swift.min(mine.count, theirs.count)
        guard shortest > 0, let a = mine.baseAddress, let b = theirs.baseAddress else { return (0, 0) }
        // Whole blocks compared by memcmp first, then bytes.
        let block = 4096
        var prefix = 0
        while prefix + block <= shortest, memcmp(a + prefix, b + prefix, block) == 0 { prefix += block }
        while prefix < shortest, a[prefix] == b[prefix] { prefix += 1 }
        let room = shortest - prefix
        var suffix = 0
        while suffix + block <= room,
          memcmp(a + mine.count - suffix - block, b + theirs.count - suffix - block, block) == 0
        {
          suffix += block
        }
        while suffix < room, a[mine.count - suffix - 1] == b[theirs.count - suffix - 1] { suffix += 1 }
        return (prefix, suffix)
      }
    }
  }
}
