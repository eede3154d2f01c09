import JuesuanAnalysis
import JuesuanModel

/// A change against last year of at least the threshold (or from nothing) that no reason follows.
struct ThresholdRule: Rule {
  static let description = RuleDescription(
    code: "explain/threshold",
    summary: "与上年相比变动达到阈值（默认 10%）或从零起步的项目，应说明原因。",
    rationale: """
      逐项（项级科目）说明中，“较上年增加/减少 Δ 万元”按本年数推得上年数，Δ ÷ 上年数不小于阈值（配置项 \
      explainThreshold，百分比）或上年为 0 时，须有原因：其后（本项余下的文字或下一段开头）的“主要原因是…”\
      “系…所致”“因…而减少”“受…影响”“随着…”“根据（按照）…”“本年新增”“上年无此项支出”“据实结算”等，\
      同句之前的“由于…，”，或本节其后为几项共同说明的“上述（以上）…主要原因是…”“原因均为…”。上年数写明的\
      （“上年决算数为 A 万元，比上年增加…”）按写明的数。只写百分比的变动（“上年 A 万元，本年 B 万元，比上年减少 P%”）同样。预算与决算的差异见 \
      explain/missing。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("（一）2010301-行政运行 907.12 万元，较上年决算数减少 45.76 万元，下降 4.80%。"),
      .init("（二）2010350-事业运行 188.57 万元，较上年决算数增加 76.97 万元，增长 68.97%。主要原因是新增人员。"),
      .init("2023 年度收入 1,861.64 万元，比上年决算数增加 327.51 万元，增长 21.35%。"),
      .init("（一）2010301-行政运行 80.00 万元，较上年决算数减少 20.00 万元，下降 20.00%，因人员退休而减少。"),
      .init("（一）2010301-行政运行 80.00 万元，较上年决算数减少 20.00 万元，下降 20.00%，受人员退休影响，支出减少。"),
      .init("（八）由于人员增加，2010301-行政运行支出 120.00 万元，较上年决算数增加 20.00 万元，增长 20.00%。"),
      .init("（一）2010301-行政运行 20.00 万元，较上年决算数增加 20.00 万元，为本年新增档案数字化项目支出。"),
      .init(
        "（一）2010301-行政运行 120.00 万元，较上年决算数增加 20.00 万元，增长 20.00%。\n\n（二）2010302-一般行政管理事务 30.00 万元，较上年决算数减少 20.00 万元，下降 40.00%。\n\n上述变化主要是人员调入及项目压减。\n"
      ),
      .init(
        "（一）2010301-行政运行 120.00 万元，较上年决算数增加 20.00 万元，增长 20.00%；（二）2101101-行政单位医疗 12.00 万元，较上年决算数增加 2.00 万元，增长 20.00%。主要原因均为人员增加。"
      ),
    ],
    triggeringExamples: [
      .init("（二）2010350-事业运行 188.57 万元，较上年决算数⟦增加 76.97 万元⟧，增长 68.97%。（三）2010399-其他 1.00 万元。"),
      // The previous year stated in its own clause.
      .init("（二）2010350-事业运行 188.57 万元，上年决算数为 111.60 万元，比上年⟦增加 76.97 万元⟧，增长 68.97%。"),
    ])

  init() {}

  /// Words that give (or announce) a reason.
  private static let reasonWords = ["原因", "主要是", "主要系", "主要用于", "由于", "因为", "系", "用于"]

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let threshold = Int64(context.configuration.explainThresholdPercent)
    let paragraphs = report.paragraphs
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in paragraphs.enumerated() {
      let reader = readers[index]
      let changes = reader.changes.filter(\.isResolved)
      let percentChanges = reader.percentChanges
      guard !changes.isEmpty || !percentChanges.isEmpty else { continue }
      // Where the paragraph names a 项 ("2010301-行政运行", "…行政运行（项）"): its item.
      let items = SubjectMention.narrativeMentions(paragraph).filter { mention in
        switch mention.place {
        case .narrativeCode: mention.code?.count == 7
        case .narrativeMarker(let digits): digits == 7
        default: false
        }
      }
      guard let item = items.map(\.range.lowerBound).min() else { continue }
      let next =
        index + 1 < paragraphs.count ? String(paragraphs[index + 1].text.utf8Text.removingWhitespace().prefix(20)) : ""
      // Each statement and where the next one starts: its reason lies in between.
      var statements: [(range: Range<Int>, previous: Amount, change: Amount, verb: String)] = []
      for change in changes {
        guard let current = change.current else { continue }
        let delta = change.delta.value
        let previous =
          change.previous?.value ?? (change.verb.isIncrease ? current.value - delta : current.value + delta)
        statements.append(
          (change.verb.range.lowerBound..<change.delta.textRange.upperBound, previous, delta, change.verb.text))
      }
      for change in percentChanges {
        statements.append(
          (
            change.verb.range.lowerBound..<change.percent.textRange.upperBound, change.previous.value,
            change.difference.magnitude, change.verb.text
          ))
      }
      statements.sort { $0.range.lowerBound < $1.range.lowerBound }
      let following = paragraphs[(index + 1)..<min(paragraphs.count, index + 3)].map {
        $0.text.utf8Text.removingWhitespace()
      }
      // A reason for the items together: after the last of them ("…。主要原因均为人员增加。"), or in a
      // later paragraph of the section ("上述变化主要是…").
      let tail = statements.last.map { paragraph.text(in: $0.range.upperBound..<paragraph.utf8.count) } ?? ""
      let explainedTogether =
        (tail.utf8Text.contains("均") && (tail.utf8Text.contains("原因") || ReasonReader.givesCause(tail)))
        || ReasonReader.itemsExplainedBelow(index, in: paragraphs)
      guard !explainedTogether else { continue }
      for (position, statement) in statements.enumerated() {
        guard statement.previous.tenThousandths >= 0, !statement.change.isZero,
          paragraph.sourceRange(ofTextRange: statement.range).lowerBound > item
        else { continue }
        context.ran()
        // Below the threshold (Δ × 100 < threshold × previous): nothing to explain.
        let isZeroBase = statement.previous.tenThousandths <= RatioCheck.halfUnit(statement.previous)
        guard isZeroBase || statement.change.tenThousandths * 100 >= threshold * statement.previous.tenThousandths
        else { continue }
        let end =
          position + 1 < statements.count ? statements[position + 1].range.lowerBound : paragraph.utf8.count
        let rest = paragraph.text(in: statement.range.upperBound..<end)
        let isLast = position + 1 == statements.count
        // A cause before the figures, in the statement's sentence ("由于人员增加，…增加 20.00 万元").
        let before = paragraph.text(
          in: reader.sentence(containing: statement.range.lowerBound).lowerBound..<statement.range.lowerBound)
        // Explained after it, at the next paragraph's start, or in a reason sentence of the next two
        // ("财政拨款收入支出减少的主要原因是…").
        guard
          !ReasonReader.givesReason(rest, markers: Self.reasonWords),
          !(isLast && ReasonReader.givesReason(next, markers: Self.reasonWords)), !ReasonReader.givesCause(before),
          !(isLast
            && following.contains {
              $0.utf8Text.contains(statement.verb + "的主要原因") || $0.utf8Text.hasPrefix("主要原因")
            })
        else { continue }
        let size =
          isZeroBase
          ? "上年为 0"
          : "为上年 \(statement.previous) 的 \(RatioCheck.percent(part: statement.change, whole: statement.previous, decimals: 2) ?? "?")%，达到 \(threshold)% 的阈值"
        context.report(
          paragraph.sourceRange(ofTextRange: statement.range),
          "“\(paragraph.text(in: statement.range))”的变动\(size)，却没有说明原因")
      }
    }
  }
}
