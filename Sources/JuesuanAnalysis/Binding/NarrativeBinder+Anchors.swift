import JuesuanModel

/// The table figures a narrative label names: the anchors of `NarrativeBinder` and their look-ups.
extension NarrativeBinder {
  func figure(_ table: Table, _ row: Table.Row, column: Int) -> TableFigure? {
    let unknown = TableFigure(value: .zero, range: row.range, tableTitle: figureTitle(table), isKnown: false)
    if column > 0, !row.isPositional { return unknown }
    guard column >= 0, column < row.cells.count, let cell = row.cells[column] else { return nil }
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
    report.tables.filter { kinds.contains($0.kind) && $0.reading.status == .unread }.map { table in
      TableFigure(value: .zero, range: table.titleRange, tableTitle: figureTitle(table), isKnown: false)
    }
  }

  /// The first column of `panel` that holds amounts (not 行次/栏次).
  static func amountColumn(_ panel: Table.Panel) -> Int? {
    panel.columns.firstIndex {
      !$0.title.utf8Text.contains("行次") && !$0.title.utf8Text.contains("栏次") && !$0.title.utf8Text.contains("项目")
    }
  }

  static func column(_ panel: Table.Panel, titled title: String) -> Int? {
    panel.columns.firstIndex { $0.title.utf8Text.removingWhitespace() == title }
  }

  func tables(_ kind: Table.Kind) -> [Table] {
    report.tables.filter { $0.kind == kind && $0.reading.status != .unread }
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
        guard let title else { return figure(table, row, column: 0) }
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

  /// A row of the 三公 table whose label satisfies `matches`, in its 预算/决算 column.
  func sangongFigures(isBudget: Bool, _ matches: @escaping (String) -> Bool) -> [TableFigure] {
    unreadFigures(.sangong)
      + tables(.sangong).compactMap { table in
        guard let panel = table.panels.first,
          let column = panel.columns.firstIndex(where: { $0.title.utf8Text.contains(isBudget ? "预算" : "决算") }),
          let row = panel.rows.first(where: { matches($0.label) })
        else { return nil }
        return figure(table, row, column: column)
      }
  }

  mutating func add(
    _ texts: [String], sangong code: String?? = nil, fiscal: (() -> [TableFigure])? = nil,
    _ lookup: @escaping (_ isBudget: Bool) -> [TableFigure]
  ) {
    for text in texts {
      anchors.append(
        Anchor(
          text: Array(text.unicodeScalars), lookup: lookup, economicCode: code ?? nil, isSangong: code != nil,
          fiscalLookup: fiscal))
    }
  }

  mutating func buildAnchors() {
    let binder = self
    func actual(_ body: @escaping () -> [TableFigure]) -> (Bool) -> [TableFigure] { { $0 ? [] : body() } }
    add(["收入总计"], actual { binder.summaryFigures(.summary, side: 0, label: "总计") })
    add(["支出总计"], actual { binder.summaryFigures(.summary, side: 1, label: "总计") })
    add(["收、支总计", "收支总计"], actual { binder.summaryFigures(.summary, side: nil, label: "总计") })
    add(["财政拨款收入总计"], actual { binder.summaryFigures(.fiscalSummary, side: 0, label: "总计") })
    add(["财政拨款支出总计"], actual { binder.summaryFigures(.fiscalSummary, side: 1, label: "总计") })
    add(["财政拨款收、支总计", "财政拨款收支总计"], actual { binder.summaryFigures(.fiscalSummary, side: nil, label: "总计") })
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
    add(["一般公共预算财政拨款支出"], actual { binder.totalRowFigures(.generalBudget, column: nil) })
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
    add(["年初结转和结余"], actual { binder.summaryFigures(.summary, side: 0, label: "年初结转和结余") })
    add(["年末结转和结余"], actual { binder.summaryFigures(.summary, side: 1, label: "年末结转和结余") })
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
