import JuesuanModel

/// Shared reading of the perf/* rules: the self-evaluation tables, whether a table adds up in its
/// 分值 column (when it does not, rows were lost or shifted by the export and findings say less),
/// and the scanning of the evaluation prose that restates the table.
enum PerfSupport {
  /// The 分值 a funds row counts for when the table has no 分值 column (the usual 10 points).
  static let defaultFundsPoints = Amount(hundredths: 1000)

  /// The rows that make up the 总分, with the funds row's 分值 taken as 10 where the table has no
  /// 分值 column.
  static func scoredRows(_ evaluation: SelfEvaluation) -> [(
    label: String, points: SelfEvaluation.Figure?, score: SelfEvaluation.Figure?, line: Int
  )] {
    var rows = evaluation.scoredRows
    if !evaluation.fundsColumns.contains(.points), let first = rows.first, let funds = evaluation.fundsTotal,
      first.line == funds.line, first.points == nil, let score = first.score
    {
      rows[0].points = SelfEvaluation.Figure(value: defaultFundsPoints, text: "10", range: score.range)
    }
    return rows
  }

  /// True when the table visibly lost or shifted rows (see `damage(of:)`).
  static func isDamaged(_ evaluation: SelfEvaluation) -> Bool { damage(of: evaluation) != nil }

  /// Why the table's columns cannot be trusted, as a note for messages: its rows' 分值 do not add
  /// up to the stated (or the usual 100) 总分 分值, a funds row could not be read, or several rows
  /// score more than their 分值 (分值 and 得分 swapped by the export). Nil for a sound table.
  static func damage(of evaluation: SelfEvaluation) -> String? {
    if !evaluation.damage.isEmpty { return "本表有资金行未能完整读出，可能在导出时错行，仅作提示" }
    let rows = scoredRows(evaluation)
    guard !rows.isEmpty else { return "本表没有可读的评分行，仅作提示" }
    let points = rows.compactMap(\.points).map(\.value)
    let expected = evaluation.total?.points?.value ?? Amount(hundredths: 10_000)
    if !Amount.sum(points).isSameValue(as: expected) {
      return "各行分值之和不是总分分值，表格可能在导出时丢行或错行，仅作提示"
    }
    let overflowing = rows.filter { row in
      guard let points = row.points, let score = row.score else { return false }
      return score.value > points.value
    }
    if overflowing.count >= 2 { return "本表有 \(overflowing.count) 行得分超过分值，分值与得分可能在导出时错栏，仅作提示" }
    return nil
  }

  /// The value written with `decimals` fraction digits, without a trailing ".00" when the
  /// table writes whole numbers.
  static func shown(_ amount: Amount, decimals: Int) -> String { amount.formatted(decimals: decimals) }

  /// "10 + 10 + 9.1" (at most ten terms).
  static func terms(_ amounts: [Amount]) -> String {
    let shown = amounts.prefix(10).map { $0.formatted(decimals: $0.decimals) }.joined(separator: " + ")
    return amounts.count > 10 ? shown + " + …（共 \(amounts.count) 项）" : shown
  }

  /// The grade a score falls in: 90–100 优, 80–<90 良, 60–<80 中, <60 差.
  static func grade(of score: Amount) -> String {
    let hundredths = score.tenThousandths / 100
    if hundredths >= 9000 { return "优" }
    if hundredths >= 8000 { return "良" }
    if hundredths >= 6000 { return "中" }
    return "差"
  }

  /// The grade a written grade word means.
  static func normalizedGrade(_ word: String) -> String? {
    switch word {
    case "优", "优秀": "优"
    case "良", "良好": "良"
    case "中", "合格", "一般": "中"
    case "差", "不合格", "较差": "差"
    default: nil
    }
  }

  /// The prose of an evaluation's region after its 总分 row, one paragraph per source line
  /// (the 项目绩效分析 cells of a TSV table, the evaluation report of a text report).
  static func proseLines(_ evaluation: SelfEvaluation, source: SourceText) -> [Paragraph] {
    evaluation.proseLines.compactMap { line in
      let range = source.byteRange(ofLine: line)
      guard !range.isEmpty else { return nil }
      return Paragraph(segments: [(source.text(in: range), range.lowerBound)])
    }
  }

  /// `proseLines` of each self-evaluation of the report (by its index in
  /// `report.selfEvaluations`), read once per lint run for the rules that ask.
  static func proseParagraphs(_ report: Report, context: inout RuleContext) -> [[Paragraph]] {
    context.memoized("PerfSupport.proseLines") {
      report.selfEvaluations.map { proseLines($0, source: report.source) }
    }
  }

  /// Whether a clause ends at `index`: 。 or ； (E3 80 82, EF BC 9B), ";", and with `comma` also
  /// ， (EF BC 8C) or ",".
  private static func endsClause(_ bytes: [UInt8], at index: Int, comma: Bool) -> Bool {
    let byte = bytes[index]
    if byte == 0x3B || (comma && byte == 0x2C) { return true }
    guard byte == 0xE3 || byte == 0xEF, index + 2 < bytes.count else { return false }
    let (second, third) = (bytes[index + 1], bytes[index + 2])
    return byte == 0xE3
      ? second == 0x80 && third == 0x82 : second == 0xBC && (third == 0x9B || (comma && third == 0x8C))
  }

  /// The numbers after each occurrence of one of `keywords` in `paragraph`, before the clause ends
  /// (。；，) and within `window` bytes: (keyword, number).
  static func numbers(after keywords: [String], in paragraph: Paragraph, window: Int = 48, stopAtComma: Bool = true)
    -> [(keyword: String, number: Paragraph.Number)]
  {
    var result: [(String, Paragraph.Number)] = []
    let bytes = paragraph.utf8
    for keyword in keywords {
      let key = Array(keyword.utf8)
      var from = 0
      while let offset = bytes.firstOffset(of: key, from: from) {
        let found = offset..<(offset + key.count)
        from = found.upperBound
        var stop = min(bytes.count, found.upperBound + window)
        var index = found.upperBound
        while index < stop {
          if endsClause(bytes, at: index, comma: stopAtComma) {
            stop = index
            break
          }
          index += 1
        }
        if let number = paragraph.numbers.first(where: {
          $0.textRange.lowerBound >= found.upperBound && $0.textRange.lowerBound < stop
        }) {
          result.append((keyword, number))
        }
      }
    }
    return result.sorted { $0.1.textRange.lowerBound < $1.1.textRange.lowerBound }
  }

  /// A ratio `part / whole` × 100 agrees with `stated` (written with `decimals` digits) within one
  /// unit in the last digit (the inputs are rounded too).
  static func rateAgrees(stated: Amount, decimals: Int, part: Amount, whole: Amount) -> Bool {
    guard !whole.isZero else { return true }
    let computed = Double(part.tenThousandths) / Double(whole.tenThousandths) * 100
    guard computed.isFinite, abs(computed) < 1e9 else { return true }
    var unit = 1.0
    for _ in 0..<max(0, decimals) { unit /= 10 }
    return abs(computed - stated.doubleValue) <= unit + 1e-9
  }

  /// The computed rate written with `decimals` digits.
  static func rate(part: Amount, whole: Amount, decimals: Int) -> String {
    let computed = Double(part.tenThousandths) / Double(whole.tenThousandths) * 100
    guard computed.isFinite, abs(computed) < 1e12 else { return "—" }
    let hundredths = Amount(tenThousandths: Int64((computed * 10_000).rounded()), decimals: 4)
    return hundredths.formatted(decimals: decimals)
  }
}
