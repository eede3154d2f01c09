extension Table {
  /// The table with the rows whose figures' columns the layout left open (`Row.isPositional`
  /// false: a page whose columns are shifted against the header) placed where the arithmetic
  /// proves one placement: the figures keep their order, the first is the row's 合计, the others
  /// add up to it, no column is used that the row's placed parent leaves blank, and every column
  /// its placed children use is used (no figure of these tables is negative, and a parent's
  /// 基本支出 is the sum of its children's). A row with two or more placements left stays open.
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
          let parts = zip(columns, figures).filter { components.contains($0.0) }.map(\.1.value)
          let difference = (figures[0].value - Amount.sum(parts)).tenThousandths
          guard abs(difference) <= TableIdentity.tolerance(parts: parts.count) else { return false }
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
          var row = [Cell?](repeating: nil, count: panel.columns.count)
          for (column, figure) in zip(columns, figures) { row[column] = figure }
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
        guard placements.count == 1, let columns = placements.first else { continue }
        var cells = [Cell?](repeating: nil, count: panel.columns.count)
        for (column, figure) in zip(columns, figures) { cells[column] = figure }
        panel.rows[index].cells = cells
        panel.rows[index].isPositional = true
        placedAny = true
      }
    }
    return panel
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
