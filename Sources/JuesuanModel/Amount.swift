/// An exact decimal amount as written in the report, kept in ten-thousandths so that sums never
/// drift (never `Double`). `decimals` is how many fraction digits the text showed.
package struct Amount: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The value × 10 000.
  package var tenThousandths: Int64
  /// Fraction digits as written ("1,128.9" → 1); sums carry the larger of their parts.
  package var decimals: Int

  package static let scale: Int64 = 10_000
  package static let zero = Amount(tenThousandths: 0, decimals: 2)

  package init(tenThousandths: Int64, decimals: Int = 2) {
    self.tenThousandths = tenThousandths
    self.decimals = decimals
  }

  /// From hundredths (0.01): the usual resolution of 万元 figures.
  package init(hundredths: Int64) {
    self.init(tenThousandths: hundredths * 100, decimals: 2)
  }

  /// Parses "1,862.53", "-3.2", "(3.20)", "１２３.４５", "0", "5"; nil for anything else.
  /// Thousands separators must be in groups of three ("1,2,3" is not a number).
  package init?(parsing text: Substring) {
    guard let amount = text.utf8.withContiguousStorageIfAvailable(Self.parse) ?? Self.parse(Array(text.utf8)) else {
      return nil
    }
    self = amount
  }

  package init?(parsing text: String) {
    guard let amount = text.utf8.withContiguousStorageIfAvailable(Self.parse) ?? Self.parse(Array(text.utf8)) else {
      return nil
    }
    self = amount
  }

  /// `init(parsing:)` from UTF-8 bytes.
  init?(parsingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let amount = Self.parse(bytes) else { return nil }
    self = amount
  }

  private static func parse(_ bytes: [UInt8]) -> Amount? { bytes.withUnsafeBufferPointer(parse) }

  /// Reads the scalars of `bytes`: brackets or a minus sign, digits (full-width ones too), a
  /// point and thousands separators.
  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Amount? {
    var start = 0
    var end = bytes.count
    var negative = false
    guard let first = bytes.scalar(at: 0), let last = bytes.lastScalar else { return nil }
    if first.value == 0x28 || first.value == 0xFF08, last == 0x29 || last == 0xFF09,
      bytes.reduce(0, { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }) > 2
    {
      negative = true
      start = first.length
      end -= last < 0x80 ? 1 : 3
    }
    if let sign = UnsafeBufferPointer(rebasing: bytes[start..<end]).scalar(at: 0),
      sign.value == 0x2D || sign.value == 0xFF0D || sign.value == 0x2212
    {
      negative.toggle()
      start += sign.length
    }
    guard start < end else { return nil }
    let body = UnsafeBufferPointer(rebasing: bytes[start..<end])
    var value: Int64 = 0
    var digits = 0
    var sawPoint = false
    var fraction = 0
    var groupDigits = -1  // digits since the last comma; -1 before any comma
    var offset = 0
    while let (scalar, length) = body.scalar(at: offset) {
      offset += length
      var code = scalar
      if code >= 0xFF10, code <= 0xFF19 { code -= 0xFF10 - 0x30 }  // full-width digits
      if code == 0xFF0E { code = 0x2E }
      if code == 0xFF0C { code = 0x2C }
      switch code {
      case 0x30...0x39:
        if sawPoint {
          fraction += 1
          if fraction > 4 { return nil }
        } else if groupDigits >= 0 {
          groupDigits += 1
        }
        digits += 1
        value = value &* 10 &+ Int64(code - 0x30)
      case 0x2C:
        if sawPoint || digits == 0 || (groupDigits >= 0 && groupDigits != 3) { return nil }
        if groupDigits < 0, digits > 3 { return nil }
        groupDigits = 0
      case 0x2E:
        if sawPoint || digits == 0 { return nil }
        if groupDigits >= 0, groupDigits != 3 { return nil }
        sawPoint = true
      default:
        return nil
      }
    }
    guard offset == body.count else { return nil }
    if !sawPoint, groupDigits >= 0, groupDigits != 3 { return nil }
    if sawPoint, fraction == 0 { return nil }
    guard digits <= 15 else { return nil }
    for _ in fraction..<4 {
      // Fifteen digits without a fraction do not fit in ten-thousandths: not an amount.
      let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = scaled
    }
    return Amount(tenThousandths: negative ? -value : value, decimals: fraction)
  }

  package static func + (lhs: Amount, rhs: Amount) -> Amount {
    Amount(tenThousandths: lhs.tenThousandths + rhs.tenThousandths, decimals: max(lhs.decimals, rhs.decimals))
  }

  package static func - (lhs: Amount, rhs: Amount) -> Amount {
    Amount(tenThousandths: lhs.tenThousandths - rhs.tenThousandths, decimals: max(lhs.decimals, rhs.decimals))
  }

  package static prefix func - (value: Amount) -> Amount {
    Amount(tenThousandths: -value.tenThousandths, decimals: value.decimals)
  }

  package static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

  /// Equal in value, whatever the written precision.
  package func isSameValue(as other: Amount) -> Bool { tenThousandths == other.tenThousandths }

  package var isZero: Bool { tenThousandths == 0 }
  package var magnitude: Amount { Amount(tenThousandths: abs(tenThousandths), decimals: decimals) }
  package var doubleValue: Double { Double(tenThousandths) / Double(Self.scale) }

  /// "1862.53": two decimals (or more when written with more), no separators.
  package var description: String { formatted(decimals: max(2, decimals)) }

  /// The value with exactly `decimals` fraction digits (rounded half away from zero).
  package func formatted(decimals places: Int) -> String {
    let places = max(0, min(4, places))
    var divisor: Int64 = 1
    for _ in places..<4 { divisor *= 10 }
    let magnitude = abs(tenThousandths)
    let rounded = (magnitude + divisor / 2) / divisor
    var unit: Int64 = 1
    for _ in 0..<places { unit *= 10 }
    let whole = rounded / unit
    let fraction = rounded % unit
    var text = (tenThousandths < 0 && rounded != 0 ? "-" : "") + String(whole)
    if places > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
  }

  /// Rounded to hundredths (0.01).
  package var roundedToHundredths: Amount {
    let magnitude = abs(tenThousandths)
    let rounded = (magnitude + 50) / 100 * 100
    return Amount(tenThousandths: tenThousandths < 0 ? -rounded : rounded, decimals: 2)
  }

  /// The sum of `amounts` (zero for none).
  package static func sum(_ amounts: some Sequence<Amount>) -> Amount {
    amounts.reduce(Amount(tenThousandths: 0, decimals: 0), +)
  }
}

extension Amount {
  /// Two decimals with thousands separators: "1,234,567.80", "-1,000.00".
  package var grouped: String { grouped(decimals: 2) }

  /// `places` decimals with thousands separators: "1,234,567" with none.
  package func grouped(decimals places: Int) -> String {
    let plain = formatted(decimals: places)
    let negative = plain.utf8Text.hasPrefix("-")
    let unsigned = negative ? plain.dropFirst() : Substring(plain)
    let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
    var integer = String(unsigned[..<point])
    var index = integer.count - 3
    while index > 0 {
      integer.insert(",", at: integer.index(integer.startIndex, offsetBy: index))
      index -= 3
    }
    return (negative ? "-" : "") + integer + unsigned[point...]
  }
}
