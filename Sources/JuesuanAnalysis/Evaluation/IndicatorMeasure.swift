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
    var rest = Substring(text.utf8Text.removingWhitespace())
    var relation = "="
    if let first = rest.first, "≥≤<>=＝".utf8Text.contains(first) {
      relation = first == "＝" ? "=" : String(first)
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard !digits.isEmpty, let value = Amount(parsing: digits) else { return nil }
    let unit = String(rest.dropFirst(digits.count))
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
