import JuesuanAnalysis
import JuesuanModel

/// A year that contradicts the report year: a work summary opening with the following year, or
/// figures for a year two or more years back stated as this year's results.
struct YearMismatchRule: Rule {
  static let description = RuleDescription(
    code: "text/year-mismatch",
    summary: "正文年份应与报告年度一致（工作总结写成下一年度、绩效结果写成前几年的数据）。",
    rationale: """
      只报告三种明确的情形：与上年比较（“较/比 20XX 年…增加/减少”）而年份不是报告年度的上一年；\
      段首“20XX年，…”为报告年度的下一年且段落是工作总结而不是计划（没有“将、计划、拟”等）；\
      以及“20XX 年…为 N”式的指标结果而年份早于上年。文号〔2024〕、日期“2024年6月25日”、\
      年份区间和“上年（2022年）”均不报告。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("# 2023年度部门决算\n\n主要原因是 2022 年未支出项目在 2023 年支出，依据〔2024〕36 号文，于2024年6月25日完成评价。"),
      .init("# 2023年度部门决算\n\n2024年，本单位将继续加强预算管理。"),
    ],
    triggeringExamples: [
      .init("# 2023年度部门决算\n\n⟦2024年⟧，本单位主要任务是：围绕中心工作，重点完成了以下工作。"),
      .init("# 2023年度部门决算\n\n效益方面：该部分分值 20 分，评价得 20 分。⟦2021 年⟧服务对象数量为 12 万人，完成目标值。"),
      .init(
        "# 2023年度部门决算\n\n机关运行经费支出49.25万元，比⟦2021年⟧增加8.54万元，增长20.98%。",
        fixed: "# 2023年度部门决算\n\n机关运行经费支出49.25万元，比2022年增加8.54万元，增长20.98%。"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  private static let twenty = Array("20".utf8)
  private static let summaryMarkers = ["主要任务是", "重点完成了", "主要工作是", "主要完成了"]
  private static let futureMarkers = ["将", "计划", "拟", "预计", "展望", "下一步", "思路", "打算", "力争"]

  func check(_ report: Report, context: inout RuleContext) {
    guard let year = report.year else {
      context.skip("报告年度未知，未核对年份")
      return
    }
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      context.ran()
      let reader = readers[index]
      let bytes = reader.bytes
      var index = 0
      while index + 4 <= bytes.count {
        // A year literal starts "20": the bytes between are passed over by byte search.
        guard let found = UTF8Text.firstOffset(of: Self.twenty, in: bytes, from: index) else { break }
        index = found
        guard let (value, end) = yearLiteral(bytes, at: index) else {
          index += 1
          continue
        }
        defer { index = end }
        var after = reader.skippingSpaces(from: end)
        guard reader.has("年", at: after) else { continue }
        after += 3
        let yearRange = index..<after
        let isParagraphStart = reader.skippingSpaces(from: 0) == index
        if value != year - 1, isComparison(reader, yearStart: index, yearEnd: after) {
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告与上年比较，上年应为 \(year - 1) 年，文中写作“\(value)年”",
            fixes: [
              Fix(
                title: "改为 \(year - 1)年",
                edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: index..<end), newText: String(year - 1))])
            ])
        } else if value == year + 1, isParagraphStart {
          var next = after
          if reader.has("度", at: next) { next += 3 }
          guard reader.has("，", at: next) else { continue }
          let text = paragraph.text
          guard !Self.futureMarkers.contains(where: text.utf8Text.contains) else { continue }
          // A work summary: under a 工作总结 heading, or saying what the year's tasks were.
          let heading =
            paragraph.headingIndex.flatMap { report.headings.indices.contains($0) ? report.headings[$0].text : nil }
            ?? ""
          guard
            heading.utf8Text.contains("工作总结") || heading.utf8Text.contains("主要工作")
              || Self.summaryMarkers.contains(where: text.utf8Text.contains)
          else { continue }
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告的工作总结写成了“\(value)年”，应为“\(year)年”",
            fixes: [
              Fix(
                title: "改为 \(year)年",
                edits: [TextEdit(range: paragraph.sourceRange(ofTextRange: index..<end), newText: String(year))])
            ])
        } else if value <= year - 2, value >= year - 10 {
          guard isResultStatement(reader, from: after, yearStart: index) else { continue }
          context.report(
            paragraph.sourceRange(ofTextRange: yearRange),
            "\(year) 年度报告中出现“\(value)年”的指标结果，可能是以前年度报告的残留")
        }
      }
    }
  }

  /// "较2021年决算…增加" / "比2021年增加": a comparison with a year, followed in its clause by a
  /// change word.
  private func isComparison(_ reader: NarrativeReader, yearStart: Int, yearEnd: Int) -> Bool {
    guard reader.has("较", at: yearStart - 3) || reader.has("比", at: yearStart - 3) else { return false }
    var end = yearEnd
    var characters = 0
    while end < reader.bytes.count, characters < 30, !(reader.has("，", at: end) || reader.has("。", at: end)) {
      end += 1
      if end < reader.bytes.count, reader.bytes[end] & 0xC0 != 0x80 { characters += 1 }
    }
    let clause = reader.paragraph.text(in: yearEnd..<end)
    return (NarrativeReader.increaseWords + NarrativeReader.decreaseWords).contains(where: clause.utf8Text.contains)
      || clause.utf8Text.hasPrefix("相比") || clause.utf8Text.hasPrefix("度相比")
  }

  /// Whether ，。；、 (EF BC 8C, E3 80 82, EF BC 9B, E3 80 81) is written at `index`.
  private static func endsClause(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let (lead, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
    return lead == 0xEF
      ? second == 0xBC && (third == 0x8C || third == 0x9B)
      : lead == 0xE3 && second == 0x80 && (third == 0x82 || third == 0x81)
  }

  /// Four ASCII digits 20xx not inside a longer number.
  private func yearLiteral(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
    guard index + 4 <= bytes.count, bytes[index] == 0x32, bytes[index + 1] == 0x30 else { return nil }
    if index > 0, bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39 { return nil }
    var value = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    if index + 4 < bytes.count, bytes[index + 4] >= 0x30 && bytes[index + 4] <= 0x39 { return nil }
    return (value, index + 4)
  }

  /// "2021 年服务对象数量为 12 万人": a year, a measure without dates or ranges, "为" and a number,
  /// all in one clause that starts the sentence or follows a comma.
  private func isResultStatement(_ reader: NarrativeReader, from offset: Int, yearStart: Int) -> Bool {
    // Not a date, a range, a document number or a "2022年度…项目" name.
    let bytes = reader.bytes
    if yearStart >= 3 {
      let before = String(decoding: bytes[(yearStart - 3)..<yearStart], as: UTF8.self)
      if ["〔", "（", "【", "至", "从", "于", "自"].contains(before) { return false }
    }
    if yearStart > 0, [UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "-")].contains(bytes[yearStart - 1]) {
      return false
    }
    let start = reader.skippingSpaces(from: offset)
    var end = start
    while end < bytes.count, !Self.endsClause(bytes, at: end) { end += 1 }
    let clause = reader.paragraph.text(in: start..<end)
    if clause.utf8Text.hasPrefix("度") || clause.utf8Text.hasPrefix("-") || clause.utf8Text.hasPrefix("—")
      || clause.utf8Text.hasPrefix("至")
    {
      return false
    }
    guard !clause.utf8Text.contains("月"), !clause.utf8Text.contains("年"), !clause.utf8Text.contains("项目"),
      !clause.utf8Text.contains("〕")
    else {
      return false
    }
    guard let marker = clause.utf8Text.range(of: "为") else { return false }
    let value = clause[marker.upperBound...].drop { $0 == " " }
    return value.first?.isASCII == true && value.first?.isNumber == true
  }
}
