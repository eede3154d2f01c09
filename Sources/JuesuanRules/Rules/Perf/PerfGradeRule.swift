import JuesuanAnalysis
import JuesuanModel

/// A stated grade (优/良/中/差) agrees with the score bands: 90–100 优, 80–<90 良, 60–<80 中, <60 差.
struct PerfGradeRule: Rule {
  static let description = RuleDescription(
    code: "perf/grade",
    summary: "自评等级与得分相符：90–100 分为优，80–90 分为良，60–80 分为中，60 分以下为差。",
    rationale: "等级与得分矛盾时，读者无从判断哪一个是错的。检查总分行写明的等级，以及正文“得分 X 分，等级为……”的说法。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(PerfExamples.table(score: "100", secondScore: "40", grade: "优")),
      .init("2023年度部门决算\n该项目自评得分 85.5 分，等级为“良”。\n"),
    ],
    triggeringExamples: [
      .init(
        PerfExamples.table(score: "100", secondScore: "40", grade: "⟦良⟧"),
        fixed: PerfExamples.table(score: "100", secondScore: "40", grade: "优")),
      .init("2023年度部门决算\n该项目自评得分 78 分，等级为“⟦优⟧”。\n", fixed: "2023年度部门决算\n该项目自评得分 78 分，等级为“中”。\n"),
    ], kinds: RuleDescription.finals)

  private static let fen = Array("分".utf8)

  static let elements: ReportElements? = [.evaluations, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations {
      guard let total = evaluation.total, let word = total.grade, let range = total.gradeRange,
        let stated = EvaluationScoring.normalizedGrade(word), let score = total.score
      else { continue }
      compare(stated: stated, word: word, range: range, score: score.value, scoreText: score.text, context: &context)
    }
    let keys = ["等级", "评级", "等次", "级别"]
    for paragraph in report.paragraphs {
      let bytes = paragraph.utf8
      for number in paragraph.numbers where number.unit == .none {
        // "得分 85.5 分，等级为“良”": the number is followed by 分 and, in the same sentence, a grade.
        var index = number.textRange.upperBound
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard UTF8Text.has(Self.fen, at: index, in: bytes) else { continue }
        let before = paragraph.text(in: max(0, number.textRange.lowerBound - 30)..<number.textRange.lowerBound)
        guard before.utf8Text.contains("得分") || before.utf8Text.contains("分数") || before.utf8Text.contains("评分") else {
          continue
        }
        let window = paragraph.text(in: index..<min(bytes.count, index + 45))
        let clause = window.prefix { $0 != "。" && $0 != "；" }
        guard let key = keys.first(where: { clause.utf8Text.contains($0) }),
          let keyRange = clause.utf8Text.range(of: key)
        else {
          continue
        }
        let after = clause[keyRange.upperBound...].drop { "为是：: “\"「".utf8Text.contains($0) }
        guard let first = after.first, let stated = EvaluationScoring.normalizedGrade(String(first)) else { continue }
        let offset = index + window.utf8.distance(from: window.startIndex, to: after.startIndex)
        let range = paragraph.sourceRange(ofTextRange: offset..<(offset + String(first).utf8.count))
        compare(
          stated: stated, word: String(first), range: range, score: number.value,
          scoreText: number.value.formatted(decimals: number.value.decimals), context: &context)
      }
    }
  }

  private func compare(
    stated: String, word: String, range: Range<Int>, score: Amount, scoreText: String, context: inout RuleContext
  ) {
    guard score.tenThousandths >= 0, score.tenThousandths <= 1_000_000 else { return }
    context.ran()
    let expected = EvaluationScoring.grade(of: score)
    guard expected != stated else { return }
    context.report(
      range, "得分 \(scoreText) 分对应的等级是“\(expected)”（90–100 优，80–90 良，60–80 中，60 以下差），写的却是“\(word)”",
      fixes: [Fix(title: "将等级改为“\(expected)”", edits: [TextEdit(range: range, newText: expected)])])
  }
}
