import JuesuanModel

/// The 三公 narrative states each item (出国, 车辆购置, 车辆运行, 接待) with an amount or
/// "未发生", and the 接待 批次/人次.
struct ExplainSangongDisclosureRule: Rule {
  static let description = RuleDescription(
    code: "explain/sangong-disclosure",
    summary: "“三公”经费情况说明须逐项说明因公出国（境）、公务用车购置、公务用车运行、公务接待的金额（或“未发生”），并说明接待批次和人次。",
    rationale: """
      公开要求对“三公”经费逐项说明，不能只给合计。每一项须在同一句中给出金额（可为 0）或写明未发生/无此项；\
      公务接待有支出时还须说明接待批次（或团组）与人次。只检查标题含“三公”的情况说明一节；没有这一节时不检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "七、“三公”经费支出决算情况说明\n（一）因公出国（境）费支出 0.00 万元。（二）公务用车购置费支出 27.19 万元，购置 1 辆；公务用车运行费支出 15.22 万元。（三）公务接待费支出 1.20 万元，共接待 5 批次、40 人次。\n"
      ),
      .init("七、“三公”经费支出决算情况说明\n本部门2023年度未发生因公出国（境）费、公务用车购置及运行费和公务接待费支出。\n"),
      .init("七、财政拨款“三公”经费支出决算情况说明\n本部门 2024 年度无“三公”经费财政拨款支出。\n"),
      .init(
        "七、“三公”经费财政拨款支出决算情况说明\n（一）因公出国（境）费：无。\n（二）公务用车购置及运行维护费：6.00 万元。其中：公务用车购置费：无；公务用车运行维护费：6.00 万元。\n（三）公务接待费：2.00 万元，接待 5 批 40 人次。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "⟦七、“三公”经费支出决算情况说明⟧\n（一）因公出国（境）费支出 0.00 万元。（二）公务用车购置及运行费支出 42.41 万元。（三）公务接待费支出 1.20 万元。\n"
      )
    ])

  private struct Item {
    var name: String
    var words: [String]
  }

  private static let items = [
    Item(name: "因公出国（境）费", words: ["出国"]),
    Item(name: "公务用车购置费", words: ["购置"]),
    Item(name: "公务用车运行（维护）费", words: ["运行"]),
    Item(name: "公务接待费", words: ["接待"]),
  ]
  private static let notIncurred = [
    "未发生", "没有", "无此项", "无因公", "无公务", "不涉及", "未安排", "均为0", "均为零", "为零", "为0", "：无", ":无",
  ]

  static let elements: ReportElements? = [.headings, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    var coveredUntil = 0
    for (headingIndex, heading) in report.headings.enumerated() where Self.isSangongSection(heading) {
      // A 三公 subheading inside a 三公 section already read ("（一）“三公”经费总体情况").
      guard headingIndex >= coveredUntil else { continue }
      // The section: paragraphs under this heading and its subheadings, up to the next section.
      var end = report.headings.count
      for next in (headingIndex + 1)..<max(headingIndex + 1, report.headings.count) {
        let candidate = report.headings[next]
        if candidate.level <= heading.level
          || Self.isNumberedSection(candidate.text) && !Self.isSubsection(candidate.text)
        {
          end = next
          break
        }
      }
      coveredUntil = end
      let paragraphs = report.paragraphs.filter { paragraph in
        guard let index = paragraph.headingIndex else { return false }
        return index >= headingIndex && index < end
      }
      let subheadings = report.headings[(headingIndex + 1)..<end].map(\.text)
      var sentences: [(text: String, hasAmount: Bool, amountIsZero: Bool)] = []
      for paragraph in paragraphs {
        // Under "（一）因公出国（境）费", the subheading names the item of every sentence.
        let own = paragraph.headingIndex.map { $0 == headingIndex ? "" : report.headings[$0].text } ?? ""
        for sentence in paragraph.sentenceRanges {
          let numbers = paragraph.numbers.filter {
            sentence.contains($0.textRange.lowerBound) && $0.unit == .tenThousandYuan
          }
          sentences.append(
            (own + paragraph.text(in: sentence), !numbers.isEmpty, numbers.allSatisfy(\.value.isZero)))
        }
      }
      // A subheading may state its item itself ("（一）因公出国（境）费：无。").
      for subheading in subheadings { sentences.append((subheading, false, true)) }
      // "“三公”经费支出均为0": every item at once.
      if sentences.contains(where: { sentence in
        ["均为0", "均为零", "均未发生", "均无", "均为0.00"].contains { sentence.text.utf8Text.contains($0) }
          || Self.deniesAllSangong(sentence.text)
      }) {
        context.ran()
        continue
      }
      guard !sentences.isEmpty else { continue }
      context.ran()
      // Batches and persons are read from the paragraphs (and subheadings) about 接待.
      let whole = (paragraphs.map(\.text) + subheadings).filter { $0.utf8Text.contains("接待") }.joined()
      var missing: [String] = []
      var receptionNonZero = false
      for item in Self.items {
        let relevant = sentences.filter { sentence in item.words.contains { sentence.text.utf8Text.contains($0) } }
        let stated = relevant.contains { $0.hasAmount || Self.notIncurred.contains(where: $0.text.utf8Text.contains) }
        if !stated { missing.append(item.name) }
        if item.words == ["接待"] {
          receptionNonZero =
            relevant.contains { $0.hasAmount && !$0.amountIsZero }
            && !relevant.contains { Self.notIncurred.contains(where: $0.text.utf8Text.contains) }
        }
      }
      // Batches and persons are an account of what happened: a budget has none to give.
      if receptionNonZero, !report.kind.isBudget {
        if !(whole.utf8Text.contains("批次") || whole.utf8Text.contains("团组") || whole.utf8Text.contains("批")) {
          missing.append("公务接待批次")
        }
        if !whole.utf8Text.contains("人次") && !whole.utf8Text.contains("人") { missing.append("公务接待人次") }
      }
      guard !missing.isEmpty else { continue }
      context.report(
        heading.range,
        "“三公”经费情况说明没有说明：\(missing.joined(separator: "、"))。应逐项写明金额（未发生的写“0万元”或“未发生”），公务接待还应写明接待批次和人次")
    }
  }

  /// "…2024 年度无“三公”经费财政拨款支出", "没有财政拨款三公经费支出": a sentence that says there
  /// was no 三公 spending at all, which covers every item.
  static func deniesAllSangong(_ sentence: String) -> Bool {
    let text = withoutQuotesAndSpaces(sentence)
    guard let range = text.utf8Text.range(of: "三公经费") else { return false }
    let before = text[..<range.lowerBound].suffix(10)
    let after = text[range.upperBound...].prefix(12)
    let denial = ["无", "没有", "未发生", "未安排", "不存在"]
    return denial.contains { before.utf8Text.contains($0) }
      || ["为0", "为零", "为0.00"].contains { after.utf8Text.contains($0) }
  }

  private static let quotes: [[UInt8]] = ["“", "”", "\"", "‘", "’", "'"].map { Array($0.utf8) }

  /// `sentence` without quotes and white space; read on its bytes when each scalar is a Character
  /// of its own (then a quote's bytes are found only where the quote is written).
  private static func withoutQuotesAndSpaces(_ sentence: String) -> String {
    let bytes = Array(sentence.utf8)
    guard UTF8Text.allStandAlone(bytes) else {
      return sentence.filter { !"“”\"‘’'".utf8Text.contains($0) && !$0.isWhitespace }
    }
    let kept = UTF8Text.removingWhitespace(from: bytes[...])
    var result: [UInt8] = []
    result.reserveCapacity(kept.count)
    var index = 0
    while index < kept.count {
      // The quotes open with 22, 27 or E2: other bytes are kept without a comparison.
      let byte = kept[index]
      if byte == 0x22 || byte == 0x27 || byte == 0xE2,
        let quote = quotes.first(where: { kept[index...].starts(with: $0) })
      {
        index += quote.count
        continue
      }
      result.append(byte)
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }

  static func isSangongSection(_ heading: Heading) -> Bool {
    heading.text.utf8Text.contains("三公")
      && (heading.text.utf8Text.contains("说明") || heading.text.utf8Text.contains("情况"))
      && !heading.text.utf8Text.hasSuffix("表")
  }

  static func isNumberedSection(_ text: String) -> Bool {
    let lead = text.prefix { "一二三四五六七八九十".utf8Text.contains($0) }
    return !lead.isEmpty && text.dropFirst(lead.count).first == "、"
  }

  static func isSubsection(_ text: String) -> Bool { text.utf8Text.hasPrefix("（") || text.utf8Text.hasPrefix("(") }
}
