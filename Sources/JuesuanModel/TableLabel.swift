extension Table {
  /// True when `normalizedLabel` would return `text` unchanged: no ASCII (spaces, digits,
  /// parentheses), no Unicode space (lead bytes C2, E1, E2; U+3000), and no leading numeral,
  /// "（" or "其中". Most labels and subject names pass without allocating.
  private static func isNormalizedLabel(_ text: String) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if byte < 0x80 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 { return false }
      if previous == (0xE3, 0x80), byte == 0x80 { return false }
      previous = (previous.1, byte)
    }
    guard let first = text.unicodeScalars.first else { return true }
    return !isNumeral(first) && first != "（" && !text.hasPrefix("其中")
  }

  /// Strips spaces, list numbering and "其中：" from a label.
  /// - Complexity: O(n) in the label.
  package static func normalizedLabel(_ text: String) -> String {
    if isNormalizedLabel(text) { return text }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars where !scalar.isWhiteSpace { scalars.append(scalar) }
    var start = 0
    if scalars.starts(with: ["其", "中", "："]) || scalars.starts(with: ["其", "中", ":"]) { start = 3 }
    // Leading enumerators: 一、 十二、 1. 1、 （1） (1) 1．
    func isEnumerator(_ scalar: Unicode.Scalar) -> Bool { isNumeral(scalar) || ("0"..."9").contains(scalar) }
    var index = start
    while index < scalars.count, isEnumerator(scalars[index]) { index += 1 }
    if index > start, index < scalars.count, scalars[index] == "、" || scalars[index] == "." || scalars[index] == "．" {
      start = index + 1
    } else if start < scalars.count, scalars[start] == "（" || scalars[start] == "(" {
      var close = start + 1
      while close < scalars.count, close - start < 5, scalars[close] != "）", scalars[close] != ")" { close += 1 }
      if close < scalars.count, close - start > 1, close - start < 5,
        scalars[(start + 1)..<close].allSatisfy(isEnumerator)
      {
        start = close + 1
      }
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[start...])
    return fullWidthBrackets(String(result))
  }

  private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
    default: false
    }
  }

  /// "(" and ")" as "（" and "）": by bytes in a single-scalar text, else by Characters.
  private static func fullWidthBrackets(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x28 || $0 == 0x29 }) else { return text }
    guard SingleScalarText.holds(in: text) else {
      return String(text.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      switch byte {
      case 0x28: bytes += [0xEF, 0xBC, 0x88]
      case 0x29: bytes += [0xEF, 0xBC, 0x89]
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
