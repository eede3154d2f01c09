import JuesuanModel

// Changes stated as a percentage only, between two figures the sentence gives:
// "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%".
extension NarrativeReader {
  /// "上年 A 万元，本年 B 万元，比上年减少 P%": the direction word, P and both figures.
  package struct PercentChange: Sendable {
    package var verb: Word
    package var percent: Paragraph.Number
    package var previous: Paragraph.Number
    package var current: Paragraph.Number
    package var sentence: Range<Int>

    /// current − previous, in the figures' unit.
    package var difference: Amount { current.value - previous.value }
    /// Rounding of the two written figures, in ten-thousandths.
    package var tolerance: Int64 { RatioCheck.halfUnit(previous.value) + RatioCheck.halfUnit(current.value) }
  }

  /// Every percentage-only change whose two figures the sentence states unambiguously: last
  /// year's is the one figure written with last year ("2023年…为 A 万元", "比上年 A 万元"), this
  /// year's the figure right before the comparison ("B 万元，比…"). Read when the reader is made.
  package var percentChanges: [PercentChange] { statements.percentChanges }

  /// Reads `percentChanges`, other than the percentages of `changes`.
  /// - Complexity: O(direction words · numbers) in the paragraph.
  func findPercentChanges(besides changes: [Change]) -> [PercentChange] {
    var result: [PercentChange] = []
    // A percentage that belongs to a change with an amount is read there.
    let read = Set(changes.compactMap { $0.percent?.textRange.lowerBound })
    var index = nextDirectionCandidate(from: 0)
    while index < bytes.count {
      defer { index = nextDirectionCandidate(from: index + 1) }
      guard let verb = directionWord(at: index), verb.residue == nil else { continue }
      guard let percent = figure(after: verb), percent.unit == .percent,
        !read.contains(percent.textRange.lowerBound), comparesWithLastYear(before: index),
        let change = percentChange(verb: verb, percent: percent)
      else { continue }
      result.append(change)
    }
    return result
  }

  /// "上年 A 万元，本年 B 万元，比上年持平": the two figures a 持平 sets equal, and where it is.
  package struct LevelComparison: Sendable {
    /// The range of "持平".
    package var word: Range<Int>
    package var previous: Paragraph.Number
    package var current: Paragraph.Number
  }

  /// Every "比上年持平" whose two figures the sentence states unambiguously, as for `percentChanges`;
  /// not "基本持平" or "大致持平", which allow a difference. Read when asked: few paragraphs say it.
  /// - Complexity: O(occurrences of 持平 · numbers) in the paragraph.
  package func levelComparisons() -> [LevelComparison] {
    guard paragraph.numbers.count >= 2 else { return [] }
    return occurrences(of: "持平").compactMap { offset in
      guard
        !["基本", "大致", "大体", "总体", "略"].contains(where: { word in
          offset >= word.utf8.count && has(word, at: offset - word.utf8.count)
        }), comparesWithLastYear(before: offset), let (previous, current, _) = comparedFigures(before: offset),
        // Not a change's amount ("比上年减少 A 万元；…持平"), nor across a ；.
        !changes.contains(where: { $0.delta.textRange == previous.textRange || $0.delta.textRange == current.textRange }
        ),
        occurrences(of: "；", in: previous.textRange.upperBound..<offset).isEmpty
      else { return nil }
      return LevelComparison(word: offset..<(offset + "持平".utf8.count), previous: previous, current: current)
    }
  }

  private func percentChange(verb: Word, percent: Paragraph.Number) -> PercentChange? {
    guard let (previous, current, sentence) = comparedFigures(before: verb.range.lowerBound) else { return nil }
    return PercentChange(verb: verb, percent: percent, previous: previous, current: current, sentence: sentence)
  }

  private static let clauseDelimiters = ["，", "；", "：", "、"].map { Array($0.utf8) }

  /// The two figures a comparison ending at `word` (its verb, or 持平) sets against each other:
  /// last year's and this year's, with the sentence; nil unless the clause starts with 比/较/与.
  private func comparedFigures(before word: Int)
    -> (previous: Paragraph.Number, current: Paragraph.Number, sentence: Range<Int>)?
  {
    let sentence = sentence(containing: word)
    let bytes = bytes
    // The comparison clause: from the 比/较 that starts it to the verb.
    var clauseStart = word
    while clauseStart > sentence.lowerBound {
      var previous = clauseStart - 1
      while previous > sentence.lowerBound, bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
      if bytes[previous] == 0x2C || Self.clauseDelimiters.contains(where: { UTF8Text.has($0, at: previous, in: bytes) })
      {
        break
      }
      clauseStart = previous
    }
    let comparison = skippingSpaces(from: clauseStart)
    guard ["比", "较", "与", "同比"].contains(where: { has($0, at: comparison) }) else { return nil }
    let amounts = paragraph.numbers.filter {
      ($0.unit == .tenThousandYuan || $0.unit == .yuan) && $0.textRange.lowerBound >= sentence.lowerBound
        && $0.textRange.upperBound <= word
    }
    // Last year's figure: written inside the comparison ("比上年 A 万元减少"), else the one figure
    // of the sentence whose own clause names last year.
    let previous: Paragraph.Number
    let current: Paragraph.Number
    if let inside = amounts.last(where: { $0.textRange.lowerBound >= comparison }) {
      guard amounts.filter({ $0.textRange.lowerBound >= comparison }).count == 1,
        let before = amounts.last(where: { $0.textRange.upperBound <= comparison })
      else { return nil }
      previous = inside
      current = before
    } else {
      let lastYear = amounts.filter { namesLastYear(clauseBefore: $0, from: sentence.lowerBound) }
      guard lastYear.count == 1, let before = amounts.last, before != lastYear[0],
        !namesLastYear(clauseBefore: before, from: sentence.lowerBound)
      else { return nil }
      // This year's figure ends the clause right before the comparison.
      let between = String(decoding: bytes[before.textRange.upperBound..<comparison], as: UTF8.self)
      guard between.allSatisfy({ $0 == " " || $0 == "，" || $0 == "," }) else { return nil }
      previous = lastYear[0]
      current = before
    }
    guard previous.unit == current.unit else { return nil }
    return (previous, current, sentence)
  }

  /// Whether the clause that ends at `number` (back to the last ，；。 or the sentence start)
  /// labels it with last year: "上年", "上一年", "去年" or the year before the report's.
  private func namesLastYear(clauseBefore number: Paragraph.Number, from start: Int) -> Bool {
    let clauseStart = clauseStart(before: number.textRange.lowerBound, from: start, marks: ["，", "；", "："])
    let clause = String(decoding: bytes[clauseStart..<number.textRange.lowerBound], as: UTF8.self)
      .filter { $0 != " " }
    if clause.utf8Text.contains("上年") || clause.utf8Text.contains("上一年") || clause.utf8Text.contains("去年") {
      return true
    }
    guard let year = year ?? latestYear(in: sentence(containing: number.textRange.lowerBound)) else { return false }
    return clause.utf8Text.contains("\(year - 1)年") && !clause.utf8Text.contains("\(year)年")
  }

  /// Where the clause that ends at `end` starts: right after the last of `marks` in `start..<end`,
  /// else at `start`.
  package func clauseStart(before end: Int, from start: Int, marks: [String]) -> Int {
    marks.compactMap { mark in occurrences(of: mark, in: start..<end).last.map { $0 + mark.utf8.count } }.max()
      ?? start
  }

  /// Without a report year, the latest "20YY年" of the sentence stands for this year.
  func latestYear(in range: Range<Int>) -> Int? {
    occurrences(of: "年", in: range).compactMap { offset -> Int? in
      guard offset >= range.lowerBound + 4 else { return nil }
      let digits = bytes[(offset - 4)..<offset]
      guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first == 0x32 else { return nil }
      return Int(String(decoding: digits, as: UTF8.self))
    }.max()
  }
}

extension NarrativeReader {
  /// "增加 1193.20 万元，增长 13.95。": the percentage verb after a change's amount followed by a
  /// number written without its unit (the "%" left out).
  package func unitlessPercent(after change: Change) -> (verb: Word, number: Paragraph.Number)? {
    guard change.percent == nil else { return nil }
    guard let cursor = clauseGoingOn(after: change.delta), let (verb, number) = percentClause(at: cursor),
      verb.residue == nil, number.unit == .none
    else { return nil }
    // Ends the clause: "13.95。", "13.95，" (not "13.95 倍", "13.95 个百分点").
    let end = skippingSpaces(from: number.textRange.upperBound)
    guard end >= bytes.count || ["。", "，", "；"].contains(where: { has($0, at: end) }) else { return nil }
    return (verb, number)
  }
}
