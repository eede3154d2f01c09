import JuesuanAnalysis
import JuesuanModel

/// A reason marker with nothing after it ("主要是：。"), or "不存在差异" where the stated
/// 预算 and 决算 differ.
struct MissingRule: Rule {
  static let description = RuleDescription(
    code: "explain/missing",
    summary: "说明变动或预决算差异时必须给出原因，不能留空（“主要是：。”）。",
    rationale: """
      报告原因标记后紧接句末的空原因；同一句写明的预算数与决算数不同（或“三公”经费表中两者不同）却称\
      “不存在差异”；以及预算数与决算数不同、其后（本段余下部分或下一段开头）没有任何原因的完成率；\
      绩效自评表中实际完成值未达到年度指标值（数值明确、单位相同）而偏差原因一栏为空的指标。\
      是否每一项变动都有原因由 explain/threshold 检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      // The reason follows on the next line, after the change, the PDF line having ended at "。".
      .init(
        "# 2023年度部门决算\n\n2023年度“三公”经费财政拨款支出预算为8.00万元，支出决算为6.00万元，完成预算的75.00%。\n较上年减少1.00万元，下降14.29%。主要原因是严格执行公务接待标准，压减接待次数。\n"
      ),
      // A rate stated as a measure owes no reason.
      .init("年初预算50.5万元,财政拨款批复50.5万元,实际支出39.59万元,预算执行率78.39%。"),
      .init("2023 年度机关运行经费支出 0.00 万元。主要原因是：我单位不是行政机关，没有机关运行经费支出。"),
      .init("年初预算为 3.20 万元，支出决算为 3.01 万元，完成年初预算的 94.06%，决算数与年初预算数存在差异的主要原因是未及时缴纳部分社保。"),
      // A cause given without a marker, before the figures, or for the items above as a whole.
      .init("1．行政运行（项）：年初预算为 100.00 万元，支出决算为 90.00 万元，完成年初预算的 90.00%，系厉行节约所致。"),
      .init("由于年中追加人员经费，住房公积金年初预算为 40.00 万元，支出决算为 50.00 万元，完成年初预算的 125.00%。"),
      .init(
        "1．行政运行（项）：年初预算为 100.00 万元，支出决算为 90.00 万元，完成年初预算的 90.00%。\n\n2．住房公积金（项）：年初预算为 40.00 万元，支出决算为 36.00 万元，完成年初预算的 90.00%。\n\n以上两项决算数均小于预算数，主要原因是部分人员退休。\n"
      ),
      .init(PerfExamples.table(score: "99", secondScore: "39", secondActual: "85%", secondReason: "部分群众未参与调查，下年扩大样本")),
    ],
    triggeringExamples: [
      .init("财政拨款收入总计 1,862.53 万元，与上年相比增加 327.51 万元，增长 21.34%，⟦主要是：。⟧"),
      .init("公务接待费预算为 0.39 万元，支出决算为 0.05 万元，完成预算的 12.82%。⟦决算数与预算数不存在差异⟧。"),
      .init("住房公积金年初预算为 7.20 万元，支出决算为 9.15 万元，完成年初预算的 ⟦127.08%⟧。"),
      .init(PerfExamples.table(score: "99", secondScore: "39", secondActual: "⟦85%⟧")),
    ])

  static let reads: [any AnalysisView.Type] = [ParagraphReasons.self, NarrativeReaders.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs, .tables, .evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    checkIndicatorShortfalls(report, context: &context)
    let sangong = report.table(.sangong)
    let reasons = context.view(ParagraphReasons.self)
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      for reason in reasons[index] {
        context.ran()
        let body = reason.text.utf8Text.removingWhitespace()
        guard body.isEmpty, reason.body.upperBound < paragraph.utf8.count else { continue }
        // The marker through the sentence end, when there is one.
        let end = min(paragraph.utf8.count, reason.body.upperBound + 3)
        context.report(
          paragraph.sourceRange(ofTextRange: reason.marker.lowerBound..<end),
          "“\(paragraph.text(in: reason.marker))”后没有写原因")
      }
      let next = index + 1 < report.paragraphs.count ? report.paragraphs[index + 1].text : ""
      let reader = readers[index]
      let rates = readers.rates(ofParagraph: index, in: report)
      // A rate stated as a measure ("预算执行率 78.39%") is not a comparison the text owes a reason.
      // A later paragraph of the section may explain the items above it as a whole ("以上两项…主要原因是…").
      checkUnexplainedVariance(
        paragraph, rates.filter { !$0.isMeasure }, next: next, reader: reader,
        explainedBelow: { ReasonReader.itemsExplainedBelow(index, in: report.paragraphs) }, context: &context)
      if !checkClaimedNoDifference(paragraph, rates, reader: reader, context: &context) {
        // A quote mark at a line end may split one sentence into two paragraphs: read on from the last.
        let earlier = index > 0 ? report.paragraphs[index - 1].text : ""
        checkSangongClaim(paragraph, after: earlier, table: sangong, context: &context)
      }
    }
  }

  /// A self-evaluation indicator short of its target with its 偏差原因 cell left empty.
  private func checkIndicatorShortfalls(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations {
      let indicators = evaluation.indicators
      for (index, indicator) in indicators.enumerated() {
        guard let gap = IndicatorMeasure.shortfall(target: indicator.target, actual: indicator.actual),
          let place = indicator.actualRange
        else { continue }
        context.ran()
        guard indicator.reason.utf8Text.removingWhitespace().isEmpty else { continue }
        // A reason wrapped onto the lines below the row ("因财政紧张，未及时 / 支付"): any text
        // before the next row other than the next row's own labels.
        let end =
          index + 1 < indicators.count
          ? indicators[index + 1].range.lowerBound : evaluation.total?.range.lowerBound ?? evaluation.range.upperBound
        if indicator.range.upperBound < end {
          var between = report.source.text(in: indicator.range.upperBound..<end).utf8Text.removingWhitespace()
          if index + 1 < indicators.count {
            let next = indicators[index + 1]
            for label in [next.level1, next.level2, next.level3] {
              for piece in label.split(whereSeparator: \.isWhitespace) {
                between = between.replacingOccurrences(of: String(piece), with: "")
              }
            }
          }
          if between.contains(where: { !$0.isASCII && !$0.isPunctuation }) { continue }
        }
        context.report(place, "“\(indicator.level3)”\(gap)，偏差原因一栏却为空：应说明未完成的原因和改进措施")
      }
    }
  }

  private static let claims = ["决算数与预算数不存在差异", "决算数与年初预算数不存在差异", "不存在差异", "无差异"]
  private static let claimBytes = claims.map { Array($0.utf8) }
  /// A word every claim holds (nil if they share none): a paragraph without it makes no claim.
  private static let claimWord: [UInt8]? = claims.allSatisfy { $0.utf8Text.contains("差异") } ? Array("差异".utf8) : nil
  /// "…“三公”经费支出决算数与预算数不存在差异" while the 三公 table's 预算数 and 决算数 differ.
  private func checkSangongClaim(
    _ paragraph: Paragraph, after earlier: String, table: Table?, context: inout RuleContext
  ) {
    guard let table, Self.claimWord.map({ UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil }) ?? true else {
      return
    }
    for (claim, bytes) in zip(Self.claims, Self.claimBytes) {
      guard let offset = UTF8Text.firstOffset(of: bytes, in: paragraph.utf8) else { continue }
      // The item: the last one named before the claim.
      var before = paragraph.text(in: 0..<offset)
      if !SangongLookup.mentionsItem(before) { before = earlier + before }
      guard let (row, budget, actual) = SangongLookup.figures(forLastItemIn: before, table: table) else { return }
      context.ran()
      let difference = (budget - actual).magnitude
      guard difference.tenThousandths > RatioCheck.halfUnit(budget) + RatioCheck.halfUnit(actual) else { return }
      context.report(
        paragraph.sourceRange(ofTextRange: offset..<(offset + claim.utf8.count)),
        "“三公”经费表中\(row.name)预算数 \(budget)、决算数 \(actual)，相差 \(difference)，却称“\(claim)”，未说明差异原因",
        related: [Finding.Related(range: row.range, message: "\(row.name) 预算 \(budget)，决算 \(actual)")])
      return
    }
  }

  private static let reasonWords = ["原因", "主要是", "主要系", "由于", "因为", "其中", "不存在差异", "无差异", "主要用于"]

  /// Whether `text` opens an item of its own: "（二）", "2.", "2、", "二、".
  private static func opensItem(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return false }
    if first == "（" || first == "(" { return true }
    let second = text.unicodeScalars.dropFirst().first
    let isNumeral = ("0"..."9").contains(first) || "一二三四五六七八九十".unicodeScalars.contains(first)
    return isNumeral && (second == "、" || second == "." || second == "．")
  }

  /// "年初预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%。" with A ≠ B and no reason after it
  /// (in the rest of the paragraph or at the start of the next one).
  private func checkUnexplainedVariance(
    _ paragraph: Paragraph, _ rates: [NarrativeReader.Rate], next: String, reader: NarrativeReader,
    explainedBelow: () -> Bool, context: inout RuleContext
  ) {
    for rate in rates {
      guard let budget = rate.budget, let actual = rate.actual, !budget.value.isZero else { continue }
      context.ran()
      let tolerance = RatioCheck.halfUnit(budget.value) + RatioCheck.halfUnit(actual.value)
      guard abs((budget.value - actual.value).tenThousandths) > tolerance else { continue }
      let rest = paragraph.text(in: rate.rate.textRange.upperBound..<paragraph.utf8.count)
      // The next paragraph's opening; all of its first lines when it opens no item of its own (a
      // PDF line ending at "。" ends the paragraph: "…完成预算的75.00%。" / "较上年减少…。主要原因是…").
      let nextText = next.utf8Text.removingWhitespace()
      let opening = String(nextText.prefix(Self.opensItem(nextText) ? 20 : 120))
      // …or a cause given without a marker ("系厉行节约所致"), or before the figures ("由于年中追加…，").
      let before = paragraph.text(
        in: reader.sentence(containing: rate.rate.textRange.lowerBound).lowerBound..<rate.rate.textRange.lowerBound)
      guard !ReasonReader.givesReason(rest, markers: Self.reasonWords),
        !ReasonReader.givesReason(opening, markers: Self.reasonWords), !ReasonReader.givesCause(before),
        !explainedBelow()
      else {
        continue
      }
      context.report(
        rate.rate.range,
        "决算 \(actual.value) 与预算 \(budget.value) 不同（完成 \(rate.rate.value.asWritten)%），未说明差异原因",
        related: [Finding.Related(range: budget.range, message: "预算数 \(budget.value)")])
    }
  }

  /// Reports a claim of no difference after a rate whose stated 预算 and 决算 differ; true when it did.
  @discardableResult
  private func checkClaimedNoDifference(
    _ paragraph: Paragraph, _ rates: [NarrativeReader.Rate], reader: NarrativeReader, context: inout RuleContext
  ) -> Bool {
    var reported = false
    for rate in rates {
      guard let budget = rate.budget, let actual = rate.actual else { continue }
      let tolerance = RatioCheck.halfUnit(budget.value) + RatioCheck.halfUnit(actual.value)
      guard abs((budget.value - actual.value).tenThousandths) > tolerance else { continue }
      // The claim in the sentence that follows the rate.
      let following = reader.sentences.first { $0.lowerBound >= rate.sentence.upperBound }
      guard let following else { continue }
      for claim in Self.claims {
        guard let offset = reader.occurrences(of: claim, in: following).first else { continue }
        reported = true
        context.report(
          paragraph.sourceRange(ofTextRange: offset..<(offset + claim.utf8.count)),
          "预算 \(budget.value) 与决算 \(actual.value) 相差 \((budget.value - actual.value).magnitude)，却称“\(claim)”，未说明差异原因")
        break
      }
    }
    return reported
  }
}
