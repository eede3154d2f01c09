import JuesuanModel

/// The table figures a narrative label names: the anchors of `NarrativeBinder` and their look-ups.
extension NarrativeBinder {
  func figure(_ table: Table, _ row: Table.Row, column: Int) -> TableFigure? {
    let unknown = TableFigure(value: .zero, range: row.range, tableTitle: figureTitle(table), isKnown: false)
    if column > 0, !row.isPositional { return unknown }
    // The columns of the row's panel: a 收支总表's 支出 side has more than its 收入 side.
    let width = table.panels.reduce(0) { max($0, $1.columns.count) }
    guard column >= 0, column < max(row.cells.count, width) else { return nil }
    guard let cell = column < row.cells.count ? row.cells[column] : nil else {
      // A blank cell of a row the table has states zero (a row the table lacks states nothing);
      // not a row with no figure at all in a table partly unread, whose figures may be the ones
      // that could not be placed.
      guard !row.isDamaged, row.isPositional,
        table.reading.status == .read || row.cells.contains(where: { $0 != nil })
      else { return unknown }
      return TableFigure(value: .zero, range: row.nameRange ?? row.range, tableTitle: figureTitle(table))
    }
    guard !cell.isDamaged, !row.isDamaged else { return unknown }
    guard table.unit == "元" else {
      return TableFigure(value: cell.value, range: cell.range, tableTitle: figureTitle(table))
    }
    // 元 ÷ 10,000 = 万元, kept to the ten-thousandth (the cents of a yuan figure are below that).
    let tenThousandths = cell.value.tenThousandths
    let rounded = (abs(tenThousandths) + 5_000) / 10_000 * (tenThousandths < 0 ? -1 : 1)
    return TableFigure(
      value: Amount(tenThousandths: rounded, decimals: 4), range: cell.range, tableTitle: figureTitle(table),
      yuan: cell.value)
  }

  /// A figure of each table of `kinds` that was not read: whatever it states is unknown.
  func unreadFigures(_ kinds: Table.Kind...) -> [TableFigure] {
    // By index: a table is copied (its arrays retained) only when it is one of them.
    let tables = report.tables
    return tables.indices.filter { kinds.contains(tables[$0].kind) && tables[$0].reading.status == .unread }.map {
      TableFigure(value: .zero, range: tables[$0].titleRange, tableTitle: figureTitle(tables[$0]), isKnown: false)
    }
  }

  /// The column of a row's figure, its total: the first, unless a 年初预算 column comes before it
  /// ("年初预算数 | 决算数 | 基本支出 | 项目支出"), when what the narrative states is the total's.
  static func totalColumn(of table: Table) -> Int {
    guard let columns = table.panels.first?.columns, columns.first?.role == .budget else { return 0 }
    return columns.firstIndex { $0.role == .total } ?? 0
  }

  /// The first column of `panel` that holds amounts (not 行次/栏次).
  static func amountColumn(_ panel: Table.Panel) -> Int? {
    let amounts = panel.columns.indices.filter {
      let title = panel.columns[$0].title.utf8Text
      return !title.contains("行次") && !title.contains("栏次") && !title.contains("项目")
    }
    // The total's column, not a 年初预算 column before it ("年初预算数 | 决算数 | 基本支出 | 项目支出").
    return amounts.first { panel.columns[$0].role == .total } ?? amounts.first
  }

  static func column(_ panel: Table.Panel, titled title: String) -> Int? {
    panel.columns.firstIndex { $0.title.utf8Text.removingWhitespace() == title }
  }

  func tables(_ kind: Table.Kind) -> [Table] {
    let tables = report.tables
    return tables.indices.filter { tables[$0].kind == kind && tables[$0].reading.status != .unread }.map { tables[$0] }
  }

  /// A labelled row of 01/04 on one side (panel 0 收入, panel 1 支出; nil: both), its amount column.
  func summaryFigures(_ kind: Table.Kind, side: Int?, label: String) -> [TableFigure] {
    unreadFigures(kind)
      + tables(kind).flatMap { table in
        table.panels.indices.filter { side == nil || $0 == side }.compactMap { index -> TableFigure? in
          let panel = table.panels[index]
          guard let column = Self.amountColumn(panel), let row = panel.rows.first(where: { $0.label == label }) else {
            return nil
          }
          return figure(table, row, column: column)
        }
      }
  }

  /// The 合计 row of a coded table, in the column titled `title` (nil: the first column).
  func totalRowFigures(_ kind: Table.Kind, column title: String?) -> [TableFigure] {
    unreadFigures(kind)
      + tables(kind).compactMap { table in
        guard let panel = table.panels.first, let row = panel.rows.first(where: { $0.isTotalRow && $0.code == nil })
        else {
          return nil
        }
        guard let title else { return figure(table, row, column: Self.totalColumn(of: table)) }
        guard let column = Self.column(panel, titled: title) else { return nil }
        return figure(table, row, column: column)
      }
  }

  func economicFigures(code: String) -> [TableFigure] {
    unreadFigures(.basicExpenditure)
      + tables(.basicExpenditure).compactMap { table in
        guard let row = table.rows.first(where: { $0.code == code }) else { return nil }
        return figure(table, row, column: 0)
      }
  }

  func basicFigures(_ label: String) -> [TableFigure] {
    unreadFigures(.basicExpenditure)
      + tables(.basicExpenditure).compactMap { table in
        guard let row = table.rows.first(where: { $0.label == label }) else { return nil }
        return figure(table, row, column: 0)
      }
  }

  /// A row of the 三公 table whose label satisfies `matches`, in its 预算/决算 column (a budget's
  /// table has only its 预算数).
  func sangongFigures(isBudget: Bool, _ matches: @escaping (String) -> Bool) -> [TableFigure] {
    unreadFigures(.sangong)
      + tables(.sangong).compactMap { table in
        guard let panel = table.panels.first,
          let column = table.isBudget
            ? panel.columns.firstIndex(where: { $0.role != .other })
            : panel.columns.firstIndex(where: { $0.title.utf8Text.contains(isBudget ? "预算" : "决算") }),
          let row = panel.rows.first(where: { matches($0.label) })
        else { return nil }
        return figure(table, row, column: column)
      }
  }

  /// A budget's 总计 row (收入总计 / 支出总计) of a 收支总表, on `side`, in `column` (the first
  /// figure column when nil).
  func budgetTotalFigures(_ kind: Table.Kind, side: Int, column title: String? = nil) -> [TableFigure] {
    unreadFigures(kind)
      + tables(kind).compactMap { table in
        guard table.isBudget, side < table.panels.count else { return nil }
        let panel = table.panels[side]
        guard let row = panel.rows.last(where: { $0.code == nil && $0.label.hasSuffix("总计") }),
          let column = title.map({ title in panel.columns.firstIndex { $0.title.contains(title) } })
            ?? Self.amountColumn(panel)
        else { return nil }
        return figure(table, row, column: column)
      }
  }

  /// The anchors only a budget's narrative uses: its totals and funds as 预算 ("收入预算 X 万元",
  /// "一般公共预算拨款支出预算 X 万元") and 机关运行经费, a row of its 三公 table.
  mutating func buildBudgetAnchors() {
    let binder = self
    add(["收入预算", "收入预算总计", "收入总预算"]) { _ in binder.budgetTotalFigures(.summary, side: 0) }
    add(["支出预算", "支出预算总计", "支出总预算"]) { _ in binder.budgetTotalFigures(.summary, side: 1) }
    add(["财政拨款收入", "财政拨款收入预算"]) { _ in
      binder.summaryFigures(.summary, side: 0, label: "财政拨款收入") + binder.budgetTotalFigures(.fiscalSummary, side: 0)
    }
    add(["财政拨款支出预算", "财政拨款支出"]) { _ in binder.budgetTotalFigures(.fiscalSummary, side: 1) }
    add(["一般公共预算拨款支出预算", "一般公共预算支出预算", "一般公共预算财政拨款支出预算"]) { _ in
      binder.budgetTotalFigures(.fiscalSummary, side: 1, column: "一般公共预算")
        + binder.totalRowFigures(.generalBudget, column: nil)
    }
    add(["政府性基金拨款支出预算", "政府性基金预算支出预算", "政府性基金预算拨款支出预算"]) { _ in
      binder.budgetTotalFigures(.fiscalSummary, side: 1, column: "政府性基金")
    }
    add(["国有资本经营预算拨款支出预算", "国有资本经营预算支出预算"]) { _ in
      binder.budgetTotalFigures(.fiscalSummary, side: 1, column: "国有资本")
    }
    add(["事业单位经营收入"]) { _ in
      binder.summaryFigures(.summary, side: 0, label: "事业单位经营收入")
        + binder.totalRowFigures(.income, column: "事业单位经营收入")
    }
    add(["机关运行经费"], sangong: .some(nil), standsAlone: true) { _ in
      binder.sangongFigures(isBudget: true) { $0 == "机关运行经费" }
    }
  }

  mutating func add(
    _ texts: [String], sangong code: String?? = nil, standsAlone: Bool = false,
    fiscal: (() -> [TableFigure])? = nil, _ lookup: @escaping (_ isBudget: Bool) -> [TableFigure]
  ) {
    for text in texts {
      anchors.append(
        Anchor(
          text: Array(text.unicodeScalars), lookup: lookup, economicCode: code ?? nil, isSangong: code != nil,
          standsAlone: standsAlone, fiscalLookup: fiscal))
    }
  }

  mutating func buildAnchors() {
    let binder = self
    func actual(_ body: @escaping () -> [TableFigure]) -> (Bool) -> [TableFigure] { { $0 ? [] : body() } }
    // "财政拨款收入总计 §，支出总计 §": the 支出总计 is 财政拨款's (`prefixScan`).
    add(
      ["收入总计"], fiscal: { binder.summaryFigures(.fiscalSummary, side: 0, label: "总计") },
      actual { binder.summaryFigures(.summary, side: 0, label: "总计") })
    add(
      ["支出总计"], fiscal: { binder.summaryFigures(.fiscalSummary, side: 1, label: "总计") },
      actual { binder.summaryFigures(.summary, side: 1, label: "总计") })
    add(
      ["收、支总计", "收支总计", "收入支出总计", "收入、支出决算总计", "收入支出决算总计", "收支决算总计", "收、支决算总计"],
      actual { binder.summaryFigures(.summary, side: nil, label: "总计") })
    add(["财政拨款收入总计"], actual { binder.summaryFigures(.fiscalSummary, side: 0, label: "总计") })
    add(["财政拨款支出总计"], actual { binder.summaryFigures(.fiscalSummary, side: 1, label: "总计") })
    add(
      ["财政拨款收、支总计", "财政拨款收支总计", "财政拨款收入支出总计"],
      actual { binder.summaryFigures(.fiscalSummary, side: nil, label: "总计") })
    add(
      ["本年收入合计", "收入合计"], fiscal: { binder.summaryFigures(.fiscalSummary, side: 0, label: "本年收入合计") },
      actual {
        binder.summaryFigures(.summary, side: 0, label: "本年收入合计") + binder.totalRowFigures(.income, column: nil)
      })
    add(
      ["本年支出合计", "支出合计"],
      fiscal: {
        binder.summaryFigures(.fiscalSummary, side: 1, label: "本年支出合计")
          + binder.totalRowFigures(.generalBudget, column: nil)
      },
      actual {
        binder.summaryFigures(.summary, side: 1, label: "本年支出合计") + binder.totalRowFigures(.expenditure, column: nil)
      })
    add(["一般公共预算财政拨款支出", "一般公共预算支出"], actual { binder.totalRowFigures(.generalBudget, column: nil) })
    add(
      ["一般公共预算财政拨款收入"],
      actual {
        binder.summaryFigures(.summary, side: 0, label: "一般公共预算财政拨款收入")
          + binder.summaryFigures(.fiscalSummary, side: 0, label: "一般公共预算财政拨款")
      })
    add(["财政拨款收入"], actual { binder.totalRowFigures(.income, column: "财政拨款收入") })
    for label in ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"] {
      add(
        [label],
        actual {
          binder.summaryFigures(.summary, side: 0, label: label) + binder.totalRowFigures(.income, column: label)
        })
    }
    for label in ["基本支出", "项目支出"] {
      add(
        [label], fiscal: { binder.totalRowFigures(.generalBudget, column: label) },
        actual {
          binder.totalRowFigures(.expenditure, column: label) + binder.totalRowFigures(.generalBudget, column: label)
        })
    }
    for label in ["上缴上级支出", "对附属单位补助支出"] {
      add([label], actual { binder.totalRowFigures(.expenditure, column: label) })
    }
    // "财政拨款年末结转和结余 20.00 万元" is 财政拨款's, on the 财政拨款收入支出决算总表 (where that
    // table was not read, nothing).
    for (label, side) in [("年初结转和结余", 0), ("年末结转和结余", 1)] {
      let fiscalLabels = [label, String(label.prefix(2)) + "财政拨款" + String(label.dropFirst(2))]
      add(
        [label], fiscal: { fiscalLabels.flatMap { binder.summaryFigures(.fiscalSummary, side: side, label: $0) } },
        actual { binder.summaryFigures(.summary, side: side, label: label) })
    }
    add(["结余分配"], actual { binder.summaryFigures(.summary, side: 1, label: "结余分配") })
    add(["人员经费"], actual { binder.basicFigures("人员经费合计") })
    add(["公用经费"], actual { binder.basicFigures("公用经费合计") })
    add(["“三公”经费", "\"三公\"经费", "三公经费", "‘三公’经费"], sangong: .some(nil)) { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "合计" }
    }
    add(["因公出国（境）费", "因公出国（境）费用"], sangong: "30212") { budget in
      binder.sangongFigures(isBudget: budget) { $0.utf8Text.hasPrefix("因公出国") }
    }
    add(["公务用车购置及运行费", "公务用车购置及运行维护费"], sangong: .some(nil)) { budget in
      binder.sangongFigures(isBudget: budget) { $0.utf8Text.hasPrefix("公务用车购置及运行") }
    }
    add(["公务用车购置费", "公务用车购置"], sangong: "31013") { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "公务用车购置费" }
    }
    add(["公务用车运行维护费", "公务用车运行维护", "公务用车运行费"], sangong: "30231") { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "公务用车运行维护费" || $0 == "公务用车运行费" }
    }
    add(["公务接待费"], sangong: "30217") { budget in binder.sangongFigures(isBudget: budget) { $0 == "公务接待费" } }
    anchors.sort { $0.text.count > $1.text.count }
  }
}
