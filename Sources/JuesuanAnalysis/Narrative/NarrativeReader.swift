import JuesuanModel

/// Reads the recurring statements of the 情况说明 prose out of a paragraph: changes against last
/// year ("较上年增加 X 万元，增长 Y%"), execution rates ("完成年初预算的 Z%") and shares
/// ("占…的 W%"). Offsets are UTF-8 offsets into `Paragraph.utf8`.
package struct NarrativeReader: Sendable {
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

    /// Whether one of `alternatives`, taken as this year's figure (no last year's written),
    /// makes the change's percentage right: "收入总计 1,100.00 万元，其中上年结转 100.00 万元，比上年
    /// 增加 100.00 万元，增长 10.00%" may speak of either figure, and 10% fits the total.
    package var percentFitsAlternative: Bool {
      guard previous == nil, let percent else { return false }
      let delta = delta.value
      return alternatives.contains { alternative in
        let base = verb.isIncrease ? alternative.value - delta : alternative.value + delta
        return RatioCheck.agrees(
          stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: base,
          wholeTolerance: RatioCheck.halfUnit(alternative.value) + RatioCheck.halfUnit(delta)) == true
      }
    }
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
    /// The word the rate names its budget by ("完成年初预算的" → 年初), when `budget` is the figure
    /// the clause gives that same name ("年初预算为 B").
    package var budgetName: String?
    /// Stated as a measure ("预算执行率 R%", "预算完成率为 R%"), as evaluations report it, rather
    /// than as a comparison the narrative then explains ("完成年初预算的 R%").
    package var isMeasure = false
    /// The word the rate names its budget by (年初, 全年, 调整), if any.
    package var qualifier: String?
    /// The rate is the paragraph's first sentence, alone, with no figure: its figures are those of
    /// the paragraph before (`NarrativeReaders.rates(ofParagraph:in:)`).
    package var opensParagraph = false

    /// Takes `figures` as the ones the rate is worked from.
    package mutating func adopt(_ figures: RateFigures) {
      budgets = figures.budgets
      actuals = figures.actuals
      // "年初预算为 0，全年预算为 321.02，…完成年初预算的 R%": the base is the 年初预算.
      budget = figures.qualified.last ?? figures.budgets.last
      actual = figures.actuals.first
      budgetName = figures.qualified.isEmpty ? nil : qualifier
    }
  }

  /// The budget and actual figures of a clause a rate is worked from.
  package struct RateFigures: Sendable {
    package var budgets: [Paragraph.Number] = []
    /// The budgets named with the rate's own qualifier ("年初预算为 B" for "完成年初预算的 R%").
    package var qualified: [Paragraph.Number] = []
    package var actuals: [Paragraph.Number] = []

    /// Whether both a budget and an actual are stated.
    package var statesBoth: Bool { !budgets.isEmpty && !actuals.isEmpty }
  }

  /// "X 万元，占 Y 的 W%" with Y's figure found in the same paragraph.
  package struct Share: Sendable {
    /// Where its 占 is.
    package var offset: Int
    package var share: Paragraph.Number
    /// The whole's name as written between 占 and 的.
    package var wholeName: String
    package var whole: Paragraph.Number?
    package var part: Paragraph.Number?
  }

  /// What the reader holds, in one object: every rule takes each reader from `NarrativeReaders`
  /// as a copy, and one reference is cheaper to copy than five.
  private var storage: Storage

  package var paragraph: Paragraph { storage.paragraph }
  package var bytes: [UInt8] { storage.bytes }
  /// The report year, to recognise "较2022年" as last year.
  package var year: Int? { storage.year }

  /// Sentences ended by 。！？ (not ；, which separates the clauses of one statement).
  package var sentences: [Range<Int>] { storage.sentences }

  /// What the reader read when it was made.
  var statements: Statements { storage.statements }

  package init(_ paragraph: Paragraph, year: Int?) {
    storage = Storage(
      paragraph: paragraph, bytes: paragraph.utf8, year: year, sentences: Self.sentences(of: paragraph.utf8),
      statements: Statements.none)
    // Read once here: several rules ask, and a reader moved after an edit keeps them. A change
    // states a 万元 amount, a rate, share or percentage change a percentage: a paragraph without
    // them (most) is not searched for their words.
    let hasAmount = paragraph.numbers.contains { $0.unit == .tenThousandYuan }
    let hasPercent = paragraph.numbers.contains { $0.unit == .percent }
    guard hasAmount || hasPercent else { return }
    let changes = hasAmount ? findChanges() : []
    storage = storage.with(
      Statements(
        changes: changes, percentChanges: hasPercent ? findPercentChanges(besides: changes) : [],
        rates: hasPercent ? findRates() : [], shares: hasPercent ? findShares() : []))
  }

  /// The paragraph, its bytes and sentences, the year and the statements read.
  private final class Storage: Sendable {
    let paragraph: Paragraph
    let bytes: [UInt8]
    let year: Int?
    let sentences: [Range<Int>]
    let statements: Statements

    init(paragraph: Paragraph, bytes: [UInt8], year: Int?, sentences: [Range<Int>], statements: Statements) {
      self.paragraph = paragraph
      self.bytes = bytes
      self.year = year
      self.sentences = sentences
      self.statements = statements
    }

    /// The same reader of `paragraph` (the same text, moved) with `statements`.
    func with(_ statements: Statements, paragraph: Paragraph? = nil) -> Storage {
      Storage(
        paragraph: paragraph ?? self.paragraph, bytes: bytes, year: year, sentences: sentences,
        statements: statements)
    }
  }

  /// `changes`, `percentChanges` (after `changes`, whose percentages it leaves), `rates` and
  /// `shares`.
  final class Statements: Sendable {
    let changes: [Change]
    let percentChanges: [PercentChange]
    let rates: [Rate]
    let shares: [Share]

    /// Nothing read (while the reader is being made).
    static let none = Statements(changes: [], percentChanges: [], rates: [], shares: [])

    init(changes: [Change], percentChanges: [PercentChange], rates: [Rate], shares: [Share]) {
      self.changes = changes
      self.percentChanges = percentChanges
      self.rates = rates
      self.shares = shares
    }
  }

  /// Whether `word` is written at `offset`.
  package func has(_ word: String, at offset: Int) -> Bool { UTF8Text.has(word, at: offset, in: bytes) }

  /// The words before `number` back to text offset `start` (at most `limit` bytes), without
  /// white space and without a trailing 为, 是 or colon: what the figure is ("基本支出",
  /// "授予中小企业合同金额").
  package func label(before number: Paragraph.Number, from start: Int, limit: Int = 36) -> String {
    let lower = max(0, start, number.textRange.lowerBound - limit)
    guard lower < number.textRange.lowerBound else { return "" }
    // Where each scalar is a Character of its own, white space is removed from the bytes.
    var text =
      UTF8Text.allStandAlone(bytes[lower..<number.textRange.lowerBound])
      ? String(decoding: UTF8Text.removingWhitespace(from: bytes[lower..<number.textRange.lowerBound]), as: UTF8.self)
      : String(decoding: bytes[lower..<number.textRange.lowerBound], as: UTF8.self).filter { !$0.isWhitespace }
    while let last = text.last, "为：:是".contains(last) { text.removeLast() }
    return text
  }

  /// Offsets of every occurrence of `word` in `range` (default: the whole paragraph).
  package func occurrences(of word: String, in range: Range<Int>? = nil) -> [Int] {
    UTF8Text.offsets(of: Array(word.utf8), in: bytes, range: range ?? 0..<bytes.count)
  }

  /// Skips ASCII and ideographic spaces forward.
  package func skippingSpaces(from offset: Int) -> Int { UTF8Text.skippingSpaces(in: bytes, from: offset) }

  /// Skips ASCII spaces backward from `offset` (exclusive end).
  package func skippingSpacesBackward(from offset: Int) -> Int {
    UTF8Text.skippingSpacesBackward(in: bytes, from: offset)
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
    let start = number.textRange.lowerBound
    return start..<NarrativeScanner.figureEnd(in: bytes, from: start, limit: number.textRange.upperBound)
  }

  /// The sentences of `bytes`, split after 。！？ and at the end (not at ；).
  /// - Complexity: O(n) in the paragraph's length.
  static func sentences(of bytes: [UInt8]) -> [Range<Int>] { Paragraph.sentences(of: bytes, endingAtSemicolons: false) }

  /// The sentence (`sentences`) that holds `offset`; the whole paragraph when none does.
  /// - Complexity: O(log sentences): the sentences are sorted and disjoint.
  package func sentence(containing offset: Int) -> Range<Int> {
    var low = 0
    var high = sentences.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let sentence = sentences[mid]
      if sentence.contains(offset) { return sentence }
      if offset < sentence.lowerBound { high = mid - 1 } else { low = mid + 1 }
    }
    return 0..<bytes.count
  }
}

extension NarrativeReader {
  /// The reader of the same paragraph `offset` bytes further on: what it read is counted in the
  /// paragraph's text, except the numbers' places in the source.
  package func moved(by offset: Int) -> NarrativeReader {
    guard offset != 0 else { return self }
    var moved = self
    let changes = statements.changes.map { change in
      var change = change
      change.delta = change.delta.moved(by: offset)
      change.percent = change.percent?.moved(by: offset)
      change.current = change.current?.moved(by: offset)
      change.previous = change.previous?.moved(by: offset)
      change.alternatives = change.alternatives.map { $0.moved(by: offset) }
      return change
    }
    let rates = statements.rates.map { rate in
      var rate = rate
      rate.rate = rate.rate.moved(by: offset)
      rate.budget = rate.budget?.moved(by: offset)
      rate.budgets = rate.budgets.map { $0.moved(by: offset) }
      rate.actuals = rate.actuals.map { $0.moved(by: offset) }
      rate.actual = rate.actual?.moved(by: offset)
      return rate
    }
    let shares = statements.shares.map { share in
      var share = share
      share.share = share.share.moved(by: offset)
      share.whole = share.whole?.moved(by: offset)
      share.part = share.part?.moved(by: offset)
      return share
    }
    let percentChanges = statements.percentChanges.map { change in
      var change = change
      change.percent = change.percent.moved(by: offset)
      change.previous = change.previous.moved(by: offset)
      change.current = change.current.moved(by: offset)
      return change
    }
    moved.storage = storage.with(
      Statements(changes: changes, percentChanges: percentChanges, rates: rates, shares: shares),
      paragraph: paragraph.moved(by: offset))
    return moved
  }
}
