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
  /// What the total is, for messages: "合计行“合计”", "201“一般公共服务支出”的“合计”". Written
  /// when asked: a table's reading is judged by thousands of identities whose names only a
  /// failing one's message needs.
  package var what: String { describe() }
  private let describe: @Sendable () -> String
  package var family: Family
  /// The total and its one part are one amount stated twice (收入总计 and 支出总计), not a sum: the
  /// one cannot be "below" the other as a whole below its part.
  package var isSameAmount = false

  package init(total: Table.Cell, parts: [Part], what: @escaping @autoclosure @Sendable () -> String, family: Family) {
    self.total = total
    self.parts = parts
    self.describe = what
    self.family = family
  }

  /// Σ parts, a blank cell counting as zero.
  package var sum: Amount {
    // Without an intermediate array: a reading is judged by asking thousands of these.
    parts.reduce(Amount(tenThousandths: 0, decimals: 0)) { $0 + ($1.cell?.value ?? .zero) }
  }

  /// How far the sum may be from the total by rounding alone (ten-thousandths): half a unit of
  /// the figures' last digit per figure, 0.005·(n+1) for figures to the cent (DOMAIN.md §4), 0.5·(n+1)
  /// for a whole-yuan table's.
  package var tolerance: Int64 {
    var decimals = total.amount?.decimals
    for part in parts {
      guard let places = part.cell?.amount?.decimals else { continue }
      decimals = max(decimals ?? places, places)
    }
    return Self.tolerance(parts: parts.count, decimals: decimals ?? 2)
  }

  /// A sum of `parts` figures rounded to `decimals` places may differ from the rounded total by
  /// up to half a unit of the last place per figure, in ten-thousandths.
  package static func tolerance(parts: Int, decimals: Int = 2) -> Int64 {
    var halfUnit: Int64 = 5_000
    for _ in 0..<min(4, max(0, decimals)) { halfUnit /= 10 }
    return max(1, halfUnit) * Int64(parts + 1)
  }

  /// True when the total equals Σ parts within the rounding tolerance.
  package var holds: Bool { abs((total.value - sum).tenThousandths) <= tolerance }

  /// True when some figure of the identity is not zero: an identity of zeros and blanks holds
  /// whatever column each figure was read into, so it proves nothing about a reading.
  package var isInformative: Bool {
    !total.value.isZero || parts.contains { $0.cell.map { !$0.value.isZero } ?? false }
  }
}
