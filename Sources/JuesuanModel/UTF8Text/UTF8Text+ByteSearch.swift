#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Searches and comparisons over UTF-8 bytes: the searches of `UTF8Text` and of byte arrays (a
// paragraph's `utf8`, a source's `bytes`) at offsets.
extension UTF8Text {
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
    // The byte before the anchor is compared before the whole pattern: the anchor's value recurs
    // every hundred bytes or so of CJK text, and most of its places are not the pattern's.
    let before = max(anchor - 1, 0)
    let beforeByte = pattern[before]
    var offset = 0
    let last = haystack.count - pattern.count
    while offset <= last {
      guard let hit = memchr(base + offset + anchor, byte, last - offset + 1) else { return nil }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
      if base[position + before] == beforeByte, memcmp(base + position, needle, pattern.count) == 0 { return position }
      offset = position + 1
    }
    return nil
  }

  /// The offset of the first occurrence of `needle` in `start..<end` of `bytes` (to their end when
  /// `end` is nil): far faster than a generic `firstRange(of:)`.
  /// - Complexity: O(n·m) worst case, O(n) on text (last bytes of CJK needles are rare enough).
  package static func firstOffset(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0, before end: Int? = nil)
    -> Int?
  {
    let end = Swift.min(end ?? bytes.count, bytes.count)
    guard !needle.isEmpty, start >= 0, start + needle.count <= end else { return nil }
    return bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { pattern in
        offset(of: pattern, in: UnsafeBufferPointer(rebasing: haystack[start..<end])).map { $0 + start }
      }
    }
  }

  /// The offsets of every occurrence of `pattern` in `range` of `bytes`, each after the last.
  /// - Complexity: O(n) in the range (a byte search).
  package static func offsets(of pattern: [UInt8], in bytes: [UInt8], range: Range<Int>) -> [Int] {
    var result: [Int] = []
    var index = range.lowerBound
    while let found = firstOffset(of: pattern, in: bytes, from: index, before: range.upperBound) {
      result.append(found)
      index = found + pattern.count
    }
    return result
  }

  /// Whether `word` is written at `offset` of `bytes`.
  @inlinable
  package static func has(_ word: String, at offset: Int, in bytes: [UInt8]) -> Bool {
    guard offset >= 0 else { return false }
    var index = offset
    for byte in word.utf8 {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
    }
    return true
  }

  /// Whether `pattern` is written at `offset` of `bytes` (no allocation).
  @inlinable
  package static func has(_ pattern: [UInt8], at offset: Int, in bytes: [UInt8]) -> Bool {
    guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
    var index = 0
    while index < pattern.count {
      if bytes[offset + index] != pattern[index] { return false }
      index += 1
    }
    return true
  }

  /// Whether the bytes of `range` of `bytes` are the bytes of `otherRange` of `other` (compared
  /// with `memcmp`; both ranges inside their arrays).
  package static func hasSameBytes(
    _ bytes: [UInt8], in range: Range<Int>, as other: [UInt8], in otherRange: Range<Int>
  ) -> Bool {
    precondition(range.upperBound <= bytes.count && otherRange.upperBound <= other.count, "range outside the bytes")
    guard range.count == otherRange.count else { return false }
    guard !range.isEmpty else { return true }
    return bytes.withUnsafeBufferPointer { mine in
      other.withUnsafeBufferPointer { theirs in
        guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return false }
        return memcmp(mine + range.lowerBound, theirs + otherRange.lowerBound, range.count) == 0
      }
    }
  }

  /// How many bytes `bytes` and `other` share at their start, and then at their end (the two
  /// never overlapping in either array).
  package static func commonEnds(of bytes: [UInt8], and other: [UInt8]) -> (prefix: Int, suffix: Int) {
    bytes.withUnsafeBufferPointer { mine in
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
