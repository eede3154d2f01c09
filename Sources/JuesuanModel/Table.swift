/// One of the standard tables (or an unknown one): its title, header columns and rows.
///
/// Two- and three-sided layouts (01/04 收入 | 支出, 06's three column groups) are read as
/// several `Panel`s side by side; most tables have one.
package struct Table: Sendable, Equatable {
  /// The nine standard tables of DOMAIN.md §2, by content (not by the number printed on them).
  package enum Kind: String, Sendable, Hashable, CaseIterable {
    case summary = "01"  // 收入支出决算总表
    case income = "02"  // 收入决算表
    case expenditure = "03"  // 支出决算表
    case fiscalSummary = "04"  // 财政拨款收入支出决算总表
    case generalBudget = "05"  // 一般公共预算财政拨款支出决算表
    case basicExpenditure = "06"  // 一般公共预算财政拨款基本支出决算表
    case sangong = "07"  // "三公"经费支出决算表
    case governmentFund = "08"  // 政府性基金预算财政拨款收入支出决算表
    case stateCapital = "09"  // 国有资本经营预算财政拨款支出决算表
    case selfEvaluation = "perf"  // 项目支出绩效自评表
    case unknown = "??"

    /// The official title.
    package var officialTitle: String {
      switch self {
      case .summary: "收入支出决算总表"
      case .income: "收入决算表"
      case .expenditure: "支出决算表"
      case .fiscalSummary: "财政拨款收入支出决算总表"
      case .generalBudget: "一般公共预算财政拨款支出决算表"
      case .basicExpenditure: "一般公共预算财政拨款基本支出决算表"
      case .sangong: "一般公共预算财政拨款“三公”经费支出决算表"
      case .governmentFund: "政府性基金预算财政拨款收入支出决算表"
      case .stateCapital: "国有资本经营预算财政拨款支出决算表"
      case .selfEvaluation: "项目支出绩效自评表"
      case .unknown: "未识别的表"
      }
    }

    /// The nine tables every report must have.
    package static let standard: [Kind] = [
      .summary, .income, .expenditure, .fiscalSummary, .generalBudget, .basicExpenditure, .sangong,
      .governmentFund, .stateCapital,
    ]
  }

  /// A header column: its text (header lines joined) and what it holds.
  package struct Column: Sendable, Hashable {
    package var title: String
    package var role: Role

    package init(title: String, role: Role) {
      self.title = title
      self.role = role
    }

    /// What a column holds, recognised from its title.
    package enum Role: String, Sendable, Hashable {
      case total  // 合计 / 小计 / 本年收入合计 / 本年支出合计 / 金额 / 决算数
      case component  // a part of the total (基本支出, 财政拨款收入, …)
      case budget  // 预算数 / 年初预算
      case other
    }
  }

  /// A side of the table: its columns and rows.
  package struct Panel: Sendable, Equatable {
    package var columns: [Column]
    package var rows: [Row]

    package init(columns: [Column], rows: [Row]) {
      self.columns = columns
      self.rows = rows
    }
  }

  /// A figure in a row; `amount` nil for a blank, "—" or "-" cell (which reads as zero).
  package struct Cell: Sendable, Hashable {
    package var amount: Amount?
    package var text: String
    package var range: Range<Int>
    /// The text was repaired ("990 .24") or could be part of a number broken over lines.
    package var isDamaged: Bool

    package init(amount: Amount?, text: String, range: Range<Int>, isDamaged: Bool = false) {
      self.amount = amount
      self.text = text
      self.range = range
      self.isDamaged = isDamaged
    }

    /// The value, a blank cell counting as zero.
    package var value: Amount { amount ?? .zero }
    package var isBlank: Bool { amount == nil }
  }

  /// The table's texts and panels, which its copies share: a copy counts one reference instead
  /// of five. Immutable; setting one of them makes a new one.
  private final class Storage: Sendable {
    let title: String
    let panels: [Panel]
    let unit: String?
    let damage: [Message]
    let notes: [String]

    init(title: String, panels: [Panel], unit: String?, damage: [Message], notes: [String]) {
      self.title = title
      self.panels = panels
      self.unit = unit
      self.damage = damage
      self.notes = notes
    }
  }

  private var storage: Storage

  package var kind: Kind
  package var title: String {
    get { storage.title }
    set {
      storage = Storage(
        title: newValue, panels: storage.panels, unit: storage.unit, damage: storage.damage, notes: storage.notes)
    }
  }
  package var titleRange: Range<Int>
  /// From the title line to the last row (or note).
  package var range: Range<Int>
  package var panels: [Panel] {
    get { storage.panels }
    set {
      storage = Storage(
        title: storage.title, panels: newValue, unit: storage.unit, damage: storage.damage, notes: storage.notes)
    }
  }
  /// "万元" or "元" from a 单位： line, nil when the table has none.
  package var unit: String? {
    get { storage.unit }
    set {
      storage = Storage(
        title: storage.title, panels: storage.panels, unit: newValue, damage: storage.damage, notes: storage.notes)
    }
  }
  package var unitRange: Range<Int>?
  /// The table's year, for self-evaluation tables ("(2023年度)").
  package var year: Int?
  /// How far the reading holds together; an unread table keeps its columns but no rows.
  package var reading = Reading(status: .read)
  /// A budget's table (its title says 预算表): a budget's columns and identities.
  package var isBudget = false
  /// The lines of the notes under the table (注：…), trimmed.
  package var noteRanges: [Range<Int>] = []
  /// The 合计 row again under the header of a later page (a word processor repeats a table's
  /// header rows there), each as it was written: it should state the first one's figures. Only
  /// of tab-separated coded tables read row by row.
  package var pageTotals: [Row] = []
  /// Why parts of the table could not be read (page breaks that split cells, shifted rows…).
  package var damage: [Message] {
    get { storage.damage }
    set {
      storage = Storage(
        title: storage.title, panels: storage.panels, unit: storage.unit, damage: newValue, notes: storage.notes)
    }
  }
  /// Notes under the table (注：…, 说明：…).
  package var notes: [String] {
    get { storage.notes }
    set {
      storage = Storage(
        title: storage.title, panels: storage.panels, unit: storage.unit, damage: storage.damage, notes: newValue)
    }
  }

  package init(
    kind: Kind, title: String, titleRange: Range<Int>, range: Range<Int>, panels: [Panel], unit: String? = nil,
    unitRange: Range<Int>? = nil, year: Int? = nil, damage: [Message] = [], notes: [String] = []
  ) {
    storage = Storage(title: title, panels: panels, unit: unit, damage: damage, notes: notes)
    self.kind = kind
    self.titleRange = titleRange
    self.range = range
    self.unitRange = unitRange
    self.year = year
  }

  package static func == (lhs: Table, rhs: Table) -> Bool {
    guard lhs.kind == rhs.kind, lhs.titleRange == rhs.titleRange, lhs.range == rhs.range,
      lhs.unitRange == rhs.unitRange, lhs.year == rhs.year, lhs.reading == rhs.reading, lhs.isBudget == rhs.isBudget,
      lhs.noteRanges == rhs.noteRanges, lhs.pageTotals == rhs.pageTotals
    else { return false }
    if lhs.storage === rhs.storage { return true }
    return lhs.title == rhs.title && lhs.panels == rhs.panels && lhs.unit == rhs.unit && lhs.damage == rhs.damage
      && lhs.notes == rhs.notes
  }

  /// `amount`, a figure of this table, in 万元: a 元 table's ÷ 10,000 (to the ten-thousandth).
  package func inTenThousandYuan(_ amount: Amount) -> Amount {
    guard unit == "元" else { return amount }
    let value = amount.tenThousandths
    return Amount(tenThousandths: (abs(value) + 5_000) / 10_000 * (value < 0 ? -1 : 1), decimals: 4)
  }

  /// `amount`, a figure of this table, as a message shows it: a 元 table's with its 万元 beside it
  /// ("1,234,567.00 元（123.46 万元）"), a 万元 table's as it is ("123.46 万元").
  package func shown(_ amount: Amount) -> String {
    unit == "元" ? "\(amount.grouped) 元（\(inTenThousandYuan(amount).formatted(decimals: 2)) 万元）" : "\(amount) 万元"
  }

  /// All rows of all panels.
  package var rows: [Row] {
    let panels = storage.panels
    return panels.count == 1 ? panels[0].rows : panels.flatMap(\.rows)
  }

  /// True when no cell of the table holds a non-zero figure.
  package var hasNoData: Bool {
    !rows.contains { row in row.cells.contains { $0?.amount.map { !$0.isZero } ?? false } }
  }

  /// Whether the table's text below its title writes a non-zero decimal figure: when no row holds
  /// one (`hasNoData`), its figures were not read into the rows, and the table is not empty.
  /// - Complexity: O(n) in the table's text.
  package func writesFiguresOutsideItsRows(in source: SourceText) -> Bool {
    let bytes = source.bytes
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    var index = max(1, titleRange.upperBound)
    let end = min(range.upperBound, bytes.count)
    while index + 2 < end {
      if bytes[index] == UInt8(ascii: "."), isDigit(bytes[index - 1]), isDigit(bytes[index + 1]) {
        var start = index - 1
        while start > range.lowerBound, isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ",") {
          start -= 1
        }
        var stop = index + 1
        while stop < end, isDigit(bytes[stop]) { stop += 1 }
        if let value = Amount(parsing: source.text(in: start..<stop)), !value.isZero { return true }
        index = stop
      } else {
        index += 1
      }
    }
    return false
  }

  /// The row whose label (normalised) equals `label`, in any panel.
  package func row(labelled label: String) -> Row? { rows.first { $0.label == label } }

  /// The row with subject code `code`.
  package func row(code: String) -> Row? { rows.first { $0.code == code } }
}
