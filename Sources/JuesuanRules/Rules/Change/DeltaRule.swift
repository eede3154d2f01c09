import JuesuanAnalysis
import JuesuanModel

/// "较上年 P 万元增加/减少 D 万元" agrees with this year's figure C: C − P = ±D. The changes of
/// the 三公 items add up to the change of their 合计 (and those of 购置费 and 运行费 to 公务用车's).
struct DeltaRule: Rule {
  static let description = RuleDescription(
    code: "change/delta",
    summary: "写明上年数时，增减额应等于本年数与上年数之差。",
    rationale:
      "只在句中同时写明本年数与上年数（“支出决算 C 万元，…较2022年决算 P 万元增加 D 万元”）时核对，容许各数四舍五入误差。"
      + "“三公”经费说明中合计与各项都写明比上年的增减（“持平”即为 0）时，因公出国（境）费、公务用车购置及运行费、公务接待费的增减之和"
      + "应等于合计的增减，公务用车购置费与运行费的增减之和应等于公务用车购置及运行费的增减。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("住房保障支出年初预算48.31万元，支出决算45.74万元，较2022年决算47.26万元减少1.52万元，下降3.22%。"),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度减少10.00万元。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度减少10.00万元。其中：公务用车购置费15.00万元，比2022年度减少10.00万元；公务用车运行维护费21.56万元，比2022年度持平。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
      // Changes against the budget, not last year: not part of the identity.
      .init(
        "“三公”经费支出决算 5.00 万元，比预算减少 1.00 万元。其中：公务接待费支出决算 5.00 万元，比预算减少 2.00 万元；因公出国（境）费 0.00 万元，比预算持平；公务用车购置及运行费 0.00 万元，比预算持平。"
      ),
    ],
    triggeringExamples: [
      .init(
        "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加⟦0.94万元⟧，增长3.79%。",
        fixed: "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加0.84万元，增长3.79%。"),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度⟦增加10.00万元⟧。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度减少10.00万元。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度减少10.00万元。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度⟦增加10.00万元⟧。其中：公务用车购置费15.00万元，比2022年度减少10.00万元；公务用车运行维护费21.56万元，比2022年度持平。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    checkSangongChanges(report, readers, context: &context)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      for change in reader.changes {
        guard change.isResolved, let previous = change.previous, let current = change.current else { continue }
        context.ran()
        let difference = current.value - previous.value
        let signed = change.verb.isIncrease ? change.delta.value : -change.delta.value
        let tolerance =
          RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(previous.value)
          + RatioCheck.halfUnit(change.delta.value)
        guard abs((difference - signed).tenThousandths) > tolerance else { continue }
        let word = difference.tenThousandths >= 0 ? "增加" : "减少"
        let expected = difference.magnitude.formatted(decimals: max(2, change.delta.value.decimals))
        var message =
          "本年 \(current.value) − 上年 \(previous.value) = \(difference)，文中为“\(change.verb.text) \(change.delta.value)”"
        var fixes: [Fix] = []
        if word == change.verb.text || (word == "增加") == change.verb.isIncrease {
          fixes.append(
            Fix(
              title: "改为 \(expected)",
              edits: [
                TextEdit(
                  range: paragraph.sourceRange(ofTextRange: reader.digitsRange(of: change.delta)), newText: expected)
              ], isPreferred: true))
        } else {
          message += "（方向也不符，应为“\(word)”）"
        }
        context.report(change.delta.range, Message(message), fixes: fixes)
      }
    }
  }
}

// "“三公”经费…比上年减少 10 万元。其中：（一）因公出国（境）费…持平；（二）公务用车…减少 10 万元…"
extension DeltaRule {
  /// An item of the 三公 statement, by how its figures add up: 合计 = 出国 + 用车 + 接待, and
  /// 用车 = 购置 + 运行.
  private enum SangongItem: Int, CaseIterable {
    case total, abroad, car, purchase, running, reception

    /// The item the words before a change name (the text since the clause began); nil for none,
    /// or for words naming more than one item.
    init?(words: String) {
      let text = words.utf8Text
      let car = text.contains("购置及运行") || text.contains("购置和运行")
      let purchase = !car && text.contains("购置")
      let running = !car && (text.contains("用车运行") || text.contains("运行维护费")) && !text.contains("机关运行")
      let found: [SangongItem] =
        [
          text.contains("三公") ? .total : nil, text.contains("出国") ? .abroad : nil, car ? .car : nil,
          purchase ? .purchase : nil, running ? .running : nil, text.contains("接待") ? .reception : nil,
        ].compactMap { $0 }
      // "“三公”经费…其中：因公出国…" names the total and an item: the item is meant.
      let items = found.filter { $0 != .total }
      guard let item = items.count == 1 ? items[0] : (found == [.total] ? .total : nil) else { return nil }
      self = item
    }

    var name: String {
      ["“三公”经费", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务接待费"][rawValue]
    }
  }

  /// One item's change on last year: signed, with where it is written ("减少 10 万元", "持平").
  private struct ItemChange {
    var item: SangongItem
    var signed: Amount
    var written: String
    var range: Range<Int>
    var decimals: Int
  }

  /// The 三公 items' changes on last year, in a run that begins at the 合计's and takes each item
  /// once: Δ合计 = Δ出国 + Δ用车 + Δ接待 and Δ用车 = Δ购置 + Δ运行, reported where one changed
  /// figure would explain every sum that fails.
  private func checkSangongChanges(_ report: Report, _ readers: NarrativeReaders, context: inout RuleContext) {
    var runs: [[SangongItem: ItemChange]] = []
    var current: [SangongItem: ItemChange]?
    // Only a paragraph with a change, that names one of the items, states an item's change.
    for (index, paragraph) in report.paragraphs.enumerated()
    where (!readers[index].changes.isEmpty || UTF8Text.firstOffset(of: Self.level, in: paragraph.utf8) != nil)
      && Self.itemWords.contains(where: { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil })
    {
      for change in Self.sangongChanges(readers[index], paragraph) {
        if change.item == .total {
          if let current { runs.append(current) }
          current = [.total: change]
        } else if current != nil {
          if current?[change.item] != nil {
            runs.append(current ?? [:])
            current = nil
          } else {
            current?[change.item] = change
          }
        }
      }
    }
    if let current { runs.append(current) }
    for run in runs {
      let identities: [(whole: SangongItem, parts: [SangongItem])] = [
        (.total, [.abroad, .car, .reception]), (.car, [.purchase, .running]),
      ]
      let failing = identities.filter { identity in
        guard let whole = run[identity.whole] else { return false }
        let parts = identity.parts.compactMap { run[$0] }
        guard parts.count == identity.parts.count else { return false }
        context.ran()
        let sum = Amount.sum(parts.map(\.signed))
        let tolerance = ([whole] + parts).reduce(0) {
          $0 + RatioCheck.halfUnit(Amount(tenThousandths: 0, decimals: $1.decimals))
        }
        return abs((sum - whole.signed).tenThousandths) > tolerance
      }
      guard let first = failing.first, let whole = run[first.whole] else { continue }
      // Both sums failing share 公务用车's change: that one figure explains both.
      let reported = failing.count == 2 ? run[.car] ?? whole : whole
      let described = failing.map { identity in
        let parts = identity.parts.compactMap { run[$0] }
        let terms = parts.map { "\($0.item.name)\($0.written)" }.joined(separator: "、")
        let sum = Amount.sum(parts.map(\.signed))
        let total = run[identity.whole].map { "\($0.item.name)\($0.written)" } ?? ""
        return "\(terms)，合计\(Self.describe(sum))，而\(total)"
      }
      let verdict =
        failing.count == 2
        ? "两处都不符，而公务用车购置及运行费的增减在两处都出现：多半是它写错"
        : "各项增减之和与合计的增减不符，其中必有一处方向或金额写错"
      context.report(
        reported.range, Message("与上年比，\(described.joined(separator: "；"))：\(verdict)"),
        related: run.values.filter { $0.range != reported.range }.sorted { $0.range.lowerBound < $1.range.lowerBound }
          .map { Finding.Related(range: $0.range, message: "\($0.item.name)\($0.written)") })
    }
  }

  /// Words one of which a paragraph stating a 三公 item's change holds (购置费 and 运行费 are
  /// stated with 公务用车's).
  private static let itemWords = ["三公", "出国", "用车", "接待"].map { Array($0.utf8) }
  private static let level = Array("持平".utf8)

  private static func describe(_ signed: Amount) -> String {
    signed.isZero ? "持平" : signed.tenThousandths > 0 ? "增加 \(signed)" : "减少 \(signed.magnitude)"
  }

  /// The changes of 三公 items on last year a paragraph states, in order: "X 万元，比上年增加 D
  /// 万元" and "比上年持平" (a change of 0), each named by the words since the clause began (the
  /// previous 。；, or the previous change), or the sentence before when those name nothing.
  private static func sangongChanges(_ reader: NarrativeReader, _ paragraph: Paragraph) -> [ItemChange] {
    let bytes = reader.bytes
    var found: [(offset: Int, signed: Amount, written: String, range: Range<Int>, decimals: Int)] = []
    // The amount's direction resolved ("下降（增长）27.78%" leaves only the percentage open).
    for change in reader.changes where change.verb.residue == nil {
      let signed = change.verb.isIncrease ? change.delta.value : Amount.zero - change.delta.value
      found.append(
        (
          change.verb.range.lowerBound, signed, "\(change.verb.text) \(change.delta.value)",
          paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<change.delta.textRange.upperBound),
          change.delta.value.decimals
        ))
    }
    for offset in reader.occurrences(of: "持平") where reader.comparesWithLastYear(before: offset) {
      found.append((offset, .zero, "持平", paragraph.sourceRange(ofTextRange: offset..<(offset + 6)), 2))
    }
    found.sort { $0.offset < $1.offset }
    var result: [ItemChange] = []
    var previousEnd = 0
    for entry in found {
      // The clause: back to the last 。 or ； before the change, or the previous change.
      var start = entry.offset
      while start > previousEnd, !Self.endsClause(bytes, before: start) { start -= 1 }
      var words = String(decoding: bytes[start..<entry.offset], as: UTF8.self)
      var item = SangongItem(words: words)
      if item == nil, start > previousEnd {
        // "公务接待费1.35万元。比2024年预算持平": the item is named in the sentence before.
        var earlier = start - 3
        while earlier > previousEnd, !Self.endsClause(bytes, before: earlier) { earlier -= 1 }
        words = String(decoding: bytes[earlier..<entry.offset], as: UTF8.self)
        item = SangongItem(words: words)
      }
      previousEnd = entry.offset
      guard let item else { continue }
      result.append(
        ItemChange(
          item: item, signed: entry.signed, written: entry.written, range: entry.range, decimals: entry.decimals))
    }
    return result
  }

  /// Whether a 。 or ； ends right before `offset`.
  private static func endsClause(_ bytes: [UInt8], before offset: Int) -> Bool {
    guard offset >= 3 else { return false }
    let last = (bytes[offset - 3], bytes[offset - 2], bytes[offset - 1])
    return last == (0xE3, 0x80, 0x82) || last == (0xEF, 0xBC, 0x9B)
  }
}
