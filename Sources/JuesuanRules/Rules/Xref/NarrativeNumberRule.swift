import JuesuanAnalysis
import JuesuanModel

/// A narrative amount (万元) differs from the table figure it names: by subject code, by a chain of
/// 类/款/项 names, or by a known total (收入总计, 基本支出, 人员经费, “三公”经费…).
struct NarrativeNumberRule: Rule {
  static let description = RuleDescription(
    code: "xref/narrative-number",
    summary: "情况说明中的金额应与其所指的表中数一致。",
    rationale:
      "按科目编码、“（类）（款）（项）”名称或收入总计、基本支出、人员经费、“三公”经费等固定口径，把叙述中的万元金额对到表中单元格；"
      + "只在所指唯一、表中单元格可读时比较。上年数、增减额和百分比不在此检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行9101.68万元，即9,101.68万元，约9102万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t10.00\t\n2010301\t行政运行\t10.00\t10.00\t\n\n（一）2010301-行政运行10.00万元，较上年决算数减少2.00万元。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n“三公”经费财政拨款支出预算为0.39万元，支出决算为0.05万元。其他国内公务接待支出0.00万元。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行⟦9101.86⟧万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行9101.68万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t33.93\t33.93\t\n2210203\t购房补贴\t33.93\t33.93\t\n\n（十七）2210203-购房补贴⟦21.19⟧万元，较上年增加21.19万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t33.93\t33.93\t\n2210203\t购房补贴\t33.93\t33.93\t\n\n（十七）2210203-购房补贴33.93万元，较上年增加21.19万元。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n3.公务接待费预算为⟦0.00⟧万元，支出决算为⟦0.00⟧万元。\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n3.公务接待费预算为0.39万元，支出决算为0.05万元。\n"
      ),
    ])

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    guard report.tables.contains(where: { $0.kind != .unknown && $0.kind != .selfEvaluation }) else {
      context.skip("没有识别出决算表，情况说明中的金额无从对照")
      return
    }
    let binder = NarrativeBinder(report: report, catalogue: context.catalogue)
    for paragraph in report.paragraphs where paragraph.numbers.contains(where: { $0.unit == .tenThousandYuan }) {
      // Performance sections speak of subsets (self-evaluated projects), not of the tables' totals.
      if let heading = paragraph.headingIndex, heading < report.headings.count,
        report.headings[heading].text.utf8Text.contains("绩效")
      {
        continue
      }
      let (chars, positions) = Self.normalizedText(paragraph)
      for (index, number) in paragraph.numbers.enumerated() where number.unit == .tenThousandYuan {
        guard let position = positions[index], let binding = binder.bind(chars, before: position) else { continue }
        context.ran()
        compare(number, binding, report: report, context: &context)
      }
    }
  }

  private func compare(
    _ number: Paragraph.Number, _ binding: NarrativeBinding, report: Report, context: inout RuleContext
  ) {
    let written = number.value
    guard !binding.figures.contains(where: { $0.agrees(with: written) }) else { return }
    guard binding.figures.allSatisfy(\.isKnown) else {
      context.skip("“\(binding.subject)”所在的表未能完整读取，未比较叙述中的 \(written) 万元")
      return
    }
    let digits = Self.digitRange(of: number, in: report.source)
    let stated = binding.figures.map { "\($0.tableTitle) \($0.shown)" }
    // What the narrative should say: the figure itself, or a 元 figure in 万元 to two decimals.
    let stateable = binding.figures.map {
      $0.yuan == nil ? $0.value : Amount(parsing: $0.value.formatted(decimals: 2)) ?? $0.value
    }
    var distinct: [Amount] = []
    for value in stateable where !distinct.contains(where: { $0.isSameValue(as: value) }) {
      distinct.append(value)
    }
    let first = stateable[0]
    let gap = (written - first).magnitude
    var message = "叙述中“\(binding.subject)”为 \(written) 万元，与表中数不符：\(stated.joined(separator: "；"))，相差 \(gap)。"
    var severity: Severity?
    if gap.tenThousandths <= 100 {
      if let other = Self.otherTableStating(written, for: binding.subject, in: report) {
        // The tables themselves differ by this rounding step: the narrative follows one of them.
        message += "相差仅 0.01：\(other)为 \(written)，与叙述相同，是表与表之间的尾差，建议统一。"
        severity = .information
      } else {
        message += "相差仅 0.01，或为尾差，但表中已列明 \(first)，叙述应与之一致。"
      }
      if binding.subject == "基本支出" || binding.subject == "项目支出" {
        message += alternativeReading(written, report: report)
      }
    }
    let original = report.source.text(in: digits)
    let fixes = distinct.map { value in
      Fix(
        title: "改为表中数 \(value)", edits: [TextEdit(range: digits, newText: Self.written(value, like: original))],
        isSafe: false,
        isPreferred: distinct.count == 1 && binding.figures.count >= 2)
    }
    context.report(
      digits, Message(message), severity: severity,
      related: binding.figures.map { Finding.Related(range: $0.range, message: "\($0.tableTitle)：\($0.shown)") },
      fixes: fixes)
  }

  /// The table that states `written` for the subject ("210 卫生健康支出") where the bound table
  /// does not: a row of the same code, or a 01/04 category row of the same name.
  static func otherTableStating(_ written: Amount, for subject: String, in report: Report) -> String? {
    let parts = subject.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
    let code = String(parts[0])
    let name = String(parts[1])
    for table in report.tables {
      for row in table.rows where row.code == code || (row.code == nil && row.label == name) {
        guard let cell = row.cells.first ?? nil, cell.value.isSameValue(as: written) else { continue }
        return Table.normalizedLabel(table.title)
      }
    }
    return nil
  }

  /// "06 表人员经费 + 公用经费 = written": the other reading of a 基本支出 that is off by 0.01.
  private func alternativeReading(_ written: Amount, report: Report) -> String {
    guard let table = report.table(.basicExpenditure),
      let people = table.row(labelled: "人员经费合计")?.cells.first??.amount,
      let office = table.row(labelled: "公用经费合计")?.cells.first??.amount,
      (people + office).isSameValue(as: written)
    else { return "" }
    return "另：基本支出明细表人员经费 \(people) + 公用经费 \(office) = \(people + office)，与叙述相同。"
  }

  /// The paragraph text without whitespace, half-width parentheses made full-width, quotes
  /// removed, each 元/万元 amount replaced by § and every other number by ¤; and where each
  /// number's mark sits.
  /// - Complexity: O(n) in the paragraph.
  static func normalizedText(_ paragraph: Paragraph) -> ([NarrativeBinder.Glyph], [Int?]) {
    var chars: [NarrativeBinder.Glyph] = []
    chars.reserveCapacity(paragraph.utf8.count / 3 + 16)
    var positions = [Int?](repeating: nil, count: paragraph.numbers.count)
    // The numbers with a unit, in order, as (start, end, is an amount).
    let numbers = paragraph.numbers.enumerated().compactMap { index, number -> (Int, Range<Int>, Bool)? in
      switch number.unit {
      case .none: nil
      case .tenThousandYuan, .yuan: (index, number.textRange, true)
      case .percent: (index, number.textRange, false)
      }
    }
    var next = 0
    paragraph.utf8.withUnsafeBufferPointer { bytes in
      var offset = 0
      while offset < bytes.count {
        let (character, length) = UTF8Text.scalar(in: bytes, at: offset)
        defer { offset += length }
        while next < numbers.count, numbers[next].1.upperBound <= offset { next += 1 }
        if next < numbers.count, numbers[next].1.contains(offset) {
          if offset == numbers[next].1.lowerBound {
            positions[numbers[next].0] = chars.count
            chars.append(numbers[next].2 ? NarrativeBinder.amountMark : NarrativeBinder.otherNumberMark)
          }
          continue
        }
        switch character {
        case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
        case "(": chars.append("（")
        case ")": chars.append("）")
        default: if !character.isWhiteSpace { chars.append(character) }
        }
      }
    }
    return (chars, positions)
  }

  /// The source range of the figure itself ("1,862.53"), without its unit.
  static func digitRange(of number: Paragraph.Number, in source: SourceText) -> Range<Int> {
    var end = number.range.lowerBound
    let bytes = source.bytes
    while end < number.range.upperBound, end < bytes.count,
      (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2C || bytes[end] == 0x2E || bytes[end] == 0x2D
    {
      end += 1
    }
    return end > number.range.lowerBound ? number.range.lowerBound..<end : number.range
  }

  /// `value` with two decimals, with thousands separators when the original had them.
  static func written(_ value: Amount, like original: String) -> String {
    let plain = value.formatted(decimals: 2)
    guard original.utf8Text.contains(",") else { return plain }
    let negative = plain.utf8Text.hasPrefix("-")
    let body = negative ? String(plain.dropFirst()) : plain
    let parts = body.split(separator: ".", maxSplits: 1)
    var whole = Array(parts[0])
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + String(whole.suffix(3)) + grouped
      whole.removeLast(3)
    }
    grouped = String(whole) + grouped
    return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
  }
}
