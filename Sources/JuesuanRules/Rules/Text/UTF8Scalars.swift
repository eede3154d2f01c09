import JuesuanModel

/// The rules' readings of UTF-8 bytes as scalars, with their offsets, built on `UTF8Scalars`.
extension UTF8Scalars {
  /// The offset where the last `count` scalars of `bytes` (valid UTF-8) start, when they and the
  /// scalar before them (if any) stand alone: then they are the last `count` Characters. Nil when
  /// one does not stand alone, and Characters must be counted.
  static func startOfLast(_ count: Int, standingAloneIn bytes: [UInt8]) -> Int? {
    var start = bytes.count
    var scalars = 0
    while start > 0, scalars <= count {
      var lead = start - 1
      while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      guard standsAlone(bytes.withUnsafeBufferPointer { scalar(in: $0, at: lead).scalar }) else { return nil }
      scalars += 1
      if scalars <= count { start = lead }
    }
    return start
  }

  /// The scalars of `bytes` (valid UTF-8), and the offset of each followed by `bytes.count`.
  /// - Complexity: O(n).
  static func scalarsAndOffsets(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
    var offsets: [Int] = []
    offsets.reserveCapacity(bytes.count + 1)
    let scalars = bytes.withUnsafeBufferPointer { source in
      // At most one scalar per byte.
      [Unicode.Scalar](unsafeUninitializedCapacity: source.count) { result, count in
        var offset = 0
        count = 0
        while offset < source.count {
          let (scalar, length) = scalar(in: source, at: offset)
          result[count] = scalar  // a trivial type: assigned uninitialized
          offsets.append(offset)
          count += 1
          offset += length
        }
      }
    }
    offsets.append(bytes.count)
    return (scalars, offsets)
  }

  /// The scalars of `bytes` (valid UTF-8), each with its offset.
  /// - Complexity: O(n).
  static func withOffsets(_ bytes: ArraySlice<UInt8>) -> [(scalar: Unicode.Scalar, offset: Int)] {
    bytes.withUnsafeBufferPointer { source in
      // At most one scalar per byte.
      [(scalar: Unicode.Scalar, offset: Int)](unsafeUninitializedCapacity: source.count) { result, count in
        var offset = 0
        count = 0
        while offset < source.count {
          let (scalar, length) = scalar(in: source, at: offset)
          result[count] = (scalar, bytes.startIndex + offset)  // a trivial type: assigned uninitialized
          count += 1
          offset += length
        }
      }
    }
  }
}
