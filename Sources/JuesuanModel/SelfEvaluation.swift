/// A project (or department-wide) performance self-evaluation table of part five
/// (项目支出绩效自评表, 部门整体支出绩效自评表): its funds block, its indicator block and its 总分 row,
/// each figure with the byte range it came from.
///
/// The parser keeps these tables as free rows; `SelfEvaluation.read` re-reads their lines, since
/// PDF export wraps them badly (names over several lines, cells shifted, a funds row continued on
/// the next line) and their columns are found from the header words, not from positions.
package struct SelfEvaluation: Sendable, Equatable {
  /// A number as written in a cell ("45.50", "91.00", "100%"), with its source range.
  package struct Figure: Sendable, Hashable {
    package var value: Amount
    package var text: String
    package var range: Range<Int>

    package init(value: Amount, text: String, range: Range<Int>) {
      self.value = value
      self.text = text
      self.range = range
    }

    /// True when the text carries a percent sign.
    package var isPercent: Bool { text.utf8Text.hasSuffix("%") || text.utf8Text.hasSuffix("％") }
  }

  /// The columns a funds row may have, as the header names them.
  package enum FundsColumn: String, Sendable, Hashable, CaseIterable {
    case declared = "目标申报数"
    case initialBudget = "年初预算数"
    case adjustment = "年中调整数"
    case annualBudget = "全年预算数"
    case executed = "全年执行数"
    case balance = "结余"
    case points = "分值"
    case rate = "执行率"
    case balanceRate = "结余率"
    case score = "得分"
  }

  /// A row of the funds block (年度资金总额, 其中：当年财政拨款, 其他资金, 财政资金小计…).
  package struct FundsRow: Sendable, Equatable {
    package var label: String
    /// The label's range, or the row's first figure when it has no label.
    package var labelRange: Range<Int>
    package var range: Range<Int>
    /// 0-based line of the row's first figure.
    package var line: Int
    /// The figures by column; a dash cell ("—") is absent.
    package var figures: [FundsColumn: Figure]

    package init(label: String, labelRange: Range<Int>, range: Range<Int>, line: Int, figures: [FundsColumn: Figure]) {
      self.label = label
      self.labelRange = labelRange
      self.range = range
      self.line = line
      self.figures = figures
    }

    package subscript(_ column: FundsColumn) -> Figure? { figures[column] }
  }

  /// A row of the indicator block (or of a 资金管理情况 block, whose rows carry 分值 and 得分 too).
  package struct Indicator: Sendable, Equatable {
    /// 一级/二级/三级指标 as far as the row (and the wrapped lines before it) say; empty when unknown.
    package var level1: String
    package var level2: String
    package var level3: String
    /// 年度指标值 (the adjusted one when the table has 年初 and 调整后 values) and 实际完成值.
    package var target: String
    package var targetRange: Range<Int>?
    package var actual: String
    package var actualRange: Range<Int>?
    package var points: Figure?
    package var score: Figure?
    /// 偏差度, in tables that have the column.
    package var deviation: Figure?
    /// A lone value written after the 偏差度 where the reason would stand ("100% 5 5 0.00 100%"), in a
    /// row with no 年度指标值 before its 实际完成值: PDF export moved one of the row's two values
    /// there, and which of them is the target is not known.
    package var unplacedValue: String
    package var unplacedRange: Range<Int>?
    package var reason: String
    /// True for the rows of a 资金管理情况 block.
    package var isManagement: Bool
    package var range: Range<Int>
    /// 0-based line of the row's figures.
    package var line: Int

    package init(
      level1: String = "", level2: String = "", level3: String, target: String = "", targetRange: Range<Int>? = nil,
      actual: String = "", actualRange: Range<Int>? = nil, points: Figure?, score: Figure?, deviation: Figure? = nil,
      unplacedValue: String = "", unplacedRange: Range<Int>? = nil, reason: String = "", isManagement: Bool = false,
      range: Range<Int>, line: Int
    ) {
      self.level1 = level1
      self.level2 = level2
      self.level3 = level3
      self.target = target
      self.targetRange = targetRange
      self.actual = actual
      self.actualRange = actualRange
      self.points = points
      self.score = score
      self.deviation = deviation
      self.unplacedValue = unplacedValue
      self.unplacedRange = unplacedRange
      self.reason = reason
      self.isManagement = isManagement
      self.range = range
      self.line = line
    }
  }

  /// The 总分 row: 分值 (usually 100) and 得分, and the grade when the row states one (优/良/中/差).
  package struct Total: Sendable, Equatable {
    package var points: Figure?
    package var score: Figure?
    package var grade: String?
    package var gradeRange: Range<Int>?
    package var range: Range<Int>
    package var line: Int

    package init(points: Figure?, score: Figure?, grade: String?, gradeRange: Range<Int>?, range: Range<Int>, line: Int)
    {
      self.points = points
      self.score = score
      self.grade = grade
      self.gradeRange = gradeRange
      self.range = range
      self.line = line
    }
  }

  /// A unit the table names ("实施单位", "预算单位", "部门（单位）名称", "主管部门") and its value.
  package struct UnitField: Sendable, Hashable {
    package var label: String
    package var value: String
    package var range: Range<Int>

    package init(label: String, value: String, range: Range<Int>) {
      self.label = label
      self.value = value
      self.range = range
    }

    /// True for the unit that spends the money (not its 主管部门, which is legitimately another).
    package var isImplementingUnit: Bool { !label.utf8Text.hasPrefix("主管") }
  }

  package var title: String
  package var titleRange: Range<Int>
  /// The units named above the funds block.
  package var unitFields: [UnitField] = []
  /// True for a 部门整体 table (the department's whole spending, not one project).
  package var isDepartmentWide: Bool
  package var projectName: String?
  package var projectNameRange: Range<Int>?
  /// The year in "(2023年度)", and the range of "2023年度".
  package var year: Int?
  package var yearRange: Range<Int>?
  /// The funds columns, in the order the header gives them.
  package var fundsColumns: [FundsColumn]
  package var funds: [FundsRow]
  package var indicators: [Indicator]
  package var total: Total?
  /// From the title to the line before the next self-evaluation table or part (the evaluation
  /// prose after the 总分 row included).
  package var range: Range<Int>
  /// 0-based lines of the region; `proseLines` are those after the 总分 row (the 项目绩效分析
  /// cells or the evaluation report that restates the table).
  package var lines: Range<Int>
  package var proseLines: Range<Int>
  /// What could not be read (a funds row with too few figures, a row without scores…).
  package var damage: [Message]
  /// The bytes the table was read from: its title line to the next title (at most 700 lines).
  /// The same bytes elsewhere read as the same table, moved (`ParseMemo`).
  package var region: Range<Int> = 0..<0

  package init(title: String, titleRange: Range<Int>, range: Range<Int>, lines: Range<Int>) {
    self.title = title
    self.titleRange = titleRange
    isDepartmentWide = title.utf8Text.contains("部门整体")
    projectName = nil
    projectNameRange = nil
    year = nil
    yearRange = nil
    fundsColumns = []
    funds = []
    indicators = []
    total = nil
    self.range = range
    self.lines = lines
    proseLines = lines.upperBound..<lines.upperBound
    damage = []
  }

  /// The funds block's total row (年度资金总额, 资金总额, 部门预算总额, 合计): the first funds row.
  package var fundsTotal: FundsRow? { funds.first }

  /// The rows whose scores make up the 总分: the funds total (when it has a 分值 or a 得分),
  /// every indicator and management row.
  package var scoredRows: [(label: String, points: Figure?, score: Figure?, line: Int)] {
    var rows: [(label: String, points: Figure?, score: Figure?, line: Int)] = []
    if let fundsRow = fundsTotal, fundsRow[.points] != nil || fundsRow[.score] != nil {
      rows.append(
        (fundsRow.label.isEmpty ? "资金总额" : fundsRow.label, fundsRow[.points], fundsRow[.score], fundsRow.line))
    }
    for indicator in indicators {
      rows.append(
        (indicator.level3.isEmpty ? "指标" : indicator.level3, indicator.points, indicator.score, indicator.line))
    }
    return rows
  }

  /// Re-reads the self-evaluation table `table` (kind `.selfEvaluation`) from `source`: the
  /// region from its title to the next self-evaluation title or part heading.
  /// - Complexity: O(lines of the region).
  package static func read(_ table: Table, source: SourceText) -> SelfEvaluation? {
    let line = source.line(ofUTF8Offset: table.titleRange.lowerBound)
    let titles = SelfEvaluationReader.titleLines(in: source)
    // A heading naming the table ("一、项目支出绩效自评表") may stand a few lines above its title.
    for start in [line] + titles.filter({ $0 > line && $0 <= line + 6 }) {
      let next = titles.first { $0 > start } ?? source.lineCount
      if let evaluation = SelfEvaluationReader.read(titleLine: start, end: next, source: source) { return evaluation }
    }
    return nil
  }

  /// Every self-evaluation table of the document, found by its title (…绩效自评表, …自评情况表),
  /// in document order. Titles with nothing readable under them (a heading naming the next
  /// table, a table of contents) are left out.
  /// - Complexity: O(n) in the text.
  package static func all(in source: SourceText) -> [SelfEvaluation] {
    all(in: source, lines: nil, memo: ParseMemo())
  }

  /// `all(in:)` from the parser's lines, taking from `memo` each table whose region (title to the
  /// next title, at most 700 lines) an earlier parse read from the same bytes.
  static func all(in source: SourceText, lines: [Line]?, memo: ParseMemo) -> [SelfEvaluation] {
    let titles = SelfEvaluationReader.titleLines(in: source, lines: lines)
    var result: [SelfEvaluation] = []
    for (index, line) in titles.enumerated() {
      let end = index + 1 < titles.count ? titles[index + 1] : source.lineCount
      let region = SelfEvaluationReader.region(titleLine: line, end: end, source: source)
      if let evaluation = memo.evaluation(at: region, in: source)
        ?? SelfEvaluationReader.read(titleLine: line, end: end, source: source, lines: lines)
      {
        result.append(evaluation)
      }
    }
    return result
  }
}

extension SelfEvaluation {
  /// A readable outline for golden tests: the funds columns and rows, each indicator with its
  /// target → actual and 分值/得分, the 总分; 1-based line numbers.
  /// - Complexity: O(rows).
  package func debugDump() -> String {
    var out = "自评表 L\(lines.lowerBound + 1) “\(title)” \(year.map { "\($0)年度" } ?? "?年度")"
    out += " 项目：\(projectName ?? "-")\n"
    out += "  资金 [\(fundsColumns.map(\.rawValue).joined(separator: " | "))]\n"
    for row in funds {
      let cells = fundsColumns.map { row[$0]?.text ?? "·" }
      out += "    L\(row.line + 1) \(row.label.isEmpty ? "-" : row.label) [\(cells.joined(separator: ", "))]\n"
    }
    for indicator in indicators {
      let levels = [indicator.level1, indicator.level2].filter { !$0.isEmpty }.joined(separator: "/")
      out += "  \(indicator.isManagement ? "管理" : "指标") L\(indicator.line + 1) \(levels.isEmpty ? "" : levels + " ")"
      out += "\(indicator.level3) | \(indicator.target) → \(indicator.actual)"
      out += indicator.unplacedValue.isEmpty ? "" : " (\(indicator.unplacedValue)?)"
      out += " | \(indicator.points?.text ?? "·")/\(indicator.score?.text ?? "·")\n"
    }
    if let total {
      out += "  总分 L\(total.line + 1) \(total.points?.text ?? "·")/\(total.score?.text ?? "·")"
      out += total.grade.map { " \($0)\n" } ?? "\n"
    }
    for note in damage { out += "  ! \(note.rendered())\n" }
    return out
  }
}
