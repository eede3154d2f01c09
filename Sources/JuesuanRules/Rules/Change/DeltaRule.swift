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
      + "应等于合计的增减，公务用车购置费与运行费的增减之和应等于公务用车购置及运行费的增减；同样，一般公共预算、政府性基金、"
      + "国有资本经营预算的拨款支出增减之和应等于财政拨款支出的增减。增加额大于本年数的那一项（上年成了负数）必是写错的一项。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // This year's figure is the one before the brackets of its parts, or another figure of the
      // sentence that makes the Δ right.
      .init("卫生健康支出决算22.99万元（行政单位医疗13.63万元、事业单位医疗9.36万元），较2022年决算22.15万元增加0.84万元，增长3.79%。"),
      .init("卫生健康支出年初预算24.96万元，支出决算22.99万元，结余1.97万元，较2022年决算22.15万元增加0.84万元，增长3.79%。"),
      .init("住房保障支出年初预算48.31万元，支出决算45.74万元，较2022年决算47.26万元减少1.52万元，下降3.22%。"),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度减少10.00万元。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度减少10.00万元。其中：公务用车购置费15.00万元，比2022年度减少10.00万元；公务用车运行维护费21.56万元，比2022年度持平。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
      .init(
        "2023年度财政拨款支出决算3,121.42万元，比2022年度增加107.62万元。其中：一般公共预算财政拨款支出3,121.42万元，比2022年度增加107.62万元；政府性基金预算财政拨款支出0.00万元，与2022年度持平；国有资本经营预算财政拨款支出0.00万元，与2022年度持平。"
      ),
      // Changes against the budget, not last year: not part of the identity.
      .init(
        "“三公”经费支出决算 5.00 万元，比预算减少 1.00 万元。其中：公务接待费支出决算 5.00 万元，比预算减少 2.00 万元；因公出国（境）费 0.00 万元，比预算持平；公务用车购置及运行费 0.00 万元，比预算持平。"
      ),
    ],
    triggeringExamples: [
      .init("卫生健康支出决算22.99万元（行政单位医疗13.63万元、事业单位医疗9.36万元），较2022年决算22.15万元增加⟦0.48万元⟧。"),
      .init(
        "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加⟦0.94万元⟧，增长3.79%。",
        fixed: "卫生健康支出年初预算24.96万元，支出决算22.99万元，较2022年决算22.15万元增加0.84万元，增长3.79%。"),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度⟦增加10.00万元⟧。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度减少10.00万元。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
      .init(
        "2023年度“三公”经费财政拨款支出决算为37.91万元，比2022年度减少10.00万元。其中：\n（一）因公出国（境）费支出决算0.00万元，比2022年度持平。\n（二）公务用车购置及运行费支出决算36.56万元，比2022年度⟦增加10.00万元⟧。其中：公务用车购置费15.00万元，比2022年度减少10.00万元；公务用车运行维护费21.56万元，比2022年度持平。\n（三）公务接待费支出决算1.35万元。比2022年度持平。"
      ),
      .init(
        "2023年度财政拨款支出决算3,121.42万元，比2022年度⟦增加108.62万元⟧。其中：一般公共预算财政拨款支出3,121.42万元，比2022年度增加107.62万元；政府性基金预算财政拨款支出0.00万元，与2022年度持平；国有资本经营预算财政拨款支出0.00万元，与2022年度持平。"
      ),
      .init(
        "2023年度财政拨款支出决算3,121.42万元，比2022年度增加107.62万元。其中：一般公共预算财政拨款支出3,121.42万元，比2022年度增加107.62万元；政府性基金预算财政拨款支出0.00万元，比2022年度⟦增加107.62万元⟧；国有资本经营预算财政拨款支出0.00万元，与2022年度持平。"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    checkChangeSums(report, readers, context: &context)
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
        // Another figure of the sentence, taken as this year's, makes the Δ right ("支出决算 22.99 万元，
        // 结余 1.97 万元，较 2022 年决算 22.15 万元增加 0.84 万元"): the reading is in doubt, not the Δ.
        guard
          !change.alternatives.contains(where: { alternative in
            abs(((alternative.value - previous.value) - signed).tenThousandths)
              <= RatioCheck.halfUnit(alternative.value) + RatioCheck.halfUnit(previous.value)
              + RatioCheck.halfUnit(change.delta.value)
          })
        else { continue }
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
  /// A statement whose items' changes on last year add up: its items (the whole first), the sums
  /// they make, and how a clause's words name one of them.
  private struct ChangeFamily: Sendable {
    var names: [String]
    var identities: [(whole: Int, parts: [Int])]
    /// A paragraph stating one of the items' changes holds one of these words.
    var words: [[UInt8]]
    /// How many paragraphs after the whole's its items are taken from.
    var reach: Int
    /// The item in two sums, whose one wrong change would make both fail.
    var shared: Int?
    /// The item a clause's words name; nil for none, or for more than one.
    var item: @Sendable (String) -> Int?

    /// 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费; 公务用车 = 购置费 + 运行维护费.
    static let sangong = ChangeFamily(
      names: ["“三公”经费", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
      identities: [(0, [1, 2, 5]), (2, [3, 4])], words: ["三公", "出国", "用车", "接待"].map { Array($0.utf8) }, reach: 6,
      shared: 2
    ) { words in
      let text = words.utf8Text
      let car = text.contains("购置及运行") || text.contains("购置和运行")
      let running = !car && (text.contains("用车运行") || text.contains("运行维护费")) && !text.contains("机关运行")
      let items = [
        text.contains("出国") ? 1 : nil, car ? 2 : nil, !car && text.contains("购置") ? 3 : nil, running ? 4 : nil,
        text.contains("接待") ? 5 : nil,
      ].compactMap { $0 }
      // "“三公”经费…其中：因公出国…" names the whole and an item: the item is meant.
      if items.count == 1 { return items[0] }
      return items.isEmpty && text.contains("三公") ? 0 : nil
    }

    /// 财政拨款支出 = 一般公共预算 + 政府性基金 + 国有资本经营预算 (拨款支出), in one paragraph or
    /// the next: "财政拨款支出预算 T 万元，比上年增加 D 万元。财政拨款支出预算中，一般公共预算…".
    static let funds = ChangeFamily(
      names: ["财政拨款支出", "一般公共预算拨款支出", "政府性基金预算拨款支出", "国有资本经营预算拨款支出"],
      identities: [(0, [1, 2, 3])], words: [Array("财政拨款".utf8)], reach: 1, shared: nil
    ) { words in
      let text = words.utf8Text
      // 基本支出, 收入, 经费… are other measures of the same funds.
      guard !["基本", "项目", "收入", "经费", "人员", "公用", "三公"].contains(where: { text.contains($0) }) else { return nil }
      let items = [
        text.contains("一般公共预算") ? 1 : nil, text.contains("政府性基金") ? 2 : nil, text.contains("国有资本经营") ? 3 : nil,
      ].compactMap { $0 }
      if items.count == 1 { return items[0] }
      return items.isEmpty && text.contains("财政拨款支出") ? 0 : nil
    }
  }

  /// One item's change on last year: signed, with where it is written ("减少 10 万元", "持平").
  private struct ItemChange {
    var item: Int
    var signed: Amount
    var written: String
    var range: Range<Int>
    var decimals: Int
    /// This year's figure, when the clause states it.
    var current: Amount?
  }

  /// For each family, the items' changes on last year in runs that begin at the whole's and take
  /// each item once: every sum of the family must hold, and where two fail, the item in both is
  /// the one reported.
  private func checkChangeSums(_ report: Report, _ readers: NarrativeReaders, context: inout RuleContext) {
    for family in [ChangeFamily.sangong, .funds] {
      var runs: [[Int: ItemChange]] = []
      var current: (items: [Int: ItemChange], paragraph: Int)?
      // Only a paragraph with a change (or 持平), that names one of the items, states an item's change.
      for (index, paragraph) in report.paragraphs.enumerated()
      where (!readers[index].changes.isEmpty || UTF8Text.firstOffset(of: Self.level, in: paragraph.utf8) != nil)
        && family.words.contains(where: { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil })
      {
        for change in Self.changes(of: family, in: readers[index], paragraph) {
          if let open = current,
            change.item == 0 || open.items[change.item] != nil || index - open.paragraph > family.reach
          {
            runs.append(open.items)
            current = nil
          }
          if change.item == 0 {
            current = ([0: change], index)
          } else {
            current?.items[change.item] = change
          }
        }
      }
      if let current { runs.append(current.items) }
      for run in runs { check(run, of: family, context: &context) }
    }
  }

  /// Reports the sums of `family` that `run` fails.
  private func check(_ run: [Int: ItemChange], of family: ChangeFamily, context: inout RuleContext) {
    let failing = family.identities.filter { identity in
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
    guard let first = failing.first, let whole = run[first.whole] else { return }
    let shared = failing.count > 1 ? family.shared.flatMap { run[$0] } : nil
    // An increase larger than this year's figure left a negative last year: that one is wrong.
    let impossible = run.values.filter { change in change.current.map { $0 < change.signed } ?? false }
    let culprit = impossible.count == 1 ? impossible.first : nil
    let reported = culprit ?? shared ?? whole
    func named(_ change: ItemChange) -> String { "\(family.names[change.item])\(change.written)" }
    let described = failing.map { identity in
      let parts = identity.parts.compactMap { run[$0] }
      let sum = Amount.sum(parts.map(\.signed))
      let total = run[identity.whole].map(named) ?? ""
      return "\(parts.map(named).joined(separator: "、"))，合计\(Self.describe(sum))，而\(total)"
    }
    let verdict =
      culprit.map { change in
        "\(family.names[change.item])本年只有 \(change.current ?? .zero) 万元，增加额不会比它大：多半是它写错"
      } ?? shared.map { "两处都不符，而\(family.names[$0.item])的增减在两处都出现：多半是它写错" }
      ?? "各项增减之和与合计的增减不符，其中必有一处方向或金额写错"
    context.report(
      reported.range, Message("与上年比，\(described.joined(separator: "；"))：\(verdict)"),
      related: run.values.filter { $0.range != reported.range }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        .map { Finding.Related(range: $0.range, message: Message(named($0))) })
  }

  private static let level = Array("持平".utf8)

  private static func describe(_ signed: Amount) -> String {
    signed.isZero ? "持平" : signed.tenThousandths > 0 ? "增加 \(signed)" : "减少 \(signed.magnitude)"
  }

  /// The changes of `family`'s items on last year a paragraph states, in order: "X 万元，比上年
  /// 增加 D 万元" and "比上年持平" (a change of 0), each named by the words since the clause began
  /// (the previous 。 or ；, or the previous change), or the sentence before when those name nothing.
  private static func changes(of family: ChangeFamily, in reader: NarrativeReader, _ paragraph: Paragraph)
    -> [ItemChange]
  {
    let bytes = reader.bytes
    var found: [(offset: Int, signed: Amount, written: String, range: Range<Int>, decimals: Int, current: Amount?)] =
      []
    // The amount's direction resolved ("下降（增长）27.78%" leaves only the percentage open).
    for change in reader.changes where change.verb.residue == nil {
      let signed = change.verb.isIncrease ? change.delta.value : Amount.zero - change.delta.value
      found.append(
        (
          change.verb.range.lowerBound, signed, "\(change.verb.text) \(change.delta.value)",
          paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<change.delta.textRange.upperBound),
          change.delta.value.decimals, change.current?.value
        ))
    }
    for offset in reader.occurrences(of: "持平") where reader.comparesWithLastYear(before: offset) {
      found.append((offset, .zero, "持平", paragraph.sourceRange(ofTextRange: offset..<(offset + 6)), 2, nil))
    }
    found.sort { $0.offset < $1.offset }
    var result: [ItemChange] = []
    var previousEnd = 0
    let clauses = Paragraph.sentences(of: bytes, endingAtSemicolons: true)
    func words(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    for entry in found {
      // The clause of the change, from the previous change on.
      guard let here = clauses.firstIndex(where: { $0.contains(entry.offset) }) else { continue }
      var item = family.item(words(max(clauses[here].lowerBound, previousEnd)..<entry.offset))
      if item == nil, clauses[here].lowerBound > previousEnd, here > 0 {
        // "公务接待费1.35万元。比2024年预算持平": the item is named in the sentence before.
        item = family.item(words(max(clauses[here - 1].lowerBound, previousEnd)..<entry.offset))
      }
      previousEnd = entry.offset
      guard let item else { continue }
      result.append(
        ItemChange(
          item: item, signed: entry.signed, written: entry.written, range: entry.range, decimals: entry.decimals,
          current: entry.current))
    }
    return result
  }
}
