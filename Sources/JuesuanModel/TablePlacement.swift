extension Table {
  /// The table with the rows whose figures' columns the layout left open (`Row.isPositional`
  /// false: a page whose columns are shifted against the header) placed where the arithmetic
  /// proves one placement: the figures keep their order, the first is the row's 合计, the others
  /// add up to it, no column is used that the row's placed parent leaves blank, and every column
  /// its placed children use is used (no figure of these tables is negative, and a parent's
  /// 基本支出 is the sum of its children's). A row with two or more placements left stays open; a
  /// row no placement adds up in takes its parent's columns when its figures can go nowhere else.
  /// - Complexity: O(rows · C(columns, figures)) per pass; a few passes, each placing more.
  package func placingOpenRows() -> Table {
    var table = self
    table.panels = panels.map(Self.placingOpenRows)
    return table
  }

  private static func placingOpenRows(_ panel: Panel) -> Panel {
    guard let total = panel.columns.firstIndex(where: { $0.role == .total }) else { return panel }
    let components = Set(panel.columns.indices.filter { panel.columns[$0].role == .component })
    guard !components.isEmpty else { return panel }
    var panel = panel
    var placedAny = true
    while placedAny {
      placedAny = false
      let byCode = Dictionary(
        panel.rows.indices.compactMap { index in panel.rows[index].code.map { ($0, index) } },
        uniquingKeysWith: { first, _ in first })
      for index in panel.rows.indices {
        let row = panel.rows[index]
        guard !row.isPositional, !row.isDamaged, !row.hasBrokenCell, let code = row.code else { continue }
        let figures = row.cells.compactMap { $0 }
        guard figures.count >= 2, figures.count <= panel.columns.count, figures.allSatisfy({ $0.amount != nil })
        else { continue }
        // The rows it must agree with: its parent and its children, where placed.
        let parent = code.count > 3 ? byCode[String(code.prefix(code.count - 2))] : nil
        let children = panel.rows.indices.filter { other in
          guard let childCode = panel.rows[other].code else { return false }
          return childCode.count == code.count + 2 && childCode.hasPrefix(code)
        }
        let placedParent = parent.flatMap { panel.rows[$0].isPositional ? $0 : nil }
        let otherCategories = panel.rows.indices.filter { $0 != index && panel.rows[$0].code?.count == 3 }
        let grandTotal = panel.rows.firstIndex {
          $0.code == nil && $0.label == "合计" && $0.isPositional && !$0.isDamaged
        }
        let placedChildren = children.filter { panel.rows[$0].isPositional }
        let placements = Self.placements(of: figures.count, in: panel.columns.count, first: total).filter {
          columns in
          guard Self.keepsTotal(figures, at: columns, components: components) else { return false }
          // No figure is negative: a column blank in the parent is blank in the row, and a column
          // a child uses the row uses.
          let used = Set(zip(columns, figures).filter { !$0.1.value.isZero }.map(\.0))
          func usedBy(_ other: Int) -> Set<Int> {
            let cells = panel.rows[other].cells
            return Set(cells.indices.filter { !(cells[$0]?.value.isZero ?? true) })
          }
          if let placedParent, !used.isSubset(of: usedBy(placedParent)) { return false }
          guard placedChildren.allSatisfy({ usedBy($0).isSubset(of: used) }) else { return false }
          // A 类 whose fellow 类 are all placed: each column's 类 add up to the 合计 row.
          guard code.count == 3, let grandTotal, otherCategories.allSatisfy({ panel.rows[$0].isPositional })
          else { return true }
          let row = Self.cells(figures, at: columns, width: panel.columns.count)
          return panel.columns.indices.allSatisfy { column in
            let sum = Amount.sum(
              otherCategories.map { other in
                let cells = panel.rows[other].cells
                return column < cells.count ? cells[column]?.value ?? .zero : .zero
              } + [row[column]?.value ?? .zero])
            let stated =
              column < panel.rows[grandTotal].cells.count ? panel.rows[grandTotal].cells[column]?.value ?? .zero : .zero
            return abs((stated - sum).tenThousandths) <= TableIdentity.tolerance(parts: otherCategories.count + 1)
          }
        }
        var chosen = placements.count == 1 ? placements.first : nil
        if placements.isEmpty, let placedParent {
          chosen = Self.mirroring(
            panel.rows[placedParent], figures: figures, total: total,
            fits: { columns in
              let used = Set(zip(columns, figures).filter { !$0.1.value.isZero }.map(\.0))
              return placedChildren.allSatisfy { child in
                let cells = panel.rows[child].cells
                return cells.indices.allSatisfy { (cells[$0]?.value.isZero ?? true) || used.contains($0) }
              }
            })
        }
        guard let columns = chosen else { continue }
        panel.rows[index].cells = Self.cells(figures, at: columns, width: panel.columns.count)
        panel.rows[index].isPositional = true
        placedAny = true
      }
    }
    return placingJointly(panel, total: total, components: components)
  }

  /// The open rows of the panel's top level (its 类, or its numbered items "一、…") placed
  /// together, when exactly one choice of each row's placements (their figures adding up to their
  /// 合计) makes every column of the top level add up to the panel's 合计/总计 row.
  private static func placingJointly(_ panel: Panel, total: Int, components: Set<Int>) -> Panel {
    let numerals = Set("一二三四五六七八九十")
    let items = panel.rows.indices.filter { index in
      let row = panel.rows[index]
      if let code = row.code { return code.count == 3 }
      let name = row.name.drop { $0 == " " }
      return name.first.map(numerals.contains) == true && name.dropFirst().drop { numerals.contains($0) }.first == "、"
    }
    let open = items.filter { !panel.rows[$0].isPositional }
    guard !open.isEmpty,
      let grandTotal = panel.rows.firstIndex(where: { row in
        row.code == nil && row.isPositional && !row.isDamaged
          && (row.label == "合计" || row.label.utf8Text.hasSuffix("总计"))
      }),
      open.allSatisfy({ !panel.rows[$0].isDamaged && !panel.rows[$0].hasBrokenCell })
    else { return panel }
    // Each open row's placements that keep its own 合计.
    var choices: [[[Int]]] = []
    for index in open {
      let figures = panel.rows[index].cells.compactMap { $0 }
      guard figures.count >= 1, figures.count <= panel.columns.count else { return panel }
      choices.append(
        Self.placements(of: figures.count, in: panel.columns.count, first: total).filter {
          figures.count == 1 || Self.keepsTotal(figures, at: $0, components: components)
        })
    }
    guard choices.allSatisfy({ !$0.isEmpty }), choices.reduce(1, { $0 * $1.count }) <= 4096 else { return panel }
    // Column sums of the rows already placed.
    var placedSums = [Amount](repeating: .zero, count: panel.columns.count)
    for index in items where panel.rows[index].isPositional {
      for (column, cell) in panel.rows[index].cells.enumerated() where column < placedSums.count {
        placedSums[column] = placedSums[column] + (cell?.value ?? .zero)
      }
    }
    let stated = panel.rows[grandTotal].cells
    let tolerance = TableIdentity.tolerance(parts: items.count)
    var found: [[Int]]?
    var pick = [Int](repeating: 0, count: open.count)
    search: while true {
      var sums = placedSums
      for (slot, index) in open.enumerated() {
        let figures = panel.rows[index].cells.compactMap { $0 }
        for (column, figure) in zip(choices[slot][pick[slot]], figures) { sums[column] = sums[column] + figure.value }
      }
      let fits = sums.indices.allSatisfy { column in
        let expected = column < stated.count ? stated[column]?.value ?? .zero : .zero
        return abs((expected - sums[column]).tenThousandths) <= tolerance
      }
      if fits {
        guard found == nil else { return panel }  // two ways: nothing proven
        found = open.indices.map { choices[$0][pick[$0]] }
      }
      // The next choice, like an odometer.
      var slot = 0
      while slot < pick.count {
        pick[slot] += 1
        if pick[slot] < choices[slot].count { continue search }
        pick[slot] = 0
        slot += 1
      }
      break
    }
    guard let found else { return panel }
    var panel = panel
    for (slot, index) in open.enumerated() {
      let figures = panel.rows[index].cells.compactMap { $0 }
      panel.rows[index].cells = Self.cells(figures, at: found[slot], width: panel.columns.count)
      panel.rows[index].isPositional = true
    }
    return panel
  }

  /// A row no placement adds up in (a wrong figure, which the sums then report) takes its placed
  /// parent's columns when it has exactly as many figures as the parent has cells and the parent's
  /// first is its 合计: no figure is negative, so a child fills no column its parent leaves blank,
  /// and with as many figures as the parent's columns each figure has one place.
  private static func mirroring(
    _ parent: Row, figures: [Cell], total: Int, fits: ([Int]) -> Bool
  ) -> [Int]? {
    let columns = parent.cells.indices.filter { parent.cells[$0] != nil }
    guard columns.count == figures.count, columns.first == total, fits(columns) else { return nil }
    return columns
  }

  /// Whether `figures` placed at `columns` add up: the first (the 合计) is the sum of those in
  /// component columns, within rounding.
  private static func keepsTotal(_ figures: [Cell], at columns: [Int], components: Set<Int>) -> Bool {
    let parts = zip(columns, figures).filter { components.contains($0.0) }.map(\.1.value)
    return abs((figures[0].value - Amount.sum(parts)).tenThousandths) <= TableIdentity.tolerance(parts: parts.count)
  }

  /// A row's cells with `figures` at `columns`, `width` columns wide.
  private static func cells(_ figures: [Cell], at columns: [Int], width: Int) -> [Cell?] {
    var cells = [Cell?](repeating: nil, count: width)
    for (column, figure) in zip(columns, figures) { cells[column] = figure }
    return cells
  }

  /// Every increasing choice of `count` of `columns` columns that starts at `first`.
  private static func placements(of count: Int, in columns: Int, first: Int) -> [[Int]] {
    var result: [[Int]] = []
    func extend(_ chosen: [Int]) {
      if chosen.count == count {
        result.append(chosen)
        return
      }
      guard let last = chosen.last else { return }
      for next in (last + 1)..<max(last + 1, columns) { extend(chosen + [next]) }
    }
    extend([first])
    return result
  }
}
