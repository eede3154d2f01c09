/// The identities each kind of table must satisfy, read from its rows: the sum rules check them,
/// and a reading of a table is judged by how many of them hold.
extension Table {
  /// The tables listing function-classification subjects by code, one per row.
  package static let functionTables: Set<Table.Kind> = [
    .income, .expenditure, .generalBudget, .governmentFund, .stateCapital,
  ]

  /// Every identity of the table: the 合计 row, each row's total, the code hierarchy, and what
  /// its kind adds (06 经费 totals, 三公 items, 01/04 balances).
  package var identities: [TableIdentity] {
    var all: [TableIdentity] = []
    if Self.functionTables.contains(kind) || isBudget && kind == .basicExpenditure {
      all += columnTotalIdentities()
    }
    if Self.functionTables.contains(kind) {
      for panel in panels { all += Self.hierarchyIdentities(in: panel) }
    }
    all += rowTotalIdentities()
    switch kind {
    case .basicExpenditure: all += basicExpenseIdentities()
    case .sangong: all += sangongIdentities()
    case .summary, .fiscalSummary:
      let balance = isBudget ? budgetBalanceIdentities() : balanceIdentities()
      all += balance.sides + (balance.cross.map { [$0] } ?? [])
    default: break
    }
    return all
  }

  /// A budget's 收支总表 (01) and 财政拨款收支总表 (04): each side's 总计 against its top rows
  /// (一、二、…), a top row against the rows numbered under it (1. 2. …), in every figure column;
  /// and 支出总计 against 收入总计 (`cross`, checked when neither side is in error).
  /// - Complexity: O(r) in the rows.
  package func budgetBalanceIdentities() -> (sides: [TableIdentity], cross: TableIdentity?) {
    guard isBudget, kind == .summary || kind == .fiscalSummary, panels.count == 2 else { return ([], nil) }
    var sides: [TableIdentity] = []
    var totals: [Table.Cell] = []
    for panel in panels {
      guard let totalRow = panel.rows.last(where: { $0.code == nil && ($0.label.hasSuffix("总计") || $0.label == "合计") })
      else { continue }
      var top: [Table.Row] = []
      var under: [Int: [Table.Row]] = [:]  // a top row's index in `top` → the rows numbered under it
      for row in panel.rows where row.label != totalRow.label {
        if Self.isTopLevel(row.name) {
          top.append(row)
        } else if Self.isNumberedItem(row.name), !top.isEmpty {
          under[top.count - 1, default: []].append(row)
        }
      }
      guard top.count >= 2 else { continue }
      for column in panel.columns.indices where panel.columns[column].role != .other {
        func cell(_ row: Table.Row) -> Table.Cell? { column < row.cells.count ? row.cells[column] : nil }
        let title = panel.columns[column].title
        if let total = cell(totalRow) {
          if column == 0 { totals.append(total) }
          sides.append(
            TableIdentity(
              total: total, parts: top.map { TableIdentity.Part(label: $0.label, cell: cell($0)) },
              what: "\(totalRow.label)（\(title)）", family: .balance))
        }
        for (index, parts) in under.sorted(by: { $0.key < $1.key }) where parts.count >= 2 {
          guard let total = cell(top[index]) else { continue }
          let label = top[index].label
          sides.append(
            TableIdentity(
              total: total, parts: parts.map { TableIdentity.Part(label: $0.label, cell: cell($0)) },
              what: "“\(label)”（\(title)）", family: .balance))
        }
      }
    }
    guard totals.count == 2 else { return (sides, nil) }
    var cross = TableIdentity(
      total: totals[1], parts: [.init(label: "收入总计", cell: totals[0])], what: "支出总计（应等于收入总计）",
      family: .balance)
    cross.isSameAmount = true
    return (sides, cross)
  }

  /// "一、…", "十二、…": a top row of a budget's 收支总表.
  private static func isTopLevel(_ name: String) -> Bool {
    let lead = name.utf8Text.trimmingWhitespace().prefix { "一二三四五六七八九十".contains($0) }
    return !lead.isEmpty && name.utf8Text.trimmingWhitespace().dropFirst(lead.count).first == "、"
  }

  /// "1. …", "2．…", "（1）…": a row numbered under a top row.
  private static func isNumberedItem(_ name: String) -> Bool {
    let text = name.utf8Text.trimmingWhitespace()
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let mark = text.dropFirst(digits.count).first { return ".．、".contains(mark) }
    return text.hasPrefix("（") || text.hasPrefix("(")
  }

  /// The 合计 row against the 类 rows, one comparison per amount column; `skip` hears why a
  /// column cannot be checked.
  package func columnTotalIdentities(skip: (() -> Message) -> Void = { _ in }) -> [TableIdentity] {
    guard let panel = panels.first,
      let totalRow = panel.rows.first(where: { $0.isTotalRow && !$0.cells.isEmpty })
    else { return [] }
    let categories = panel.rows.filter { row in row.code.map { Self.characterCount(ofCode: $0) == 3 } == true }
    guard !categories.isEmpty else {
      skip { "\(kind.rawValue) 表未列出“类”级科目，未检查合计行" }
      return []
    }
    var comparisons: [TableIdentity] = []
    for (column, title) in panel.columns.enumerated().map({ ($0.offset, $0.element.title) }) {
      guard
        column < totalRow.cells.count
          || categories.contains(where: { column < $0.cells.count && $0.cells[column]?.amount != nil })
      else { continue }
      let involved = [totalRow] + categories
      guard involved.allSatisfy({ !$0.isDamaged && !$0.hasUnreadFigures && ($0.isPositional || column == 0) }) else {
        skip { "\(kind.rawValue) 表第 \(column + 1) 栏：有数字位置不确定，未检查合计" }
        continue
      }
      guard let total = column < totalRow.cells.count ? totalRow.cells[column] : nil else { continue }
      let parts = categories.map { row in
        TableIdentity.Part(label: row.code ?? row.label, cell: column < row.cells.count ? row.cells[column] : nil)
      }
      comparisons.append(TableIdentity(total: total, parts: parts, what: "合计行“\(title)”", family: .columnTotal))
    }
    return comparisons
  }

  /// Each row's total column against its component columns, in the tables that have both;
  /// `skip` hears why a row cannot be checked.
  package func rowTotalIdentities(skip: (() -> Message) -> Void = { _ in }) -> [TableIdentity] {
    switch kind {
    case .income, .expenditure, .generalBudget, .stateCapital, .fiscalSummary: break
    case .governmentFund,
      .basicExpenditure where isBudget:
      break
    default: return []
    }
    var comparisons: [TableIdentity] = []
    for panel in panels {
      guard let totalIndex = panel.columns.firstIndex(where: { $0.role == .total }) else { continue }
      let components = panel.columns.indices.filter { panel.columns[$0].role == .component }
      guard !components.isEmpty else { continue }
      for row in panel.rows {
        guard row.isPositional, !row.isDamaged, !row.cells.isEmpty else {
          if !row.cells.isEmpty { skip { "第 \(line: row.line) 行：各栏位置不确定，未检查横向合计" } }
          continue
        }
        guard row.cells.count > totalIndex else { continue }
        let parts = components.map {
          TableIdentity.Part(label: panel.columns[$0].title, cell: $0 < row.cells.count ? row.cells[$0] : nil)
        }
        guard parts.contains(where: { $0.cell?.amount != nil }) || row.cells[totalIndex]?.amount != nil else {
          continue
        }
        let total = row.cells[totalIndex] ?? Table.Cell(amount: nil, text: "", range: row.nameRange ?? row.range)
        comparisons.append(
          TableIdentity(
            total: total, parts: parts, what: "“\(row.code ?? row.label)”的\(panel.columns[totalIndex].title)",
            family: .rowTotal))
      }
    }
    return comparisons
  }

  /// Each parent code against its listed children, one comparison per amount column. `skip`
  /// hears why a column cannot be checked; `blankParent` hears a parent whose cell is empty while
  /// its children hold figures (where to report, and what).
  /// - Complexity: O(r) in the coded rows (children are grouped by their parent's code first).
  package static func hierarchyIdentities(
    in panel: Table.Panel, skip: (() -> Message) -> Void = { _ in },
    blankParent: (Range<Int>, String) -> Void = { _, _ in }
  ) -> [TableIdentity] {
    let coded = panel.rows.filter { $0.code != nil }
    // A child's code is its parent's and two more digits.
    var childrenByParent: [String: [Table.Row]] = [:]
    childrenByParent.reserveCapacity(coded.count)
    for row in coded {
      guard let code = row.code, let parentCode = Table.parentCode(of: code) else { continue }
      childrenByParent[parentCode, default: []].append(row)
    }
    var comparisons: [TableIdentity] = []
    for parent in coded {
      guard let code = parent.code, Table.characterCount(ofCode: code) < 7 else { continue }
      let children = childrenByParent[code] ?? []
      guard !children.isEmpty else { continue }
      let columns = children.reduce(parent.cells.count) { max($0, $1.cells.count) }
      // Whether every row involved is sound, and placed in its columns (else only column 0 is).
      let isSound = !parent.isDamaged && !children.contains { $0.isDamaged || $0.hasUnreadFigures }
      let isPositional = parent.isPositional && children.allSatisfy(\.isPositional)
      for column in 0..<min(columns, max(panel.columns.count, 1)) {
        guard isSound && (isPositional || column == 0) else {
          skip { "\(code) 第 \(column + 1) 栏：有数字位置不确定或被拆断，未检查上下级衔接" }
          continue
        }
        guard let total = column < parent.cells.count ? parent.cells[column] : nil else {
          if children.contains(where: {
            column < $0.cells.count && ($0.cells[column]?.amount.map { !$0.isZero } ?? false)
          }),
            column < panel.columns.count, parent.isPositional, !parent.cells.isEmpty
          {
            let sum = Amount.sum(children.map { column < $0.cells.count ? $0.cells[column]?.value ?? .zero : .zero })
            blankParent(
              parent.codeRange ?? parent.range,
              "\(code)“\(parent.name)”的“\(panel.columns[column].title)”为空，但其下级合计 \(sum.formatted(decimals: 2))")
          }
          continue
        }
        let title = column < panel.columns.count ? panel.columns[column].title : "第 \(column + 1) 栏"
        let parts = children.map { row in
          TableIdentity.Part(label: row.code ?? "", cell: column < row.cells.count ? row.cells[column] : nil)
        }
        comparisons.append(
          TableIdentity(total: total, parts: parts, what: "\(code)“\(parent.name)”的“\(title)”", family: .hierarchy))
      }
    }
    return comparisons
  }

  /// 收入总计 and 支出总计 against their parts (`sides`, where a side has at least two figures),
  /// and 支出总计 against 收入总计 (`cross`, checked when neither side is in error).
  package func balanceIdentities() -> (sides: [TableIdentity], cross: TableIdentity?) {
    guard kind == .summary || kind == .fiscalSummary, panels.count == 2 else { return ([], nil) }
    let income = panels[0]
    let spending = panels[1]
    let incomeTotal = Self.balanceFigure(income, ["总计"])
    let spendingTotal = Self.balanceFigure(spending, ["总计"])
    var sides: [TableIdentity] = []
    if let total = incomeTotal, let current = Self.balanceFigure(income, ["本年收入合计"]) {
      var parts = [TableIdentity.Part(label: "本年收入合计", cell: current)]
      if let unused = Self.balanceFigure(income, ["使用非财政拨款结余", "用事业基金弥补收支差额"]) {
        parts.append(.init(label: "使用非财政拨款结余", cell: unused))
      }
      if let opening = Self.balanceFigure(income, ["年初"]) { parts.append(.init(label: "年初结转和结余", cell: opening)) }
      if parts.count >= 2 { sides.append(TableIdentity(total: total, parts: parts, what: "收入总计", family: .balance)) }
    }
    if let total = spendingTotal, let current = Self.balanceFigure(spending, ["本年支出合计"]) {
      var parts = [TableIdentity.Part(label: "本年支出合计", cell: current)]
      if let distribution = Self.balanceFigure(spending, ["结余分配"]) {
        parts.append(.init(label: "结余分配", cell: distribution))
      }
      if let closing = Self.balanceFigure(spending, ["年末"]) { parts.append(.init(label: "年末结转和结余", cell: closing)) }
      if parts.count >= 2 { sides.append(TableIdentity(total: total, parts: parts, what: "支出总计", family: .balance)) }
    }
    var cross: TableIdentity?
    if let a = incomeTotal, let b = spendingTotal {
      cross = TableIdentity(total: b, parts: [.init(label: "收入总计", cell: a)], what: "支出总计（应等于收入总计）", family: .balance)
      cross?.isSameAmount = true
    }
    return (sides, cross)
  }

  /// The amount cell (first column after 行次) of the row whose label starts with one of `labels`.
  private static func balanceFigure(_ panel: Table.Panel, _ labels: [String]) -> Table.Cell? {
    guard let row = panel.rows.first(where: { row in labels.contains { row.label.utf8Text.hasPrefix($0) } }),
      !row.isDamaged
    else {
      return nil
    }
    let column = panel.columns.firstIndex { $0.role != .other } ?? 0
    guard column < row.cells.count else {
      return row.cells.isEmpty ? nil : Table.Cell(amount: nil, text: "", range: row.range)
    }
    return row.cells[column] ?? Table.Cell(amount: nil, text: "", range: row.range)
  }

  /// Every comparison of an undamaged 06 table: the code hierarchy, then 人员经费 and 公用经费.
  package func basicExpenseIdentities() -> [TableIdentity] {
    guard kind == .basicExpenditure else { return [] }
    // Where a page break split some figures, the identities that do not touch them still hold.
    return panels.flatMap { Self.hierarchyIdentities(in: $0) + Self.fundIdentities(in: $0) }
  }

  /// 06's 人员经费合计 (301 + 303) or 公用经费合计 (the other 类): its row, total cell and 类 rows.
  package struct FundGroup {
    /// "人员经费" or "公用经费".
    package var label: String
    package var row: Table.Row
    package var total: Table.Cell
    package var parts: [Table.Row]
  }

  /// The number of Characters of `code`: its byte count when every byte is printable ASCII (a
  /// code's digits, each byte a Character), else `count`, which walks the graphemes.
  /// - Complexity: O(n) in the bytes.
  package static func characterCount(ofCode code: String) -> Int {
    code.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E } ? code.utf8.count : code.count
  }

  /// The code `code` is a child of (the code without its last two Characters); nil for a code of
  /// fewer than two.
  /// - Complexity: O(n) in the bytes.
  package static func parentCode(of code: String) -> String? {
    if code.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) {
      guard code.utf8.count >= 2 else { return nil }
      return String(decoding: code.utf8.dropLast(2), as: UTF8.self)
    }
    return code.count >= 2 ? String(code.dropLast(2)) : nil
  }

  /// The panel's 人员经费 and 公用经费 groups, where it has the 合计 row and some of its 类.
  package static func fundGroups(in panel: Table.Panel) -> [FundGroup] {
    let categories = panel.rows.filter { row in
      row.code.map { characterCount(ofCode: $0) == 3 } == true && !row.cells.isEmpty
    }
    let personnel = categories.filter { $0.code == "301" || $0.code == "303" }
    let public_ = categories.filter { $0.code != "301" && $0.code != "303" }
    return [("人员经费", personnel), ("公用经费", public_)].compactMap { label, parts in
      guard let row = panel.rows.first(where: { $0.code == nil && $0.label.utf8Text.hasPrefix(label) }),
        let total = row.cells.last ?? nil, !parts.isEmpty
      else { return nil }
      return FundGroup(label: label, row: row, total: total, parts: parts)
    }
  }

  /// 人员经费合计 = 301 + 303 and 公用经费合计 = the other 类, where the panel has those rows and
  /// none of them was cut.
  package static func fundIdentities(in panel: Table.Panel) -> [TableIdentity] {
    let unread = panel.rows.contains { row in
      row.hasUnreadFigures && row.code.map { characterCount(ofCode: $0) == 3 } == true
    }
    return fundGroups(in: panel).compactMap { group in
      guard !unread, !group.row.isDamaged, !group.parts.contains(where: \.isDamaged) else { return nil }
      return TableIdentity(
        total: group.total,
        parts: group.parts.map { TableIdentity.Part(label: $0.code ?? "", cell: $0.cells.first ?? nil) },
        what: "\(group.label)合计", family: .fund)
    }
  }

  /// Per amount column: 合计 against its three items, then 用车 against 购置 and 运行, where the
  /// rows are there.
  package func sangongIdentities() -> [TableIdentity] {
    guard kind == .sangong, let panel = panels.first else { return [] }
    func row(_ keys: [String], without other: String? = nil) -> Table.Row? {
      panel.rows.first { row in
        keys.contains { row.label.utf8Text.contains($0) } && !row.isDamaged
          && !(other.map { row.label.utf8Text.contains($0) } ?? false)
      }
    }
    let total = row(["合计"])
    let abroad = row(["出国"])
    let car = row(["购置及运行"])
    // Not the row of both ("公务用车购置及运行费" holds 运行费 too).
    let purchase = row(["购置费"], without: "运行")
    let running = row(["运行维护费", "运行费"], without: "购置")
    let reception = row(["接待"])
    var comparisons: [TableIdentity] = []
    for (column, title) in panel.columns.enumerated() where title.role != .other {
      func cell(_ row: Table.Row?) -> Table.Cell?? {
        guard let row else { return .none }
        return .some(column < row.cells.count ? row.cells[column] : nil)
      }
      if let totalCell = cell(total) ?? nil, let a = cell(abroad), let c = cell(car), let r = cell(reception) {
        comparisons.append(
          TableIdentity(
            total: totalCell,
            parts: [
              .init(label: "因公出国（境）费", cell: a), .init(label: "公务用车购置及运行费", cell: c), .init(label: "公务接待费", cell: r),
            ],
            what: "“三公”经费合计（\(title.title)）", family: .sangong))
      }
      if let carCell = cell(car) ?? nil, let p = cell(purchase), let r = cell(running) {
        comparisons.append(
          TableIdentity(
            total: carCell, parts: [.init(label: "公务用车购置费", cell: p), .init(label: "公务用车运行维护费", cell: r)],
            what: "公务用车购置及运行费（\(title.title)）", family: .sangong))
      }
    }
    return comparisons
  }
}
