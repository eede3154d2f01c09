import JuesuanAnalysis
import JuesuanModel

extension RuleContext {
  /// Compares a table identity's total with Σ parts; reports an error beyond its tolerance,
  /// information (as sum/rounding-tail) within it unless the report explains rounding. Returns
  /// true when something was reported.
  @discardableResult
  mutating func check(_ comparison: TableIdentity, roundingExplained: Bool) -> Bool {
    ran()
    let total = comparison.total
    let sum = comparison.sum
    let difference = (total.value - sum).tenThousandths
    // Most identities hold: their name and addends are written only for a finding.
    guard difference != 0 else { return false }
    let what = comparison.what
    let amounts = comparison.parts.map { $0.cell?.value ?? .zero }
    let shownTotal = total.amount?.formatted(decimals: 2) ?? "（空）"
    let shownSum = sum.formatted(decimals: 2)
    let gap = Amount(tenThousandths: abs(difference)).formatted(decimals: 2)
    let related = comparison.parts.compactMap { part in
      part.cell.map { Finding.Related(range: $0.range, message: "\(part.label) \($0.value.formatted(decimals: 2))") }
    }
    // The inlay hint of a total that does not match: "Σ 1,234.56".
    let hint = "Σ \(sum.grouped)"
    // A total below one of its own parts, none of them negative: rounding keeps order (a part
    // no greater than the whole rounds to no more), so this is no tail.
    let largest = amounts.max()
    let belowPart =
      total.value.tenThousandths >= 0 && amounts.allSatisfy { $0.tenThousandths >= 0 }
      && largest.map { total.value < $0 } == true
    // One figure restated in a whole-yuan table (a parent with a single child listed): a sibling
    // too small to be listed would be under half a yuan, so the two are one amount rounded alike.
    let table = Self.table(holding: total, in: report)
    let restated = comparison.parts.count == 1 && table?.unit == "元"
    let withinTolerance = abs(difference) <= comparison.tolerance
    if withinTolerance, !belowPart, !restated {
      guard !roundingExplained else { return false }
      let saved = currentCode
      currentCode = "sum/rounding-tail"
      report(
        total.range, "\(what) \(shownTotal) 与各项之和 \(shownSum) 相差 \(gap)，在四舍五入容差内；建议在表注中说明尾差",
        severity: .information, related: related, hint: hint)
      currentCode = saved
      return true
    }
    var message = "\(what) \(shownTotal) ≠ \(Terms.joined(amounts, limit: 8)) = \(shownSum)，差 \(gap)"
    if belowPart, withinTolerance, let largest {
      message += "（合计小于其中一项 \(largest.formatted(decimals: 2))，取整不会如此）"
    } else if restated, withinTolerance {
      message += "（只此一项，以元为单位取整不会产生尾差）"
    }
    var fixes: [Fix] = []
    let others = Self.otherIdentities(sharing: total, with: comparison, in: self.report)
    if let agreeing = others.first(where: \.holds) {
      // The total agrees with another sum it takes part in: the error is among the parts, and
      // setting the total to their sum would break the other one.
      message += "；该数与“\(agreeing.what)”的加总相符，差错可能在明细项"
    } else if total.amount != nil {
      // Safe when every other sum the total takes part in holds with the new figure.
      let settled = others.allSatisfy { other in
        var changed = other
        if other.total.range == total.range { changed.total.amount = sum }
        for index in changed.parts.indices where changed.parts[index].cell?.range == total.range {
          changed.parts[index].cell?.amount = sum
        }
        return changed.holds
      }
      fixes = [
        Fix(
          title: "将\(what)改为各项之和 \(shownSum)", edits: [TextEdit(range: total.range, newText: shownSum)],
          isSafe: settled)
      ]
    }
    report(total.range, Message(message), related: related, fixes: fixes, hint: hint)
    return true
  }

  /// The table whose region holds `cell`.
  private static func table(holding cell: Table.Cell, in report: Report) -> Table? {
    report.tables.first { $0.range.contains(cell.range.lowerBound) }
  }

  /// The table's other sums whose total or one of whose parts is the cell `total`.
  private static func otherIdentities(sharing total: Table.Cell, with comparison: TableIdentity, in report: Report)
    -> [TableIdentity]
  {
    guard let table = table(holding: total, in: report) else { return [] }
    return table.identities.filter { other in
      guard !(other.total.range == total.range && other.what == comparison.what) else { return false }
      return other.total.range == total.range || other.parts.contains { $0.cell?.range == total.range }
    }
  }

  /// Checks every parent code of `panel` whose children are listed (sum/code-hierarchy, and
  /// sum/basic-expense for 06's 类 and 款): a parent left blank, and each parent against the sum
  /// of its children.
  mutating func checkHierarchy(of panel: Table.Panel, roundingExplained: Bool) {
    let comparisons = Table.hierarchyIdentities(
      in: panel, skip: { skip($0()) },
      blankParent: { range, message in
        ran()
        report(range, Message(message))
      })
    for comparison in comparisons {
      check(comparison, roundingExplained: roundingExplained)
    }
  }
}
