import JuesuanModel

// The changes against last year a paragraph states: "较上年增加 X 万元，增长 Y%", with the
// direction words they are told by.
extension NarrativeReader {
  /// The words of an increase, in the order they are looked for.
  package static let increaseWords = ["增加", "增长", "上升"]
  /// The words of a decrease.
  package static let decreaseWords = ["减少", "下降", "降低"]

  /// Whether the text before `offset` in its sentence compares with last year.
  package func comparesWithLastYear(before offset: Int) -> Bool {
    let sentence = sentence(containing: offset)
    // The sentence's bytes before `offset` without spaces, searched as bytes.
    let prefix = bytes[sentence.lowerBound..<max(sentence.lowerBound, offset)].filter { $0 != 0x20 }
    func contains(_ word: [UInt8]) -> Bool { UTF8Text.firstOffset(of: word, in: prefix) != nil }
    // "较上一度增加" is 上一年度 with 年 dropped (a typo text/typo does not catch, but the comparison holds).
    if Self.lastYearWords.contains(where: contains) { return true }
    if let year { return contains(Array("\(year - 1)年".utf8)) }
    // Without a report year, "较2022年…" / "比2022年…" still names a year compared with.
    return Self.someYearWords.contains(where: contains)
  }

  private static let lastYearWords = ["上年", "上一年", "上一度", "去年", "同期", "同比"].map { Array($0.utf8) }
  private static let someYearWords = ["较20", "比20"].map { Array($0.utf8) }

  /// Every "增加/减少 X 万元[，增长/下降 Y%]" that compares with last year.
  /// - Complexity: O(n · numbers) in the paragraph's length.
  package var changes: [Change] { statements.changes }

  /// The number right after a direction word, past its template alternative and a "了".
  func figure(after word: Word) -> Paragraph.Number? {
    var start = skippingSpaces(from: word.residue?.upperBound ?? word.range.upperBound)
    if has("了", at: start) { start = skippingSpaces(from: start + 3) }
    return number(startingAt: start)
  }

  /// The percentage clause of a change at `cursor` and its figure: "增长 21.34%", and as other
  /// provinces write it "同比增长 21.34%", "增长率为 21.34%", "增幅为 21.34%", "下降幅度为 5%".
  /// Nil when no direction word (or 增幅, 涨幅, 降幅, 减幅) opens it or no number follows.
  package func percentClause(at cursor: Int) -> (verb: Word, figure: Paragraph.Number)? {
    var start = cursor
    if has("同比", at: start) { start += 6 }
    var verb: Word
    if let word = directionWord(at: start) {
      verb = word
    } else if let (text, isIncrease) = Self.rangeWords.first(where: { has($0.text, at: start) }) {
      verb = Word(text: text, range: start..<(start + text.utf8.count), isIncrease: isIncrease, residue: nil)
    } else {
      return nil
    }
    verb.text = String(decoding: bytes[verb.range], as: UTF8.self)
    var next = skippingSpaces(from: verb.residue?.upperBound ?? verb.range.upperBound)
    if let filler = ["幅度", "率"].first(where: { has($0, at: next) }) {
      next = skippingSpaces(from: next + filler.utf8.count)
    }
    if ["为", "是", "了"].contains(where: { has($0, at: next) }) { next = skippingSpaces(from: next + 3) }
    return number(startingAt: next).map { (verb, $0) }
  }

  /// Words that name a change's size and direction at once.
  private static let rangeWords: [(text: String, isIncrease: Bool)] = [
    ("增幅", true), ("涨幅", true), ("降幅", false), ("减幅", false),
  ]

  /// Where the text goes on after `number` and one "，", "、" or ","; nil when none follows it.
  func clauseGoingOn(after number: Paragraph.Number) -> Int? {
    let cursor = skippingSpaces(from: number.textRange.upperBound)
    if has("，", at: cursor) || has("、", at: cursor) { return skippingSpaces(from: cursor + 3) }
    if bytes.indices.contains(cursor), bytes[cursor] == 0x2C { return skippingSpaces(from: cursor + 1) }
    return nil
  }

  func findChanges() -> [Change] {
    var result: [Change] = []
    var consumed = Set<Int>()  // number offsets that are Δ or previous figures
    var index = nextDirectionCandidate(from: 0)
    while index < bytes.count {
      guard var verb = directionWord(at: index) else {
        index = nextDirectionCandidate(from: index + 1)
        continue
      }
      // Not "增加 -150.00 万元" (a signed Δ), nor a comparison with something else than last year
      // framed right before the verb ("…；与年初预算 1,000.00 万元相比增加").
      guard let delta = figure(after: verb), delta.unit == .tenThousandYuan, delta.value.tenThousandths >= 0,
        comparesWithLastYear(before: index), !framesOtherComparison(before: index)
      else {
        index = verb.range.upperBound
        continue
      }
      verb.text = String(decoding: bytes[verb.range], as: UTF8.self)
      var change = Change(verb: verb, delta: delta, sentence: sentence(containing: index))
      // The percentage: "，增长 21.34%".
      let cursor = clauseGoingOn(after: delta) ?? skippingSpaces(from: delta.textRange.upperBound)
      if let (percentVerb, percent) = percentClause(at: cursor), percent.unit == .percent {
        change.percentVerb = percentVerb
        change.percent = percent
      }
      // An explicit previous figure right before the verb: "较2022年决算1,035.60万元增加", or in
      // brackets, "比上年预算数（800.00万元）增加".
      if let (previous, opening) = previousFigure(before: index), previous.unit == .tenThousandYuan,
        comparesWithLastYear(before: opening)
      {
        change.previous = previous
        consumed.insert(previous.textRange.lowerBound)
      }
      // …or inside the comparison: "与上年“三公”经费支出 12.00 万元相比，减少 2.40 万元".
      if change.previous == nil, let framed = figureComparedWith(before: index, in: change.sentence),
        !consumed.contains(framed.textRange.lowerBound)
      {
        change.previous = framed
        consumed.insert(framed.textRange.lowerBound)
      }
      // …or stated before, in a clause of its own that names last year ("2022年决算数为 0.50 万元，
      // 比上年增加"): not this year's figure.
      if change.previous == nil, let previous = lastYearFigure(before: index, in: change.sentence, consumed: consumed) {
        change.previous = previous
        consumed.insert(previous.textRange.lowerBound)
      }
      consumed.insert(delta.textRange.lowerBound)
      let limit = change.previous?.textRange.lowerBound ?? index
      change.current = currentAmount(before: limit, verbStart: index, consumed: consumed)
      // Not a figure the sentence gives as last year's ("上年收入总计 X、支出总计 X，…各增加"). With
      // no last year's figure read yet, it is that one, the base ("…；上年为 24.68 万元，减少 9.46 万元",
      // "2022年度收入总计 X。与上年相比，…增加"), and this year's is looked for before it.
      if let current = change.current,
        let clause = lastYearsFigure(current, in: sentence(containing: current.textRange.lowerBound))
      {
        if change.previous != nil {
          change.current = nil
        } else if !consumed.contains(current.textRange.lowerBound),
          // …of the kind the comparison names, if it names one ("比2023年预算增加" is not with a
          // "2023年执行数").
          Self.figureKinds.allSatisfy({ kind in
            occurrences(of: kind, in: current.textRange.upperBound..<index).isEmpty
              || !occurrences(of: kind, in: clause).isEmpty
          })
        {
          change.previous = current
          consumed.insert(current.textRange.lowerBound)
          change.current = currentAmount(before: current.textRange.lowerBound, verbStart: index, consumed: consumed)
            .flatMap { lastYearsFigure($0, in: sentence(containing: $0.textRange.lowerBound)) == nil ? $0 : nil }
        }
      }
      // Before the comparison, or after the change in the same clause ("…，增长 10%，达到 55 万元").
      let clauseEnd = (change.percent?.textRange.upperBound ?? delta.textRange.upperBound)
      let followingEnd =
        occurrences(of: "；", in: clauseEnd..<change.sentence.upperBound).first
        ?? change.sentence.upperBound
      // An item of a list ("…；公务接待费 2.00 万元，比上年减少 0.50 万元") whose own figure is in its
      // clause: the items before the ； are not its figure.
      let clauseStart =
        occurrences(of: "；", in: change.sentence.lowerBound..<limit).last.map { $0 + 3 } ?? change.sentence.lowerBound
      let ownClause = change.current.map { $0.textRange.lowerBound >= clauseStart } ?? false
      let alternativesStart = ownClause ? clauseStart : change.sentence.lowerBound
      change.alternatives = paragraph.numbers.filter {
        $0.unit == .tenThousandYuan && !consumed.contains($0.textRange.lowerBound)
          && $0.textRange != change.current?.textRange
          && (($0.textRange.lowerBound >= alternativesStart && $0.textRange.upperBound <= limit)
            || ($0.textRange.lowerBound >= clauseEnd && $0.textRange.upperBound <= followingEnd
              && !isChangeAmount($0)))
      }
      result.append(change)
      index = (change.percent?.textRange.upperBound ?? delta.textRange.upperBound)
    }
    return result
  }

  /// The last 万元 figure of `sentence` before the verb at `offset`, when it is the only figure
  /// there whose own clause (from the last "，" "、" "；" "：" or their half-width forms before it)
  /// opens with last year ("上年决算数为", "2022年决算数为" in a 2023 report, "去年") and names
  /// neither this year, a comparison, nor a carry-over ("上年结转"); and the comparison between it
  /// and the verb is with last year ("，比上年增加"), with the same kind of figure when it names one
  /// ("比上年预算增加" is not with "2023年执行数").
  private func lastYearFigure(before offset: Int, in sentence: Range<Int>, consumed: Set<Int>) -> Paragraph.Number? {
    func inSentence(_ number: Paragraph.Number) -> Bool {
      number.unit == .tenThousandYuan && number.textRange.lowerBound >= sentence.lowerBound
        && number.textRange.upperBound <= offset
    }
    guard let figure = paragraph.numbers.last(where: inSentence), !consumed.contains(figure.textRange.lowerBound),
      !isChangeAmount(figure)
    else { return nil }
    let comparison = figure.textRange.upperBound..<offset
    let lastYear = LastYearSentence.openings(year: year ?? latestYear(in: sentence))
    // …the only one of the sentence, or one of the same value; compared with last year, or in a
    // sentence about last year ("上年收入总计 2,000.00 万元、支出总计 2,000.00 万元，收、支总计各增加").
    guard let clause = lastYearsFigure(figure, in: sentence),
      lastYear.contains(where: { !occurrences(of: $0, in: comparison).isEmpty })
        || LastYearSentence.holds(bytes, before: figure.textRange.lowerBound, year: year ?? latestYear(in: sentence)),
      !paragraph.numbers.contains(where: {
        inSentence($0) && $0.textRange != figure.textRange && !$0.value.isSameValue(as: figure.value)
          && lastYearsFigure($0, in: sentence) != nil
      })
    else { return nil }
    for kind in Self.figureKinds where !occurrences(of: kind, in: comparison).isEmpty {
      guard !occurrences(of: kind, in: clause).isEmpty else { return nil }
    }
    return figure
  }

  /// The figure of a comparison that frames it, right before the verb at `offset`: "与上年“三公”
  /// 经费支出 12.00 万元相比，减少" (its clause opens with 与 and last year, and names nothing that
  /// makes the figure another year's).
  private func figureComparedWith(before offset: Int, in sentence: Range<Int>) -> Paragraph.Number? {
    guard let frame = comparisonFrame(before: offset),
      let figure = number(endingBefore: frame) ?? previousFigure(before: frame)?.0, figure.unit == .tenThousandYuan
    else { return nil }
    let start = skippingSpaces(
      from: clauseStart(before: figure.textRange.lowerBound, from: sentence.lowerBound, marks: Self.clauseMarks))
    let lastYear = LastYearSentence.openings(year: year ?? latestYear(in: sentence))
    guard ["与", "同"].contains(where: { has($0, at: start) }),
      lastYear.contains(where: { has($0, at: start + 3) }),
      Self.otherFigureWords.allSatisfy({ occurrences(of: $0, in: (start + 3)..<figure.textRange.lowerBound).isEmpty })
    else { return nil }
    return figure
  }

  /// Whether "与 X 相比" right before the verb at `offset` compares with something that is not last
  /// year ("与年初预算 1,000.00 万元相比增加"): its clause opens with 与 or 同 and names no last year.
  private func framesOtherComparison(before offset: Int) -> Bool {
    guard let frame = comparisonFrame(before: offset) else { return false }
    let sentence = sentence(containing: frame)
    let start = skippingSpaces(from: clauseStart(before: frame, from: sentence.lowerBound, marks: ["，", "；"]))
    guard has("与", at: start) || has("同", at: start) else { return false }
    let lastYear = LastYearSentence.openings(year: year ?? latestYear(in: sentence))
    return lastYear.allSatisfy { occurrences(of: $0, in: start..<frame).isEmpty }
      && occurrences(of: "同期", in: start..<frame).isEmpty
  }

  /// Where the "相比" of "与 X 相比（，）" right before the verb at `offset` starts; nil when none does.
  private func comparisonFrame(before offset: Int) -> Int? {
    var end = skippingSpacesBackward(from: offset)
    if has("，", at: end - 3) { end = skippingSpacesBackward(from: end - 3) }
    return has("相比", at: end - 6) ? end - 6 : nil
  }

  /// Where `number` is said to be last year's: its own clause, when that opens with last year, or
  /// the sentence up to it, when that does (`LastYearSentence`); nil when it is not.
  private func lastYearsFigure(_ number: Paragraph.Number, in sentence: Range<Int>) -> Range<Int>? {
    guard sentence.contains(number.textRange.lowerBound) else { return nil }
    let year = year ?? latestYear(in: sentence)
    if let clause = lastYearClause(before: number, in: sentence, lastYear: LastYearSentence.openings(year: year)) {
      return clause
    }
    return LastYearSentence.holds(bytes, before: number.textRange.lowerBound, year: year)
      ? sentence.lowerBound..<number.textRange.lowerBound : nil
  }

  /// The kinds of figure a comparison may name.
  private static let figureKinds = ["预算", "执行", "决算", "实际"]

  /// The clause that ends at `number`, when it opens with last year and names nothing that makes
  /// its figure another (this year's, a comparison's, a carry-over's).
  private func lastYearClause(
    before number: Paragraph.Number, in sentence: Range<Int>, lastYear: [String]
  ) -> Range<Int>? {
    let start = clauseStart(before: number.textRange.lowerBound, from: sentence.lowerBound, marks: Self.clauseMarks)
    let clause = skippingSpaces(from: start)..<number.textRange.lowerBound
    // "2023 年度为", as PDF text spaces it, opens with "2023年".
    let opening = bytes[clause.lowerBound..<min(clause.upperBound, clause.lowerBound + 24)].filter { $0 != 0x20 }
    guard
      lastYear.contains(where: { opening.starts(with: $0.utf8) }),
      Self.otherFigureWords.allSatisfy({ occurrences(of: $0, in: clause).isEmpty })
    else { return nil }
    return clause
  }

  private static let clauseMarks = ["，", "、", "；", "：", ",", ";", ":"]
  /// Words that make a clause's figure not last year's own: this year, a comparison, a carry-over.
  private static let otherFigureWords = LastYearSentence.otherFigureWords

  /// The figure right before `offset`, bare or in brackets, and where it (or its bracket) opens.
  private func previousFigure(before offset: Int) -> (Paragraph.Number, Int)? {
    if let bare = number(endingBefore: offset) { return (bare, bare.textRange.lowerBound) }
    let end = skippingSpacesBackward(from: offset)
    for (close, open) in [("）", "（"), (")", "(")] where has(close, at: end - close.utf8.count) {
      guard let inner = number(endingBefore: end - close.utf8.count) else { continue }
      let start = skippingSpacesBackward(from: inner.textRange.lowerBound) - open.utf8.count
      if has(open, at: start) { return (inner, start) }
    }
    return nil
  }

  /// The 万元 figure right before the brackets `part` stands in, when they close before `limit`:
  /// "22.99 万元（…9.36 万元）" → 22.99.
  private func figureBeforeBrackets(around part: Paragraph.Number, closingBefore limit: Int) -> Paragraph.Number? {
    var depth = 0
    var cursor = part.textRange.lowerBound
    var opening: Int?
    while cursor > 0, opening == nil {
      cursor -= 1
      guard bytes[cursor] & 0xC0 != 0x80 else { continue }
      if has("）", at: cursor) || bytes[cursor] == 0x29 { depth += 1 }
      if has("（", at: cursor) || bytes[cursor] == 0x28 {
        if depth == 0 { opening = cursor } else { depth -= 1 }
      }
      if has("。", at: cursor) { return nil }
    }
    let after = part.textRange.upperBound..<limit
    guard let opening, !occurrences(of: "）", in: after).isEmpty || !occurrences(of: ")", in: after).isEmpty,
      let whole = number(endingBefore: opening), whole.unit == .tenThousandYuan
    else { return nil }
    return whole
  }

  /// Whether `number` is itself the Δ of a change ("增加 5.00 万元").
  package func isChangeAmount(_ number: Paragraph.Number) -> Bool {
    var start = skippingSpacesBackward(from: number.textRange.lowerBound)
    if has("了", at: start - 3) { start -= 3 }
    return directionWord(at: start - 6) != nil
  }

  private static let subjectDelimiters = ["，", "。", "；", "：", "、"].map { Array($0.utf8) }
  /// Words that open a list of a whole's parts or uses.
  private static let listMarkers = ["其中", "主要用于", "包括", "具体为", "分别为"]
  /// How a clause that compares with last year opens.
  private static let comparisonOpenings = ["比上年", "较上年", "与上年", "同比", "比20", "较20", "与20"]
  /// Words that bring in another subject between a figure and a later change: a part, a reason.
  private static let otherSubjectMarkers = ["其中", "主要是", "主要由于", "主要原因", "以及"]

  /// The amount the change is about: the figure the subject before the verb is given elsewhere in
  /// the paragraph ("收入总计增加" → "收入总计1,654.78万元"), else the nearest amount before the
  /// comparison in the same sentence or, when there is none, in the sentence before.
  func currentAmount(before limit: Int, verbStart: Int, consumed: Set<Int>) -> Paragraph.Number? {
    // The subject: text between the last delimiter and the verb.
    var start = verbStart
    let bytes = bytes
    while start > 0 {
      let previous = start - 3
      if previous >= 0, Self.subjectDelimiters.contains(where: { UTF8Text.has($0, at: previous, in: bytes) }) { break }
      if bytes[start - 1] < 0x80, bytes[start - 1] != 0x20 { break }
      start -= 1
      while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    }
    var subject = String(decoding: bytes[start..<verbStart], as: UTF8.self).filter { $0 != " " }
    if subject.utf8Text.hasSuffix("各") || subject.utf8Text.hasSuffix("均") { subject.removeLast() }
    if subject.utf8Text.hasSuffix("分别") { subject.removeLast(2) }
    let usable =
      subject.count >= 2 && !subject.utf8Text.contains("上年") && !subject.utf8Text.contains("相比")
      && !subject.utf8Text.contains("年") && !subject.utf8Text.contains("较") && !subject.utf8Text.contains("比")
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
    if var found = candidates(sentences[here].lowerBound..<limit) {
      // "基本支出 100.00 万元，项目支出 300.00 万元；比上年减少 100.00 万元": a comparison that opens its
      // "；" clause after a list says of the whole before the list, not of its last item.
      if let semicolon = occurrences(of: "；", in: found.textRange.upperBound..<verbStart).last,
        Self.comparisonOpenings.contains(where: { has($0, at: skippingSpaces(from: semicolon + 3)) }),
        candidates(sentences[here].lowerBound..<found.textRange.lowerBound) != nil
      {
        return nil
      }
      // "决算 22.99 万元（行政单位医疗 13.63 万元、事业单位医疗 9.36 万元），较上年增加": the parts in
      // brackets are not what the comparison is about, the figure before them is.
      if let whole = figureBeforeBrackets(around: found, closingBefore: limit),
        !consumed.contains(whole.textRange.lowerBound)
      {
        found = whole
      }
      // "合计 100.00 万元，较上年增加 20.00 万元，其中基本支出较上年增加 15.00 万元": a part's change, or
      // a reason's ("主要是人员经费增加…"), is not about the figure before its 其中.
      let between = found.textRange.upperBound..<verbStart
      return Self.otherSubjectMarkers.contains(where: { !occurrences(of: $0, in: between).isEmpty }) ? nil : found
    }
    // Only a sentence that opens with the comparison ("与上年相比，…", "较上年…") borrows the figure
    // before.
    guard here > 0 else { return nil }
    let opening = String(decoding: bytes[sentences[here].lowerBound..<limit], as: UTF8.self)
    let trimmed = opening.trimmingPrefix(while: { $0 == " " })
    guard ["与上", "较上", "比上", "同比"].contains(where: { trimmed.utf8Text.hasPrefix($0) }) else { return nil }
    // "本年支出合计 100.00 万元，其中：基本支出…；项目支出 20.00 万元。与上年相比…": what is compared
    // is the list's whole, the figure before its 其中, not the last part.
    let previous = sentences[here - 1]
    if let marker = Self.listMarkers.compactMap({ occurrences(of: $0, in: previous).first }).min() {
      if let whole = candidates(previous.lowerBound..<marker) { return whole }
      // "…合计 1,500.00 万元。其中：…。比上年减少…": the whole is in the sentence before the list.
      guard skippingSpaces(from: previous.lowerBound) == marker, here > 1 else { return nil }
      return candidates(sentences[here - 2])
    }
    // "本年支出合计 1,100.00 万元，2022年度 1,000.00 万元。与上年相比…": last year's figure, in a
    // clause of its own, is the base, not what is compared.
    let lastYear = LastYearSentence.openings(year: year ?? latestYear(in: previous))
    return paragraph.numbers.last {
      $0.unit == .tenThousandYuan && previous.contains($0.textRange.lowerBound) && $0.textRange.upperBound <= limit
        && !consumed.contains($0.textRange.lowerBound)
        && lastYearClause(before: $0, in: previous, lastYear: lastYear) == nil
    }
  }

  /// The direction words as bytes, with their direction (built once).
  private static let directionPatterns: [(bytes: [UInt8], text: String, isIncrease: Bool)] =
    increaseWords.map { (Array($0.utf8), $0, true) } + decreaseWords.map { (Array($0.utf8), $0, false) }
  private static let residueWords: Set<String> = Set(increaseWords + decreaseWords)
  private static let openFull: [UInt8] = Array("（".utf8)
  private static let closeFull: [UInt8] = Array("）".utf8)

  /// Whether the three bytes spell the first character of a direction word: 增 (E5 A2 9E),
  /// 减 (E5 87 8F), 上 (E4 B8 8A), 下 (E4 B8 8B) or 降 (E9 99 8D).
  @inline(__always)
  private static func isDirectionLead(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    switch (lead, second) {
    case (0xE5, 0xA2): third == 0x9E
    case (0xE5, 0x87): third == 0x8F
    case (0xE4, 0xB8): third == 0x8A || third == 0x8B
    case (0xE9, 0x99): third == 0x8D
    default: false
    }
  }

  /// The first offset at or after `offset` where a direction word's first character is written
  /// (`bytes.count` when there is none): where `directionWord(at:)` can answer.
  /// - Complexity: O(n) in the bytes skipped.
  package func nextDirectionCandidate(from offset: Int) -> Int {
    bytes.withUnsafeBufferPointer { bytes in
      var index = max(0, offset)
      while index + 2 < bytes.count {
        let lead = bytes[index]
        if Self.isDirectionLead(lead, bytes[index + 1], bytes[index + 2]) { return index }
        // `UTF8Text.length(ofLead:)`, written here: a call to another module per scalar is not inlined.
        index += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      }
      return bytes.count
    }
  }

  /// A direction word at `offset`, with a template alternative "（减少）" right after it.
  /// - Complexity: O(1): a few byte comparisons, no allocation unless a word is found.
  package func directionWord(at offset: Int) -> Word? {
    guard offset >= 0, offset + 3 <= bytes.count,
      Self.isDirectionLead(bytes[offset], bytes[offset + 1], bytes[offset + 2])
    else {
      return nil
    }
    for pattern in Self.directionPatterns where UTF8Text.has(pattern.bytes, at: offset, in: bytes) {
      let end = offset + pattern.bytes.count
      var residue: Range<Int>?
      let openLength =
        UTF8Text.has(Self.openFull, at: end, in: bytes) ? 3 : (end < bytes.count && bytes[end] == 0x28 ? 1 : 0)
      if openLength > 0 {
        var close = end + openLength
        let limit = min(bytes.count, end + 24)
        while close < limit, !UTF8Text.has(Self.closeFull, at: close, in: bytes), bytes[close] != 0x29 { close += 1 }
        if close < limit {
          let inner = String(decoding: bytes[(end + openLength)..<close], as: UTF8.self)
          if Self.residueWords.contains(inner) {
            residue = end..<(close + (bytes[close] == 0x29 ? 1 : 3))
          }
        }
      }
      return Word(text: pattern.text, range: offset..<end, isIncrease: pattern.isIncrease, residue: residue)
    }
    return nil
  }
}
