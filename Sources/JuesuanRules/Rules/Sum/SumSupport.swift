import JuesuanModel

/// Shared arithmetic of the sum/* rules: tolerance, rounding-tail silence, messages, fixes.
package enum SumSupport {
  /// True when the report says its figures may not add up by rounding (尾差, 尾数误差, 四舍五入).
  static func reportExplainsRounding(_ report: Report) -> Bool {
    let words = ["尾差", "尾数误差", "四舍五入", "尾数差异"]
    if report.tables.contains(where: { table in table.notes.contains { note in words.contains { note.contains($0) } } })
    {
      return true
    }
    return report.paragraphs.contains { paragraph in words.contains { paragraph.text.contains($0) } }
  }

  /// "10.00 + 15.00" (at most eight terms, then "…共 n 项").
  static func terms(_ amounts: [Amount]) -> String {
    let shown = amounts.prefix(8).map { $0.formatted(decimals: 2) }.joined(separator: " + ")
    return amounts.count > 8 ? shown + " + …（共 \(amounts.count) 项）" : shown
  }

  /// Two decimals with thousands separators: "1,234,567.80", "-1,000.00".
  package static func grouped(_ amount: Amount) -> String {
    let plain = amount.formatted(decimals: 2)
    let negative = plain.hasPrefix("-")
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

  /// The inlay hint of a total that does not match: "Σ 1,234.56".
  static func hint(_ comparison: TableIdentity) -> String { "Σ \(grouped(comparison.sum))" }

  /// Compares the total with Σ parts; reports an error beyond tolerance, information within it
  /// (unless the report explains rounding). Returns true when something was reported.
  @discardableResult
  static func compare(
    _ comparison: TableIdentity, in report: Report, context: inout RuleContext, roundingExplained: Bool
  ) -> Bool {
    context.ran()
    let total = comparison.total
    let what = comparison.what
    let amounts = comparison.parts.map { $0.cell?.value ?? .zero }
    let sum = Amount.sum(amounts)
    let difference = (total.value - sum).tenThousandths
    guard difference != 0 else { return false }
    let shownTotal = total.amount?.formatted(decimals: 2) ?? "（空）"
    let shownSum = sum.formatted(decimals: 2)
    let gap = Amount(tenThousandths: abs(difference)).formatted(decimals: 2)
    let related = comparison.parts.compactMap { part in
      part.cell.map { Finding.Related(range: $0.range, message: "\(part.label) \($0.value.formatted(decimals: 2))") }
    }
    if abs(difference) <= comparison.tolerance {
      guard !roundingExplained else { return false }
      let saved = context.currentCode
      context.currentCode = "sum/rounding-tail"
      context.report(
        total.range, "\(what) \(shownTotal) 与各项之和 \(shownSum) 相差 \(gap)，在四舍五入容差内；建议在表注中说明尾差",
        severity: .information, related: related, hint: hint(comparison))
      context.currentCode = saved
      return true
    }
    var message = "\(what) \(shownTotal) ≠ \(terms(amounts)) = \(shownSum)，差 \(gap)"
    var fixes: [Fix] = []
    let others = otherIdentities(sharing: total, with: comparison, in: report)
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
    context.report(total.range, message, related: related, fixes: fixes, hint: hint(comparison))
    return true
  }

  /// The table's other sums whose total or one of whose parts is the cell `total`.
  private static func otherIdentities(sharing total: Table.Cell, with comparison: TableIdentity, in report: Report)
    -> [TableIdentity]
  {
    guard let table = report.tables.first(where: { $0.range.contains(total.range.lowerBound) }) else { return [] }
    return table.identities.filter { other in
      guard !(other.total.range == total.range && other.what == comparison.what) else { return false }
      return other.total.range == total.range || other.parts.contains { $0.cell?.range == total.range }
    }
  }

  /// The comparisons the sum rules make whose total cell contains `offset` (or ends at it), for
  /// hover: a cell may total both its column and its row. Tables not around `offset` are not read.
  /// - Complexity: O(r²) in the rows of the table around `offset` (the code hierarchy's look-up).
  package static func comparisons(at offset: Int, in report: Report) -> [TableIdentity] {
    var found: [TableIdentity] = []
    for table in report.tables where table.range.contains(offset) || table.range.upperBound == offset {
      let all = table.identities
      found += all.filter { comparison in
        let range = comparison.total.range
        return !comparison.total.text.isEmpty && (range.contains(offset) || range.upperBound == offset)
      }
    }
    return found
  }
}
