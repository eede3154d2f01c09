import JuesuanModel

/// The report's totals as its narrative states them, each a fact: which total, its figure (万元)
/// and where. "收入预算37,151.47万元，其中：财政拨款收入37,151.47万元…支出预算37,151.47万元，其中：
/// 财政拨款支出预算…一般公共预算拨款支出预算…政府性基金拨款支出预算0万元" states seven. Read so that
/// the totals can be held against each other where the tables that state them were not read.
package struct StatedTotals: AnalysisView {
  /// The totals tables state, the paragraphs that restate them, and the headings they fall under.
  package static let elements: ReportElements? = [.tables, .paragraphs, .headings]

  /// A total the narrative states.
  package enum Total: Sendable, CaseIterable {
    /// 收入总计 (a budget's 收入预算) and 支出总计 (支出预算).
    case income, expenditure
    /// 财政拨款收入（总计）and 财政拨款支出（预算/总计）.
    case fiscalIncome, fiscalExpenditure
    /// A budget's 财政拨款支出预算 by fund.
    case generalBudget, governmentFund, stateCapital
    /// A budget's 财政拨款收入 by fund, as its 收入预算 and 财政拨款收入 state them, often twice.
    case generalBudgetIncome, governmentFundIncome, stateCapitalIncome
    /// “三公”经费 (a budget's, or a final's 支出决算) and its items: 因公出国（境）费, 公务用车购置及
    /// 运行费 (购置费 and 运行费), 公务接待费.
    case sangong, sangongAbroad, sangongVehicles, sangongPurchase, sangongRunning, sangongReception
    /// The parts of 公务接待费 its explanation names, which no table states: 外宾（外事）接待,
    /// 国内公务接待, 其他国内公务接待 (the rest beside 外宾接待) and 国（境）外公务接待 (the rest beside
    /// 国内). Templates differ in whether 国内 includes 外宾 ("国内公务接待支出 0.39 万（含外宾接待支出
    /// 0.00 万元）", "国内接待费 0 万元…其中外事接待费 0 万元") or not.
    case receptionForeign, receptionDomestic, receptionOtherDomestic, receptionAbroad

    /// Whether it is read in the 三公 section (and, but for the parts of 公务接待费, stated by the
    /// 三公 table; the others by the 收支总表 01 and 04).
    package var isSangong: Bool {
      switch self {
      case .sangong, .sangongAbroad, .sangongVehicles, .sangongPurchase, .sangongRunning, .sangongReception: true
      default: isReceptionPart
      }
    }

    /// A part of 公务接待费 that no table states.
    package var isReceptionPart: Bool {
      self == .receptionForeign || self == .receptionDomestic || self == .receptionOtherDomestic
        || self == .receptionAbroad
    }

    /// How the narrative names it, longest first within the total.
    func labels(isBudget: Bool) -> [String] {
      switch (self, isBudget) {
      case (.income, true): ["收入预算总计", "收入预算总额", "收入总预算", "收入预算"]
      case (.expenditure, true): ["支出预算总计", "支出预算总额", "支出总预算", "支出预算"]
      case (.fiscalIncome, true): ["财政拨款收入"]
      case (.fiscalExpenditure, true): ["财政拨款支出预算"]
      case (.generalBudget, true): ["一般公共预算财政拨款支出预算", "一般公共预算拨款支出预算", "一般公共预算支出预算"]
      case (.governmentFund, true): ["政府性基金预算拨款支出预算", "政府性基金拨款支出预算", "政府性基金预算支出预算"]
      case (.stateCapital, true): ["国有资本经营预算拨款支出预算", "国有资本经营预算支出预算"]
      case (.generalBudgetIncome, true): ["一般公共预算拨款收入", "一般公共预算财政拨款收入"]
      case (.governmentFundIncome, true): ["政府性基金预算拨款收入", "政府性基金拨款收入", "政府性基金预算财政拨款收入"]
      case (.stateCapitalIncome, true): ["国有资本经营预算拨款收入", "国有资本经营预算财政拨款收入"]
      case (.income, false): ["收入总计"]
      case (.expenditure, false): ["支出总计"]
      case (.fiscalIncome, false): ["财政拨款收入总计"]
      case (.fiscalExpenditure, false): ["财政拨款支出总计"]
      case (.sangong, _): ["“三公”经费", "\"三公\"经费", "三公经费"]
      case (.sangongAbroad, _): ["因公出国（境）费用", "因公出国（境）费", "因公出国(境)费"]
      case (.sangongVehicles, _): ["公务用车购置及运行维护费", "公务用车购置及运行费"]
      // A final's detail names the two parts by their spending: "公务用车购置支出为 0.00 万元".
      case (.sangongPurchase, true): ["公务用车购置费"]
      case (.sangongPurchase, false): ["公务用车购置费", "公务用车购置支出"]
      case (.sangongRunning, true): ["公务用车运行维护费", "公务用车运行费"]
      case (.sangongRunning, false): ["公务用车运行维护费", "公务用车运行费", "公务用车运行维护支出"]
      case (.sangongReception, _): ["公务接待费"]
      case (.receptionForeign, _): ["外宾接待支出", "外宾接待费", "外事接待支出", "外事接待费"]
      case (.receptionDomestic, _): ["国内公务接待支出", "国内公务接待费", "国内接待支出", "国内接待费"]
      case (.receptionOtherDomestic, _): ["其他国内公务接待支出", "其他国内公务接待费"]
      case (.receptionAbroad, _):
        ["国（境）外公务接待支出", "国（境）外公务接待费", "国（境）外接待支出", "国（境）外接待费", "国(境)外公务接待支出", "国(境)外公务接待费"]
      case (.generalBudget, false), (.governmentFund, false), (.stateCapital, false), (.generalBudgetIncome, false),
        (.governmentFundIncome, false), (.stateCapitalIncome, false):
        []
      }
    }

    /// The words that may stand between the label and its figure, longest first: a budget's
    /// "“三公”经费预算数为 47.91 万元"; a final's "公务接待费支出决算为 0.39 万元", "（一）因公出国（境）费
    /// 支出 0.00 万元", "一般公共预算拨款“三公”经费支出 42.41 万元". (A final's "“三公”经费财政拨款支出
    /// 年初预算为 2.85 万元" states the budget, and its figure is not right after any of them.)
    func connectors(isBudget: Bool) -> [String] {
      if isBudget { return ["预算数", "预算"] }
      guard isSangong else { return [] }
      return ["财政拨款支出决算", "财政拨款支出", "支出决算数", "支出决算", "决算数", "决算", "支出"]
    }

    /// The words of a budget figure a final states first ("公务接待费预算为 0.00 万元，支出决算为
    /// 0.00 万元"): the figure after them is passed over, and the final's figure read after the
    /// connector that follows.
    func budgetFirst(isBudget: Bool) -> [String] {
      isBudget || !isSangong ? [] : ["年初预算数为", "年初预算为", "全年预算数为", "全年预算为", "预算数为", "预算为"]
    }

    /// Words right before the label that make it another total's name: "财政拨款收入预算",
    /// "政府性基金收入总计", a part's ("基本支出预算", "项目支出预算", "机关运行经费支出预算"); for
    /// 三公, a part of the item ("国内公务接待费", "其他国内公务接待费").
    var otherNamePrefixes: [String] {
      isSangong
        ? ["国内", "外宾", "外事", "其他", "境）外", "境)外", "附属单位", "下属"]
        : [
          "拨款", "基金", "资本", "经营", "事业", "其他", "上级补助", "附属单位", "本级", "基本", "项目", "经费", "事业单位", "下属单位",
          "所属单位", "二级单位",
        ]
    }

    /// The name for messages.
    package func name(isBudget: Bool) -> String { labels(isBudget: isBudget).last ?? "" }
  }

  /// One statement of a total.
  package struct Fact: Sendable {
    package var total: Total
    package var number: Paragraph.Number
    /// The index of its paragraph in `Report.paragraphs`.
    package var paragraph: Int
  }

  /// Every statement, in the order of the text.
  package let facts: [Fact]
  /// Whether the tables that state these totals (01 and 04) were read with figures: the
  /// narrative's totals are then compared with them (xref/narrative-number), not only with each
  /// other.
  package let tablesStateThem: Bool
  /// Whether the 三公 table was read with figures.
  package let sangongTableStatesThem: Bool
  /// A budget's 财政拨款收支总表 (04) 支出总计 in 万元, its 合计 column, when read; and whether
  /// that row's fund columns are certain too (else xref/narrative-number cannot hold the funds'
  /// figures against it).
  package let fiscalExpenditureInTable: Amount?
  package let fundsPlacedInTable: Bool

  /// Whether the table that states `total` was read with figures (`tablesStateThem`,
  /// `sangongTableStatesThem`).
  package func tablesState(_ total: Total) -> Bool {
    !total.isReceptionPart && (total.isSangong ? sangongTableStatesThem : tablesStateThem)
  }

  package static let reads: [any AnalysisView.Type] = []

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let report = input.report
    let isBudget = report.kind.isBudget
    func read(_ kind: Table.Kind) -> Bool {
      report.tables.contains { $0.kind == kind && $0.reading.status != .unread && !$0.hasNoData }
    }
    tablesStateThem = read(.summary) && read(.fiscalSummary)
    sangongTableStatesThem = read(.sangong)
    let fiscal = report.tables.first { $0.kind == .fiscalSummary && $0.reading.status != .unread }
    let spending = fiscal.flatMap { table in
      table.panels.count > 1 ? table.panels[1].rows.last { $0.code == nil && $0.label.hasSuffix("总计") } : nil
    }
    if let fiscal, let spending, !spending.isDamaged, let cell = spending.cells.first ?? nil, !cell.isDamaged {
      fiscalExpenditureInTable = fiscal.inTenThousandYuan(cell.value)
    } else {
      fiscalExpenditureInTable = nil
    }
    fundsPlacedInTable = spending?.isPositional ?? false
    // Every label of every total, longest first: "一般公共预算拨款支出预算" claims its text before
    // "支出预算" can, "收入支出总计" (both totals at once) before "支出总计".
    let single = Total.allCases.flatMap { total in
      total.labels(isBudget: isBudget).map { (totals: [total], bytes: Array($0.utf8)) }
    }
    let both = Self.bothLabels(isBudget: isBudget).map { (totals: $0.totals, bytes: Array($0.label.utf8)) }
    // A final's 三公 figures are its 财政拨款's (the section says so), read in its 三公 section only:
    // elsewhere (机关运行经费, 公用经费) the same names are economic items of other totals, and a
    // paragraph that counts other funds in, or speaks of 机关运行经费, states other totals under
    // the same names.
    let inSangongSection = isBudget ? [] : Self.sangongSection(report)
    let otherTotals = ["其他资金", "自有资金", "单位资金", "全口径", "非财政", "机关运行经费"].map { Array($0.utf8) }
    let labels = (single + both).sorted { $0.bytes.count > $1.bytes.count }
    var facts: [Fact] = []
    // Every label ends with 预算, 总计, 收入, 费 (经费, 接待费…), 接待支出 (外宾接待支出…), 购置支出 or
    // 维护支出 (a final's 公务用车购置支出, 运行维护支出): a paragraph without any of them states none.
    let endings = ["预算", "总计", "收入", "费", "接待支出", "购置支出", "维护支出"].map { Array($0.utf8) }
    for (index, paragraph) in report.paragraphs.enumerated()
    where paragraph.numbers.contains(where: { $0.unit == .tenThousandYuan })
      && endings.contains(where: { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil })
    {
      var claimed: [Range<Int>] = []
      // A final's 三公 labels are read in its 三公 section only, and not searched for elsewhere.
      let readsSangong =
        isBudget
        || inSangongSection[index]
          && !otherTotals.contains(where: { UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil })
      // The parts of 公务接待费 are named only where 接待 is.
      let readsReception = readsSangong && UTF8Text.firstOffset(of: Self.reception, in: paragraph.utf8) != nil
      for label in labels
      where (readsSangong || !label.totals[0].isSangong) && (readsReception || !label.totals[0].isReceptionPart) {
        for offset in UTF8Text.offsets(of: label.bytes, in: paragraph.utf8, range: 0..<paragraph.utf8.count) {
          let range = offset..<(offset + label.bytes.count)
          guard !claimed.contains(where: { $0.overlaps(range) }) else { continue }
          claimed.append(range)
          let total = label.totals[0]
          guard
            let number = Self.figure(
              after: range.upperBound, in: paragraph, connectors: total.connectors(isBudget: isBudget),
              budgetFirst: total.budgetFirst(isBudget: isBudget)),
            !Self.extendsAnotherName(paragraph, before: offset, prefixes: total.otherNamePrefixes),
            total != .income && total != .expenditure || !Self.carriesFiscalOver(paragraph.utf8, before: offset),
            !Self.namesOtherOwner(paragraph.utf8, before: offset),
            // A unit's report quoting its department's ("…局2023年度部门决算收入总计 12,356.80 万元").
            !(report.kind == .unitFinal || report.kind == .unitBudget)
              || !Self.extendsAnotherName(paragraph, before: offset, prefixes: ["部门决算", "部门预算"]),
            Self.isThisYears(paragraph, before: offset, year: report.year)
          else { continue }
          facts += label.totals.map { Fact(total: $0, number: number, paragraph: index) }
        }
      }
    }
    self.facts = facts.sorted { $0.number.range.lowerBound < $1.number.range.lowerBound }
  }

  private static let reception = Array("接待".utf8)

  /// The statements of `total`.
  package func statements(of total: Total) -> [Fact] { facts.filter { $0.total == total } }

  /// The one figure stated for `total`, nil when it is stated with two values or not at all.
  package func figure(of total: Total) -> Fact? {
    let stated = statements(of: total)
    guard let first = stated.first, stated.allSatisfy({ $0.number.value.isSameValue(as: first.number.value) }) else {
      return nil
    }
    return first
  }

  /// The total whose parts a paragraph lists without stating it: a budget's "收入预算中：一般公共
  /// 预算拨款收入 1,100.00 万元，占 91.67%；…" (and "支出预算中："), the 收入预算 or 支出预算 the
  /// narrative stated before (its last statement).
  package func listedTotal(of reader: NarrativeReader, paragraph index: Int) -> Fact? {
    var start = reader.skippingSpaces(from: 0)
    // "2025年收入预算中：" names the year first.
    if start + 7 <= reader.bytes.count, reader.bytes[start..<(start + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      reader.has("年", at: start + 4)
    {
      start += 7
    }
    let listed: [(opener: String, total: Total)] = [("收入预算中", .income), ("支出预算中", .expenditure)]
    guard let total = listed.first(where: { reader.has($0.opener, at: start) })?.total else { return nil }
    return statements(of: total).last { $0.paragraph < index }
  }

  /// For each paragraph, whether it is in a section about 三公: one whose heading names them, or
  /// whose paragraphs have named them by then ("（一）" over "“三公”经费财政拨款支出决算总体情况说明。").
  private static func sangongSection(_ report: Report) -> [Bool] {
    let sangong = Array("三公".utf8)
    var heading: Int?
    var inSection = false
    return report.paragraphs.map { paragraph in
      if paragraph.headingIndex != heading || heading == nil {
        heading = paragraph.headingIndex
        inSection =
          heading.map { $0 < report.headings.count && report.headings[$0].text.utf8Text.contains("三公") } ?? false
      }
      if !inSection { inSection = UTF8Text.firstOffset(of: sangong, in: paragraph.utf8) != nil }
      return inSection
    }
  }

  /// Labels that state two totals at once: "收入支出总计 X" is 收入总计 and 支出总计, both X.
  private static func bothLabels(isBudget: Bool) -> [(label: String, totals: [Total])] {
    let whole: [Total] = [.income, .expenditure]
    guard !isBudget else { return ["收支总预算", "收支预算总额", "收支预算总计"].map { ($0, whole) } }
    let fiscal: [Total] = [.fiscalIncome, .fiscalExpenditure]
    return ["收入支出总计", "收支总计", "收、支总计"].map { ($0, whole) }
      + ["财政拨款收入支出总计", "财政拨款收支总计", "财政拨款收、支总计"].map { ($0, fiscal) }
  }

  /// Whether the words right before a label make it part of another name (`prefixes`): not the
  /// total itself.
  private static func extendsAnotherName(_ paragraph: Paragraph, before offset: Int, prefixes: [String]) -> Bool {
    prefixes.contains { word in
      offset >= word.utf8.count && UTF8Text.has(word, at: offset - word.utf8.count, in: paragraph.utf8)
    }
  }

  /// Whether a label right after a 、 takes over the 财政拨款 said before it in its sentence:
  /// "财政拨款收入总计 930.00 万元、支出总计 930.00 万元" states 财政拨款's 支出总计, not all funds'. After
  /// a "，" only from the clause right before, when that names 财政拨款's 总计 ("财政拨款收入总计
  /// 1,065.56 万元，支出总计 1,065.56 万元"). (`bytes`: a paragraph's text, or the binder's up to the
  /// label.)
  static func carriesFiscalOver(_ bytes: [UInt8], before offset: Int) -> Bool {
    let end = UTF8Text.skippingSpacesBackward(in: bytes, from: offset)
    if UTF8Text.has("、", at: end - 3, in: bytes) {
      return UTF8Text.firstOffset(of: fiscal, in: bytes, from: sentenceStart(bytes, before: end - 3), before: end - 3)
        != nil
    }
    let mark = UTF8Text.has("，", at: end - 3, in: bytes) ? end - 3 : end >= 1 && bytes[end - 1] == 0x2C ? end - 1 : nil
    guard let mark else { return false }
    var start = mark
    while start > 0, !clauseMarks.contains(where: { UTF8Text.has($0, at: start - $0.count, in: bytes) }) { start -= 1 }
    return UTF8Text.firstOffset(of: fiscal, in: bytes, from: start, before: mark) != nil
      && UTF8Text.firstOffset(of: total, in: bytes, from: start, before: mark) != nil
  }

  /// Whether the sentence up to `offset` names an owner other than the department as a whole
  /// ("下属某中心 2023 年度收入总计…", "其中，机关本级“三公”经费支出…"), not as a part of it
  /// ("本部门（含下属单位）…") or as what it is made of ("本部门下属 1 家机关和 1 家参公事业单位的…"):
  /// its figures are that owner's.
  package static func namesOtherOwner(_ bytes: [UInt8], before offset: Int) -> Bool {
    let start = sentenceStart(bytes, before: offset)
    return owners.contains { owner in
      UTF8Text.offsets(of: owner, in: bytes, range: start..<offset).contains { found in
        let next = UTF8Text.skippingSpaces(in: bytes, from: found + owner.count)
        return !including.contains { UTF8Text.has($0, at: found - $0.count, in: bytes) }
          && !(next < bytes.count && (0x30...0x39).contains(bytes[next]))
      }
    }
  }

  private static func sentenceStart(_ bytes: [UInt8], before offset: Int) -> Int {
    var start = offset
    while start > 0, !UTF8Text.has("。", at: start - 3, in: bytes) { start -= 1 }
    return start
  }

  private static let fiscal = Array("财政拨款".utf8)
  private static let total = Array("总计".utf8)
  // No "," here: it separates the thousands of the figure before.
  private static let clauseMarks = ["，", "、", "；", "。", ";"].map { Array($0.utf8) }
  private static let owners = ["下属", "所属", "机关本级", "二级单位", "下级单位"].map { Array($0.utf8) }
  private static let including = ["含", "包括", "包含"].map { Array($0.utf8) }

  /// The 万元 amount right after a label, perhaps after one of `connectors` and 为: "收入预算
  /// 37,151.47万元", "支出总计为 307.82 万元", "“三公”经费预算数为 47.91 万元"; after a budget figure
  /// (`budgetFirst`, then a comma), the figure after the connector that follows it.
  private static func figure(
    after offset: Int, in paragraph: Paragraph, connectors: [String], budgetFirst: [String] = []
  ) -> Paragraph.Number? {
    let bytes = paragraph.utf8
    func connected(from offset: Int) -> Int? {
      let start = UTF8Text.skippingSpaces(in: bytes, from: offset)
      guard let word = connectors.first(where: { UTF8Text.has($0, at: start, in: bytes) }) else { return nil }
      return UTF8Text.skippingSpaces(in: bytes, from: start + word.utf8.count)
    }
    var start = connected(from: offset) ?? UTF8Text.skippingSpaces(in: bytes, from: offset)
    if let word = budgetFirst.first(where: { UTF8Text.has($0, at: start, in: bytes) }) {
      let figureStart = UTF8Text.skippingSpaces(in: bytes, from: start + word.utf8.count)
      guard let budget = paragraph.numbers.first(where: { $0.textRange.lowerBound == figureStart }),
        budget.unit == .tenThousandYuan
      else { return nil }
      let comma = UTF8Text.skippingSpaces(in: bytes, from: budget.textRange.upperBound)
      guard let mark = ["，", ","].first(where: { UTF8Text.has($0, at: comma, in: bytes) }),
        let next = connected(from: comma + mark.utf8.count)
      else { return nil }
      start = next
    }
    for word in ["为", "是", "：", ":"] where UTF8Text.has(word, at: start, in: bytes) {
      start = UTF8Text.skippingSpaces(in: bytes, from: start + word.utf8.count)
      break
    }
    return paragraph.numbers.first { $0.textRange.lowerBound == start && $0.unit == .tenThousandYuan }
  }

  /// Whether the clause before a label speaks of the report's year: no other year written in it
  /// ("2024年收入预算"), and not last year's ("上年", "去年") or a comparison ("比", "较"), nor in a
  /// sentence about last year (`LastYearSentence`).
  private static func isThisYears(_ paragraph: Paragraph, before offset: Int, year: Int?) -> Bool {
    var start = offset
    let bytes = paragraph.utf8
    while start > 0 {
      let previous = start - 3
      if previous >= 0, ["，", "。", "；", "："].contains(where: { UTF8Text.has($0, at: previous, in: bytes) }) { break }
      start -= 1
    }
    let clause = String(decoding: bytes[start..<offset], as: UTF8.self)
    if ["上年", "去年", "上一年", "比", "较"].contains(where: { clause.utf8Text.contains($0) }) { return false }
    var digits = 0
    for (position, character) in clause.enumerated() {
      if character.isASCIIDigit {
        digits += 1
        continue
      }
      if digits == 4, character == "年" {
        let text = String(Array(clause)[(position - 4)..<position])
        guard let year, Int(text) == year else { return false }
      }
      digits = 0
    }
    return !LastYearSentence.holds(bytes, before: offset, year: year)
  }
}
