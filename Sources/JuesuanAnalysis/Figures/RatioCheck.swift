import JuesuanModel

extension Amount {
  /// As written: a percentage "100%" stays "100", "43.3%" stays "43.3".
  package var asWritten: String { formatted(decimals: decimals) }
}

/// Percentage arithmetic with the rounding of the written figures.
package enum RatioCheck {
  /// Half a unit of the last written digit, in ten-thousandths ("0.75" → 50; "13" → 5 000).
  /// A zero written without decimals ("0 万元") is none at all, not a figure rounded to whole
  /// units: a report that has 0.4 万元 writes 0.40, never 0.
  package static func halfUnit(_ amount: Amount) -> Int64 {
    if amount.isZero && amount.decimals == 0 { return 0 }
    var unit: Int64 = 10_000
    for _ in 0..<min(4, max(0, amount.decimals)) { unit /= 10 }
    return unit / 2
  }

  /// One unit of the last of `decimals` digits, as a number of the figure's own unit (2 → 0.01,
  /// 0 → 1): a zero is a rounded figure too here (a "0%" may be 0.4%).
  package static func lastDigitUnit(decimals: Int) -> Double {
    (0..<max(0, decimals)).reduce(1.0) { unit, _ in unit / 10 }
  }

  /// Whether `stated` percent (as written, with its decimals) is reachable as part/whole × 100
  /// when part and whole may each be off by the given tolerances (ten-thousandths), allowing ±1
  /// in the stated last digit (shares nudged to add up to 100%) unless the part is nothing at all:
  /// "0 万元，占比 1%" is wrong whatever the nudging. Nil when the whole may be zero or negative.
  package static func agrees(
    stated: Amount, part: Amount, partTolerance: Int64, whole: Amount, wholeTolerance: Int64
  ) -> Bool? {
    let wholeLow = Double(whole.tenThousandths - wholeTolerance)
    guard wholeLow > 0 else { return nil }
    let wholeHigh = Double(whole.tenThousandths + wholeTolerance)
    let partLow = Double(max(0, part.tenThousandths - partTolerance))
    let partHigh = Double(part.tenThousandths + partTolerance)
    let low = partLow / wholeHigh * 100
    let high = partHigh / wholeLow * 100
    let unit = partHigh == 0 ? 0 : lastDigitUnit(decimals: stated.decimals)
    let value = stated.doubleValue
    return value >= low - unit - 1e-9 && value <= high + unit + 1e-9
  }

  /// How a growth of `stated` percent reads when the last year was nothing as far as the
  /// rounding tells (`previous` within `tolerance` ten-thousandths of 0).
  package enum GrowthFromNothing: Sendable {
    /// Δ ÷ some positive last year the rounding allows ("0.05 万元，增加 0.04 万元，增长 400%").
    case reachable
    /// "增长 100%" written for an item last year did not have: change/zero-base's.
    case newItemIdiom
    /// Neither: a wrong percentage ("增长 102%"), change/percent's.
    case impossible
  }

  /// The reading of a growth of `stated` percent by Δ `delta` from `previous`.
  package static func growthFromNothing(stated: Amount, delta: Amount, previous: Amount, tolerance: Int64)
    -> GrowthFromNothing
  {
    if reachesGrowth(stated: stated, delta: delta, previous: previous, tolerance: tolerance) { return .reachable }
    let isIdiom = abs(stated.doubleValue - 100) <= lastDigitUnit(decimals: stated.decimals) / 2 + 1e-9
    return isIdiom ? .newItemIdiom : .impossible
  }

  /// Whether a growth of `stated` percent is Δ ÷ some positive last year within `tolerance`
  /// ten-thousandths of `previous`, Δ and `stated` each off by half their last digit (and
  /// `stated` by its last digit, as shares are nudged).
  private static func reachesGrowth(stated: Amount, delta: Amount, previous: Amount, tolerance: Int64) -> Bool {
    let highestBase = Double(previous.tenThousandths + tolerance)
    guard highestBase > 0 else { return false }
    let lowestBase = Double(max(0, previous.tenThousandths - tolerance))
    let half = halfUnit(delta)
    let lowest = Double(max(0, delta.tenThousandths - half)) / highestBase * 100
    let highest = lowestBase > 0 ? Double(delta.tenThousandths + half) / lowestBase * 100 : .infinity
    let unit = lastDigitUnit(decimals: stated.decimals)
    return stated.doubleValue + unit >= lowest - 1e-9 && stated.doubleValue - unit <= highest + 1e-9
  }

  /// part/whole × 100 written with `decimals` places (half away from zero); nil for a zero whole.
  package static func percent(part: Amount, whole: Amount, decimals: Int) -> String? {
    guard whole.tenThousandths != 0 else { return nil }
    let value = Double(part.tenThousandths) / Double(whole.tenThousandths) * 100
    guard value.isFinite, abs(value) < 1e12 else { return nil }
    return Amount(tenThousandths: Int64((value * 10_000).rounded())).formatted(decimals: decimals)
  }

  /// Whether `part / whole` × 100 agrees with `stated` (written with `decimals` digits) within one
  /// unit in the last digit, the inputs being rounded too; true when the whole is zero.
  package static func agrees(stated: Amount, decimals: Int, part: Amount, whole: Amount) -> Bool {
    guard !whole.isZero else { return true }
    let computed = Double(part.tenThousandths) / Double(whole.tenThousandths) * 100
    guard computed.isFinite, abs(computed) < 1e9 else { return true }
    let unit = lastDigitUnit(decimals: decimals)
    return abs(computed - stated.doubleValue) <= unit + 1e-9
  }
}
