import JuesuanModel

/// How a self-evaluation table scores: the rows that make up its 总分, whether its 分值 column
/// adds up (when it does not, rows were lost or shifted by the export and findings say less), and
/// the grade a score falls in.
package enum EvaluationScoring {
  /// The 分值 a funds row counts for when the table has no 分值 column (the usual 10 points).
  package static let defaultFundsPoints = Amount(hundredths: 1000)

  /// The rows that make up the 总分, with the funds row's 分值 taken as 10 where the table has no
  /// 分值 column.
  package static func scoredRows(_ evaluation: SelfEvaluation) -> [(
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
  package static func isDamaged(_ evaluation: SelfEvaluation) -> Bool { damage(of: evaluation) != nil }

  /// Why the table's columns cannot be trusted, as a note for messages: its rows' 分值 do not add
  /// up to the stated (or the usual 100) 总分 分值, a funds row could not be read, or several rows
  /// score more than their 分值 (分值 and 得分 swapped by the export). Nil for a sound table.
  package static func damage(of evaluation: SelfEvaluation) -> String? {
    if !evaluation.damage.isEmpty { return "本表有资金行未能完整读出，可能在导出时错行，仅作提示" }
    let rows = scoredRows(evaluation)
    guard !rows.isEmpty else { return "本表没有可读的评分行，仅作提示" }
    let points = rows.compactMap(\.points).map(\.value)
    let expected = evaluation.total?.points?.value ?? Amount(hundredths: 10_000)
    if !Amount.sum(points).isSameValue(as: expected) {
      return "各行分值之和不是总分分值，表格可能在导出时丢行或错行，仅作提示"
    }
    let overflowing = overflowingRows(rows)
    if overflowing >= 2 { return "本表有 \(overflowing) 行得分超过分值，分值与得分可能在导出时错栏，仅作提示" }
    return nil
  }

  /// True when several rows score more than their 分值: the export shifted the table's columns,
  /// so no cell of a row can be taken for what its column says. A table that only lost rows
  /// (its 分值 do not add up) keeps each row's own cells.
  package static func hasShiftedColumns(_ evaluation: SelfEvaluation) -> Bool {
    !evaluation.damage.isEmpty || overflowingRows(scoredRows(evaluation)) >= 2
  }

  /// How many of `rows` score more than their 分值.
  private static func overflowingRows(
    _ rows: [(label: String, points: SelfEvaluation.Figure?, score: SelfEvaluation.Figure?, line: Int)]
  ) -> Int {
    rows.count { row in
      guard let points = row.points, let score = row.score else { return false }
      return score.value > points.value
    }
  }

  /// The grade a score falls in: 90–100 优, 80–<90 良, 60–<80 中, <60 差.
  package static func grade(of score: Amount) -> String {
    let hundredths = score.tenThousandths / 100
    if hundredths >= 9000 { return "优" }
    if hundredths >= 8000 { return "良" }
    if hundredths >= 6000 { return "中" }
    return "差"
  }

  /// The grade a written grade word means.
  package static func normalizedGrade(_ word: String) -> String? {
    switch word {
    case "优", "优秀": "优"
    case "良", "良好": "良"
    case "中", "合格", "一般": "中"
    case "差", "不合格", "较差": "差"
    default: nil
    }
  }
}
