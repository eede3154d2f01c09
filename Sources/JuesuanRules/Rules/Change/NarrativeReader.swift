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
    /// The sentence (。-delimited) the change is in.
    package var sentence: Range<Int>

    /// Both direction words are unambiguous (no "增加（减少）").
    package var isResolved: Bool { verb.residue == nil && percentVerb?.residue == nil }
  }

  /// "预算为 B 万元，支出决算为 A 万元，完成年初预算的 R%".
  package struct Rate: Sendable {
    package var rate: Paragraph.Number
    /// The 预算 figure of the same sentence, if written.
    package var budget: Paragraph.Number?
    /// The 决算/支出 figure of the same sentence, if written.
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

  package let paragraph: Paragraph
  package let bytes: [UInt8]
  /// The report year, to recognise "较2022年" as last year.
  package let year: Int?

  package init(_ paragraph: Paragraph, year: Int?) {
    self.paragraph = paragraph
    self.bytes = paragraph.utf8
    self.year = year
  }

  static let increaseWords = ["增加", "增长", "上升"]
  static let decreaseWords = ["减少", "下降", "降低"]

  // MARK: Byte helpers

  /// Whether `word` is written at `offset`.
  package func has(_ word: String, at offset: Int) -> Bool {
    let pattern = Array(word.utf8)
    guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
    return bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
  }

  /// Offsets of every occurrence of `word` in `range` (default: the whole paragraph).
  package func occurrences(of word: String, in range: Range<Int>? = nil) -> [Int] {
    let pattern = Array(word.utf8)
    let range = range ?? 0..<bytes.count
    guard !pattern.isEmpty, range.count >= pattern.count else { return [] }
    var result: [Int] = []
    var index = range.lowerBound
    while index + pattern.count <= range.upperBound {
      if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        result.append(index)
        index += pattern.count
      } else {
        index += 1
      }
    }
    return result
  }

  /// Skips ASCII and ideographic spaces forward.
  package func skippingSpaces(from offset: Int) -> Int {
    var index = offset
    while index < bytes.count {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if has("\u{3000}", at: index) {
        index += 3
      } else {
        break
      }
    }
    return index
  }

  /// Skips ASCII spaces backward from `offset` (exclusive end).
  package func skippingSpacesBackward(from offset: Int) -> Int {
    var index = offset
    while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
    return index
  }

  /// The number that starts at `offset`, if any.
  package func number(startingAt offset: Int) -> Paragraph.Number? {
    paragraph.numbers.first { $0.textRange.lowerBound == offset }
  }

  /// The number ending right before `offset` (spaces allowed), if any.
  package func number(endingBefore offset: Int) -> Paragraph.Number? {
    let end = skippingSpacesBackward(from: offset)
    return paragraph.numbers.first { $0.textRange.upperBound == end }
  }

  /// Range of the digits of a number (without its unit), for edits that replace the value only.
  package func digitsRange(of number: Paragraph.Number) -> Range<Int> {
    var end = number.textRange.lowerBound
    while end < number.textRange.upperBound,
      (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E || bytes[end] == 0x2C || bytes[end] == 0x2D
    {
      end += 1
    }
    return number.textRange.lowerBound..<end
  }

  /// Sentences ended by 。！？ (not ；, which separates the clauses of one statement).
  package var sentences: [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if has("。", at: index) || has("！", at: index) || has("？", at: index) {
        index += 3
        result.append(start..<index)
        start = index
      } else {
        index += 1
      }
    }
    if start < bytes.count { result.append(start..<bytes.count) }
    return result
  }

  func sentence(containing offset: Int) -> Range<Int> {
    sentences.first { $0.contains(offset) } ?? 0..<bytes.count
  }

  /// A direction word at `offset`, with a template alternative "（减少）" right after it.
  func directionWord(at offset: Int) -> Word? {
    for (words, isIncrease) in [(Self.increaseWords, true), (Self.decreaseWords, false)] {
      for word in words where has(word, at: offset) {
        let end = offset + word.utf8.count
        var residue: Range<Int>?
        for open in ["（", "("] where has(open, at: end) {
          if let close = [occurrences(of: "）", in: end..<min(bytes.count, end + 24)).first,
            occurrences(of: ")", in: end..<min(bytes.count, end + 24)).first].compactMap({ $0 }).min()
          {
            let inner = String(decoding: bytes[(end + open.utf8.count)..<close], as: UTF8.self)
            if (Self.increaseWords + Self.decreaseWords).contains(inner) {
              residue = end..<(close + (has("）", at: close) ? 3 : 1))
            }
          }
        }
        return Word(text: word, range: offset..<end, isIncrease: isIncrease, residue: residue)
      }
    }
    return nil
  }

  // MARK: Changes

  /// Whether the text before `offset` in its sentence compares with last year.
  func comparesWithLastYear(before offset: Int) -> Bool {
    let sentence = sentence(containing: offset)
    let prefix = String(decoding: bytes[sentence.lowerBound..<offset], as: UTF8.self).filter { $0 != " " }
    if prefix.contains("上年") || prefix.contains("上一年") || prefix.contains("去年") || prefix.contains("同期") {
      return true
    }
    if let year { return prefix.contains("\(year - 1)年") }
    return false
  }

  /// Every "增加/减少 X 万元[，增长/下降 Y%]" that compares with last year.
  /// - Complexity: O(n · numbers) in the paragraph's length.
  package var changes: [Change] {
    var result: [Change] = []
    var consumed = Set<Int>()  // number offsets that are Δ or previous figures
    var index = 0
    while index < bytes.count {
      guard var verb = directionWord(at: index) else {
        index += 1
        continue
      }
      var after = skippingSpaces(from: verb.residue?.upperBound ?? verb.range.upperBound)
      if has("了", at: after) { after = skippingSpaces(from: after + 3) }
      guard let delta = number(startingAt: after), delta.unit == .tenThousandYuan || delta.unit == .yuan,
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
      change.current = currentAmount(
        before: change.previous?.textRange.lowerBound ?? index, verbStart: index, consumed: consumed)
      result.append(change)
      index = (change.percent?.textRange.upperBound ?? delta.textRange.upperBound)
    }
    return result
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
    let usable = subject.count >= 2 && !subject.contains("上年") && !subject.contains("相比")
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
    // Only a sentence that opens with the comparison ("与上年相比，…") borrows the figure before.
    guard here > 0 else { return nil }
    let opening = String(decoding: bytes[sentences[here].lowerBound..<limit], as: UTF8.self)
    guard opening.trimmingPrefix(while: { $0 == " " }).hasPrefix("与上") else { return nil }
    return candidates(sentences[here - 1])
  }

  // MARK: Rates and shares

  /// Every "完成(年初|全年)预算的 R%" with the 预算 and 决算 figures of its sentence.
  package var rates: [Rate] {
    var result: [Rate] = []
    for offset in occurrences(of: "完成") {
      var cursor = offset + 6
      for qualifier in ["年初", "全年", "调整"] where has(qualifier, at: cursor) { cursor += 6 }
      guard has("预算", at: cursor) else { continue }
      cursor += 6
      if has("数", at: cursor) { cursor += 3 }
      guard has("的", at: cursor) else { continue }
      cursor = skippingSpaces(from: cursor + 3)
      guard let rate = number(startingAt: cursor), rate.unit == .percent else { continue }
      let sentence = sentence(containing: offset)
      // Within the clause group before the rate (not past a ；, which starts another item).
      var clauseStart = sentence.lowerBound
      if let semicolon = occurrences(of: "；", in: sentence.lowerBound..<offset).last { clauseStart = semicolon + 3 }
      var budget: Paragraph.Number?
      var actual: Paragraph.Number?
      for number in paragraph.numbers
      where number.unit == .tenThousandYuan && number.textRange.lowerBound >= clauseStart
        && number.textRange.upperBound <= offset
      {
        let before = String(decoding: bytes[max(clauseStart, number.textRange.lowerBound - 24)..<number.textRange.lowerBound],
          as: UTF8.self)
        if before.contains("预算"), !before.contains("决算") {
          budget = number
        } else if before.contains("决算") || before.contains("支出") {
          actual = number
        }
      }
      result.append(Rate(rate: rate, budget: budget, actual: actual, sentence: sentence))
    }
    return result
  }

  /// Every "占X的 W%" whose whole X is given a figure in the same paragraph.
  package var shares: [Share] {
    var result: [Share] = []
    for offset in occurrences(of: "占") {
      // The whole's name: up to the first 的 (at most 20 characters).
      let limit = min(bytes.count, offset + 3 + 60)
      guard let de = occurrences(of: "的", in: (offset + 3)..<limit).first else { continue }
      let cursor = skippingSpaces(from: de + 3)
      guard let share = number(startingAt: cursor), share.unit == .percent else { continue }
      let name = String(decoding: bytes[(offset + 3)..<de], as: UTF8.self).filter { $0 != " " }
      guard name.count >= 2, !name.contains("，") else { continue }
      var entry = Share(share: share, wholeName: name)
      var names = [name]
      for suffix in ["金额"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
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

extension Amount {
  /// As written: a percentage "100%" stays "100", "43.3%" stays "43.3".
  package var asWritten: String { formatted(decimals: decimals) }
}

/// Percentage arithmetic with the rounding of the written figures.
package enum RatioCheck {
  /// Half a unit of the last written digit, in ten-thousandths ("0.75" → 50; "13" → 5 000).
  package static func halfUnit(_ amount: Amount) -> Int64 {
    var unit: Int64 = 10_000
    for _ in 0..<min(4, max(0, amount.decimals)) { unit /= 10 }
    return unit / 2
  }

  /// Whether `stated` percent (as written, with its decimals) is reachable as part/whole × 100
  /// when part and whole may each be off by the given tolerances (ten-thousandths), allowing ±1
  /// in the stated last digit. Nil when the whole may be zero or negative.
  package static func agrees(
    stated: Amount, part: Amount, partTolerance: Int64, whole: Amount, wholeTolerance: Int64
  ) -> Bool? {
    let wholeLow = Double(whole.tenThousandths - wholeTolerance)
    guard wholeLow > 0 else { return nil }
    let wholeHigh = Double(whole.tenThousandths + wholeTolerance)
    let partLow = Double(max(0, part.tenThousandths - partTolerance))
    let partHigh = Double(part.tenThousandths + partTolerance)
    let low = partLow / wholeHigh * 100
    let high = partHigh / wholeLow * 100
    var unit = 1.0
    for _ in 0..<max(0, stated.decimals) { unit /= 10 }
    let value = stated.doubleValue
    return value >= low - unit - 1e-9 && value <= high + unit + 1e-9
  }

  /// part/whole × 100 written with `decimals` places (half away from zero); nil for a zero whole.
  package static func percent(part: Amount, whole: Amount, decimals: Int) -> String? {
    guard whole.tenThousandths != 0 else { return nil }
    let value = Double(part.tenThousandths) / Double(whole.tenThousandths) * 100
    guard value.isFinite, abs(value) < 1e12 else { return nil }
    return Amount(tenThousandths: Int64((value * 10_000).rounded())).formatted(decimals: decimals)
  }
}
