import JuesuanModel

/// Reads the recurring statements of the 情况说明 prose out of a paragraph: changes against last
/// year ("较上年增加 X 万元，增长 Y%"), execution rates ("完成年初预算的 Z%") and shares
/// ("占…的 W%"). Offsets are UTF-8 offsets into `Paragraph.utf8`.
package struct NarrativeReader {
  /// A direction word ("增加", "下降") and where it is.
  package struct Word: Sendable, Hashable {
    package var text: String
    package var range: Range<Int>
    package var isIncrease: Bool
    /// A template alternative right after the word: "增加（减少）" → the range of "（减少）".
    package var residue: Range<Int>?
  }

  /// "较上年增加 X 万元，增长 Y%": the amount verb, Δ, the percent verb and %, and the figures
  /// the change is measured from when the text states them.
  package struct Change: Sendable {
    package var verb: Word
    package var delta: Paragraph.Number
    package var percentVerb: Word?
    package var percent: Paragraph.Number?
    /// This year's amount: the figure the sentence (or the one before it) states for the item.
    package var current: Paragraph.Number?
    /// Last year's amount when written ("较2022年决算1,035.60万元增加…").
    package var previous: Paragraph.Number?
    /// Other amounts of the sentence before the comparison that could be this year's figure; a
    /// check that fails with `current` but passes with one of these is ambiguous.
    package var alternatives: [Paragraph.Number] = []
    /// The sentence (。-delimited) the change is in.
    package var sentence: Range<Int>

    /// Both direction words are unambiguous (no "增加（减少）").
    package var isResolved: Bool { verb.residue == nil && percentVerb?.residue == nil }
  }

  /// "预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%".
  package struct Rate: Sendable {
    package var rate: Paragraph.Number
    /// The 预算 figure of the same sentence, if written (the last one).
    package var budget: Paragraph.Number?
    /// Every 预算 figure of the clause (年初预算, 调整预算…).
    package var budgets: [Paragraph.Number] = []
    /// Every 决算/支出 figure of the clause ("支出决算 A 万元，其中基本支出 B 万元").
    package var actuals: [Paragraph.Number] = []
    /// The (first) 决算/支出 figure of the same sentence, if written.
    package var actual: Paragraph.Number?
    package var sentence: Range<Int>
  }

  /// "X 万元，占 Y 的 W%" with Y's figure found in the same paragraph.
  package struct Share: Sendable {
    package var share: Paragraph.Number
    /// The whole's name as written between 占 and 的.
    package var wholeName: String
    package var whole: Paragraph.Number?
    package var part: Paragraph.Number?
  }

  package private(set) var paragraph: Paragraph
  package let bytes: [UInt8]
  /// The report year, to recognise "较2022年" as last year.
  package let year: Int?

  /// Sentences ended by 。！？ (not ；, which separates the clauses of one statement).
  package let sentences: [Range<Int>]

  package init(_ paragraph: Paragraph, year: Int?) {
    self.paragraph = paragraph
    self.bytes = paragraph.utf8
    self.year = year
    self.sentences = Self.sentences(of: paragraph.utf8)
    self.computedChanges = []
    self.computedRates = []
    self.computedShares = []
    self.computedChanges = Self.computeChanges(self)
    // Read once here: several rules ask, and a reader moved after an edit keeps them.
    self.computedRates = findRates()
    self.computedShares = findShares()
  }

  private var computedChanges: [Change]
  /// `rates`, read when the reader is made.
  private(set) var computedRates: [Rate]
  /// `shares`, read when the reader is made.
  private(set) var computedShares: [Share]

  static let increaseWords = ["增加", "增长", "上升"]
  static let decreaseWords = ["减少", "下降", "降低"]

  // MARK: Changes

  /// Whether the text before `offset` in its sentence compares with last year.
  func comparesWithLastYear(before offset: Int) -> Bool {
    let sentence = sentence(containing: offset)
    let prefix = String(
      decoding: bytes[sentence.lowerBound..<max(sentence.lowerBound, offset)].filter { $0 != 0x20 }, as: UTF8.self)
    // "较上一度增加" is 上一年度 with 年 dropped (a typo text/typo does not catch, but the comparison holds).
    if prefix.contains("上年") || prefix.contains("上一年") || prefix.contains("上一度") || prefix.contains("去年")
      || prefix.contains("同期") || prefix.contains("同比")
    {
      return true
    }
    if let year { return prefix.contains("\(year - 1)年") }
    // Without a report year, "较2022年…" / "比2022年…" still names a year compared with.
    return prefix.contains("较20") || prefix.contains("比20")
  }

  /// Every "增加/减少 X 万元[，增长/下降 Y%]" that compares with last year.
  /// - Complexity: O(n · numbers) in the paragraph's length.
  package var changes: [Change] { computedChanges }

  private static func computeChanges(_ reader: NarrativeReader) -> [Change] { reader.findChanges() }

  private func findChanges() -> [Change] {
    var result: [Change] = []
    var consumed = Set<Int>()  // number offsets that are Δ or previous figures
    var index = nextDirectionCandidate(from: 0)
    while index < bytes.count {
      guard var verb = directionWord(at: index) else {
        index = nextDirectionCandidate(from: index + 1)
        continue
      }
      var after = skippingSpaces(from: verb.residue?.upperBound ?? verb.range.upperBound)
      if has("了", at: after) { after = skippingSpaces(from: after + 3) }
      guard let delta = number(startingAt: after), delta.unit == .tenThousandYuan,
        comparesWithLastYear(before: index)
      else {
        index = verb.range.upperBound
        continue
      }
      verb.text = String(decoding: bytes[verb.range], as: UTF8.self)
      var change = Change(verb: verb, delta: delta, sentence: sentence(containing: index))
      // The percentage: "，增长 21.34%".
      var cursor = skippingSpaces(from: delta.textRange.upperBound)
      if has("，", at: cursor) || has("、", at: cursor) {
        cursor = skippingSpaces(from: cursor + 3)
      } else if bytes.indices.contains(cursor), bytes[cursor] == 0x2C {
        cursor = skippingSpaces(from: cursor + 1)
      }
      if let percentVerb = directionWord(at: cursor) {
        var numberStart = skippingSpaces(from: percentVerb.residue?.upperBound ?? percentVerb.range.upperBound)
        if has("了", at: numberStart) { numberStart = skippingSpaces(from: numberStart + 3) }
        if let percent = number(startingAt: numberStart), percent.unit == .percent {
          change.percentVerb = percentVerb
          change.percent = percent
        }
      }
      // An explicit previous figure right before the verb: "较2022年决算1,035.60万元增加".
      if let previous = number(endingBefore: index), previous.unit == .tenThousandYuan,
        comparesWithLastYear(before: previous.textRange.lowerBound)
      {
        change.previous = previous
        consumed.insert(previous.textRange.lowerBound)
      }
      consumed.insert(delta.textRange.lowerBound)
      let limit = change.previous?.textRange.lowerBound ?? index
      change.current = currentAmount(before: limit, verbStart: index, consumed: consumed)
      // Before the comparison, or after the change in the same clause ("…，增长 10%，达到 55 万元").
      let clauseEnd = (change.percent?.textRange.upperBound ?? delta.textRange.upperBound)
      let followingEnd =
        occurrences(of: "；", in: clauseEnd..<change.sentence.upperBound).first
        ?? change.sentence.upperBound
      change.alternatives = paragraph.numbers.filter {
        $0.unit == .tenThousandYuan && !consumed.contains($0.textRange.lowerBound)
          && $0.textRange != change.current?.textRange
          && (($0.textRange.lowerBound >= change.sentence.lowerBound && $0.textRange.upperBound <= limit)
            || ($0.textRange.lowerBound >= clauseEnd && $0.textRange.upperBound <= followingEnd
              && !isChangeAmount($0)))
      }
      result.append(change)
      index = (change.percent?.textRange.upperBound ?? delta.textRange.upperBound)
    }
    return result
  }

  /// Whether `number` is itself the Δ of a change ("增加 5.00 万元").
  func isChangeAmount(_ number: Paragraph.Number) -> Bool {
    var start = skippingSpacesBackward(from: number.textRange.lowerBound)
    if has("了", at: start - 3) { start -= 3 }
    return directionWord(at: start - 6) != nil
  }

  /// The amount the change is about: the figure the subject before the verb is given elsewhere in
  /// the paragraph ("收入总计增加" → "收入总计1,654.78万元"), else the nearest amount before the
  /// comparison in the same sentence or, when there is none, in the sentence before.
  func currentAmount(before limit: Int, verbStart: Int, consumed: Set<Int>) -> Paragraph.Number? {
    // The subject: text between the last delimiter and the verb.
    var start = verbStart
    while start > 0 {
      let previous = start - 3
      if previous >= 0, ["，", "。", "；", "：", "、"].contains(where: { has($0, at: previous) }) { break }
      if bytes[start - 1] < 0x80, bytes[start - 1] != 0x20 { break }
      start -= 1
      while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    }
    var subject = String(decoding: bytes[start..<verbStart], as: UTF8.self).filter { $0 != " " }
    if subject.hasSuffix("各") || subject.hasSuffix("均") { subject.removeLast() }
    if subject.hasSuffix("分别") { subject.removeLast(2) }
    let usable =
      subject.count >= 2 && !subject.contains("上年") && !subject.contains("相比")
      && !subject.contains("年") && !subject.contains("较") && !subject.contains("比")
    if usable {
      for offset in occurrences(of: subject, in: 0..<start) {
        var cursor = skippingSpaces(from: offset + subject.utf8.count)
        for glue in ["均为", "共计", "合计", "为", "共", "是", "："] where has(glue, at: cursor) {
          cursor = skippingSpaces(from: cursor + glue.utf8.count)
          break
        }
        if let amount = number(startingAt: cursor), amount.unit == .tenThousandYuan,
          !consumed.contains(amount.textRange.lowerBound)
        {
          return amount
        }
      }
    }
    let sentences = sentences
    guard let here = sentences.firstIndex(where: { $0.contains(limit) || $0.upperBound == limit }) else { return nil }
    let candidates = { (range: Range<Int>) -> Paragraph.Number? in
      paragraph.numbers.last {
        $0.unit == .tenThousandYuan && range.contains($0.textRange.lowerBound) && $0.textRange.upperBound <= limit
          && !consumed.contains($0.textRange.lowerBound)
      }
    }
    if let found = candidates(sentences[here].lowerBound..<limit) { return found }
    // Only a sentence that opens with the comparison ("与上年相比，…", "较上年…") borrows the figure
    // before.
    guard here > 0 else { return nil }
    let opening = String(decoding: bytes[sentences[here].lowerBound..<limit], as: UTF8.self)
    let trimmed = opening.trimmingPrefix(while: { $0 == " " })
    guard ["与上", "较上", "比上", "同比"].contains(where: { trimmed.hasPrefix($0) }) else { return nil }
    return candidates(sentences[here - 1])
  }
}

extension NarrativeReader {
  /// The reader of the same paragraph `offset` bytes further on: what it read is counted in the
  /// paragraph's text, except the numbers' places in the source.
  func moved(by offset: Int) -> NarrativeReader {
    guard offset != 0 else { return self }
    var moved = self
    moved.paragraph = paragraph.moved(by: offset)
    moved.computedChanges = computedChanges.map { change in
      var change = change
      change.delta = change.delta.moved(by: offset)
      change.percent = change.percent?.moved(by: offset)
      change.current = change.current?.moved(by: offset)
      change.previous = change.previous?.moved(by: offset)
      change.alternatives = change.alternatives.map { $0.moved(by: offset) }
      return change
    }
    moved.computedRates = computedRates.map { rate in
      var rate = rate
      rate.rate = rate.rate.moved(by: offset)
      rate.budget = rate.budget?.moved(by: offset)
      rate.budgets = rate.budgets.map { $0.moved(by: offset) }
      rate.actuals = rate.actuals.map { $0.moved(by: offset) }
      rate.actual = rate.actual?.moved(by: offset)
      return rate
    }
    moved.computedShares = computedShares.map { share in
      var share = share
      share.share = share.share.moved(by: offset)
      share.whole = share.whole?.moved(by: offset)
      share.part = share.part?.moved(by: offset)
      return share
    }
    return moved
  }
}
