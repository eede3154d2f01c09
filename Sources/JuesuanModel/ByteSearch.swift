#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Array where Element == UInt8 {
  /// The offset of the first occurrence of `needle` at or after `start`: `memchr` to the next
  /// candidate first byte, `memcmp` to confirm — far faster than a generic `firstRange(of:)`.
  /// - Complexity: O(n·m) worst case, O(n) on text (first bytes of CJK needles are rare enough).
  package func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
    guard let first = needle.first, start >= 0, start + needle.count <= count else { return nil }
    return withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { pattern in
        guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
        var offset = start
        let last = count - pattern.count
        while offset <= last {
          guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
          let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
          offset = position + 1
        }
        return nil
      }
    }
  }
}
