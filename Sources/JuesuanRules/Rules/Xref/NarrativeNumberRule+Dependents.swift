import JuesuanModel

// A figure corrected to the table's leaves the statement it is part of consistent: the Δ and
// growth of a change, an execution rate, a share, worked out from it, follow the new figure.
extension NarrativeNumberRule {
  /// The edits that make the statements built on `number` agree with `value`, and whether every
  /// dependent statement could be followed (false: the fix would leave one of them wrong).
  /// Last year's figure and the other side of a rate stay as they are: they are facts the
  /// correction does not touch. A figure a statement was not worked out from (its percentage
  /// already fits the new value) is left alone.
  static func dependentEdits(of number: Paragraph.Number, becoming value: Amount, in reader: NarrativeReader)
    -> (edits: [TextEdit], complete: Bool)
  {
    let paragraph = reader.paragraph
    var edits: [TextEdit] = []
    var complete = true
    func replace(_ range: Range<Int>, with text: String) {
      edits.append(TextEdit(range: paragraph.sourceRange(ofTextRange: range), newText: text))
    }
    func replaceDigits(_ figure: Paragraph.Number, with amount: Amount) {
      let digits = reader.digitsRange(of: figure)
      let original = paragraph.text(in: digits)
      replace(digits, with: written(amount, like: original))
    }

    for change in reader.changes where change.current?.textRange == number.textRange {
      guard change.isResolved, change.previous == nil, let current = change.current else {
        complete = false
        continue
      }
      let delta = change.delta.value
      let previous = change.verb.isIncrease ? current.value - delta : current.value + delta
      // Worked out from the table's figure already (only the figure was mistyped): nothing follows.
      if let percent = change.percent {
        let base = change.verb.isIncrease ? value - delta : value + delta
        let fitsNew = RatioCheck.agrees(
          stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: base,
          wholeTolerance: RatioCheck.halfUnit(value) + RatioCheck.halfUnit(delta))
        if fitsNew == true { continue }
      }
      let difference = value - previous
      guard !difference.isZero, previous.tenThousandths >= 0 else {
        complete = false
        continue
      }
      let increase = difference.tenThousandths > 0
      replaceDigits(change.delta, with: Amount(tenThousandths: difference.magnitude.tenThousandths, decimals: 2))
      if increase != change.verb.isIncrease {
        replace(change.verb.range, with: increase ? "增加" : "减少")
        if let percentVerb = change.percentVerb { replace(percentVerb.range, with: increase ? "增长" : "下降") }
      }
      if let percent = change.percent, !previous.isZero,
        let rate = RatioCheck.percent(part: difference.magnitude, whole: previous, decimals: percent.value.decimals)
      {
        replace(reader.digitsRange(of: percent), with: rate)
      }
    }

    for change in reader.percentChanges
    where change.current.textRange == number.textRange || change.previous.textRange == number.textRange {
      let isCurrent = change.current.textRange == number.textRange
      guard
        RatioCheck.agrees(
          stated: change.percent.value, part: change.difference.magnitude, partTolerance: change.tolerance,
          whole: change.previous.value, wholeTolerance: RatioCheck.halfUnit(change.previous.value)) == true
      else { continue }
      let current = isCurrent ? value : change.current.value
      let previous = isCurrent ? change.previous.value : value
      let difference = current - previous
      guard !previous.isZero, !difference.isZero,
        let expected = RatioCheck.percent(
          part: difference.magnitude, whole: previous, decimals: change.percent.value.decimals)
      else {
        complete = false
        continue
      }
      replace(reader.digitsRange(of: change.percent), with: expected)
      let increase = difference.tenThousandths > 0
      if increase != change.verb.isIncrease { replace(change.verb.range, with: increase ? "增加" : "减少") }
    }

    for rate in reader.rates {
      let isActual = rate.actual?.textRange == number.textRange
      let isBudget = rate.budget?.textRange == number.textRange
      guard isActual || isBudget else { continue }
      // A rate of a zero budget was meaningless before (change/zero-base): left as it is.
      guard let actual = rate.actual, let budget = rate.budget, !budget.value.isZero else { continue }
      // Only a rate worked out from the figures as written.
      guard
        RatioCheck.agrees(
          stated: rate.rate.value, part: actual.value, partTolerance: RatioCheck.halfUnit(actual.value),
          whole: budget.value, wholeTolerance: RatioCheck.halfUnit(budget.value)) == true
      else { continue }
      let newActual = isActual ? value : actual.value
      let newBudget = isBudget ? value : budget.value
      guard !newBudget.isZero,
        let expected = RatioCheck.percent(part: newActual, whole: newBudget, decimals: rate.rate.value.decimals)
      else {
        complete = false
        continue
      }
      replace(reader.digitsRange(of: rate.rate), with: expected)
    }

    for share in reader.shares where share.part?.textRange == number.textRange {
      guard let part = share.part, let whole = share.whole, !whole.value.isZero else { continue }
      guard
        RatioCheck.agrees(
          stated: share.share.value, part: part.value, partTolerance: RatioCheck.halfUnit(part.value),
          whole: whole.value, wholeTolerance: RatioCheck.halfUnit(whole.value)) == true,
        let expected = RatioCheck.percent(part: value, whole: whole.value, decimals: share.share.value.decimals)
      else { continue }
      replace(reader.digitsRange(of: share.share), with: expected)
    }
    return (edits, complete)
  }
}
