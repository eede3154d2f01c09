import JuesuanAnalysis
import JuesuanModel

/// The amount's direction word and the percentage's direction word agree.
struct DirectionRule: Rule {
  static let description = RuleDescription(
    code: "change/direction",
    summary: "同一变动的金额方向词与百分比方向词应一致（不能“减少 X 万元，增长 Y%”）。",
    rationale: """
      方向词互相矛盾时读者无法判断变动方向。若本年数已知，按百分比反推哪一个方向与 Y% 吻合，\
      优先建议改另一个词；无法判断时给出两种改法，均不作首选。“决算数大于/小于/与（同）预算数持平”与其前\
      （本句或前两句；本段此前无金额时为上一段末句）所列的预算数、决算数不符的，也在此报告。只写百分比的变动（“上年 A 万元，本年 B 万元，\
      比上年减少 P%”）按 B − A 的正负判断；同一本年数、同一变动额在相邻段落中说法相反的，按多数一方\
      判断（两说相持时指出后一处；句中没有本年数时，以动词前相同的措辞认定是同一变动）；本年为 0 却\
      “比上年增加 Δ”的，或同一事项（紧接本年数的“比（较）上年”分句，或本年数前的措辞在增加额前重现）的增加额大于本年数（及句中其他可能所指的金额）的，上年数只能为负，也在此报告。漏写“%”的增长率（“增加 X 万元，下降 13.95。”）同样按方向比较。\
      “上年 A 万元，本年 B 万元，比上年持平”而 A、B 相差 1% 以上的，也在此报告（“基本持平”“大致持平”不算）。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // Last year's 决算, and a change against it, are not this year's.
      .init("一般公共预算财政拨款支出年初预算为500.00万元，支出决算为550.00万元，完成年初预算的110.00%；比上年决算数减少100.00万元，下降15.38%。决算数大于预算数的主要原因是追加项目经费。"),
      .init("“三公”经费财政拨款支出决算为15.89万元，比年初预算数28.89万元减少13.00万元，比上年决算数65.54万元减少49.65万元。决算数小于预算数的主要原因是厉行节约。"),
      .init("行政运行（2010101）年初预算为400.00万元，支出决算为420.00万元，比上年决算减少30.00万元，完成年初预算的105.00%，决算数大于预算数的主要原因是人员调入。"),
      // A claim that names no budget holds against one of those stated.
      .init(
        "一般公共预算财政拨款支出全年预算为 321.02 万元（年初预算为 0 万元，单位年中成立后追加），支出决算为 307.82 万元，完成全年预算的 95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。"),
      // "比年初预算减少 10.88 万元" is the gap, not the budget.
      .init("行政运行（项）年初预算为300.00万元，支出决算为289.12万元，完成年初预算的96.37%，比年初预算减少10.88万元。决算数小于预算数的主要原因是人员调出。"),
      .init("事业运行（项）全年预算为 17.68 万元，支出决算为 11.31 万元，决算数比全年预算数少 6.37 万元。决算数小于全年预算数的主要原因：人员变动。"),
      // The claim names the budget it is held against: 年初, not the 全年 stated last.
      .init(
        "一般公共预算财政拨款支出年初预算为2000.00万元，全年预算数为2450.00万元，支出决算为2400.00万元，完成年初预算的120.00%。决算数大于年初预算数的主要原因是年中追加项目资金。\n"
      ),
      .init("公务用车运行费支出 15.22 万元，较上年减少 9.46 万元，降低 38.33%。"),
      .init("全年预算为 9.00 万元，支出决算为 6.18 万元。决算数小于全年预算数的主要原因：人员变动。"),
      .init("全年预算为 202.24 万元，支出决算为 202.24 万元。\n\n决算数与全年预算数持平。"),
      .init("2023年当年预算执行数为9.00万元，2024年预算安排11.91万元，比2023年预算执行数增加32.33%。"),
      .init("收入预算9,101.68万元，比2024年预算减少2,389.52万元。支出预算9,101.68万元，比2024年预算减少2,389.52万元。"),
      .init("政府性基金拨款支出预算0万元，比2024年预算减少12.00万元。"),
      .init("2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平。主要原因是：经费保持不变。"),
      .init("2023年当年预算执行数为100.00万元，2024年预算安排100.40万元，比2023年预算执行数基本持平。"),
      .init("# 2024年度部门决算\n\n本部门 2024 年度收入支出总计 307.82 万元。与 2023 年度相比，收入支出总计增加 307.82 万元，增长 100.00%。\n"),
      .init("基本支出 50.00 万元，其中人员经费 30.00 万元，比上年增加 40.00 万元。"),
      .init("（十七）2210203-购房补贴 21.19 万元，较上年决算数增加 21.19 万元，增长 100%。"),
      .init("（十七）2210203-购房补贴 21.19 万元，较上年决算数增加 2,219.00 元。"),
    ],
    triggeringExamples: [
      .init("一般公共预算财政拨款支出全年预算为 321.02 万元（年初预算为 330.00 万元），支出决算为 340.00 万元。⟦决算数小于⟧预算数的主要原因：人员经费增加。"),
      .init("行政运行（项）年初预算为300.00万元，支出决算为289.12万元，完成年初预算的96.37%，比年初预算减少10.88万元。⟦决算数大于⟧预算数的主要原因是人员调出。"),
      .init(
        "一般公共预算财政拨款支出年初预算为2000.00万元，全年预算数为2450.00万元，支出决算为2400.00万元。⟦决算数小于⟧年初预算数的主要原因是年中追加项目资金。\n"
      ),
      .init("全年预算为 11.72 万元，支出决算为 10.72 万元。⟦决算数与全年预算数持平⟧。"),
      .init("全年预算为 203.24 万元，支出决算为 202.24 万元。\n\n⟦决算数与全年预算数持平⟧。"),
      .init("年初预算为 0.88 万元，支出决算为 1.88 万元。完成年初预算的 213.64%。⟦决算数同预算数持平⟧。"),
      .init("全年预算为 9.00 万元，支出决算为 9.18 万元。⟦决算数小于⟧全年预算数的主要原因：人员变动。"),
      .init(
        "公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；较上年⟦减少 17.73 万元，增长 71.81%⟧。",
        fixed: "公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%；较上年增加 17.73 万元，增长 71.81%。"),
      .init(
        "2023年当年预算执行数为9.00万元，2024年预算安排11.91万元，比2023年预算执行数⟦减少⟧32.33%。",
        fixed: "2023年当年预算执行数为9.00万元，2024年预算安排11.91万元，比2023年预算执行数增加32.33%。"),
      .init(
        "收入预算9,101.68万元，比2024年预算减少2,389.52万元。支出预算9,101.68万元，比2024年预算⟦增加⟧2,389.52万元。一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。",
        fixed:
          "收入预算9,101.68万元，比2024年预算减少2,389.52万元。支出预算9,101.68万元，比2024年预算减少2,389.52万元。一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。"
      ),
      .init("政府性基金拨款支出预算0万元，比2024年预算⟦增加1421.25万元⟧。"),
      .init("2023年当年预算执行数为217.72万元，2024年预算安排271.72万元，比2023年预算执行数⟦持平⟧。主要原因是：经费保持不变。"),
      .init("# 2024年度部门决算\n\n本部门 2024 年度收入支出总计 306.82 万元。与 2023 年度相比，收入支出总计⟦增加 307.82 万元⟧，增长 100.00%。\n"),
      .init("一般公共预算财政拨款支出 9746.50 万元，较上年⟦增加 1193.20 万元，下降⟧ 13.95。"),
      .init("（十七）2210203-购房补贴 21.19 万元，较上年决算数⟦增加 22.19 万元⟧，增长 100%。"),
      .init("基本支出 50.00 万元，其中人员经费 30.00 万元，比上年⟦增加 60.00 万元⟧。"),
      .init(
        "主要原因：项目支出增加，较上一度增加 1133.95 万元。\n\n主要原因：项目支出增加，较上一度⟦减少⟧ 1133.95 万元。\n\n主要原因：项目支出增加，较上一度增加 1133.95 万元。\n",
        fixed:
          "主要原因：项目支出增加，较上一度增加 1133.95 万元。\n\n主要原因：项目支出增加，较上一度增加 1133.95 万元。\n\n主要原因：项目支出增加，较上一度增加 1133.95 万元。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    checkRepeatedChanges(report, context: &context)
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      checkComparisons(
        paragraph, reader, previous: index > 0 ? (report.paragraphs[index - 1], readers[index - 1]) : nil,
        context: &context)
      checkPercentChanges(paragraph, reader, context: &context)
      checkLevelComparisons(paragraph, reader, context: &context)
      for change in reader.changes {
        // "增加 1193.20 万元，下降 13.95。": the percentage without its % still has a direction.
        if change.isResolved, let (verb, _) = reader.unitlessPercent(after: change) {
          context.ran()
          if verb.isIncrease != change.verb.isIncrease {
            context.report(
              paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<verb.range.upperBound),
              "方向矛盾：金额为“\(change.verb.text) \(change.delta.value)”，其后却写“\(verb.text)”")
          }
        }
        guard change.isResolved, let percent = change.percent, let percentVerb = change.percentVerb else { continue }
        context.ran()
        guard percentVerb.isIncrease != change.verb.isIncrease else { continue }
        // Which reading does the percentage support?
        var supported: Bool?  // true: increase
        if let current = change.current {
          let tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(change.delta.value)
          let readings = [true, false].filter { increase in
            let previous =
              increase ? current.value - change.delta.value : current.value + change.delta.value
            return RatioCheck.agrees(
              stated: percent.value, part: change.delta.value,
              partTolerance: RatioCheck.halfUnit(change.delta.value), whole: previous, wholeTolerance: tolerance)
              == true
          }
          if readings.count == 1 { supported = readings[0] }
        }
        let amountWord = percentVerb.isIncrease ? "增加" : "减少"
        let percentWord = change.verb.isIncrease ? "增长" : "下降"
        let fixAmount = Fix(
          title: "改为“\(amountWord)”",
          edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: change.verb.range), newText: amountWord)],
          isPreferred: supported == percentVerb.isIncrease)
        let fixPercent = Fix(
          title: "改为“\(percentWord)”",
          edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: percentVerb.range), newText: percentWord)],
          isPreferred: supported == change.verb.isIncrease)
        var message =
          "方向矛盾：金额为“\(change.verb.text) \(change.delta.value)”，百分比为“\(percentVerb.text) \(percent.value.asWritten)%”"
        if let supported, let current = change.current {
          let previous = supported ? current.value - change.delta.value : current.value + change.delta.value
          message +=
            "；按本年 \(current.value) 推算，上年 \(previous) 时 \(change.delta.value) ÷ \(previous) 与 \(percent.value.asWritten)% 相符，实为\(supported ? "增加" : "减少")，"
            + (supported == change.verb.isIncrease ? "百分比应写“\(percentWord)”" : "金额应写“\(amountWord)”")
        }
        let range = paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<percent.textRange.upperBound)
        context.report(
          range, Message(message), fixes: fixPercent.isPreferred ? [fixPercent, fixAmount] : [fixAmount, fixPercent])
      }
    }
  }

  /// "上年 A，本年 B，比上年减少 P%": the word must follow the sign of B − A.
  private func checkPercentChanges(_ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext) {
    for change in reader.percentChanges {
      let difference = change.difference
      guard difference.tenThousandths.magnitude > change.tolerance else { continue }
      context.ran()
      let increased = difference.tenThousandths > 0
      guard change.verb.isIncrease != increased else { continue }
      let word = Self.opposite(of: change.verb.text)
      // The word alone is wrong when the percentage fits the two figures.
      let fits =
        RatioCheck.agrees(
          stated: change.percent.value, part: difference.magnitude, partTolerance: change.tolerance,
          whole: change.previous.value, wholeTolerance: RatioCheck.halfUnit(change.previous.value)) == true
      let fixes =
        fits
        ? [
          Fix(
            title: "改为“\(word)”",
            edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: change.verb.range), newText: word)],
            isPreferred: true)
        ] : []
      context.report(
        paragraph.sourceRange(ofTextRange: change.verb.range),
        "方向矛盾：上年 \(change.previous.value)，本年 \(change.current.value)，实为\(increased ? "增加" : "减少") \(difference.magnitude)，文中为“\(change.verb.text) \(change.percent.value.asWritten)%”",
        related: [
          Finding.Related(range: change.previous.range, message: "上年 \(change.previous.value)"),
          Finding.Related(range: change.current.range, message: "本年 \(change.current.value)"),
        ],
        fixes: fixes)
    }
  }

  /// "上年 A，本年 B，比上年持平": A and B must be the same. A difference under 1 % of A is let
  /// pass: prose calls that 持平 too.
  private func checkLevelComparisons(_ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext) {
    guard UTF8Text.firstOffset(of: Self.levelWord, in: paragraph.utf8) != nil else { return }
    for comparison in reader.levelComparisons() {
      context.ran()
      let previous = comparison.previous.value
      let current = comparison.current.value
      let difference = (current - previous).magnitude
      let tolerance = RatioCheck.halfUnit(previous) + RatioCheck.halfUnit(current)
      guard difference.tenThousandths > tolerance, difference.tenThousandths * 100 >= previous.tenThousandths.magnitude
      else { continue }
      let direction = current.tenThousandths > previous.tenThousandths ? "增加" : "减少"
      context.report(
        paragraph.sourceRange(ofTextRange: comparison.word),
        "上年 \(previous)，本年 \(current)，\(direction) \(difference)，文中却称“持平”",
        related: [
          Finding.Related(range: comparison.previous.range, message: "上年 \(previous)"),
          Finding.Related(range: comparison.current.range, message: "本年 \(current)"),
        ])
    }
  }

  private static let levelWord = Array("持平".utf8)

  /// The word of the other direction in the same register: 增加 ↔ 减少, 增长 ↔ 下降.
  private static func opposite(of word: String) -> String {
    switch word {
    case "增加": "减少"
    case "减少": "增加"
    case "增长", "上升": "下降"
    case "下降": "增长"
    case "降低": "提高"
    default: word
    }
  }

  // MARK: Comparison words

  /// What a comparison sentence claims of 决算 against 预算.
  private enum Claim {
    case greater, less, equal

    var text: String {
      switch self {
      case .greater: "大于预算数"
      case .less: "小于预算数"
      case .equal: "与预算数持平"
      }
    }
  }

  private static let claimWords: [(words: [String], claim: Claim)] = [
    (["决算数大于", "决算数高于", "决算数超过", "决算大于", "决算高于"], .greater),
    (["决算数小于", "决算数低于", "决算小于", "决算低于", "决算数未达到"], .less),
    (
      ["决算数与年初预算数持平", "决算数与全年预算数持平", "决算数与预算数持平", "决算数等于预算数", "决算数与预算数一致"]
        + ["决算数同年初预算数持平", "决算数同全年预算数持平", "决算数同预算数持平"], .equal
    ),
  ]

  /// `claimWords` as bytes.
  private static let claims = claimWords.map { (words: $0.words.map { Array($0.utf8) }, claim: $0.claim) }

  private static let finalWord = Array("决算".utf8)

  /// "全年预算为 B 万元，支出决算为 A 万元。决算数小于全年预算数…": the comparison word must
  /// agree with A and B as the sentences before it state them. A claim whose paragraph states no
  /// amount before it ("…支出决算为 A 万元。" then, after a break the PDF put there, "决算数与
  /// 全年预算数持平。") reads them from the last sentence of the paragraph before.
  private func checkComparisons(
    _ paragraph: Paragraph, _ reader: NarrativeReader, previous: (Paragraph, NarrativeReader)?,
    context: inout RuleContext
  ) {
    // Every claim opens with 决算: its places are found once, and each word is tested at them.
    let bytes = paragraph.utf8
    let finals = UTF8Text.offsets(of: Self.finalWord, in: bytes, range: 0..<bytes.count)
    guard !finals.isEmpty else { return }
    for (words, claim) in Self.claims {
      for word in words {
        for offset in finals where UTF8Text.has(word, at: offset, in: bytes) {
          guard let here = reader.sentences.firstIndex(where: { $0.contains(offset) }) else { continue }
          // "决算数大于年初预算数": the claim names which budget it is held against.
          let after = UTF8Text.skippingSpaces(in: bytes, from: offset + word.count)
          let named = Self.budgetKinds.first { kind in
            UTF8Text.has(kind, at: after, in: bytes) || String(decoding: word, as: UTF8.self).utf8Text.contains(kind)
          }
          // The figures: in this sentence before the word, or one of the two sentences before
          // ("…支出决算为 A 万元。完成预算的 R%。决算数同预算数持平。").
          var figures: (budget: Paragraph.Number, actual: Paragraph.Number)?
          for back in 1...2 where figures == nil {
            let from = reader.sentences[max(0, here - back)].lowerBound
            figures = Self.comparedFigures(in: paragraph, reader, within: from..<offset, budget: named)
          }
          let amountBefore = paragraph.numbers.contains {
            $0.unit == .tenThousandYuan && $0.textRange.upperBound <= offset
          }
          if figures == nil, !amountBefore, let (before, beforeReader) = previous,
            let last = beforeReader.sentences.last
          {
            figures = Self.comparedFigures(in: before, beforeReader, within: last, budget: named)
          }
          guard let (budget, actual) = figures else { continue }
          context.ran()
          func holds(against budget: Paragraph.Number) -> Bool {
            switch claim {
            case .greater: actual.value > budget.value
            case .less: actual.value < budget.value
            case .equal: actual.value.isSameValue(as: budget.value)
            }
          }
          guard !holds(against: budget) else { continue }
          // A claim that names no budget holds if it holds against any the sentence states ("全年预算为
          // 321.02 万元（年初预算为 0 万元），支出决算为 307.82 万元…决算数小于预算数").
          if named == nil,
            Self.budgets(in: paragraph, reader, within: reader.sentences[max(0, here - 2)].lowerBound..<offset)
              .contains(where: holds(against:))
          {
            continue
          }
          let relation = actual.value > budget.value ? "大于" : actual.value < budget.value ? "小于" : "等于"
          context.report(
            paragraph.sourceRange(ofTextRange: offset..<(offset + word.count)),
            "文中称决算数\(claim.text)，但所列决算 \(actual.value) 万元\(relation)预算 \(budget.value) 万元",
            related: [
              Finding.Related(range: budget.range, message: "预算 \(budget.value)"),
              Finding.Related(range: actual.range, message: "决算 \(actual.value)"),
            ])
        }
      }
    }
  }

  /// The last 预算 figure and the last 决算 figure (万元) of `paragraph` within `range` of its text.
  private static func comparedFigures(
    in paragraph: Paragraph, _ reader: NarrativeReader, within range: Range<Int>, budget kind: String? = nil
  ) -> (budget: Paragraph.Number, actual: Paragraph.Number)? {
    let figures = statedFigures(in: paragraph, reader, within: range)
    guard
      let budget = figures.last(where: {
        let label = label(before: $0, in: reader).utf8Text
        return label.contains("预算") && (kind.map { label.contains($0) } ?? true)
      }),
      let actual = figures.last(where: { label(before: $0, in: reader).utf8Text.contains("决算") })
    else { return nil }
    return (budget, actual)
  }

  /// Every budget figure in `range` (not a gap to the budget).
  private static func budgets(in paragraph: Paragraph, _ reader: NarrativeReader, within range: Range<Int>)
    -> [Paragraph.Number]
  {
    statedFigures(in: paragraph, reader, within: range).filter {
      label(before: $0, in: reader).utf8Text.contains("预算")
    }
  }

  /// The 万元 figures of `paragraph` within `range` of its text that state a budget or an actual:
  /// "比年初预算减少 10.88 万元" states neither, but their gap.
  private static func statedFigures(in paragraph: Paragraph, _ reader: NarrativeReader, within range: Range<Int>)
    -> [Paragraph.Number]
  {
    paragraph.numbers.filter {
      $0.unit == .tenThousandYuan && $0.textRange.lowerBound >= range.lowerBound
        && $0.textRange.upperBound <= range.upperBound && !NarrativeReader.statesNeither(label(before: $0, in: reader))
    }
  }

  /// The budgets a claim may name: "年初预算数", "全年预算数", "调整预算数".
  private static let budgetKinds = ["年初", "全年", "调整"]

  /// The words right before a figure ("全年预算为", "支出决算为"), up to eight characters.
  private static func label(before number: Paragraph.Number, in reader: NarrativeReader) -> String {
    let start = max(0, number.textRange.lowerBound - 24)
    return String(decoding: reader.bytes[start..<number.textRange.lowerBound], as: UTF8.self)
  }
}

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
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
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
    let cited = others.map { "\(line: $0.line)" as Message }.joined(separator: "、")
    for statement in wrong {
      let change = statement.change
      let otherWord = others[0].change.verb.text
      let same = statement.current.map { "本年同为 \($0)、" } ?? "措辞相同、"
      var message: Message =
        "方向不一：\(same)变动同为 \(change.delta.value) 的说法在第 \(cited) 行为“\(otherWord)”，此处为“\(change.verb.text)”"
      var fixes: [Fix] = []
      if majority != nil {
        fixes = [
          Fix(
            title: "改为“\(otherWord)”",
            edits: [
              TextEdit(range: statement.paragraph.sourceRange(ofTextRange: change.verb.range), newText: otherWord)
            ],
            isPreferred: true)
        ]
      } else {
        message.append("；两处必有一处有误")
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

  /// "0 万元，比上年增加 Δ 万元": last year would have been −Δ. Likewise "收入支出总计 306.82 万元。
  /// 与上年相比，收入支出总计增加 307.82 万元": an increase larger than this year's figure, said of
  /// the same thing (the words before this year's figure recur before the increase).
  private func checkImpossible(
    _ change: NarrativeReader.Change, current: Paragraph.Number, _ paragraph: Paragraph, _ reader: NarrativeReader,
    context: inout RuleContext
  ) {
    guard change.verb.isIncrease, current.textRange.upperBound <= change.verb.range.lowerBound else { return }
    let delta = change.delta.value
    let message: String
    let currentNote: String
    let compared = Self.comparesDirectly(current, change, reader)
    if current.value.tenThousandths == 0 {
      // Only "0 万元，比上年增加": the zero ends the clause the comparison follows.
      guard compared else { return }
      message = "本年为 0，不可能比上年增加 \(delta)（上年数将为 −\(delta)）：变动额或方向有误"
      currentNote = "本年 0"
    } else if compared, current.value.tenThousandths > 0, current.unit == .tenThousandYuan || current.unit == .yuan,
      ([current] + change.alternatives).allSatisfy({ figure in
        figure.unit == change.delta.unit
          && (delta - figure.value).tenThousandths > RatioCheck.halfUnit(figure.value) + RatioCheck.halfUnit(delta)
      })
    {
      // "购房补贴 21.19 万元，较上年决算数增加 22.19 万元": the clause compares the figure it follows
      // (and the increase is larger than any other figure of the sentence it could be said of).
      let unit = current.unit.rawValue
      message =
        "本年 \(current.value) \(unit)，不可能比上年增加 \(delta) \(unit)（上年数将为 \(current.value - delta)）：本年数、变动额或方向有误"
      currentNote = "本年 \(current.value)"
    } else {
      guard let subject = Self.sameSubject(increasedBeyond: current, by: change, reader) else { return }
      message =
        "“\(subject)”本年 \(current.value) 万元，不可能比上年增加 \(delta) 万元（上年数将为 \(current.value - delta)）：本年数、变动额或方向有误"
      currentNote = "本年 \(current.value)"
    }
    context.ran()
    context.report(
      paragraph.sourceRange(ofTextRange: change.verb.range.lowerBound..<change.delta.textRange.upperBound),
      Message(message), related: [Finding.Related(range: current.range, message: Message(currentNote))])
  }

  /// Whether the comparison is the clause right after this year's figure, of the same sentence:
  /// "X 万元，比（较、与、同比）上年…增加".
  private static func comparesDirectly(
    _ current: Paragraph.Number, _ change: NarrativeReader.Change, _ reader: NarrativeReader
  ) -> Bool {
    let between = String(
      decoding: reader.bytes[current.textRange.upperBound..<change.verb.range.lowerBound], as: UTF8.self
    )
    .filter { $0 != " " }
    return ["，比", "，较", "，与", "，同比"].contains(where: { between.hasPrefix($0) })
      && !between.utf8Text.contains("；") && !between.utf8Text.contains("。")
  }

  /// The words just before this year's figure ("收入支出总计"), when an increase larger than the
  /// figure (beyond rounding) is said of them again, the sentence giving no other figure for the year.
  private static func sameSubject(
    increasedBeyond current: Paragraph.Number, by change: NarrativeReader.Change, _ reader: NarrativeReader
  ) -> String? {
    let delta = change.delta.value
    let slack = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)
    guard change.alternatives.isEmpty, (delta - current.value).tenThousandths > slack else { return nil }
    let subject = String(reader.label(before: current, from: 0, limit: 18).suffix(4))
    let clauseStart = max(current.textRange.upperBound, change.verb.range.lowerBound - 60)
    let clause = String(decoding: reader.bytes[clauseStart..<change.verb.range.lowerBound], as: UTF8.self)
      .filter { !$0.isWhitespace }
    guard subject.count == 4, subject.unicodeScalars.allSatisfy({ $0.value >= 0x4E00 }),
      clause.utf8Text.contains(subject)
    else { return nil }
    return subject
  }
}
