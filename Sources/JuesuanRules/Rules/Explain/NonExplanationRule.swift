import JuesuanAnalysis
import JuesuanModel

/// A reason that explains nothing: "主要是无", a restatement of the figures, or the item's own
/// name with the same direction ("住房公积金减少，主要原因是本单位公积金支出减少").
struct NonExplanationRule: Rule {
  static let description = RuleDescription(
    code: "explain/non-explanation",
    summary: "原因不能只是“无”、复述预决算数持平，或用项目名称加“增加/减少”复述变动本身。",
    rationale: """
      复述式原因（项目名称与原因共有至少三个字、或原因含完整项目名称，且原因用同一方向词，去掉项目名称、\
      方向词和“本单位、支出、费用”等虚词后几乎无剩余）被报告；近义复述（医疗 ↔ 医保）不报告。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      // A headcount is a cause.
      .init("住房保障支出（类）住房改革支出（款）购房补贴（项）2025年预算数为15.00万元，比2024年预算增加3.00万元，增长25.00%。主要原因是享受购房补贴人员增加。"),
      .init("（一）2010301-行政运行 907.12 万元，较上年决算数减少 45.76 万元，下降 4.80%。主要原因是行政（参公）人员减少，经费开支减少。"),
    ],
    triggeringExamples: [
      .init("(十五) 2210201-住房公积金 77.47 万元，较上年决算数减少 60.78 万元，下降 43.96%。主要原因是⟦本单位公积金支出减少⟧。"),
      .init("一般公共预算财政拨款支出决算数等于预算数，主要原因：⟦预算决算数持平⟧。"),
    ])

  static let reads: [any AnalysisView.Type] = [ParagraphReasons.self, NarrativeReaders.self]

  init() {}

  private static let fillers = [
    "本单位", "本部门", "我单位", "我部门", "单位", "部门", "支出", "费用", "经费", "缴费", "的", "数", "在职人员", "人员", "在职",
    "本年", "本年度", "相应", "有所", "较上年", "上年",
  ]
  private static let restatement = [
    "预算决算数", "预算数", "决算数", "预算", "决算", "持平", "相等", "一致", "等于", "基本", "与", "和", "不存在差异", "无差异",
    "相同", "上年", "本年",
  ]

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let allReasons = context.view(ParagraphReasons.self)
    let readers = context.view(NarrativeReaders.self)
    for (number, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[number]
      let reasons = allReasons[number]
      var reported = Set<Int>()
      for reason in reasons {
        let body = reason.text.utf8Text.removingWhitespace()
        guard !body.isEmpty else { continue }  // explain/missing
        context.ran()
        // "偏差原因：无" in a self-evaluation table means there was no deviation.
        let before = paragraph.text(in: max(0, reason.marker.lowerBound - 6)..<reason.marker.lowerBound)
        guard !before.utf8Text.hasSuffix("偏差"), !paragraph.utf8.contains(0x09) else { continue }
        if ["无", "暂无", "没有", "无。"].contains(body) || Self.restatement.reduce(body, { $0.replacingAll($1) }).isEmpty {
          reported.insert(reason.body.lowerBound)
          context.report(
            paragraph.sourceRange(ofTextRange: reason.body), "原因“\(body)”没有说明任何原因")
        }
      }
      let changes = reader.changes
      for (index, change) in changes.enumerated() where change.isResolved {
        let nextStart = index + 1 < changes.count ? changes[index + 1].verb.range.lowerBound : reader.bytes.count
        let afterChange = change.percent?.textRange.upperBound ?? change.delta.textRange.upperBound
        guard
          let reason = reasons.first(where: { $0.marker.lowerBound >= afterChange && $0.marker.lowerBound < nextStart }
          ),
          !reported.contains(reason.body.lowerBound), let name = itemName(of: change, in: reader)
        else { continue }
        let body = reason.text.utf8Text.removingWhitespace()
        let directionWords = change.verb.isIncrease ? NarrativeReader.increaseWords : NarrativeReader.decreaseWords
        guard directionWords.contains(where: body.utf8Text.contains) else { continue }
        // "享受购房补贴人员增加", "离退休人员减少": more or fewer people is a cause, not the change itself.
        guard !directionWords.contains(where: { word in ["人员", "人数"].contains { body.utf8Text.contains($0 + word) } })
        else { continue }
        let common = Self.longestCommonSubstring(name, body)
        guard common.count >= 3 || (common.count >= 2 && common == name) else { continue }
        var rest = body.replacingAll(common)
        for word in directionWords + Self.fillers { rest = rest.replacingAll(word) }
        guard rest.count <= 2 else { continue }
        reported.insert(reason.body.lowerBound)
        context.report(
          paragraph.sourceRange(ofTextRange: reason.body),
          "原因“\(body)”只是复述了“\(name)\(change.verb.text)”本身，没有说明为什么\(change.verb.text)")
      }
    }
  }

  /// The item the change sentence is about: "(十五) 2210201-住房公积金 77.47 万元" → "住房公积金".
  private func itemName(of change: NarrativeReader.Change, in reader: NarrativeReader) -> String? {
    let firstNumber = reader.paragraph.numbers.first {
      $0.textRange.lowerBound >= change.sentence.lowerBound && $0.unit != .none
    }
    guard let end = firstNumber?.textRange.lowerBound, end > change.sentence.lowerBound else { return nil }
    var name = Substring(reader.paragraph.text(in: change.sentence.lowerBound..<end))
    name = name.drop { $0 == " " || $0 == "\u{3000}" }
    // An ordinal: （一）, (十五), 1., 1、
    if let first = name.first, "（(".utf8Text.contains(first),
      let close = name.firstIndex(where: { "）)".utf8Text.contains($0) }),
      name.distance(from: name.startIndex, to: close) <= 5
    {
      name = name[name.index(after: close)...]
    }
    name = name.drop { $0 == " " || ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "." || $0 == "、" || $0 == "．" }
    var text = String(name).utf8Text.removingWhitespace()
    for prefix in ["年度", "年"] {
      if text.utf8Text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
    }
    if text.utf8Text.hasSuffix("为") || text.utf8Text.hasSuffix("是") { text.removeLast() }
    guard text.count >= 2, !text.utf8Text.contains("，"), !text.utf8Text.contains("相比") else { return nil }
    return text
  }

  static func longestCommonSubstring(_ a: String, _ b: String) -> String {
    // Scalar by scalar when each is a Character of its own (the same answer, without graphemes).
    if let x = UTF8Text.scalarsStandingAlone(Array(a.utf8)[...]),
      let y = UTF8Text.scalarsStandingAlone(Array(b.utf8)[...])
    {
      let scalars = x.map(\.scalar)
      let common = longestCommonRun(scalars, y.map(\.scalar))
      return NarrativeBinder.text(scalars[common])
    }
    let x = Array(a)
    return String(x[longestCommonRun(x, Array(b))])
  }

  /// The first longest run of `x` that is also a run of `y` (empty when they share nothing).
  /// - Complexity: O(x · y).
  private static func longestCommonRun<Glyph: Equatable>(_ x: [Glyph], _ y: [Glyph]) -> Range<Int> {
    guard !x.isEmpty, !y.isEmpty else { return 0..<0 }
    var best = 0
    var bestEnd = 0
    var previous = [Int](repeating: 0, count: y.count + 1)
    var current = previous
    for i in 1...x.count {
      for j in 1...y.count {
        guard x[i - 1] == y[j - 1] else {
          current[j] = 0
          continue
        }
        current[j] = previous[j - 1] + 1
        if current[j] > best {
          best = current[j]
          bestEnd = i
        }
      }
      swap(&previous, &current)
    }
    return (bestEnd - best)..<bestEnd
  }
}

extension String {
  /// The string with every occurrence of `word` removed (no Foundation).
  fileprivate func replacingAll(_ word: String) -> String {
    // A text without the word (most) is returned as it is, not copied.
    guard !word.isEmpty, utf8Text.contains(word) else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.utf8Text.range(of: word) {
      result += rest[..<range.lowerBound]
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
