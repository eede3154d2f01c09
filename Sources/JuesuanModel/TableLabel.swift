extension Table {
  /// True when `normalizedLabel` would return `text` unchanged: no ASCII (spaces, digits,
  /// parentheses), no Unicode space (lead bytes C2, E1, E2; U+3000), and no leading numeral,
  /// "（" or "其中". Most subject names pass without allocating.
  private static func isNormalizedLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 { return false }
      if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return false }
      index += 1
    }
    guard let (first, _) = bytes.scalar(at: 0) else { return true }
    return !isNumeral(first) && first != 0xFF08 && !bytes.starts(with: qizhong)
  }

  private static let qizhong: [UInt8] = Array("其中".utf8)
  private static let qizhongColons: [[UInt8]] = [Array("其中：".utf8), Array("其中:".utf8)]

  /// Strips spaces, list numbering and "其中：" from a label.
  /// - Complexity: O(n) in the label.
  package static func normalizedLabel(_ text: String) -> String {
    text.utf8.withContiguousStorageIfAvailable { normalizedLabel(text, bytes: $0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { normalizedLabel(text, bytes: $0) }
  }

  /// `normalizedLabel(_:)` of `text`, whose bytes are `bytes`.
  private static func normalizedLabel(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> String {
    if isNormalizedLabel(bytes) { return text }
    let mayBeSpace = { (byte: UInt8) in byte <= 0x20 || byte == 0xC2 || (0xE1...0xE3).contains(byte) }
    guard bytes.indices.contains(where: { mayBeSpace(bytes[$0]) && UTF8Text.whitespaceLength(in: bytes, at: $0) > 0 })
    else {
      return withoutEnumerator(bytes)
    }
    // White_Space scalars removed (a continuation byte is never taken for one's start).
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var offset = 0
    while offset < bytes.count {
      let length = UTF8Text.whitespaceLength(in: bytes, at: offset)
      if length > 0 {
        offset += length
      } else {
        kept.append(bytes[offset])
        offset += 1
      }
    }
    return kept.withUnsafeBufferPointer(withoutEnumerator)
  }

  /// The text of `bytes` (no whitespace) without a leading "其中：" and list numbering (一、 十二、
  /// 1. 1、 （1） (1) 1．), brackets in full width. Read scalar by scalar.
  private static func withoutEnumerator(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    func isEnumerator(_ scalar: UInt32) -> Bool { isNumeral(scalar) || (0x30...0x39).contains(scalar) }
    var start = 0
    if let colon = qizhongColons.first(where: { bytes.starts(with: $0) }) { start = colon.count }
    var index = start
    while let (scalar, length) = bytes.scalar(at: index), isEnumerator(scalar) { index += length }
    if index > start, let (scalar, length) = bytes.scalar(at: index),
      scalar == 0x3001 || scalar == 0x2E || scalar == 0xFF0E  // 、 . ．
    {
      start = index + length
    } else if let (open, length) = bytes.scalar(at: start), open == 0xFF08 || open == 0x28 {  // （ (
      // The closing bracket within the next four scalars, only enumerators before it.
      var close = start + length
      var scalars = 1
      while let (scalar, length) = bytes.scalar(at: close), scalars < 5, scalar != 0xFF09, scalar != 0x29 {
        close += length
        scalars += 1
      }
      if let (_, closeLength) = bytes.scalar(at: close), scalars > 1, scalars < 5,
        isEnumerators(UnsafeBufferPointer(rebasing: bytes[(start + length)..<close]), isEnumerator)
      {
        start = close + closeLength
      }
    }
    return fullWidthBrackets(UnsafeBufferPointer(rebasing: bytes[min(start, bytes.count)...]))
  }

  private static func isEnumerators(_ bytes: UnsafeBufferPointer<UInt8>, _ isEnumerator: (UInt32) -> Bool) -> Bool {
    var offset = 0
    while let (scalar, length) = bytes.scalar(at: offset) {
      guard isEnumerator(scalar) else { return false }
      offset += length
    }
    return true
  }

  private static func isNumeral(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: true  // 一 … 十
    default: false
    }
  }

  /// The text of `bytes` with "(" and ")" as "（" and "）": by bytes in a single-scalar text,
  /// else by Characters.
  private static func fullWidthBrackets(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(where: { $0 == 0x28 || $0 == 0x29 }) else { return String(decoding: bytes, as: UTF8.self) }
    guard UTF8Text.hasSingleScalarCharacters(bytes) else {
      return String(String(decoding: bytes, as: UTF8.self).map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    }
    var replaced: [UInt8] = []
    replaced.reserveCapacity(bytes.count + 8)
    for byte in bytes {
      switch byte {
      case 0x28: replaced += [0xEF, 0xBC, 0x88]
      case 0x29: replaced += [0xEF, 0xBC, 0x89]
      default: replaced.append(byte)
      }
    }
    return String(decoding: replaced, as: UTF8.self)
  }
}
