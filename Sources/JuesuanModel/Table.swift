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

  /// A row: a subject (code and name) or a label (合计, 本年收入合计…) and its figures.
  package struct Row: Sendable, Equatable {
    package var code: String?
    package var codeRange: Range<Int>?
    /// The name or label as written, wrapped lines joined.
    package var name: String {
      didSet { label = Table.normalizedLabel(name) }
    }
    /// The name or label with spaces, list numbering ("一、", "1.", "（1）") and "其中：" removed.
    package private(set) var label: String
    package var nameRange: Range<Int>?
    /// One entry per column of the panel; nil where the row has no cell for that column.
    package var cells: [Cell?]
    package var range: Range<Int>
    /// The 0-based line where the row starts.
    package var line: Int
    /// True when each cell is known to sit in its column: a tab/pipe row, or a space-aligned row
    /// that fills every column. Otherwise only the first cell (the total) is placed for certain.
    package var isPositional = true
    /// True when a cell of the row was cut by a page break or line wrap.
    package var hasBrokenCell = false

    package init(
      code: String?, codeRange: Range<Int>?, name: String, nameRange: Range<Int>?, cells: [Cell?],
      range: Range<Int>, line: Int
    ) {
      self.code = code
      self.codeRange = codeRange
      self.name = name
      self.label = Table.normalizedLabel(name)
      self.nameRange = nameRange
      self.cells = cells
      self.range = range
      self.line = line
    }

    /// A row whose `label` the caller already normalised from `name`.
    init(
      code: String?, codeRange: Range<Int>?, name: String, label: String, nameRange: Range<Int>?, cells: [Cell?],
      range: Range<Int>, line: Int
    ) {
      self.code = code
      self.codeRange = codeRange
      self.name = name
      self.label = label
      self.nameRange = nameRange
      self.cells = cells
      self.range = range
      self.line = line
    }

    /// A 合计/总计 row (no code, the label says total).
    package var isTotalRow: Bool {
      guard code == nil else { return false }
      let label = name.removingWhitespace()
      return label == "合计" || label == "总计" || label.hasSuffix("合计") || label.hasSuffix("总计")
    }

    /// True when a cell of the row is damaged or the row holds no figure at all.
    package var isDamaged: Bool { hasBrokenCell || cells.contains { $0?.isDamaged == true } }
  }

  package var kind: Kind
  package var title: String
  package var titleRange: Range<Int>
  /// From the title line to the last row (or note).
  package var range: Range<Int>
  package var panels: [Panel]
  /// "万元" or "元" from a 单位： line, nil when the table has none.
  package var unit: String?
  package var unitRange: Range<Int>?
  /// The table's year, for self-evaluation tables ("(2023年度)").
  package var year: Int?
  /// Why parts of the table could not be read (page breaks that split cells, shifted rows…).
  package var damage: [String]
  /// Notes under the table (注：…, 说明：…).
  package var notes: [String]

  package init(
    kind: Kind, title: String, titleRange: Range<Int>, range: Range<Int>, panels: [Panel], unit: String? = nil,
    unitRange: Range<Int>? = nil, year: Int? = nil, damage: [String] = [], notes: [String] = []
  ) {
    self.kind = kind
    self.title = title
    self.titleRange = titleRange
    self.range = range
    self.panels = panels
    self.unit = unit
    self.unitRange = unitRange
    self.year = year
    self.damage = damage
    self.notes = notes
  }

  /// All rows of all panels.
  package var rows: [Row] { panels.flatMap(\.rows) }

  /// True when no cell of the table holds a non-zero figure.
  package var hasNoData: Bool {
    !rows.contains { row in row.cells.contains { $0?.amount.map { !$0.isZero } ?? false } }
  }

  /// The row whose label (normalised) equals `label`, in any panel.
  package func row(labelled label: String) -> Row? { rows.first { $0.label == label } }

  /// The row with subject code `code`.
  package func row(code: String) -> Row? { rows.first { $0.code == code } }
}
