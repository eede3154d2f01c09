/// One of a table's own identities: a total and the parts it should equal ("合计 = 基本支出 +
/// 项目支出", "类 = Σ 款"). The sum rules report the ones that fail; the reading of a table is
/// trusted only when most of them hold (`Table.Reading`).
package struct TableIdentity: Sendable {
  /// One addend: what it is (a code, a column title, a row label) and its cell, nil when the row
  /// has none (counts as zero).
  package struct Part: Sendable {
    package var label: String
    package var cell: Table.Cell?

    package init(label: String, cell: Table.Cell?) {
      self.label = label
      self.cell = cell
    }
  }

  /// Which of a table's families of identities this is: a reading that puts figures in the wrong
  /// places fails most of one family at once.
  package enum Family: Sendable {
    case columnTotal, rowTotal, hierarchy, balance, sangong, fund
  }

  package var total: Table.Cell
  package var parts: [Part]
  /// What the total is, for messages: "合计行“合计”", "201“一般公共服务支出”的“合计”".
  package var what: String
  package var family: Family

  package init(total: Table.Cell, parts: [Part], what: String, family: Family) {
    self.total = total
    self.parts = parts
    self.what = what
    self.family = family
  }

  /// Σ parts, a blank cell counting as zero.
  package var sum: Amount { Amount.sum(parts.map { $0.cell?.value ?? .zero }) }

  /// How far the sum may be from the total by rounding alone (ten-thousandths).
  package var tolerance: Int64 { Self.tolerance(parts: parts.count) }

  /// A sum of `parts` figures rounded to 0.01 may differ from the rounded total by up to
  /// 0.005·(n+1) (DOMAIN.md §4), in ten-thousandths.
  package static func tolerance(parts: Int) -> Int64 { 50 * Int64(parts + 1) }

  /// True when the total equals Σ parts within the rounding tolerance.
  package var holds: Bool { abs((total.value - sum).tenThousandths) <= tolerance }

  /// True when some figure of the identity is not zero: an identity of zeros and blanks holds
  /// whatever column each figure was read into, so it proves nothing about a reading.
  package var isInformative: Bool {
    !total.value.isZero || parts.contains { $0.cell.map { !$0.value.isZero } ?? false }
  }
}
