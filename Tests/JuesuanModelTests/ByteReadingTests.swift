import JuesuanModel
import JuesuanTestSupport
import Testing

/// The parser reads a line's bytes when every scalar of it is a Character of its own, and its
/// Characters otherwise. Both readings must give what the Character-by-Character code they
/// replaced gave (kept here as the reference), on texts made of the pieces a report holds and of
/// the ones that defeat a byte reading: combining marks, joiners, variation selectors,
/// compatibility ideographs (which normalisation changes), emoji, no-break spaces.
@Suite("Byte readings agree with Character readings")
struct ByteReadingTests {
  static let tricky = [
    "e\u{301}", "\u{301}", "\u{F900}", "\u{FE0F}", "\u{200D}", "😀", "\u{A0}", "ア\u{3099}", "\u{2000}",
  ]

  // MARK: References (the code the byte readings replaced)

  /// `Line.stripDecoration` as it was, but that every run of two or more "*" is dropped (a third
  /// "*" removed the Character before the pair) and whitespace at either end is trimmed whatever
  /// else the text holds (a no-break space was trimmed only from a text that held `<`, `#`, `*`
  /// or ASCII padding).
  static func referenceStrip(_ text: String) -> String {
    let utf8 = text.utf8
    let decorated = utf8.contains { $0 == 0x3C || $0 == 0x23 || $0 == 0x2A }
    let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
    guard decorated || padded else { return text }
    var result = ""
    var inTag = false
    var run = ""
    for character in text {
      if character == "*" && !inTag {
        run.append(character)
        continue
      }
      if run.count == 1 { result += run }
      run = ""
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    if run.count == 1 { result += run }
    var trimmed = Substring(result).drop { $0.isWhitespace }
    if trimmed.utf8Text.hasPrefix("#") { trimmed = trimmed.drop { $0 == "#" }.drop { $0.isWhitespace } }
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  /// A line's compact text: its plain text without ASCII spaces, tabs, CR, LF and U+3000.
  static func referenceCompact(_ plain: String) -> String {
    var bytes: [UInt8] = []
    let source = Array(plain.utf8)
    var index = 0
    while index < source.count {
      let byte = source[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
        index += 1
      } else if byte == 0xE3, index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] == 0x80 {
        index += 3
      } else {
        bytes.append(byte)
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `ReportParser.headingLevel(of:)` as it was, from a line's compact and trimmed texts.
  static func referenceLevel(compact text: String, raw: String) -> Heading.Level? {
    guard !text.isEmpty, text.utf8.count <= 160, text.count <= 40, !text.utf8Text.contains("。") else { return nil }
    if text.utf8Text.hasPrefix("第"), text.utf8Text.contains("部分"), text.count <= 24 { return .part }
    if raw.utf8Text.hasPrefix("#") {
      let hashes = raw.prefix { $0 == "#" }.count
      return hashes <= 2 ? .part : hashes == 3 ? .section : .subsection
    }
    if text.count > 30 || text.utf8Text.contains("，") { return nil }
    let numerals = "一二三四五六七八九十"
    let lead = text.prefix { numerals.utf8Text.contains($0) }
    if !lead.isEmpty, text.dropFirst(lead.count).first == "、" { return .section }
    if text.first == "（" || text.first == "(" {
      let inner = text.dropFirst().prefix { numerals.utf8Text.contains($0) }
      if !inner.isEmpty, [")", "）"].contains(text.dropFirst(1 + inner.count).first) { return .subsection }
    }
    return nil
  }

  @Test("a heading line's text, level and compact reading, decorated or numbered, with joining scalars")
  func headings() {
    var random = SeededGenerator(state: 23)
    let pieces =
      [
        "#", "##", "<b>", "</b>", "<", ">", "*", "**", " ", "\u{3000}", "\t", "一", "二", "十", "、", "（", "）", "(",
        ")", "1", "第", "部分", "合", "计", "，", "。", "说",
      ] + Self.tricky
    for _ in 0..<4000 {
      var line = (0..<Int.random(in: 1..<9, using: &random)).map { _ in random.pick(pieces) }.joined()
      // The trimmed line is the line: no ASCII space, tab or U+3000 at either end.
      while let first = line.unicodeScalars.first, [" ", "\t", "\u{3000}"].contains(first) { line.removeFirst() }
      while let last = line.unicodeScalars.last, [" ", "\t", "\u{3000}"].contains(last) {
        line.unicodeScalars.removeLast()
      }
      guard !line.isEmpty else { continue }
      let plain = Self.referenceStrip(line)
      let expected = Self.referenceLevel(compact: Self.referenceCompact(plain), raw: line).map { (plain, $0) }
      let heading = ReportParser.parse(SourceText(line)).headings.first.map { ($0.text, $0.level) }
      #expect(heading?.0 == expected?.0 && heading?.1 == expected?.1, "\(Array(line.unicodeScalars))")
    }
  }

  /// `Table.normalizedLabel` as it was.
  static func referenceLabel(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
    func drop(_ count: Int) { scalars.removeFirst(min(count, scalars.count)) }
    if scalars.starts(with: Array("其中：".unicodeScalars)) || scalars.starts(with: Array("其中:".unicodeScalars)) {
      drop(3)
    }
    let numerals = Set("一二三四五六七八九十".unicodeScalars)
    var index = 0
    while index < scalars.count, numerals.contains(scalars[index]) || ("0"..."9").contains(scalars[index]) {
      index += 1
    }
    if index > 0, index < scalars.count, "、.．".unicodeScalars.contains(scalars[index]) {
      drop(index + 1)
    } else if let first = scalars.first, first == "（" || first == "(" {
      var close = 1
      while close < scalars.count, close < 5, scalars[close] != "）", scalars[close] != ")" { close += 1 }
      if close < scalars.count, close > 1, close < 5,
        scalars[1..<close].allSatisfy({ numerals.contains($0) || ("0"..."9").contains($0) })
      {
        drop(close + 1)
      }
    }
    let result = String(String.UnicodeScalarView(scalars))
    return String(result.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
  }

  @Test("normalised labels: spaces, 其中：, list numbers and brackets, with joining scalars")
  func labels() {
    var random = SeededGenerator(state: 29)
    let pieces =
      [
        "其中", "其中：", "其中:", "一", "十", "二", "1", "2", "、", ".", "．", "（", "）", "(", ")", " ", "\u{3000}",
        "\u{2003}", "合计", "基本支出", "：",
      ] + Self.tricky
    for _ in 0..<4000 {
      let text = (0..<Int.random(in: 0..<7, using: &random)).map { _ in random.pick(pieces) }.joined()
      #expect(
        Table.normalizedLabel(text).unicodeScalars.elementsEqual(Self.referenceLabel(text).unicodeScalars),
        "\(Array(text.unicodeScalars))")
    }
  }

  /// `Amount(parsing:)` as it was (where it trapped on fifteen digits, nil).
  static func referenceAmount(_ text: String) -> Amount? {
    var digits: [UInt8] = []
    var negative = false
    var sawPoint = false
    var fraction = 0
    var groupDigits = -1
    var chars = Array(text.unicodeScalars)
    if chars.first == "(" || chars.first == "（", chars.last == ")" || chars.last == "）", chars.count > 2 {
      negative = true
      chars = Array(chars.dropFirst().dropLast())
    }
    if chars.first == "-" || chars.first == "－" || chars.first == "−" {
      negative.toggle()
      chars.removeFirst()
    }
    guard !chars.isEmpty else { return nil }
    for scalar in chars {
      var value = scalar.value
      if value >= 0xFF10, value <= 0xFF19 { value -= 0xFF10 - 0x30 }
      if value == 0xFF0E { value = 0x2E }
      if value == 0xFF0C { value = 0x2C }
      switch value {
      case 0x30...0x39:
        if sawPoint {
          fraction += 1
          if fraction > 4 { return nil }
        } else if groupDigits >= 0 {
          groupDigits += 1
        }
        digits.append(UInt8(value - 0x30))
      case 0x2C:
        if sawPoint || digits.isEmpty || (groupDigits >= 0 && groupDigits != 3) { return nil }
        if groupDigits < 0, digits.count > 3 { return nil }
        groupDigits = 0
      case 0x2E:
        if sawPoint || digits.isEmpty { return nil }
        if groupDigits >= 0, groupDigits != 3 { return nil }
        sawPoint = true
      default:
        return nil
      }
    }
    if !sawPoint, groupDigits >= 0, groupDigits != 3 { return nil }
    if sawPoint, fraction == 0 { return nil }
    guard digits.count <= 15 else { return nil }
    var value: Int64 = 0
    for digit in digits { value = value * 10 + Int64(digit) }
    for _ in fraction..<4 {
      let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = scaled
    }
    return Amount(tenThousandths: negative ? -value : value, decimals: fraction)
  }

  @Test("amounts: digits, separators, signs and brackets in any order, full-width too")
  func amounts() {
    var random = SeededGenerator(state: 31)
    let pieces = [
      "1", "2", "9", "0", ",", ".", "-", "－", "−", "(", ")", "（", "）", "１", "．", "，", "999", "1,862", " ", "x",
      "e\u{301}",
    ]
    for _ in 0..<6000 {
      let text = (0..<Int.random(in: 0..<9, using: &random)).map { _ in random.pick(pieces) }.joined()
      #expect(Amount(parsing: text) == Self.referenceAmount(text), "\(text)")
      #expect(Amount(parsing: Substring(text)) == Self.referenceAmount(text), "\(text)")
    }
    #expect(Amount(parsing: "999999999999999") == nil, "fifteen digits overflow ten-thousandths")
    #expect(Amount(parsing: "99999999999.9999")?.tenThousandths == 999_999_999_999_999)
  }
}
