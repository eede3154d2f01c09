/// The rows of a self-evaluation table: funds rows (columns found from the header words),
/// indicator and 资金管理情况 rows (分值 and 得分 read from the right), and the 总分 row.
extension SelfEvaluationReader {
  // MARK: Funds

  static func isFundsHeader(_ compact: String) -> Bool {
    ["年初预算", "年初部门预算", "全年预算", "全年执行", "部门整体支出情况", "财政资金安排"].contains { compact.utf8Text.contains($0) }
      || compact.utf8Text.hasPrefix("项目资金")
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
    // Byte offsets order the keys as Character offsets do when every scalar is a Character.
    let byBytes = UTF8Text.hasSingleScalarCharacters(header)
    for (key, column) in keys where !found.contains(where: { $0.column == column }) {
      guard key.utf8.count <= header.utf8.count, let offset = header.utf8Text.firstOffset(of: key) else { continue }
      if byBytes {
        found.append((offset, column))
      } else {
        let start = header.utf8.index(header.startIndex, offsetBy: offset)
        found.append((header.distance(from: header.startIndex, to: start), column))
      }
    }
    found.sort { $0.position < $1.position }
    var columns = found.map(\.column)
    if header.utf8Text.contains("目标申报数"), header.utf8Text.contains("预算编制数"),
      let index = columns.firstIndex(of: .initialBudget)
    {
      columns.insert(.declared, at: index)
    }
    return columns
  }

  static func addFundsRow(
    label: Item?, values: [Item?], line: Int, positional: ([(Int, SelfEvaluation.FundsColumn)], [Item])?,
    into evaluation: inout SelfEvaluation
  ) {
    let columns = evaluation.fundsColumns
    var figures = [SelfEvaluation.FundsColumn: SelfEvaluation.Figure](minimumCapacity: columns.count)
    if values.count >= columns.count {
      for (column, value) in zip(columns, values.suffix(columns.count)) {
        if let value, let number = figure(value) { figures[column] = number }
      }
    } else if let (cells, row) = positional {
      // `row` holds the line's cells, one item each (a tabbed line).
      for (offset, column) in cells where offset < row.count {
        if let number = figure(row[offset]) { figures[column] = number }
      }
    } else if let unscored = unscoredColumns(columns, values: values) {
      // A source of funds under the total, without 分值 and 得分 ("政府预算资金 317.05 162.25
      // 162.25 100%").
      for (column, value) in zip(unscored, values) {
        if let value, let number = figure(value) { figures[column] = number }
      }
    } else {
      evaluation.damage.append("第 \(line: line) 行：资金行只读到 \(values.count) 个数，少于表头的 \(columns.count) 栏")
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

  /// The columns of a funds row that leaves out the 分值 and 得分 the total row carries, when its
  /// values say so: one value for each other column, and a percentage in the 执行率 column and
  /// nowhere else. Nil otherwise.
  private static func unscoredColumns(_ columns: [SelfEvaluation.FundsColumn], values: [Item?])
    -> [SelfEvaluation.FundsColumn]?
  {
    let unscored = columns.filter { $0 != .points && $0 != .score }
    guard unscored.count < columns.count, values.count == unscored.count, let rate = unscored.firstIndex(of: .rate)
    else { return nil }
    for (index, value) in values.enumerated() {
      guard let value, let number = figure(value) else { return nil }
      if number.isPercent != (index == rate) { return nil }
    }
    return unscored
  }

  // MARK: Indicators and total

  /// Reads an indicator (or management) row; false when the line holds no row.
  static func readIndicator(
    _ items: [Item], line: Line, header: String, pending: inout [String], levels: inout (String, String),
    management: Bool, into evaluation: inout SelfEvaluation
  ) -> Bool {
    let hasDeviation = header.utf8Text.contains("偏差度")
    let need = hasDeviation ? 3 : 2
    guard trailingRun(items) >= need else { return false }
    let tokens = items.filter { !$0.text.isEmpty }
    var end = tokens.count
    while end > 0, bare(tokens[end - 1]) == nil { end -= 1 }
    var start = end
    while start > 0, bare(tokens[start - 1]) != nil { start -= 1 }
    guard end - start >= need else { return false }
    let scoreIndex = end - (hasDeviation ? 2 : 1)
    let points = bare(tokens[scoreIndex - 1])
    let score = bare(tokens[scoreIndex])
    let deviation = hasDeviation ? bare(tokens[end - 1]) : nil
    var reason = tokens[end...].map(\.text).joined(separator: " ")
    var rest = Array(tokens[..<(scoreIndex - 1)])
    var actual: Item?
    var target: Item?
    if !management {
      actual = rest.popLast()
      if !rest.isEmpty, rest.count >= 1 { target = rest.popLast() }
      if header.utf8Text.contains("调整后"), !rest.isEmpty, line.shape != .plain { _ = rest.popLast() }
    }
    var names = rest.map(\.text)
    var level3 = ""
    var targetText = target?.text ?? ""
    var targetRange = target?.range
    var unplaced: Item?
    if line.shape == .plain || names.isEmpty {
      var nameLines = pending + names
      // "≤83.65" / "万元" wrapped above the figures: the target, not part of the name.
      if targetText.isEmpty,
        let start = nameLines.firstIndex(where: { $0.first.map { "≥≤=<>＝".utf8Text.contains($0) } ?? false })
      {
        targetText = nameLines[start...].joined()
        nameLines.removeSubrange(start...)
      }
      // A 资金管理情况 row: its name is the first word, the rest explains it.
      if management, let first = nameLines.first?.split(whereSeparator: \.isWhitespace).first {
        nameLines = [String(first)]
      }
      level3 = nameLines.joined().utf8Text.removingWhitespace()
      names = []
      // "100% 5 5 0.00 100%": a lone value where the reason would be, and no target before the
      // actual. One with a relation ("≥95%") is the target; of two bare values, which is which
      // is not known.
      if !management, line.shape == .plain, targetText.isEmpty, end == tokens.count - 1, isMeasure(tokens[end].text) {
        if tokens[end].text.first.map({ "≥≤<>".utf8Text.contains($0) }) ?? false {
          targetText = tokens[end].text
          targetRange = tokens[end].range
        } else {
          unplaced = tokens[end]
        }
        reason = ""
      }
    } else {
      level3 = names.removeLast()
    }
    if level3.utf8Text.contains("指标"), let colon = lastColon(in: level3) {
      let after = level3[level3.index(after: colon)...]
      if !after.utf8Text.hasAtMostCharacters(1) { level3 = String(after) }
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
        target: targetText, targetRange: targetRange, actual: actual?.text ?? "", actualRange: actual?.range,
        points: points, score: score, deviation: deviation, unplacedValue: unplaced?.text ?? "",
        unplacedRange: unplaced?.range, reason: reason, isManagement: management,
        range: first..<line.trimmedRange.upperBound, line: line.index))
    return true
  }

  /// The last "：" or ":" Character of `text`: found by bytes when every scalar is a Character.
  private static func lastColon(in text: String) -> String.Index? {
    // nil: not a single-scalar text; .some(nil): no colon.
    let found: Int?? =
      text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
        guard UTF8Text.hasSingleScalarCharacters(bytes) else { return nil }
        var index = bytes.count
        while index > 0 {
          index -= 1
          if bytes[index] == 0x3A { return .some(index) }
          if bytes[index] == 0x9A, index >= 2, bytes[index - 2] == 0xEF, bytes[index - 1] == 0xBC {
            return .some(index - 2)
          }
        }
        return .some(nil)
      } ?? nil
    guard let found else { return text.lastIndex(where: { $0 == "：" || $0 == ":" }) }
    return found.map { text.utf8.index(text.startIndex, offsetBy: $0) }
  }

  private static let grades: Set<String> = ["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"]

  static func readTotal(_ items: [Item], line: Int) -> SelfEvaluation.Total {
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
