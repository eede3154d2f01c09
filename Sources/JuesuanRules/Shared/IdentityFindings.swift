import JuesuanAnalysis
import JuesuanModel

extension RuleContext {
  /// Compares a table identity's total with Σ parts; reports an error beyond its tolerance,
  /// information (as sum/rounding-tail) within it unless the report explains rounding. Returns
  /// true when an error was reported (not a rounding tail).
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
    let places = Self.places(of: comparison)
    let show = Self.figureStyle(of: comparison, places: places)
    let shownTotal = total.amount.map(show) ?? "（空）"
    let shownSum = show(sum)
    let gap = show(Amount(tenThousandths: abs(difference)))
    let related = comparison.parts.compactMap { part in
      part.cell.map { Finding.Related(range: $0.range, message: "\(part.label) \(show($0.value))") }
    }
    // The inlay hint of a total that does not match: "Σ 1,234.56".
    let hint = "Σ \(sum.grouped(decimals: places))"
    // A total below one of its own parts, none of them negative: rounding keeps order (a part
    // no greater than the whole rounds to no more), so this is no tail.
    let largest = amounts.max()
    let belowPart =
      !comparison.isSameAmount && total.value.tenThousandths >= 0 && amounts.allSatisfy { $0.tenThousandths >= 0 }
      && largest.map { total.value < $0 } == true
    // One figure restated in a whole-yuan table (a parent with a single child listed): a sibling
    // too small to be listed would be under half a yuan, so the two are one amount rounded alike.
    let table = Self.table(holding: total, in: report)
    let restated = !comparison.isSameAmount && comparison.parts.count == 1 && table?.unit == "元"
    let withinTolerance = abs(difference) <= comparison.tolerance
    if withinTolerance, !belowPart, !restated {
      guard !roundingExplained else { return false }
      let saved = currentCode
      currentCode = "sum/rounding-tail"
      report(
        total.range, "\(what) \(shownTotal) 与各项之和 \(shownSum) 相差 \(gap)，在四舍五入容差内；建议在表注中说明尾差",
        severity: .information, related: related, hint: hint)
      currentCode = saved
      return false
    }
    var message = "\(what) \(shownTotal) ≠ \(Terms.joined(amounts, limit: 8, shownAs: show)) = \(shownSum)，差 \(gap)"
    if belowPart, withinTolerance, let largest {
      message += "（合计小于其中一项 \(show(largest))，取整不会如此）"
    } else if restated, withinTolerance {
      message += "（只此一项，以元为单位取整不会产生尾差）"
    }
    var fixes: [Fix] = []
    var suspects: [Suspect] = []
    let others = Self.otherIdentities(sharing: total, with: comparison, in: self.report)
    if let agreeing = others.first(where: \.holds) {
      // The total agrees with another sum it takes part in: the error is among the parts, and
      // setting the total to their sum would break the other one.
      message += "；该数与“\(agreeing.what)”的加总相符，差错可能在明细项"
      suspects = Self.suspectParts(
        of: comparison, in: table, difference: sum - total.value, shownAs: show, corroboratedBy: agreeing.what)
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
      // Written as the cell writes its figure: with thousands separators when it has them.
      let newText = total.text.utf8Text.contains(",") ? sum.grouped(decimals: places) : sum.formatted(decimals: places)
      fixes = [
        Fix(
          title: "将\(what)改为各项之和 \(newText)", edits: [TextEdit(range: total.range, newText: newText)],
          isSafe: settled)
      ]
    }
    report(total.range, Message(message), related: related, fixes: fixes, hint: hint)
    for suspect in suspects {
      report(
        suspect.cell.range, Message(suspect.message), severity: .warning,
        related: [Finding.Related(range: total.range, message: "\(what) \(shownTotal)")], fixes: suspect.fixes)
    }
    return true
  }

  /// A part that a corroborated total shows to be wrong, and why.
  private struct Suspect {
    var cell: Table.Cell
    var message: String
    var fixes: [Fix] = []
  }

  /// The parts of an identity whose total another sum confirms that the arithmetic points at:
  /// every part greater than the total (none negative: a part cannot exceed its whole); or else
  /// the one part whose two adjacent digits, swapped, close the gap to within a unit of its last
  /// place (a transposition, the commonest slip in copying a figure; the unit leaves room for a
  /// rounding tail the sum already had). Nothing when no part, or more than one, fits, or when
  /// the two are one amount stated twice.
  private static func suspectParts(
    of comparison: TableIdentity, in table: Table?, difference: Amount, shownAs show: (Amount) -> String,
    corroboratedBy other: String
  ) -> [Suspect] {
    let total = comparison.total
    guard !total.isDamaged, !comparison.isSameAmount else { return [] }
    let cells = comparison.parts.compactMap(\.cell).filter { !$0.isBlank && !$0.isDamaged }
    let shownTotal = show(total.value)
    var labels = Dictionary(
      comparison.parts.compactMap { part in part.cell.map { ($0.range.lowerBound, part.label) } },
      uniquingKeysWith: { first, _ in first })
    // A coded part is named by its code and name ("30107 绩效工资"), as its row writes them.
    for row in table?.rows ?? [] {
      guard let code = row.code, !row.label.isEmpty else { continue }
      for cell in row.cells.compactMap(\.self) where labels[cell.range.lowerBound] != nil {
        labels[cell.range.lowerBound] = "\(code) \(row.label)"
      }
    }
    let nonNegative = total.value.tenThousandths >= 0 && cells.allSatisfy { $0.value.tenThousandths >= 0 }
    if nonNegative {
      let larger = cells.filter { total.value < $0.value }
      if !larger.isEmpty {
        return larger.map { cell in
          var suspect = Suspect(
            cell: cell,
            message:
              "“\(labels[cell.range.lowerBound] ?? "")”\(cell.text) 大于其合计 \(shownTotal)（合计与“\(other)”的加总相符），明细项不会大于合计，此数有误"
          )
          if larger.count == 1, let text = transposition(of: cell.text, giving: cell.value - difference) {
            suspect.message += "；写作 \(text) 时各项之和等于合计，疑为数字颠倒"
            suspect.fixes = [Fix(title: "改为 \(text)", edits: [TextEdit(range: cell.range, newText: text)])]
          }
          return suspect
        }
      }
    }
    let transposed = cells.compactMap { cell -> (Table.Cell, String)? in
      let target = cell.value - difference
      guard let text = transposition(of: cell.text, giving: target) else { return nil }
      return (cell, text)
    }
    guard transposed.count == 1, let (cell, text) = transposed.first else { return [] }
    return [
      Suspect(
        cell: cell,
        message:
          "“\(labels[cell.range.lowerBound] ?? "")”\(cell.text) 疑为数字颠倒：写作 \(text) 时各项之和等于合计 \(shownTotal)（合计与“\(other)”的加总相符）",
        fixes: [Fix(title: "改为 \(text)", edits: [TextEdit(range: cell.range, newText: text)])])
    ]
  }

  /// `text` with two adjacent, different digits swapped (a separator or point may sit between
  /// them) when that reads as `target`; nil when no single swap does, or only one that would
  /// write a leading zero ("06.18", not a way to write a figure).
  static func transposition(of text: String, giving target: Amount) -> String? {
    var lastPlace: Int64 = Amount.scale
    for _ in 0..<min(4, max(0, target.decimals)) { lastPlace /= 10 }
    var bytes = Array(text.utf8)
    let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) }
    for (first, second) in zip(digits, digits.dropFirst()) where bytes[first] != bytes[second] {
      bytes.swapAt(first, second)
      defer { bytes.swapAt(first, second) }
      if bytes[digits[0]] == 0x30, digits[0] + 1 < bytes.count, bytes[digits[0] + 1] != 0x2E { continue }
      let swapped = String(decoding: bytes, as: UTF8.self)
      if let value = Amount(parsing: swapped), abs((value - target).tenThousandths) <= lastPlace { return swapped }
    }
    return nil
  }

  /// The places an identity's figures are written with: a whole-yuan table's sum gets no ".00".
  private static func places(of comparison: TableIdentity) -> Int {
    comparison.parts.reduce(comparison.total.amount?.decimals ?? 0) { max($0, $1.cell?.amount?.decimals ?? 0) }
  }

  /// How a message writes the identity's figures: to their places, with thousands separators
  /// when the table writes them so ("1,100,000 ≠ 1,000,000 + 0").
  private static func figureStyle(of comparison: TableIdentity, places: Int) -> (Amount) -> String {
    let separated = ([comparison.total] + comparison.parts.compactMap(\.cell)).contains {
      $0.text.utf8Text.contains(",")
    }
    return separated ? { $0.grouped(decimals: places) } : { $0.formatted(decimals: places) }
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
