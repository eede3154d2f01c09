import JuesuanModel

// The rate and share statements of a paragraph: "完成年初预算的 Z%", "占…的 W%", "X 万元，占 W%".
extension NarrativeReader {

  /// Every "完成(年初|全年)预算的 R%" with the 预算 and 决算 figures of its sentence.
  package var rates: [Rate] { statements.rates }

  /// Every "占X的 W%" whose whole X is given a figure in the same paragraph.
  package var shares: [Share] { statements.shares }

  /// Reads `rates`.
  func findRates() -> [Rate] {
    var result: [Rate] = []
    for budgetWord in occurrences(of: "预算") {
      // "完成(年初|全年|调整)预算(数)的 R%", "(决算数)为(占)(年初)预算(数)的 R%", or
      // "(年初)预算执行率(为) R%" / "预算完成率 R%".
      var offset = budgetWord
      var rateQualifier: String?
      for qualifier in ["年初", "全年", "调整"] where has(qualifier, at: offset - 6) {
        offset -= 6
        rateQualifier = qualifier
      }
      var cursor = budgetWord + 6
      if has("数", at: cursor) { cursor += 3 }
      let isMeasure = has("执行率", at: cursor) || has("完成率", at: cursor)
      if isMeasure {
        cursor = skippingSpaces(from: cursor + 9)
        if ["为", "是", "达"].contains(where: { has($0, at: cursor) }) { cursor = skippingSpaces(from: cursor + 3) }
      } else {
        if has("完成", at: offset - 6) || has("达到", at: offset - 6) {
          offset -= 6
        } else if has("为", at: offset - 3) || has("占", at: offset - 3) {
          offset -= 3
        } else {
          continue
        }
        guard has("的", at: cursor) else { continue }
        cursor = skippingSpaces(from: cursor + 3)
      }
      guard let rate = number(startingAt: cursor), rate.unit == .percent else { continue }
      let sentence = sentence(containing: offset)
      // Within the clause group before the rate (not past a ；, which starts another item).
      var clauseStart = sentence.lowerBound
      if let semicolon = occurrences(of: "；", in: sentence.lowerBound..<offset).last { clauseStart = semicolon + 3 }
      // "…完成预算的 81.23%，其中：因公出国（境）费决算为 3.12 万元，完成预算的 62.40%": a part's rate,
      // of the part's figures only.
      // (Not a bracketed one: "全年预算 30.00 万元（其中年初预算 25.00 万元），决算 24.00 万元，完成全年预算的";
      // nor one after which no budget has the rate's name: "全年预算 30.00 万元，其中年初预算 25.00 万元，
      // 决算 24.00 万元，完成全年预算的 80.00%".)
      if let part = occurrences(of: "其中", in: clauseStart..<offset).last,
        !has("（", at: part - 3), part < 1 || bytes[part - 1] != 0x28,
        rateQualifier == nil || !figures(in: (part + 6)..<offset, qualifiedBy: rateQualifier).qualified.isEmpty
      {
        clauseStart = part + 6
      }
      // "年初预算 400.00 万元，追加 30.00 万元，…完成预算的 97.67%": the budget the rate is of (430.00)
      // is not written; only a rate of the 年初预算 is checked.
      let adjusted = Self.adjustments.contains { !occurrences(of: $0, in: clauseStart..<offset).isEmpty }
      var figures = figures(in: clauseStart..<offset, qualifiedBy: rateQualifier)
      // "年初预算为 0.88 万元，支出决算为 0.88 万元。完成年初预算的 100.00%。": a sentence that is the
      // rate alone is of the figures of the sentence before, when that states both.
      let standsAlone =
        figures.budgets.isEmpty && figures.actuals.isEmpty && skippingSpaces(from: sentence.lowerBound) == offset
      if standsAlone, sentence.lowerBound > 0 {
        let previous = self.figures(inSentenceBefore: sentence.lowerBound, qualifiedBy: rateQualifier)
        if previous.statesBoth { figures = previous }
      }
      if adjusted, rateQualifier != "年初" {
        figures.budgets = []
        figures.qualified = []
      }
      var entry = Rate(rate: rate, sentence: sentence)
      entry.isMeasure = isMeasure
      entry.qualifier = rateQualifier
      entry.adopt(figures)
      entry.opensParagraph = standsAlone && sentence.lowerBound == 0
      result.append(entry)
    }
    return result
  }

  /// The figures of the sentence that ends at `end` (the paragraph's last when `end` is its
  /// length), as `figures(in:qualifiedBy:)` reads them.
  package func figures(inSentenceBefore end: Int, qualifiedBy qualifier: String?) -> RateFigures {
    guard end > 0 else { return RateFigures() }
    return figures(in: sentence(containing: end - 1).lowerBound..<end, qualifiedBy: qualifier)
  }

  /// The 万元 figures of `range` that are budgets and actuals, by the keyword nearest before each
  /// ("支出年初预算为 B" / "预算财政拨款支出 A"); the budgets named with `qualifier` ("年初预算为 B"
  /// for a rate of the 年初预算) are also `qualified`.
  private func figures(in range: Range<Int>, qualifiedBy qualifier: String?) -> RateFigures {
    var figures = RateFigures()
    for number in paragraph.numbers
    where number.unit == .tenThousandYuan && number.textRange.lowerBound >= range.lowerBound
      && number.textRange.upperBound <= range.upperBound
    {
      let window = Array(bytes[max(range.lowerBound, number.textRange.lowerBound - 30)..<number.textRange.lowerBound])
      let text = String(decoding: window, as: UTF8.self)
      // "超出年初预算 1.95 万元", "比上年决算数减少 100.00 万元", "追加 30.00 万元": neither figure.
      guard !Self.statesNeither(text) else { continue }
      let budgetAt = text.utf8Text.lastRange(of: "预算").map { text.distance(from: text.startIndex, to: $0.lowerBound) }
      let actualAt = [text.utf8Text.lastRange(of: "决算"), text.utf8Text.lastRange(of: "支出")].compactMap { $0 }
        .map { text.distance(from: text.startIndex, to: $0.lowerBound) }.max()
      switch (budgetAt, actualAt) {
      case (let b?, let a?): if b > a { figures.budgets.append(number) } else { figures.actuals.append(number) }
      case (.some, nil): figures.budgets.append(number)
      case (nil, .some): figures.actuals.append(number)
      case (nil, nil): break
      }
      // The word before the figure's 预算 ("年初预算为 B") names which budget it is.
      if figures.budgets.last == number, let qualifier, let word = text.utf8Text.lastRange(of: "预算"),
        text[..<word.lowerBound].utf8Text.hasSuffix(qualifier)
      {
        figures.qualified.append(number)
      }
    }
    return figures
  }

  /// Whether the words before a figure (`text`, its window) make it the gap between the budget and
  /// the actual: in the clause, "超出", "超过", "超支", "节约" or "节省" before the budget's name, or a
  /// word of more or less after it ("比年初预算减少 10.88 万元", "决算数比全年预算数少 6.37 万元").
  package static func statesGap(_ text: String) -> Bool {
    let clause = text.utf8Text.lastRange(of: "，").map { text[$0.upperBound...] } ?? Substring(text)
    guard let budget = clause.utf8Text.lastRange(of: "预算") else { return false }
    let before = clause[..<budget.lowerBound]
    let after = clause[budget.upperBound...]
    return gapOpenings.contains(where: before.utf8Text.contains) || gapWords.contains(where: after.utf8Text.contains)
  }

  /// Whether the words before a figure (`text`, its window) make it neither this year's budget nor
  /// its actual: a gap between them (`statesGap`); in its clause, last year's ("上年决算为 450.00 万元",
  /// "比上年决算数 65.54 万元"); a change ("减少 100.00 万元"); or a budget's adjustment ("追加 30.00
  /// 万元", "调减 30.00 万元").
  package static func statesNeither(_ text: String) -> Bool {
    if statesGap(text) { return true }
    let clause = text.utf8Text.lastRange(of: "，").map { text[$0.upperBound...] } ?? Substring(text)
    let compact = clause.filter { $0 != " " }
    return lastYearWords.contains(where: compact.utf8Text.contains)
      || changeEndings.contains(where: compact.utf8Text.hasSuffix)
      || adjustments.contains(where: compact.utf8Text.contains)
  }

  private static let lastYearWords = ["上年", "去年", "上一年", "上年度"]
  private static let changeEndings = increaseWords + decreaseWords + ["减少了", "增加了"]
  private static let adjustments = ["追加", "追减", "调增", "调减"]

  private static let gapOpenings = ["超出", "超过", "超支", "节约", "节省"]
  private static let gapWords = ["减少", "增加", "节约", "节省", "少", "多", "超"]

  /// Reads `shares`.
  func findShares() -> [Share] {
    var result: [Share] = []
    for offset in occurrences(of: "占") {
      // The whole's name: up to the first 的 (at most 20 characters).
      let limit = min(bytes.count, offset + 3 + 60)
      guard let de = occurrences(of: "的", in: (offset + 3)..<limit).first else { continue }
      // "占…的 34.30%", "占…的比重为 34.30%", "占…的比例是 34.30%".
      var cursor = skippingSpaces(from: de + 3)
      if has("比重", at: cursor) || has("比例", at: cursor) {
        cursor = skippingSpaces(from: cursor + 6)
        if has("为", at: cursor) || has("是", at: cursor) { cursor = skippingSpaces(from: cursor + 3) }
      }
      guard let share = number(startingAt: cursor), share.unit == .percent else { continue }
      let name = String(decoding: bytes[(offset + 3)..<de], as: UTF8.self).filter { $0 != " " }
      guard name.count >= 2, !name.utf8Text.contains("，"), !Self.namesBudget(name) else { continue }
      var entry = Share(offset: offset, share: share, wholeName: name)
      var names = [name]
      for suffix in ["金额"] where name.utf8Text.hasSuffix(suffix) && name.count > suffix.count + 1 {
        names.append(String(name.dropLast(suffix.count)))
      }
      search: for candidate in names {
        // The whole is stated before the share ("…总额 40.19 万元，…占…总额的 0%").
        for found in occurrences(of: candidate, in: 0..<offset) {
          var next = skippingSpaces(from: found + candidate.utf8.count)
          for glue in ["为", "共计", "共"] where has(glue, at: next) {
            next = skippingSpaces(from: next + glue.utf8.count)
            break
          }
          if let whole = number(startingAt: next), whole.unit == .tenThousandYuan {
            entry.whole = whole
            break search
          }
        }
      }
      // The part: the amount right before "，占".
      var back = skippingSpacesBackward(from: offset)
      if back >= 3, has("，", at: back - 3) { back -= 3 }
      entry.part = number(endingBefore: back).flatMap { $0.unit == .tenThousandYuan ? $0 : nil }
      result.append(entry)
    }
    return result
  }
}

extension NarrativeReader {
  /// Every "占 W%" / "占比W%" / "占比为 W%" that names no whole, with the offset of its 占.
  package var wholelessShares: [(offset: Int, share: Paragraph.Number)] {
    occurrences(of: "占").compactMap { offset in
      var cursor = offset + 3
      if has("比", at: cursor) { cursor += 3 }
      cursor = skippingSpaces(from: cursor)
      if has("为", at: cursor) { cursor = skippingSpaces(from: cursor + 3) }  // "占比为 37.60%"
      guard let share = number(startingAt: cursor), share.unit == .percent else { return nil }
      return (offset, share)
    }
  }

  /// Whether a share's whole names a budget ("占年初预算的 R%" is a rate, not a share), other than
  /// in a fund's name ("占一般公共预算财政拨款支出的 W%" is a share).
  private static func namesBudget(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    let count = { (word: [UInt8]) in UTF8Text.offsets(of: word, in: bytes, range: 0..<bytes.count).count }
    return count(budgetWord) > fundNames.reduce(0) { $0 + count($1) }
  }

  private static let budgetWord = Array("预算".utf8)
  /// The funds whose names say 预算.
  private static let fundNames = ["一般公共预算", "政府性基金预算", "国有资本经营预算"].map { Array($0.utf8) }

  /// "X 万元，占 W%" / "X万元，占比W%" / "占比为 W%": a share with no whole named (the list's total is the
  /// whole), the part right before it.
  package var unnamedShares: [(part: Paragraph.Number, share: Paragraph.Number)] {
    wholelessShares.compactMap { offset, share in
      var back = skippingSpacesBackward(from: offset)
      guard back >= 3, has("，", at: back - 3) || has("、", at: back - 3) else { return nil }
      back -= 3
      guard let part = number(endingBefore: back), part.unit == .tenThousandYuan else { return nil }
      return (part, share)
    }
  }

  /// The total a list is a breakdown of: "收入合计 162.25 万元，其中：" / "支出 162.25 万元，主要用于以下方面：".
  /// Returns the amount when the paragraph's first amount is followed at once by such an opener.
  package var listTotal: Paragraph.Number? {
    guard let first = paragraph.numbers.first(where: { $0.unit == .tenThousandYuan }) else { return nil }
    var cursor = skippingSpaces(from: first.textRange.upperBound)
    for comma in ["，", "。", ","] where has(comma, at: cursor) {
      cursor = skippingSpaces(from: cursor + comma.utf8.count)
    }
    let openers = ["其中：", "其中:", "主要用于以下方面：", "主要用于以下方面:", "其中，"]
    return openers.contains(where: { has($0, at: cursor) }) ? first : nil
  }

  /// Whether the paragraph ends by opening a list ("…其中：", "…以下方面：").
  package var opensList: Bool {
    // Only the end matters: look at the last few characters, not the whole paragraph; their bytes
    // when they stand alone (each scalar a Character).
    if let start = UTF8Text.startOfLast(24, standingAloneIn: bytes) {
      let tail = UTF8Text.removingWhitespace(from: bytes[start...])
      return Self.listOpeners.contains { tail.count >= $0.count && tail.suffix($0.count).elementsEqual($0) }
    }
    let tail = String(paragraph.text.suffix(24).utf8Text.removingWhitespace())
    return tail.utf8Text.hasSuffix("其中：") || tail.utf8Text.hasSuffix("以下方面：") || tail.utf8Text.hasSuffix("其中:")
  }

  private static let listOpeners = ["其中：", "以下方面：", "其中:"].map { Array($0.utf8) }
}
