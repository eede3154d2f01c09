/// Finds the numbers of a paragraph: "1,862.53万元", "21.34%", "0.75 万", "3.58元", "5个"; in
/// full-width digits too ("１２．３４万元", "２１．３４％"), as some offices type them.
package enum NarrativeScanner {
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
      guard digitLength(bytes, at: index) > 0 else {
        // The bytes of a longer scalar are passed over together.
        index += byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        continue
      }
      let start = index
      // Trailing separators are punctuation, not part of the number: it ends at its last digit.
      let end = figureExtent(bytes, from: start, limit: bytes.count, withSign: false).lastDigitEnd
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
        // "0.75 万，" — 万 alone after an amount still means 万元 (text/unit may complain); "10.00 万 元"
        // (letter-spaced PDF text) is 万元 with a space inside.
        unit = .tenThousandYuan
        unitEnd = unitStart + wanOnly.count
        var after = unitEnd
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
        if after > unitEnd, bytes[after...].starts(with: yuan) { unitEnd = after + yuan.count }
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
      if unit != .percent, let previous = result.last,
        let joined = joinedThousands(previous, bytes: bytes, group: start..<end, unit: unit)
      {
        let textRange = previous.textRange.lowerBound..<unitEnd
        result[result.count - 1] = Paragraph.Number(
          value: joined, unit: unit, textRange: textRange, range: paragraph.sourceRange(ofTextRange: textRange))
        index = unitEnd
        continue
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

  /// The end of the figure that starts at `start` ("1,862.53", "-3.5", "１２．３４"): its digits,
  /// separators and sign, ASCII or full-width, read no further than `limit`.
  /// - Complexity: O(length of the figure).
  package static func figureEnd(in bytes: [UInt8], from start: Int, limit: Int) -> Int {
    bytes.withUnsafeBufferPointer { bytes in
      figureExtent(bytes, from: start, limit: min(limit, bytes.count), withSign: true).end
    }
  }

  /// Where the group that `joinedThousands` joined to a figure ending at `end` ends: after "，" or
  /// a space, its digits and decimals ("1，000.00" read to "1"); nil when none follows before
  /// `limit` (the end of the number, which takes in the group only when it was joined).
  package static func joinedGroupEnd(in bytes: [UInt8], from end: Int, limit: Int) -> Int? {
    let separator = UTF8Text.has("，", at: end, in: bytes) ? 3 : end < limit && bytes[end] == 0x20 ? 1 : 0
    guard separator > 0, end + separator < limit else { return nil }
    let groupEnd = figureEnd(in: bytes, from: end + separator, limit: limit)
    return groupEnd > end + separator ? groupEnd : nil
  }

  /// The characters of a figure from `start`, read no further than `limit`: digits, "," "." "．",
  /// and "-" when `withSign`. Where they end, and where their last digit ends.
  private static func figureExtent(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, withSign: Bool
  ) -> (end: Int, lastDigitEnd: Int) {
    var end = start
    var lastDigitEnd = start
    while end < limit {
      let byte = bytes[end]
      let digit = digitLength(bytes, at: end)
      if digit > 0 {
        end += digit
        lastDigitEnd = end
      } else if byte == 0x2C || byte == 0x2E || (withSign && byte == 0x2D) {
        end += 1
      } else if isFullWidthPoint(bytes, at: end) {
        end += 3
      } else {
        break
      }
    }
    return (min(end, limit), lastDigitEnd)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The figure `previous` and the group at `group` make when they are one amount written with a
  /// thousands separator other than ",": "1，000.00 万元" (a full-width comma), or "预算 1 200.00 万元"
  /// (a space, as PDF text has it, where the bare "1" stands after a space or a colon and an amount
  /// in 元 or 万元 follows). The group is three digits and two decimals, and `previous` one to three
  /// digits with nothing between them but the separator; nil otherwise.
  private static func joinedThousands(
    _ previous: Paragraph.Number, bytes: UnsafeBufferPointer<UInt8>, group: Range<Int>, unit: Paragraph.Number.Unit
  ) -> Amount? {
    let lead = previous.textRange
    // The lead: one to three digits (ASCII or full-width), nothing else.
    guard previous.unit == .none, let leadDigits = digits(bytes, from: lead.lowerBound, to: lead.upperBound),
      (1...3).contains(leadDigits.count), leadDigits.end == lead.upperBound
    else { return nil }
    // The group: three digits, a point, two digits.
    guard let whole = digits(bytes, from: group.lowerBound, to: group.upperBound), whole.count == 3 else { return nil }
    let point =
      whole.end < group.upperBound && bytes[whole.end] == 0x2E ? 1 : isFullWidthPoint(bytes, at: whole.end) ? 3 : 0
    guard point > 0, let fraction = digits(bytes, from: whole.end + point, to: group.upperBound), fraction.count == 2,
      fraction.end == group.upperBound
    else { return nil }
    let gap = lead.upperBound..<group.lowerBound
    let fullWidthComma =
      gap.count == 3 && bytes[gap.lowerBound] == 0xEF && bytes[gap.lowerBound + 1] == 0xBC
      && bytes[gap.lowerBound + 2] == 0x8C
    let space =
      gap.count == 1 && bytes[gap.lowerBound] == 0x20 && unit != .none
      && opensAmount(before: lead.lowerBound, in: bytes)
    guard fullWidthComma || space,
      let thousands = Amount(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[lead])),
      let rest = Amount(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[group]))
    else { return nil }
    return Amount(tenThousandths: thousands.tenThousandths * 1000 + rest.tenThousandths, decimals: rest.decimals)
  }

  /// The digits (ASCII or full-width) from `start` before `end`: how many, and where they end.
  private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
    count: Int, end: Int
  )? {
    var index = start
    var count = 0
    while index < end, case let length = digitLength(bytes, at: index), length > 0 {
      index += length
      count += 1
    }
    return count > 0 ? (count, index) : nil
  }

  /// Whether an amount may start at `offset`: at the start, or after a space, "：" or ":".
  private static func opensAmount(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    offset == 0 || bytes[offset - 1] == 0x20 || bytes[offset - 1] == 0x3A
      || (offset >= 3 && bytes[offset - 3] == 0xEF && bytes[offset - 2] == 0xBC && bytes[offset - 1] == 0x9A)
  }

  /// The length of the digit at `index`: 1 for 0–9, 3 for ０–９ (EF BC 90–99), 0 for none.
  private static func digitLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    if isDigit(bytes[index]) { return 1 }
    guard bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
      bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99
    else { return 0 }
    return 3
  }

  /// Whether "．" (EF BC 8E), a full-width decimal point, starts at `index`.
  private static func isFullWidthPoint(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8E
  }
  private static func isAlnum(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }
}
