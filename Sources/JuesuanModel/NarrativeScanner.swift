/// Finds the numbers of a paragraph: "1,862.53万元", "21.34%", "0.75 万", "3.58元", "5个".
enum NarrativeScanner {
  private static let wan = Array("万元".utf8)
  private static let wanOnly = Array("万".utf8)
  private static let yuan = Array("元".utf8)
  private static let fullPercent = Array("％".utf8)
  private static let year = Array("年".utf8)

  /// - Complexity: O(n) in the paragraph's length.
  static func numbers(in paragraph: Paragraph) -> [Paragraph.Number] {
    paragraph.utf8.withUnsafeBufferPointer { numbers(in: paragraph, bytes: $0) }
  }

  /// `numbers(in:)` over the paragraph's text, `bytes`.
  private static func numbers(in paragraph: Paragraph, bytes: UnsafeBufferPointer<UInt8>) -> [Paragraph.Number] {
    var result: [Paragraph.Number] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard isDigit(byte) else {
        // A digit is ASCII: the bytes of a longer scalar are passed over together.
        index += byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        continue
      }
      // Not the tail of a word such as "A1" or a code already consumed.
      let start = index
      var end = index
      while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ".")
      {
        end += 1
      }
      // Trailing separators are punctuation, not part of the number.
      while end > start, bytes[end - 1] == UInt8(ascii: ",") || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
      var negative = false
      if start > 0, bytes[start - 1] == UInt8(ascii: "-"), start < 2 || !isDigit(bytes[start - 2]) {
        negative = start >= 2 ? !isAlnum(bytes[start - 2]) : true
      }
      index = max(end, start + 1)
      guard var value = Amount(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { continue }
      if negative { value = -value }
      var unitStart = end
      while unitStart < bytes.count, bytes[unitStart] == UInt8(ascii: " ") { unitStart += 1 }
      let rest = bytes[unitStart...]
      var unit = Paragraph.Number.Unit.none
      var unitEnd = end
      if rest.starts(with: wan) {
        unit = .tenThousandYuan
        unitEnd = unitStart + wan.count
      } else if rest.starts(with: wanOnly) {
        // "0.75 万，" — 万 alone after an amount still means 万元 (text/unit may complain).
        unit = .tenThousandYuan
        unitEnd = unitStart + wanOnly.count
      } else if rest.starts(with: yuan) {
        unit = .yuan
        unitEnd = unitStart + yuan.count
      } else if rest.first == UInt8(ascii: "%") {
        unit = .percent
        unitEnd = unitStart + 1
      } else if rest.starts(with: fullPercent) {
        unit = .percent
        unitEnd = unitStart + fullPercent.count
      } else if rest.starts(with: year) {
        continue  // a year, "2023年"
      }
      let textRange = (negative ? start - 1 : start)..<unitEnd
      result.append(
        Paragraph.Number(
          value: value, unit: unit, textRange: textRange,
          range: paragraph.sourceRange(ofTextRange: textRange)))
      index = unitEnd
    }
    return result
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isAlnum(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }
}
