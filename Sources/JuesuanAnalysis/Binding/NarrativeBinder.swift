import JuesuanCatalogue
import JuesuanModel

/// A table cell a narrative amount can be compared with, and the table it sits in.
package struct TableFigure: Sendable {
  /// The figure in 万元.
  package var value: Amount
  /// The cell.
  package var range: Range<Int>
  /// The title of the table, as figures name it.
  package var tableTitle: String
  /// False when the table states this figure but it could not be read (a table not read, or a
  /// cell whose column is not certain): the narrative is then not compared at all.
  package var isKnown = true
  /// The cell as written when the table is in 元; `value` is then that ÷ 10,000, in 万元, which
  /// the narrative states rounded to its own decimals.
  package var yuan: Amount?

  /// The figure as the narrative would state it with `decimals` decimals, or exactly.
  package func agrees(with written: Amount) -> Bool {
    guard isKnown else { return false }
    if yuan != nil || written.decimals < 2 && !written.isZero {
      let places = max(0, min(written.decimals, 4))
      return value.formatted(decimals: places) == written.formatted(decimals: places)
    }
    return value.isSameValue(as: written)
  }

  /// The figure for messages: "9101.68" (万元), or "91,016,775.35 元（9101.68 万元）".
  package var shown: String {
    guard let yuan else { return value.description }
    return "\(yuan.grouped) 元（\(value.formatted(decimals: 2)) 万元）"
  }
}

/// What a narrative amount names: a description for messages and the table figures that state it.
package struct NarrativeBinding: Sendable {
  /// What the amount is about, for messages ("收入总计", "2010301 行政运行").
  package var subject: String
  /// The figures that state it.
  package var figures: [TableFigure]
  /// For a figure that restates the one the paragraph opens with ("2024年预算安排 X"), where that
  /// opening figure's mark is in the text read.
  package var restatedMark: Int?
}

/// Finds which table figure a narrative amount names, by reading backwards from the amount over
/// a small grammar of filler words ("支出决算为", "年初预算为 §，") to a subject: a known total label
/// (收入总计, 基本支出, “三公”经费…), a subject code ("2010301-行政运行"), or a chain of names with
/// level markers ("一般公共服务（类）…（款）事业运行（项）"). Anything else binds nothing.
///
/// The text is read as Unicode scalars, not `Character`s: comparing CJK graphemes goes through
/// string comparison, and this backwards reading compares thousands of them per paragraph.
package struct NarrativeBinder {
  /// What the binder reads: the text's scalars (`NarrativeBinder.normalizedText` in the rule).
  package typealias Glyph = Unicode.Scalar

  /// A label the narrative uses for a table figure, and how to find the figure (actual, budget).
  struct Anchor {
    var text: [Glyph]
    var lookup: (_ isBudget: Bool) -> [TableFigure]
    /// For a 三公 item: its economic code, compared instead in a listing of 06's items.
    var economicCode: String?
    /// True for a 三公 anchor (not comparable in a listing of 06's items).
    var isSangong = false
    /// True for a label that names its figure by itself ("机关运行经费"): the words before it only
    /// say whose it is ("…下属1家机关和1家参公事业单位财政拨款的"), and need not be clean.
    var standsAlone = false
    /// The figure when "一般公共预算"/"财政拨款" precede the label (04/05 rather than 01/02/03).
    var fiscalLookup: (() -> [TableFigure])?
  }

  let report: Report
  let catalogue: SubjectCatalogue
  /// The year a label's own year must be ("2023年基本支出" binds in a 2023 report): the report's,
  /// or another when the narrative is read as if of that year (`reading(asYear:)`).
  private(set) var year: Int?
  /// The report's unit name as the normalized text writes it (no white space, full-width
  /// parentheses): a total's label after it is the report's own total, as after "本部门".
  private let unitName: [Glyph]
  /// What the binder works out once and then looks up (shared by the anchors' look-ups, which
  /// hold copies of the binder).
  let cache = Cache()
  var anchors: [Anchor] = []
  /// Coded rows of 05, 03 and 02 (in that order), by code.
  var codedRows: [String: [(table: Table, row: Table.Row)]] = [:]
  /// Unambiguous 类/款 names of the function-code tables (no code written), longest first.
  private var functionNames: [(name: [Glyph], code: String)] = []
  /// The same names as text.
  private var functionNameTexts: [String] = []
  /// Unambiguous item names of 06, longest first: bound only in a listing ("主要包括…").
  private var economicNames: [(name: [Glyph], row: Table.Row, table: Table)] = []
  /// The anchors', function names' and item names' last glyphs, for the backwards reading.
  private var anchorEnds = SuffixIndex([])
  private var functionNameEnds = SuffixIndex([])
  private var economicNameEnds = SuffixIndex([])

  /// Stands for an amount in 万元 in the text read.
  package static let amountMark: Glyph = "§"
  /// Stands for any other number.
  package static let otherNumberMark: Glyph = "¤"
  /// Where a label or name ends: punctuation and the number marks.
  static func isBoundary(_ glyph: Glyph) -> Bool {
    switch glyph {
    case "，", "。", "；", "：", "、", ",", ";", ":", amountMark, otherNumberMark: true
    default: false
    }
  }
  private static let fillerEnds = SuffixIndex(fillers)
  private static let expenditure = Array("支出".unicodeScalars)
  private static let fillers: [[Glyph]] = [
    "支出决算数为", "支出决算数", "支出决算为", "支出决算", "决算支出为", "决算支出", "决算数为", "决算数", "决算为", "决算",
    "支出预算数为", "支出预算数", "支出预算为", "支出预算", "全年预算数为", "全年预算数", "全年预算为", "全年预算",
    "年初预算数为", "年初预算数", "年初预算为", "年初预算", "预算数为", "预算数", "预算为", "预算", "财政拨款", "拨款",
    "支出为", "支出", "金额为", "金额", "总额为", "总额", "均为", "共计", "合计为", "为", "是", "：", ":", "科目",
  ].map { Array($0.unicodeScalars) }
  private static let prefixFillers: [[Glyph]] = [
    "一般公共预算", "财政拨款", "拨款", "本年度", "年度", "本年", "全年", "年", "本部门", "我部门", "本单位", "我单位", "部门",
    "单位", "其中", "共", "的",
  ].map { Array($0.unicodeScalars) }
  static let markers: [(text: [Glyph], digits: Int)] = [
    (Array("（类）".unicodeScalars), 3), (Array("（款）".unicodeScalars), 5), (Array("（项）".unicodeScalars), 7),
  ]

  /// The text of some glyphs.
  package static func text(_ glyphs: some Sequence<Glyph>) -> String {
    // Encoded into bytes first: appending scalars to a String one by one costs far more.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(glyphs.underestimatedCount * 3)
    for glyph in glyphs { UTF8.encode(glyph) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func isDigit(_ glyph: Glyph) -> Bool { glyph.value >= 0x30 && glyph.value <= 0x39 }

  /// The binder of `report`'s tables, with `catalogue`'s names of their codes.
  package init(report: Report, catalogue: SubjectCatalogue) {
    self.report = report
    self.catalogue = catalogue
    self.year = report.year
    unitName = Self.glyphs(ofName: report.unitName)
    for kind in [Table.Kind.generalBudget, .expenditure, .income] {
      for table in report.tables where table.kind == kind {
        for row in table.rows where !row.isDamaged {
          guard let code = row.code else { continue }
          codedRows[code, default: []].append((table, row))
        }
      }
    }
    if report.kind.isBudget { buildBudgetAnchors() }
    buildAnchors()
    buildNames()
    anchorEnds = SuffixIndex(anchors.map(\.text))
    functionNameEnds = SuffixIndex(functionNames.map(\.name))
    functionNameTexts = functionNames.map { Self.text($0.name) }
    economicNameEnds = SuffixIndex(economicNames.map(\.name))
  }

  /// A binder of the report's named totals only ("本年支出合计", "基本支出"…), not of its subjects'
  /// codes and names: for a rule that binds a label it already has, at a fraction of the cost.
  package init(totalsOf report: Report, catalogue: SubjectCatalogue) {
    self.report = report
    self.catalogue = catalogue
    self.year = report.year
    unitName = Self.glyphs(ofName: report.unitName)
    if report.kind.isBudget { buildBudgetAnchors() }
    buildAnchors()
    anchorEnds = SuffixIndex(anchors.map(\.text))
  }

  /// `name` as `NarrativeFigures.normalizedText` writes it: no white space, full-width parentheses.
  private static func glyphs(ofName name: String?) -> [Glyph] {
    (name ?? "").unicodeScalars.compactMap { scalar in
      switch scalar {
      case "(": "（"
      case ")": "）"
      default: scalar.properties.isWhitespace ? nil : scalar
      }
    }
  }

  /// How many glyphs before `end` name the report's unit: all of its name, or its last four or more
  /// after a boundary ("社会工作部" of "中共上海市普陀区委社会工作部"); nil when they do not.
  private func ownUnitName(in chars: [Glyph], endingAt end: Int) -> Int? {
    guard unitName.count >= 4 else { return nil }
    var length = 0
    while length < unitName.count, length < end, chars[end - length - 1] == unitName[unitName.count - length - 1] {
      length += 1
    }
    guard length >= 4 else { return nil }
    return length == unitName.count || length == end || Self.isBoundary(chars[end - length - 1]) ? length : nil
  }

  private mutating func buildNames() {
    // Sized at once: growing would hash every name again, which is costly for CJK text.
    var byName: [String: Set<String>] = [:]
    byName.reserveCapacity(codedRows.count)
    for (code, rows) in codedRows where code.count == 3 || code.count == 5 {
      for (_, row) in rows where !row.name.isEmpty {
        byName[SubjectCatalogue.normalizedName(row.name), default: []].insert(code)
      }
    }
    functionNames = byName.compactMap { name, codes in
      codes.count == 1 && !name.utf8Text.hasAtMostCharacters(4)
        ? (Array(name.unicodeScalars), codes.first ?? "") : nil
    }.sorted { $0.name.count > $1.name.count }
    // Rows by their places (table, row): tables and rows are copied only for the names kept.
    let economicTables = tables(.basicExpenditure)
    let economicRows = economicTables.map(\.rows)
    var economic: [String: [(table: Int, row: Int)]] = [:]
    economic.reserveCapacity(economicRows.reduce(0) { $0 + $1.count })
    for (table, rows) in economicRows.enumerated() {
      for (index, row) in rows.enumerated() where row.code != nil && !row.isDamaged {
        economic[SubjectCatalogue.normalizedName(row.name), default: []].append((table, index))
      }
    }
    economicNames = economic.compactMap { name, places -> (name: [Glyph], table: Int, row: Int)? in
      places.count == 1 && !name.utf8Text.hasAtMostCharacters(1)
        ? (Array(name.unicodeScalars), places[0].table, places[0].row) : nil
    }.sorted { $0.name.count > $1.name.count }.map {
      (name: $0.name, row: economicRows[$0.table][$0.row], table: economicTables[$0.table])
    }
  }

  /// True when the sentence up to `end` lists 06's items ("公用经费…主要包括办公费…").
  private static func isListing(_ chars: [Glyph], _ end: Int) -> Bool {
    var index = end
    let words = listingWords
    let lasts = listingWordLasts
    while index > 0, chars[index - 1] != "。" {
      // Most glyphs end no listing word: the words are compared only where one could end.
      if lasts.contains(chars[index - 1]), words.contains(where: { ends(chars, index, with: $0) }) { return true }
      index -= 1
    }
    return false
  }

  private static let listingWords = ["包括", "公用经费", "人员经费"].map { Array($0.unicodeScalars) }
  private static let listingWordLasts = listingWords.compactMap(\.last)

  // MARK: Reading backwards

  /// The binding of the amount whose placeholder sits at `end` in `chars`, or nil.
  /// - Complexity: O(k) in the few dozen characters read.
  package func bind(_ chars: [Glyph], before end: Int) -> NarrativeBinding? {
    var end = end
    var crossed = false
    var qualifiers: [String] = []
    // Whether the sentence lists items: read only when a case needs it.
    let placeholder = end
    var listingRead: Bool?
    func listing() -> Bool {
      if let listingRead { return listingRead }
      let value = Self.isListing(chars, placeholder)
      listingRead = value
      return value
    }
    // In a budget report every figure is a budget's: 预算 says nothing about which column.
    let reportIsBudget = report.kind.isBudget
    for _ in 0..<40 {
      guard end > 0 else { return nil }
      let isBudget =
        !reportIsBudget && qualifiers.contains { $0.utf8Text.contains("预算") }
        && !qualifiers.contains { $0.utf8Text.contains("决算") }
      if let anchorIndex = anchorEnds.first(in: chars, endingAt: end) {
        let anchor = anchors[anchorIndex]
        let start = end - anchor.text.count
        guard
          let fiscal = anchor.standsAlone
            ? ownerScan(chars, start) : prefixScan(chars, start, readsFiscal: anchor.fiscalLookup != nil)
        else { return nil }
        if anchor.fiscalLookup != nil, !isBudget, !fundIsClear(chars, start, anchor: anchor, fiscal: fiscal) {
          return nil
        }
        // "财政拨款收入 900.00 万元，财政拨款支出 910.00 万元": read back past the 收入's figure, the
        // 支出 said of this one is no 收入.
        if crossed, qualifiers.contains(where: { $0.utf8Text.hasPrefix("支出") }),
          Self.text(anchor.text).utf8Text.contains("收入")
        {
          return nil
        }
        // "下属某中心 2023 年度本年支出合计 380.75 万元，其中：基本支出 …": another owner's figures.
        if !anchor.standsAlone, namesOtherOwner(chars, before: start) { return nil }
        // "2010301-行政运行 907.12 万元，其中基本支出 …" speaks of that subject's part, not the total.
        if !anchor.isSangong, sentenceNamesSubject(chars, end - anchor.text.count) { return nil }
        // The 三公 table's 预算数 is the full-year budget; a 年初预算 may differ from it.
        if isBudget, qualifiers.contains(where: { $0.utf8Text.contains("年初") }) { return nil }
        var figures = lookUp(anchorIndex, isBudget ? .budget : .actual) { anchor.lookup(isBudget) }
        if fiscal, !isBudget, let fiscalLookup = anchor.fiscalLookup {
          figures = lookUp(anchorIndex, .fiscal, fiscalLookup)
        }
        if anchor.isSangong, listing() {
          // "公用经费主要包括…公务接待费 X 万元": 06's basic-expenditure item, not the 三公 table.
          guard let code = anchor.economicCode, !isBudget else { return nil }
          figures = economicFigures(code: code)
        }
        return figures.isEmpty ? nil : NarrativeBinding(subject: Self.text(anchor.text), figures: figures)
      }
      if !isBudget, let item = economicNameEnds.first(in: chars, endingAt: end).map({ economicNames[$0] }), listing(),
        !listsProjectSpending(chars, before: placeholder)
      {
        let start = end - item.name.count
        guard start == 0 || Self.isBoundary(chars[start - 1]) || chars[start - 1] == "括" else { return nil }
        guard let figure = figure(item.table, item.row, column: Self.totalColumn(of: item.table)) else { return nil }
        return NarrativeBinding(subject: "\(item.row.code ?? "") \(Self.text(item.name))", figures: [figure])
      }
      if let named = functionNameEnds.first(in: chars, endingAt: end).map({ functionNames[$0] }) {
        guard !isBudget, prefixIsClean(chars, end - named.name.count) else { return nil }
        let figures = figures(code: named.code)
        return figures.isEmpty
          ? nil : NarrativeBinding(subject: "\(named.code) \(Self.text(named.name))", figures: figures)
      }
      if Self.markers.contains(where: { Self.ends(chars, end, with: $0.text) }) {
        return isBudget ? nil : chain(chars, end)
      }
      if reportIsBudget, let bound = dashChain(chars, end) { return bound }
      if reportIsBudget, let bound = restatedAllocation(chars, end, placeholder: placeholder) { return bound }
      if let (code, matched) = code(chars, end) {
        guard matched, !isBudget else { return nil }
        let figures = figures(code: code)
        return figures.isEmpty ? nil : NarrativeBinding(subject: code, figures: figures)
      }
      if var filler = Self.fillerEnds.first(in: chars, endingAt: end).map({ Self.fillers[$0] }) {
        // "一般公共预算财政拨款支出决算数为 §": the 支出 that opens a filler may close a label.
        if filler.starts(with: Self.expenditure), filler.count > Self.expenditure.count,
          anchorEnds.first(in: chars, endingAt: end - filler.count + Self.expenditure.count) != nil
        {
          filler.removeFirst(Self.expenditure.count)
        }
        if !crossed { qualifiers.append(Self.text(filler)) }
        end -= filler.count
        continue
      }
      // A budget's "…（项）2025年预算数为 §": the report's own year before its filler.
      if reportIsBudget, !qualifiers.isEmpty, let written = Self.year(endingAt: end, in: chars), written == year {
        end -= 5
        continue
      }
      if end >= 2, chars[end - 1] == "，", chars[end - 2] == Self.amountMark {
        end -= 2
        crossed = true
        continue
      }
      if chars[end - 1] == "。", Self.markers.contains(where: { Self.ends(chars, end - 1, with: $0.text) }) {
        end -= 1
        crossed = true
        continue
      }
      // "3、…（类）…（款）…（项）。主要用于：…。全年预算为 B 万元，支出决算为 A 万元。": the
      // item the paragraph opens with is the subject of its figures, unless another is named.
      if chars[end - 1] == "。", !isBudget, let subject = openingSubject(chars, before: end) {
        return subject
      }
      return nil
    }
    return nil
  }

  /// The subject a paragraph opens with (a chain of marked names ending its first sentence),
  /// when nothing between it and `end` names another subject, amount or total.
  private func openingSubject(_ chars: [Glyph], before end: Int) -> NarrativeBinding? {
    guard let stop = chars[..<end].firstIndex(of: "。"), stop < end - 1,
      Self.markers.contains(where: { Self.ends(chars, stop, with: $0.text) })
    else { return nil }
    let between = Array(chars[stop..<end])
    // Another item, a code or a figure of the subject's before this one: not this subject's.
    if Self.containsMarker(between) { return nil }
    if between.contains(where: Self.isDigit) || Self.text(between).utf8Text.contains("其中") { return nil }
    return chain(chars, stop)
  }

  private static let allocation = Array("预算安排".unicodeScalars)

  /// The year "YYYY年" ending at `end` writes, nil when the glyphs there are no such year.
  private static func year(endingAt end: Int, in chars: [Glyph]) -> Int? {
    guard end >= 5, chars[end - 1] == "年", (end - 5..<end - 1).allSatisfy({ isDigit(chars[$0]) }) else { return nil }
    return Int(text(chars[(end - 5)..<(end - 1)]))
  }

  /// "“…（款）…（项）”25.77万元，主要用于…。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，
  /// 比…": in a budget, this year's "预算安排" figure restates the item the paragraph opens with. Bound
  /// when nothing but this year ("2024年", "本年") stands between the sentence's or clause's start
  /// and "预算安排", and the paragraph's first amount binds to a subject code.
  private func restatedAllocation(_ chars: [Glyph], _ end: Int, placeholder: Int) -> NarrativeBinding? {
    guard Self.ends(chars, end, with: Self.allocation) else { return nil }
    var start = end - Self.allocation.count
    if Self.ends(chars, start, with: Array("本年".unicodeScalars)) {
      start -= 2
    } else if let written = Self.year(endingAt: start, in: chars) {
      guard written == year else { return nil }
      start -= 5
    }
    guard start == 0 || ["，", "。", "；"].contains(chars[start - 1]),
      let opening = chars.firstIndex(of: Self.amountMark), opening < placeholder, opening < start,
      let subject = bind(chars, before: opening), subject.subject.first?.isASCII == true,
      subject.subject.first?.isNumber == true
    else { return nil }
    var restated = subject
    restated.restatedMark = opening
    return restated
  }

  /// Whether a level marker "（类）", "（款）" or "（项）" is written anywhere in `glyphs`.
  private static func containsMarker(_ glyphs: [Glyph]) -> Bool {
    markers.contains { marker in
      glyphs.count >= marker.text.count
        && (0...(glyphs.count - marker.text.count)).contains {
          glyphs[$0..<($0 + marker.text.count)].elementsEqual(marker.text)
        }
    }
  }

  static func ends(_ chars: [Glyph], _ end: Int, with word: [Glyph]) -> Bool {
    guard end >= word.count, end <= chars.count else { return false }
    // From the last glyph back: most words differ there at once.
    var index = word.count
    while index > 0 {
      guard chars[end - word.count + index - 1] == word[index - 1] else { return false }
      index -= 1
    }
    return true
  }

  /// The same binder reading labels as if the report were of `year`: only a label's own year
  /// depends on it, so the tables, names and anchors are kept.
  package func reading(asYear year: Int) -> NarrativeBinder {
    var binder = self
    binder.year = year
    return binder
  }

  /// True when the words before a total label are only a year, "一般公共预算", "财政拨款", an
  /// enumerator and the like (so "政府性基金预算财政拨款基本支出" or "2022年基本支出" do not bind).
  private func prefixIsClean(_ chars: [Glyph], _ start: Int) -> Bool { prefixScan(chars, start) != nil }

  /// True when the sentence before `start` names a subject of its own: a "code-name", a level
  /// marker or a 类/款 name.
  private func sentenceNamesSubject(_ chars: [Glyph], _ start: Int) -> Bool {
    let sentence = Array(chars[Self.sentenceStart(chars, before: start)..<start])
    if Self.containsMarker(sentence) { return true }
    var run = 0
    for char in sentence {
      if Self.isDigit(char) {
        run += 1
        continue
      }
      if [3, 5, 7].contains(run), "-－—".unicodeScalars.contains(char) { return true }
      // "招商引资（2011308）支出…": a 款 or 项 code in brackets.
      if [5, 7].contains(run), "）)".unicodeScalars.contains(char) { return true }
      run = 0
    }
    let text = Self.text(sentence)
    return functionNameTexts.contains { text.utf8Text.contains($0) }
  }

  /// The words before a label that stands alone, back to the clause's start: nil when they set
  /// the figure in another year ("2023年", "上年", "比…", "较…"), else false (not read as fiscal).
  private func ownerScan(_ chars: [Glyph], _ start: Int) -> Bool? {
    var index = start
    while index > 0, !Self.isBoundary(chars[index - 1]), start - index < 80 { index -= 1 }
    let words = Self.text(chars[index..<start])
    if ["上年", "上一年", "去年", "比", "较"].contains(where: { words.utf8Text.contains($0) }) { return nil }
    var digits = 0
    for (offset, glyph) in chars[index..<start].enumerated() {
      if Self.isDigit(glyph) {
        digits += 1
        continue
      }
      if digits == 4, glyph == "年" {
        let yearText = Self.text(chars[(index + offset - 4)..<(index + offset)])
        guard let year, Int(yearText) == year else { return nil }
      }
      digits = 0
    }
    return false
  }

  /// Whether the words before a total label are clean (nil when not), and whether they say
  /// 一般公共预算/财政拨款.
  /// For a 结转和结余, whether its sentence says whose it is: all funds' (no 财政拨款 before it in the
  /// sentence), or 财政拨款's as a whole ("财政拨款年末结转和结余"), not one fund's ("一般公共预算
  /// 财政拨款年末…", which no total row states), and not a 财政拨款 said of another 结转和结余
  /// before ("财政拨款年末结转和结余 §，年初结转和结余 §", which may carry over). True for other
  /// labels.
  private func fundIsClear(_ chars: [Glyph], _ start: Int, anchor: Anchor, fiscal: Bool) -> Bool {
    guard Self.ends(anchor.text, anchor.text.count, with: Self.carryOver) else { return true }
    let before = Self.text(chars[Self.sentenceStart(chars, before: start)..<start]).utf8Text
    if fiscal { return before.hasSuffix("财政拨款") && !before.hasSuffix("预算财政拨款") }
    return !before.contains("财政拨款年")
  }

  private static let carryOver = Array("结转和结余".unicodeScalars)

  /// Whether the sentence up to `end` lists what 项目支出 comprises ("项目支出…主要包括机关事业单位基本
  /// 养老保险缴费支出 120.00 万元"): the basic-expenditure table (06) states none of it.
  private func listsProjectSpending(_ chars: [Glyph], before end: Int) -> Bool {
    let sentence = Self.text(chars[Self.sentenceStart(chars, before: end)..<end]).utf8Text
    return sentence.contains("项目支出") && !["基本支出", "人员经费", "公用经费"].contains(where: sentence.contains)
  }

  /// `StatedTotals.namesOtherOwner` for the sentence of `chars` up to `end`, read in glyphs (the
  /// sentence is made text only when one of the owners' first two glyphs are in it).
  private func namesOtherOwner(_ chars: [Glyph], before end: Int) -> Bool {
    let from = Self.sentenceStart(chars, before: end)
    let mayName = (from..<max(from, end - 1)).contains { index in
      Self.ownerOpenings.contains { $0.0 == chars[index] && $0.1 == chars[index + 1] }
    }
    guard mayName else { return false }
    let bytes = Array(Self.text(chars[from..<end]).utf8)
    return StatedTotals.namesOtherOwner(bytes, before: bytes.count)
  }

  /// Where the sentence holding `end` starts: after the last "。" before it.
  private static func sentenceStart(_ chars: [Glyph], before end: Int) -> Int {
    var start = end
    while start > 0, chars[start - 1] != "。" { start -= 1 }
    return start
  }

  /// The first two glyphs of `StatedTotals`' owner words (下属, 所属, 机关本级, 二级单位, 下级单位).
  private static let ownerOpenings: [(Glyph, Glyph)] = [("下", "属"), ("所", "属"), ("机", "关"), ("二", "级"), ("下", "级")]

  /// With `readsFiscal`, a 财政拨款 carried over from the label before (`StatedTotals.carriesFiscalOver`)
  /// makes the label 财政拨款's (true); without, the label is not read (nil).
  private func prefixScan(_ chars: [Glyph], _ start: Int, readsFiscal: Bool = false) -> Bool? {
    var fiscal = false
    var index = start
    var digits = ""
    func yearIsFine() -> Bool {
      defer { digits = "" }
      guard digits.count == 4 else { return true }
      return year != nil && Int(digits) == year
    }
    while index > 0 {
      let char = chars[index - 1]
      if Self.isBoundary(char) {
        // "财政拨款收入总计 §、支出总计 §": after a 、, the 财政拨款 said before it carries over to a
        // label that does not say it (which is not read as the total of all funds).
        if char == "、" || char == "，", !fiscal {
          // Its sentence, made text only when it has a 财 to carry over.
          let from = Self.sentenceStart(chars, before: index - 1)
          let mayCarry = chars[from..<(index - 1)].contains("财")
          let before = mayCarry ? Array(Self.text(chars[from..<index]).utf8) : []
          if mayCarry, StatedTotals.carriesFiscalOver(before, before: before.count) {
            return readsFiscal && yearIsFine() ? true : nil
          }
        }
        return yearIsFine() ? fiscal : nil
      }
      if let filler = Self.prefixFillers.first(where: { Self.ends(chars, index, with: $0) }) {
        guard yearIsFine() else { return nil }
        if filler.count >= 2, Self.text(filler).utf8Text.contains("拨款") || Self.text(filler).utf8Text.contains("预算") {
          fiscal = true
        }
        index -= filler.count
        continue
      }
      if Self.isDigit(char) {
        digits = String(char) + digits
        index -= 1
        continue
      }
      guard yearIsFine() else { return nil }
      if "（）().．一二三四五六七八九十".unicodeScalars.contains(char) {
        index -= 1
        continue
      }
      // "中共上海市普陀区委社会工作部 2024 年度收入支出总计": the report's own unit.
      if let length = ownUnitName(in: chars, endingAt: index) {
        index -= length
        continue
      }
      return nil
    }
    return yearIsFine() ? fiscal : nil
  }

}
