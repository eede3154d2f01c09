/// Reads the lines of a self-evaluation table into a `SelfEvaluation` (see there). One pass with a
/// small state machine: title → funds header → funds rows → (资金管理情况) → indicator header →
/// indicator rows → 总分 → the prose after it.
enum SelfEvaluationReader {
  private enum State {
    case start, fundsHeader, funds, management, indicatorHeader, indicators, other, after
  }

  /// A cell (tab/pipe rows) or a whitespace token (plain rows), a unit token merged into the
  /// number before it ("112 套" → "112套", "0.0 %" → "0.0%").
  struct Item {
    var text: String
    var range: Range<Int>
  }

  private static let units: Set<String> = [
    "%", "％", "套", "个", "人", "次", "家", "条", "期", "件", "箱", "元", "万元", "亿元", "小时", "天", "月", "份", "辆", "万个",
    "万人", "台", "分",
  ]

  /// 0-based lines that hold a self-evaluation title.
  /// - Complexity: O(n) in the text.
  static func titleLines(in source: SourceText) -> [Int] {
    let marker = Array("自评".utf8)
    var result: [Int] = []
    for index in 0..<source.lineCount {
      let range = source.byteRange(ofLine: index)
      guard range.count < 400, source.bytes[range].firstRange(of: marker) != nil else { continue }
      if isTitle(Line(index: index, source: source).compact) { result.append(index) }
    }
    return result
  }

  static func isTitle(_ compact: String) -> Bool {
    guard compact.contains("自评"), compact.count <= 70, !compact.contains("。"), !compact.contains("……"),
      !compact.contains("...."), !compact.hasPrefix("详见")
    else { return false }
    var text = Substring(compact)
    if text.hasSuffix("年度)") || text.hasSuffix("年度）"),
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    {
      text = text[..<open]
    }
    return text.hasSuffix("表")
  }

  static func read(titleLine: Int, end: Int, source: SourceText) -> SelfEvaluation? {
    let title = Line(index: titleLine, source: source)
    var lastLine = min(end, titleLine + 700, source.lineCount)
    var evaluation = SelfEvaluation(
      title: title.plain, titleRange: title.trimmedRange, range: title.range, lines: titleLine..<lastLine)
    findYear(in: title, into: &evaluation)
    var state = State.start
    var fundsHeader = ""
    var headerCells: (count: Int, columns: [(Int, SelfEvaluation.FundsColumn)])?
    var indicatorHeader = ""
    var pending: [String] = []
    var levels = ("", "")
    var partial: (label: Item?, values: [Item?], line: Int)?
    var proseStart: Int?

    func finishPartial() {
      guard let row = partial else { return }
      partial = nil
      addFundsRow(label: row.label, values: row.values, line: row.line, positional: nil, into: &evaluation)
    }

    var index = titleLine + 1
    while index < lastLine {
      defer { index += 1 }
      let line = Line(index: index, source: source)
      if line.isBlank { continue }
      let compact = line.compact
      if compact.hasPrefix("第"), compact.contains("部分"), compact.count <= 30 {
        lastLine = index
        break
      }
      if evaluation.year == nil, index <= titleLine + 3 { findYear(in: line, into: &evaluation) }
      if state == .after { continue }
      let items = items(of: line)
      if compact.hasPrefix("项目名称") || compact.hasPrefix("项目名称") {
        let rest = items.drop { !$0.text.hasSuffix("项目名称") && $0.text != "项目名称" }.dropFirst()
          .filter { !$0.text.isEmpty }
        if let first = rest.first, let last = rest.last {
          evaluation.projectName = rest.map(\.text).joined(separator: " ")
          evaluation.projectNameRange = first.range.lowerBound..<last.range.upperBound
        }
        continue
      }
      if state == .start { readUnitFields(items, into: &evaluation) }
      if compact.hasPrefix("总分") {
        finishPartial()
        evaluation.total = readTotal(items, line: index)
        state = .after
        proseStart = index + 1
        continue
      }
      let values = items.filter { figure($0) != nil || TableToken.isDash($0.text) }
      let numbers = values.filter { figure($0) != nil }
      let bareRun = trailingRun(items)
      switch state {
      case .indicators:
        if compact.contains("一级指标") && numbers.isEmpty {
          state = .indicatorHeader
          indicatorHeader = compact
        } else if !readIndicator(
          items, line: line, header: indicatorHeader, pending: &pending, levels: &levels, management: false,
          into: &evaluation)
        {
          pending.append(compact)
        }
        continue
      case .indicatorHeader:
        if bareRun >= (indicatorHeader.contains("偏差度") ? 3 : 2) {
          state = .indicators
          _ = readIndicator(
            items, line: line, header: indicatorHeader, pending: &pending, levels: &levels, management: false,
            into: &evaluation)
        } else if isIndicatorHeaderWord(compact) {
          indicatorHeader += compact
        } else {
          pending.append(compact)
        }
        continue
      case .management:
        if bareRun >= 2 {
          _ = readIndicator(
            items, line: line, header: "", pending: &pending, levels: &levels, management: true, into: &evaluation)
          continue
        }
      case .fundsHeader:
        if numbers.count >= 2 {
          evaluation.fundsColumns = fundsColumns(fundsHeader)
          state = .funds
        } else {
          fundsHeader += compact
          if line.shape == .tabbed || line.shape == .piped {
            let cells = line.pieces.enumerated().compactMap { offset, piece in
              fundsColumns(piece.text.filter { !$0.isWhitespace }).first.map { (offset, $0) }
            }
            if cells.count > (headerCells?.columns.count ?? 0) { headerCells = (line.pieces.count, cells) }
          }
          continue
        }
      default:
        break
      }
      let continues = partial != nil && line.shape == .plain && items.first.flatMap(leadingNumber) != nil
      if state == .funds, !numbers.isEmpty || continues {
        let positional = line.shape == .tabbed && headerCells?.count == line.pieces.count ? headerCells?.columns : nil
        if var row = partial, line.shape == .plain, let first = items.first, leadingNumber(first) != nil,
          row.values.count < evaluation.fundsColumns.count
        {
          for item in items {
            if let number = leadingNumber(item) { row.values.append(number) } else { break }
          }
          partial = row
          if row.values.count >= evaluation.fundsColumns.count { finishPartial() }
          continue
        }
        finishPartial()
        let firstValue = items.firstIndex { figure($0) != nil || TableToken.isDash($0.text) } ?? 0
        let labelItems = items[..<firstValue].filter { !$0.text.isEmpty }
        let label: Item? =
          labelItems.isEmpty
          ? nil
          : Item(
            text: labelItems.map(\.text).joined(),
            range: labelItems[0].range.lowerBound..<labelItems[labelItems.count - 1].range.upperBound)
        let rowValues: [Item?] = Array(items[firstValue...]).filter { figure($0) != nil || TableToken.isDash($0.text) }
          .map { figure($0) == nil ? nil : $0 }
        if line.shape == .plain, rowValues.count < evaluation.fundsColumns.count {
          partial = (label, rowValues, index)
        } else {
          addFundsRow(
            label: label, values: rowValues, line: index, positional: positional.map { ($0, line) }, into: &evaluation)
        }
        continue
      }
      // Lines without figures move between the blocks.
      if numbers.isEmpty || state == .start || state == .other || state == .management {
        if compact.contains("一级指标") {
          finishPartial()
          state = .indicatorHeader
          indicatorHeader = compact
          pending = []
        } else if compact.contains("资金管理情况") {
          finishPartial()
          state = .management
          pending = []
        } else if state != .funds && state != .management && isFundsHeader(compact) && numbers.count < 2 {
          state = .fundsHeader
          fundsHeader = compact
          if line.shape == .tabbed || line.shape == .piped {
            let cells = line.pieces.enumerated().compactMap { offset, piece in
              fundsColumns(piece.text.filter { !$0.isWhitespace }).first.map { (offset, $0) }
            }
            if !cells.isEmpty { headerCells = (line.pieces.count, cells) }
          }
        } else if compact.contains("目标") && (state == .funds || state == .management) {
          finishPartial()
          state = .other
        } else if state == .management, !(compact.contains("分值") && compact.contains("得分")) {
          pending.append(line.plain)
        }
      }
    }
    finishPartial()
    guard !evaluation.funds.isEmpty || !evaluation.indicators.isEmpty || evaluation.total != nil else { return nil }
    let endOffset =
      lastLine > titleLine + 1 ? source.byteRange(ofLine: lastLine - 1).upperBound : title.range.upperBound
    evaluation.range = title.range.lowerBound..<max(title.range.upperBound, endOffset)
    evaluation.lines = titleLine..<lastLine
    evaluation.proseLines = min(proseStart ?? lastLine, lastLine)..<lastLine
    return evaluation
  }

  private static let unitLabels = [
    "实施单位", "预算单位", "部门(单位)名称", "部门（单位）名称", "单位名称", "主管部门", "主管单位", "主管部门及代码",
  ]

  /// "主管单位→→福州市…→→实施单位→福州市…": each unit label and the cell after it.
  private static func readUnitFields(_ items: [Item], into evaluation: inout SelfEvaluation) {
    let cells = items.filter { !$0.text.isEmpty }
    for (index, cell) in cells.enumerated() where index + 1 < cells.count {
      let label = cell.text.filter { !$0.isWhitespace }
      guard unitLabels.contains(label) else { continue }
      let value = cells[index + 1]
      guard !unitLabels.contains(value.text.filter { !$0.isWhitespace }) else { continue }
      evaluation.unitFields.append(SelfEvaluation.UnitField(label: label, value: value.text, range: value.range))
    }
  }

  // MARK: Pieces

  static func items(of line: Line) -> [Item] {
    var result: [Item] = []
    let positional = line.shape == .tabbed || line.shape == .piped
    for piece in line.pieces {
      if positional {
        result.append(Item(text: piece.text, range: piece.range))
        continue
      }
      if let last = result.last, units.contains(piece.text), isQuantity(last.text) {
        result[result.count - 1] = Item(
          text: last.text + piece.text, range: last.range.lowerBound..<piece.range.upperBound)
      } else {
        result.append(Item(text: piece.text, range: piece.range))
      }
    }
    return result
  }

  /// "112", "=112", "≥0.05": a number, maybe after a comparison sign (a unit may follow it).
  private static func isQuantity(_ text: String) -> Bool {
    let digits = text.drop { "≥≤=<>＝".contains($0) }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCIIDigit || $0 == "." }
  }

  /// A plain number ("45.50", "-94.00", "10"), no percent sign, no unit.
  static func bare(_ item: Item) -> SelfEvaluation.Figure? {
    guard let first = item.text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first),
      let amount = Amount(parsing: item.text)
    else { return nil }
    return SelfEvaluation.Figure(value: amount, text: item.text, range: item.range)
  }

  /// A number or a percentage ("91.00", "100%", "0.0%").
  static func figure(_ item: Item) -> SelfEvaluation.Figure? {
    if let number = bare(item) { return number }
    var text = Substring(item.text)
    guard text.hasSuffix("%") || text.hasSuffix("％") else { return nil }
    text = text.dropLast()
    while text.last == " " { text = text.dropLast() }
    guard let first = text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first),
      let amount = Amount(parsing: text)
    else { return nil }
    return SelfEvaluation.Figure(value: amount, text: item.text, range: item.range)
  }

  /// "10" of "10资金来" (a funds figure glued to the next label by PDF export).
  private static func leadingNumber(_ item: Item) -> Item? {
    if figure(item) != nil { return item }
    let digits = item.text.prefix { $0.isASCIIDigit || $0 == "." || $0 == "%" }
    guard !digits.isEmpty, digits.first?.isASCIIDigit == true, Amount(parsing: digits.filter { $0 != "%" }) != nil
    else { return nil }
    return Item(text: String(digits), range: item.range.lowerBound..<(item.range.lowerBound + digits.utf8.count))
  }

  /// How many plain numbers end the row (after its trailing text: a reason, a stray "100%").
  private static func trailingRun(_ items: [Item]) -> Int {
    let tokens = items.filter { !$0.text.isEmpty }
    var end = tokens.count
    while end > 0, bare(tokens[end - 1]) == nil { end -= 1 }
    var start = end
    while start > 0, bare(tokens[start - 1]) != nil { start -= 1 }
    return end - start
  }

  private static func findYear(in line: Line, into evaluation: inout SelfEvaluation) {
    let bytes = Array(line.raw.utf8)
    let suffix = Array("年度".utf8)
    var index = 0
    while index + 4 <= bytes.count {
      let digits = bytes[index..<(index + 4)]
      if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        index == 0 || !(bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39)
      {
        var after = index + 4
        while after < bytes.count, bytes[after] == 0x20 { after += 1 }
        if bytes[after...].starts(with: suffix), let year = Int(String(decoding: digits, as: UTF8.self)) {
          evaluation.year = year
          let start = line.trimmedRange.lowerBound + index
          evaluation.yearRange = start..<(line.trimmedRange.lowerBound + after + suffix.count)
          return
        }
      }
      index += 1
    }
  }

  /// The wrapped pieces of an indicator header ("年度指标" / "值", "偏差原因分析及改进" / "措施").
  private static func isIndicatorHeaderWord(_ compact: String) -> Bool {
    let words = ["偏差", "措施", "改进", "分值", "得分", "指标值", "完成值", "年度指标", "实际完成", "绩效指标", "三级指标"]
    return words.contains { compact.contains($0) } || ["值", "分", "施"].contains(compact)
  }

  // MARK: Funds

  private static func isFundsHeader(_ compact: String) -> Bool {
    ["年初预算", "年初部门预算", "全年预算", "全年执行", "部门整体支出情况", "财政资金安排"].contains { compact.contains($0) }
      || compact.hasPrefix("项目资金")
  }

  /// The funds columns a header text names, in its order.
  static func fundsColumns(_ header: String) -> [SelfEvaluation.FundsColumn] {
    let keys: [(String, SelfEvaluation.FundsColumn)] = [
      ("年初部门预算", .initialBudget), ("年初预算", .initialBudget), ("年中调整", .adjustment), ("小计", .annualBudget),
      ("全年预算", .annualBudget), ("全年预", .annualBudget), ("全年执行", .executed), ("拨付金额", .executed),
      ("结余金额", .balance), ("结(转)余", .balance), ("结（转）余", .balance), ("分值", .points), ("执行率", .rate),
      ("实现率", .rate), ("结余率", .balanceRate), ("得分", .score),
    ]
    var found: [(position: Int, column: SelfEvaluation.FundsColumn)] = []
    for (key, column) in keys where !found.contains(where: { $0.column == column }) {
      guard let range = header.range(of: key) else { continue }
      found.append((header.distance(from: header.startIndex, to: range.lowerBound), column))
    }
    found.sort { $0.position < $1.position }
    var columns = found.map(\.column)
    if header.contains("目标申报数"), header.contains("预算编制数"), let index = columns.firstIndex(of: .initialBudget) {
      columns.insert(.declared, at: index)
    }
    return columns
  }

  private static func addFundsRow(
    label: Item?, values: [Item?], line: Int, positional: ([(Int, SelfEvaluation.FundsColumn)], Line)?,
    into evaluation: inout SelfEvaluation
  ) {
    let columns = evaluation.fundsColumns
    var figures: [SelfEvaluation.FundsColumn: SelfEvaluation.Figure] = [:]
    if values.count >= columns.count {
      for (column, value) in zip(columns, values.suffix(columns.count)) {
        if let value, let number = figure(value) { figures[column] = number }
      }
    } else if let (cells, row) = positional {
      for (offset, column) in cells where offset < row.pieces.count {
        let piece = row.pieces[offset]
        if let number = figure(Item(text: piece.text, range: piece.range)) { figures[column] = number }
      }
    } else {
      evaluation.damage.append("第 \(line + 1) 行：资金行只读到 \(values.count) 个数，少于表头的 \(columns.count) 栏")
    }
    let first = values.compactMap { $0 }.first
    let labelRange = label?.range ?? first?.range ?? 0..<0
    let last = values.compactMap { $0 }.last?.range.upperBound ?? labelRange.upperBound
    evaluation.funds.append(
      SelfEvaluation.FundsRow(
        label: label?.text ?? "", labelRange: labelRange,
        range: labelRange.lowerBound..<max(labelRange.upperBound, last),
        line: line, figures: figures))
  }

  // MARK: Indicators and total

  /// Reads an indicator (or management) row; false when the line holds no row.
  private static func readIndicator(
    _ items: [Item], line: Line, header: String, pending: inout [String], levels: inout (String, String),
    management: Bool, into evaluation: inout SelfEvaluation
  ) -> Bool {
    let tokens = items.filter { !$0.text.isEmpty }
    let hasDeviation = header.contains("偏差度")
    let need = hasDeviation ? 3 : 2
    var end = tokens.count
    while end > 0, bare(tokens[end - 1]) == nil { end -= 1 }
    var start = end
    while start > 0, bare(tokens[start - 1]) != nil { start -= 1 }
    guard end - start >= need else { return false }
    let scoreIndex = end - (hasDeviation ? 2 : 1)
    let points = bare(tokens[scoreIndex - 1])
    let score = bare(tokens[scoreIndex])
    let deviation = hasDeviation ? bare(tokens[end - 1]) : nil
    let reason = tokens[end...].map(\.text).joined(separator: " ")
    var rest = Array(tokens[..<(scoreIndex - 1)])
    var actual: Item?
    var target: Item?
    if !management {
      actual = rest.popLast()
      if !rest.isEmpty, rest.count >= 1 { target = rest.popLast() }
      if header.contains("调整后"), !rest.isEmpty, line.shape != .plain { _ = rest.popLast() }
    }
    var names = rest.map(\.text)
    var level3 = ""
    var targetText = target?.text ?? ""
    if line.shape == .plain || names.isEmpty {
      var nameLines = pending + names
      // "≤83.65" / "万元" wrapped above the figures: the target, not part of the name.
      if targetText.isEmpty,
        let start = nameLines.firstIndex(where: { $0.first.map { "≥≤=<>＝".contains($0) } ?? false })
      {
        targetText = nameLines[start...].joined()
        nameLines.removeSubrange(start...)
      }
      // A 资金管理情况 row: its name is the first word, the rest explains it.
      if management, let first = nameLines.first?.split(whereSeparator: \.isWhitespace).first {
        nameLines = [String(first)]
      }
      level3 = nameLines.joined().filter { !$0.isWhitespace }
      names = []
    } else {
      level3 = names.removeLast()
    }
    if let colon = level3.lastIndex(where: { $0 == "：" || $0 == ":" }), level3.hasPrefix("指标") || level3.contains("指标")
    {
      let after = level3[level3.index(after: colon)...]
      if after.count >= 2 { level3 = String(after) }
    }
    if names.count >= 2 {
      levels = (names[names.count - 2], names[names.count - 1])
    } else if names.count == 1 {
      levels.1 = names[0]
    }
    pending = []
    let first = tokens.first?.range.lowerBound ?? line.trimmedRange.lowerBound
    evaluation.indicators.append(
      SelfEvaluation.Indicator(
        level1: management ? "资金管理情况" : levels.0, level2: management ? "" : levels.1, level3: level3,
        target: targetText, targetRange: target?.range, actual: actual?.text ?? "", actualRange: actual?.range,
        points: points, score: score, deviation: deviation, reason: reason, isManagement: management,
        range: first..<line.trimmedRange.upperBound, line: line.index))
    return true
  }

  private static let grades: Set<String> = ["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"]

  private static func readTotal(_ items: [Item], line: Int) -> SelfEvaluation.Total {
    let tokens = items.filter { !$0.text.isEmpty }
    let numbers = tokens.compactMap(bare)
    let grade = tokens.first { grades.contains($0.text) }
    let start = tokens.first?.range.lowerBound ?? 0
    let end = tokens.last?.range.upperBound ?? start
    return SelfEvaluation.Total(
      points: numbers.count >= 2 ? numbers[numbers.count - 2] : nil, score: numbers.last, grade: grade?.text,
      gradeRange: grade?.range, range: start..<end, line: line)
  }
}
