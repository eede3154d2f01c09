/// Label tables in the aligned shape: 01 and 04 as two halves on one line (收入 | 支出), and the
/// 三公 table, as one row of figures under its items or as a row per item.
extension AlignedTableReader {
  // MARK: Two halves (01, 04)

  /// The 收入 and 支出 halves: each line split where the 支出 labels start (the first name after a
  /// figure), each half's labels and figures read as rows.
  mutating func labelledPanels(_ pages: [Page], header: String) -> [Table.Panel] {
    let leftSpecs = [TableSchema.ColumnSpec(title: "金额", role: .total, keys: ["决算数", "金额", "预算数"])]
    let rightSpecs = TableSchema.specs(of: kind, header: header, isBudget: isBudget)
    let hasLineNumbers = header.utf8Text.contains("行次") || header.utf8Text.contains("栏次")
    let boundary = Self.sideBoundary(pages, hasLineNumbers: hasLineNumbers)
    var sides = [[[GroupLine]]](repeating: [], count: 2)
    for page in pages {
      var halves = [[GroupLine]](repeating: [], count: 2)
      for line in page.data {
        var words = line.words
        if hasLineNumbers { words = Self.withoutLineNumbers(words) }
        let left = words.filter { $0.columns.lowerBound < boundary - 2 }
        let right = words.filter { $0.columns.lowerBound >= boundary - 2 }
        if !left.isEmpty { halves[0].append(GroupLine(line: line, words: left)) }
        if !right.isEmpty { halves[1].append(GroupLine(line: line, words: right)) }
      }
      sides[0].append(halves[0])
      sides[1].append(halves[1])
    }
    let headers = pages.map { pageHeader($0) }
    let placedLeft = place(sides[0], headers: headers, specs: leftSpecs, wholeYuan: false, within: 0..<boundary)
    let placedRight = place(
      sides[1], headers: headers, specs: rightSpecs, wholeYuan: false, within: max(0, boundary - 4)..<Int.max)
    return [
      Table.Panel(columns: leftSpecs.map { Table.Column(title: $0.title, role: $0.role) }, rows: labelRows(placedLeft)),
      Table.Panel(
        columns: rightSpecs.map { Table.Column(title: $0.title, role: $0.role) }, rows: labelRows(placedRight)),
    ]
  }

  /// The column where the 支出 half starts: the first name after a figure on a line; failing that,
  /// the start of the second half's first label.
  private static func sideBoundary(_ pages: [Page], hasLineNumbers: Bool) -> Int {
    var starts: [Int] = []
    for page in pages {
      for line in page.data {
        var sawFigure = false
        for word in line.words {
          if case .figure = word.kind {
            sawFigure = true
          } else if case .integer = word.kind, !hasLineNumbers {
            sawFigure = true
          } else if word.isText, sawFigure {
            starts.append(word.columns.lowerBound)
            break
          }
        }
      }
    }
    return starts.min() ?? Int.max
  }

  /// The words without the 行次 numbers that follow each label.
  private static func withoutLineNumbers(_ words: [AlignedWord]) -> [AlignedWord] {
    var kept: [AlignedWord] = []
    for word in words {
      if case .integer = word.kind, kept.last?.isText == true, word.text.utf8.count <= 2 { continue }
      kept.append(word)
    }
    return kept
  }

  /// The rows of one half: a label and its figures per line; a short piece without numbering under
  /// a label, on the next line, is the rest of that label ("二十二、灾害防治及应急管理支" / "出").
  private func labelRows(_ pages: [[GroupLine]]) -> [Table.Row] {
    let sideLabels: Set<String> = ["收入", "支出", "项目", "收入支出", "本年收入", "本年支出"]
    var rows: [Table.Row] = []
    var lastLine = -10
    for line in pages.flatMap({ $0 }) {
      let texts = line.words.filter(\.isText)
      let label = texts.map(\.text).joined()
      let normalized = Table.normalizedLabel(label)
      // A label's last piece under it; a whole label ends as labels do (…支出, …收入, …合计).
      let endsLabel = rows.last.map { row in "出入计余金算费".contains(row.label.last ?? "出") } ?? true
      if line.cells.isEmpty, !label.isEmpty, let last = rows.indices.last, line.line.index - lastLine <= 2,
        label.count <= 4, normalized == label.utf8Text.removingWhitespace(), !endsLabel
      {
        rows[last].name += label
        if let range = rows[last].nameRange, let end = texts.last?.range.upperBound {
          rows[last].nameRange = range.lowerBound..<end
        }
        lastLine = line.line.index
        continue
      }
      if label.isEmpty, !line.cells.isEmpty, let last = rows.indices.last, line.line.index - lastLine <= 2,
        rows[last].cells.allSatisfy({ $0 == nil })
      {
        // Figures on the line between a label's pieces ("四、文化旅游体育与传媒" / figures / "支出").
        var cells = [Table.Cell?](repeating: nil, count: (line.cells.keys.max() ?? -1) + 1)
        for (column, cell) in line.cells { cells[column] = cell }
        rows[last].cells = cells
        rows[last].isPositional = line.isCertain
        continue
      }
      guard !label.isEmpty, !sideLabels.contains(normalized) else { continue }
      var cells = [Table.Cell?](repeating: nil, count: (line.cells.keys.max() ?? -1) + 1)
      for (column, cell) in line.cells { cells[column] = cell }
      let ranges = line.words.map(\.range)
      let start = ranges.map(\.lowerBound).min() ?? 0
      var nameRange: Range<Int>?
      if let low = texts.first?.range.lowerBound, let high = texts.last?.range.upperBound { nameRange = low..<high }
      var row = Table.Row(
        code: nil, codeRange: nil, name: label, nameRange: nameRange, cells: cells,
        range: start..<(ranges.map(\.upperBound).max() ?? start), line: line.line.index)
      row.isPositional = line.isCertain
      rows.append(row)
      lastLine = line.line.index
    }
    return rows
  }

  // MARK: 三公 (07)

  /// The 三公 table: its items (合计, 因公出国（境）费, 公务用车购置及运行费, 购置费, 运行维护费,
  /// 公务接待费, and 机关运行经费 where a budget adds it) as rows, each with its 预算数 and 决算数
  /// (or the one figure its column has).
  mutating func sangongPanel(_ pages: [Page], header: String) -> Table.Panel {
    let head = pages.first.map { self.pageHeader($0) } ?? TableHeader(lines: [])
    var items: [(label: String, centre: Int)] = []
    var leaves: [(isBudget: Bool, centre: Int)] = []
    let hasSubtotal = head.cells.contains { $0.text.utf8Text.contains("小计") }
    // Items are named by a piece of a header cell ("因公出国" of "因公出国/（境）费"): a group title
    // may have been joined to the cell under it.
    for cell in head.cells {
      let text = cell.text.utf8Text.removingWhitespace()
      if text == "预算数" || text == "决算数" || text == "预算" || text == "决算" {
        leaves.append((text.utf8Text.hasPrefix("预算"), cell.doubledCentre))
        continue
      }
      var found = false
      for (piece, columns) in zip(cell.pieces, cell.pieceColumns) {
        guard let label = Self.sangongItem(piece.utf8Text.removingWhitespace(), hasSubtotal: hasSubtotal) else {
          continue
        }
        items.append((label, columns.lowerBound + columns.upperBound))
        found = true
        break
      }
      if !found, let label = Self.sangongItem(text, hasSubtotal: hasSubtotal) {
        items.append((label, cell.doubledCentre))
      }
    }
    let dataLines = pages.flatMap(\.data).filter { $0.hasFigure }
    let hasBudget = leaves.contains { $0.isBudget } || (leaves.isEmpty && !header.utf8Text.contains("决算"))
    let hasActual = leaves.contains { !$0.isBudget } || (leaves.isEmpty && header.utf8Text.contains("决算"))
    var columns: [Table.Column] = []
    if hasBudget { columns.append(Table.Column(title: "预算数", role: hasActual ? .budget : .total)) }
    if hasActual { columns.append(Table.Column(title: "决算数", role: .total)) }
    // A row per item (labels down the side) is read as label rows.
    guard items.count >= 2, dataLines.count == 1, let data = dataLines.first else {
      let rows = labelRows(
        pages.map { page in page.data.map { GroupLine(line: $0, words: $0.words) } }.map(placeInOrder))
      return Table.Panel(columns: columns, rows: rows)
    }
    items.sort { $0.centre < $1.centre }
    // Each figure column: an item and whether it holds the budget.
    var slots: [(item: Int, isBudget: Bool, centre: Int)] = []
    if leaves.count == 2 * items.count {
      for (index, leaf) in leaves.sorted(by: { $0.centre < $1.centre }).enumerated() {
        slots.append((index / 2, leaf.isBudget, leaf.centre))
      }
    } else {
      slots = items.indices.map { ($0, hasBudget, items[$0].centre) }
    }
    // The row of figures holds nothing else: a whole number there ("25") is a figure too.
    let figures = data.words.filter { $0.cell != nil }
    let targets =
      figures.count == slots.count
      ? Array(slots.indices)
      : ColumnAssignment.assign(figures.map(\.doubledCentre), to: slots.map(\.centre), maximumShift: 24)
    guard let targets else {
      damage.append("第 \(line: data.index) 行：数字多于表头的栏数，无法确定各数所在栏")
      return Table.Panel(columns: columns, rows: [])
    }
    var cells = [[Table.Cell?]](repeating: [Table.Cell?](repeating: nil, count: columns.count), count: items.count)
    for (figure, slot) in zip(figures, targets) {
      let column = columns.count == 2 && !slots[slot].isBudget ? 1 : 0
      cells[slots[slot].item][column] = figure.cell
    }
    let range = data.line.trimmedRange
    return Table.Panel(
      columns: columns,
      rows: items.indices.map { index in
        var row = Table.Row(
          code: nil, codeRange: nil, name: items[index].label, nameRange: nil, cells: cells[index], range: range,
          line: data.index)
        row.isPositional = figures.count == slots.count || !head.isEmpty
        return row
      })
  }

  /// A label row's figures in order, one per column.
  private func placeInOrder(_ lines: [GroupLine]) -> [GroupLine] {
    lines.map { line in
      var placed = line
      for (column, word) in line.words.filter({ if case .figure = $0.kind { true } else { false } }).enumerated() {
        placed.cells[column] = word.cell
      }
      return placed
    }
  }

  /// The item a 三公 header cell names, by the canonical label the sum rules read; nil for a group
  /// title over several items ("公务用车购置及运行维护费" over its 小计, 购置费 and 运行维护费).
  static func sangongItem(_ text: String, hasSubtotal: Bool) -> String? {
    if text.utf8Text.contains("机关运行") { return "机关运行经费" }
    if text.utf8Text.contains("三公") { return text == "“三公”经费合计" || text == "三公经费合计" ? "合计" : nil }
    if text.utf8Text.contains("合计") { return "合计" }
    if text.utf8Text.contains("出国") { return "因公出国（境）费" }
    if text.utf8Text.contains("小计") { return "公务用车购置及运行费" }
    if text.utf8Text.contains("购置"), text.utf8Text.contains("运行") { return hasSubtotal ? nil : "公务用车购置及运行费" }
    if text.utf8Text.contains("购置") { return "公务用车购置费" }
    if text.utf8Text.contains("运行") { return "公务用车运行维护费" }
    if text.utf8Text.contains("接待") { return "公务接待费" }
    return nil
  }
}
