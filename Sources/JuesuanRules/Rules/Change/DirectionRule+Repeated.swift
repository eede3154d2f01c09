import JuesuanModel

// The same change stated more than once ("收入预算 X 万元…比上年减少 Δ 万元。支出预算 X 万元…比上年
// 减少 Δ 万元"), and changes the figures rule out ("0 万元，比上年增加 Δ 万元").
extension DirectionRule {
  /// One "本年 X，比上年增加/减少 Δ" with where it was read.
  private struct Statement {
    var paragraph: Paragraph
    var change: NarrativeReader.Change
    /// This year's figure, when the sentence gives it.
    var current: Amount?
    var line: Int
  }

  /// Paragraphs this far apart (in paragraphs) still state the same figures.
  private static let reach = 3

  /// Statements of one figure and one Δ that disagree on the direction: the ones against the
  /// majority are wrong; with no majority, the later one is reported against the first.
  func checkRepeatedChanges(_ report: Report, context: inout RuleContext) {
    var groups: [String: [(index: Int, statement: Statement)]] = [:]
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = context.narrativeReader(paragraph, year: report.year)
      for change in reader.changes where change.isResolved && change.previous == nil {
        guard change.delta.value.tenThousandths > 0 else { continue }
        let line = report.source.line(ofUTF8Offset: paragraph.sourceRange(ofTextRange: change.verb.range).lowerBound)
        let key: String
        if let current = change.current {
          checkImpossible(change, current: current, paragraph, reader, context: &context)
          guard current.value.tenThousandths > 0 else { continue }
          key = "\(current.value.tenThousandths)/\(change.delta.value.tenThousandths)/\(current.unit.rawValue)"
        } else {
          // No figure for this year: the same words before the verb ("项目支出增加，较上一度") name
          // the same change.
          let lead = reader.paragraph.text(in: change.sentence.lowerBound..<change.verb.range.lowerBound)
            .filter { !$0.isWhitespace }.suffix(10)
          guard lead.count >= 6 else { continue }
          key = "\(lead)/\(change.delta.value.tenThousandths)/\(change.delta.unit.rawValue)"
        }
        groups[key, default: []].append(
          (index, Statement(paragraph: paragraph, change: change, current: change.current?.value, line: line)))
      }
    }
    for members in groups.values where members.count > 1 {
      // Runs of statements close together.
      var run: [Statement] = []
      var last = -Self.reach - 1
      for (index, statement) in members {
        if index - last > Self.reach, !run.isEmpty {
          checkRun(run, context: &context)
          run = []
        }
        run.append(statement)
        last = index
      }
      checkRun(run, context: &context)
    }
  }

  private func checkRun(_ run: [Statement], context: inout RuleContext) {
    guard run.count > 1 else { return }
    context.ran()
    let increases = run.filter { $0.change.verb.isIncrease }
    let decreases = run.filter { !$0.change.verb.isIncrease }
    guard !increases.isEmpty, !decreases.isEmpty else { return }
    let majority: Bool?  // true: increase
    if increases.count != decreases.count {
      majority = increases.count > decreases.count
    } else {
      majority = nil
    }
    // Against the majority, or with none, against the first.
    let right = majority ?? run[0].change.verb.isIncrease
    let wrong = run.filter { $0.change.verb.isIncrease != right }
    let others = run.filter { $0.change.verb.isIncrease == right }
    let cited = others.map { LineNumber.text($0.line) }.joined(separator: "、")
    for statement in wrong {
      let change = statement.change
      let otherWord = others[0].change.verb.text
      let same = statement.current.map { "本年同为 \($0)、" } ?? "措辞相同、"
      var message =
        "方向不一：\(same)变动同为 \(change.delta.value) 的说法在第 \(cited) 行为“\(otherWord)”，此处为“\(change.verb.text)”"
      var fixes: [Fix] = []
      if majority != nil {
        fixes = [
          Fix(
            title: "改为“\(otherWord)”",
            edits: [TextEdit(range: statement.paragraph.sourceRange(ofTextRange: change.verb.range), newText: otherWord)],
            isPreferred: true)
        ]
      } else {
        message += "；两处必有一处有误"
      }
      context.report(
        statement.paragraph.sourceRange(ofTextRange: change.verb.range), message,
        related: others.map { other in
          Finding.Related(
            range: other.paragraph.sourceRange(ofTextRange: other.change.verb.range),
            message: "“\(other.change.verb.text) \(other.change.delta.value)”")
        }, fixes: fixes)
    }
  }

  /// "0 万元，比上年增加 Δ 万元": last year would have been −Δ.
  private func checkImpossible(
    _ change: NarrativeReader.Change, current: Paragraph.Number, _ paragraph: Paragraph, _ reader: NarrativeReader,
    context: inout RuleContext
  ) {
    guard change.verb.isIncrease, current.value.tenThousandths == 0,
      current.textRange.upperBound <= change.verb.range.lowerBound
    else { return }
    // Only "0 万元，比上年增加": the zero ends the clause the comparison follows.
    let between = String(decoding: reader.bytes[current.textRange.upperBound..<change.verb.range.lowerBound], as: UTF8.self)
      .filter { $0 != " " }
    guard between.hasPrefix("，"), ["，比", "，较", "，与", "，同比"].contains(where: { between.hasPrefix($0) }),
      !between.contains("；"), !between.contains("。")
    else { return }
    context.ran()
    context.report(
      paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<change.delta.textRange.upperBound),
      "本年为 0，不可能比上年增加 \(change.delta.value)（上年数将为 −\(change.delta.value)）：变动额或方向有误",
      related: [Finding.Related(range: current.range, message: "本年 0")])
  }
}
