// Decoding single scalars from UTF-8 bytes, for the byte-level readers of the parser.

extension UnsafeBufferPointer<UInt8> {
  /// The scalar whose UTF-8 starts at `offset`, and its length; nil at or past the end (or for
  /// an offset inside a scalar, or bytes cut short).
  @inline(__always)
  func scalar(at offset: Int) -> (value: UInt32, length: Int)? {
    guard offset >= 0, offset < count else { return nil }
    let lead = self[offset]
    let length: Int
    var value: UInt32
    switch lead {
    case 0..<0x80: return (UInt32(lead), 1)
    case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...: (length, value) = (4, UInt32(lead & 0x07))
    default: return nil
    }
    guard offset + length <= count else { return nil }
    for index in (offset + 1)..<(offset + length) { value = value << 6 | UInt32(self[index] & 0x3F) }
    return (value, length)
  }

  /// The last scalar of the bytes, nil when they are empty.
  var lastScalar: UInt32? {
    var start = count - 1
    while start > 0, self[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start)?.value
  }
}
