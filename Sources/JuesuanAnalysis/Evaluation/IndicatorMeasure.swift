import JuesuanModel

/// A self-evaluation indicator's value as written: "≥2次", "=4135人", "95%", "1869.08" — the
/// relation, the figure and the unit.
package struct IndicatorMeasure: Sendable {
  /// "≥", "≤", "<", ">" or "=" (also for "＝" and no relation at all).
  package var relation: String
  /// The figure.
  package var value: Amount
  /// What follows the figure ("次", "%"), at most three characters; "％" is read as "%".
  package var unit: String

  /// The measure `text` states; nil when it is not a figure with an optional relation and unit.
  package init?(_ text: String) {
    let written = text.utf8Text.removingWhitespace()
    let bytes = Array(written.utf8)
    // Where every scalar is a Character of its own (nearly always), the relation and the digits
    // are read on the bytes; else on the Characters.
    guard UTF8Text.allStandAlone(bytes) else {
      guard let measure = Self.reading(characters: written) else { return nil }
      self = measure
      return
    }
    var start = 0
    var relation = "="
    if let sign = Self.relations.firstIndex(where: { bytes.starts(with: $0) }) {
      relation = sign == Self.relations.count - 1 ? "=" : String(decoding: Self.relations[sign], as: UTF8.self)
      start = Self.relations[sign].count
    }
    var end = start
    while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E { end += 1 }
    guard end > start, let value = Amount(parsing: String(decoding: bytes[start..<end], as: UTF8.self)) else {
      return nil
    }
    self.init(relation: relation, value: value, unit: String(decoding: bytes[end...], as: UTF8.self))
  }

  /// The relations a measure may open with, as bytes; the last, "＝", is read as "=".
  private static let relations = ["≥", "≤", "<", ">", "=", "＝"].map { Array($0.utf8) }

  /// The measure `written` (without white space) states, read by Characters.
  private static func reading(characters written: String) -> IndicatorMeasure? {
    var rest = Substring(written)
    var relation = "="
    if let first = rest.first, "≥≤<>=＝".utf8Text.contains(first) {
      relation = first == "＝" ? "=" : String(first)
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard !digits.isEmpty, let value = Amount(parsing: digits) else { return nil }
    return IndicatorMeasure(relation: relation, value: value, unit: String(rest.dropFirst(digits.count)))
  }

  /// The measure, when `unit` is at most three Characters and no number.
  private init?(relation: String, value: Amount, unit: String) {
    guard unit.count <= 3, !unit.contains(where: { $0.isNumber }) else { return nil }
    self.relation = relation
    self.value = value
    self.unit = unit == "％" ? "%" : unit
  }
}

extension IndicatorMeasure {
  /// How an indicator falls short ("实际完成值 1次 未达到年度指标值 ≥2次"), when both are numbers in
  /// the same unit; nil when it does not, or when the comparison is not clear.
  package static func shortfall(target: String, actual: String) -> String? {
    guard let goal = IndicatorMeasure(target), let done = IndicatorMeasure(actual),
      goal.unit == done.unit || done.unit.isEmpty
    else {
      return nil
    }
    let isShort: Bool
    switch goal.relation {
    case "≥", ">", "=": isShort = done.value < goal.value
    case "≤", "<": isShort = done.value > goal.value
    default: return nil
    }
    return isShort ? "实际完成值 \(actual) 未达到年度指标值 \(target)" : nil
  }
}
