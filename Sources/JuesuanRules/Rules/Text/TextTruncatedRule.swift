import JuesuanModel

/// A sentence cut off: it ends in U+FFFD, or a paragraph / long table cell stops mid-phrase
/// ("…信息交换与信息共") with no closing punctuation.
struct TextTruncatedRule: Rule {
  static let description = RuleDescription(
    code: "text/truncated",
    summary: "句子不应在中途截断（以乱码“�”结尾，或段落、单元格停在“的”“与”“及”“主要原因是”等半截处）。",
    rationale: """
      从 Word/PDF 导出时，单元格宽度或分页常把一句话截断，读者看到的是半句话。只报告有把握的情形：\
      段落或较长的单元格（15 字以上）没有任何句末标点，且以明显未完的字词结尾（的、和、与、及、共、顿号、逗号、\
      “主要原因是”）；或文字以替换字符 U+FFFD 结尾。“目的”“参与”“涉及”等完整词语不算。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      // A 是…的 sentence in a table cell, without its 。.
      .init("项目年度绩效目标\t年度目标\t实际完成情况\n\t本项目实施后村容村貌明显改善，群众获得感是实实在在的\t已完成\n"),
      .init("（三）公务接待费支出 0.00 万元，与上年决算持平。主要是本年无公务接待费用支出。\n"),
      .init("项目年度绩效目标\t年度目标\t实际完成情况\n\t通过政务网信息管理进行维护，提高政务网的安全稳定运行，实现信息共享。\t已完成\n"),
      .init("本项目的实施达到了预期目的\n"),
    ],
    triggeringExamples: [
      .init(
        "项目年度绩效目标\t年度目标\t实际完成情况\n\t通过政务网信息管理进行维护，⟦实现在安全体系框架下的信息交换与信息共⟧\t已完成\n"),
      .init("（二）事业运行 188.57 万元，较上年决算数增加 76.97 万元，⟦主要原因是⟧\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\n2010350\t事业运行\t188.57\n"),
      .init("本年度公务用车运行费用主要用于车辆维修⟦\u{FFFD}⟧\n"),
    ])

  /// Endings that leave a phrase unfinished, and complete words that end the same way.
  static let endings = ["主要原因是", "原因是", "主要是", "的", "和", "与", "及", "共", "、", "，", ","]
  static let wholeWords = [
    "目的", "标的", "参与", "给与", "涉及", "普及", "波及", "企及", "来不及", "总和", "温和", "平和", "缓和", "柔和", "祥和",
    "谐和", "共和",
  ]
  static let closers: Set<Character> = ["。", "！", "？", "；", "…", "）", ")", "”", "」", "》", "!", "?", ";", "："]

  func check(_ report: Report, context: inout RuleContext) {
    var seen = Set<Int>()
    let source = report.source
    // Prose paragraphs.
    for paragraph in report.paragraphs
    where !paragraph.text.utf8Text.contains("\t") && !paragraph.text.utf8Text.hasPrefix("|") {
      context.ran()
      let text = paragraph.text.trimmingTrailingSpaces
      guard Self.mayEndMidPhrase(text.utf8), let clause = Self.truncatedClause(text, minimumLength: 10) else {
        continue
      }
      let range = paragraph.sourceRange(ofTextRange: clause.range)
      guard seen.insert(range.lowerBound).inserted else { continue }
      reportCut(clause.text, clause.ending, range, context: &context)
    }
    // Long table cells (tab- or pipe-separated lines).
    let bytes = source.bytes
    for line in 0..<source.lineCount {
      let lineRange = source.byteRange(ofLine: line)
      guard
        bytes[lineRange].first == UInt8(ascii: "|")
          || UTF8Text.firstOffset(of: Self.tab, in: bytes, from: lineRange.lowerBound, before: lineRange.upperBound)
            != nil
      else { continue }
      Self.forEachCell(of: bytes, lineRange) { cell in
        guard Self.mayEndMidPhrase(bytes[cell]),
          let clause = Self.truncatedClause(source.text(in: cell), minimumLength: 15)
        else { return }
        context.ran()
        let start = cell.lowerBound + clause.range.lowerBound
        let range = start..<(cell.lowerBound + clause.range.upperBound)
        guard seen.insert(range.lowerBound).inserted else { return }
        reportCut(clause.text, clause.ending, range, context: &context)
      }
    }
    checkDocumentEnd(report, context: &context)
    // U+FFFD at the end of a line, cell or sentence.
    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    var index = 0
    let all = source.bytes
    while let found = UTF8Text.firstOffset(of: replacement, in: all, from: index) {
      index = found
      var next = index + 3
      while next + 3 <= all.count, all[next..<(next + 3)].elementsEqual(replacement) { next += 3 }
      var after = next
      while after < all.count, all[after] == 0x20 { after += 1 }
      let atEnd =
        after >= all.count || [0x0A, 0x0D, 0x09, UInt8(ascii: "|")].contains(all[after])
        || all[after...].starts(with: Array("。".utf8))
      if atEnd, seen.insert(index).inserted {
        context.ran()
        context.report(
          index..<next, "文字在此处以乱码字符（U+FFFD）结尾，句子被截断或编码损坏：请对照原稿补全")
      }
      index = next
    }
  }

  /// The document ends inside a self-evaluation table that never reaches its 总分 row.
  private func checkDocumentEnd(_ report: Report, context: inout RuleContext) {
    let source = report.source
    var last = source.lineCount - 1
    while last > 0, source.text(ofLine: last).allSatisfy(\.isWhitespace) { last -= 1 }
    // The last line is a table row (cells) and the last table title above it is a self-evaluation's.
    let lastRange = source.byteRange(ofLine: last)
    guard source.bytes[lastRange].contains(0x09) || source.text(in: lastRange).utf8Text.hasPrefix("|"),
      let table = report.tables.max(by: { $0.titleRange.lowerBound < $1.titleRange.lowerBound }),
      table.kind == .selfEvaluation, table.titleRange.upperBound <= lastRange.lowerBound,
      !source.text(in: table.titleRange.lowerBound..<source.bytes.count).utf8Text.contains("总分")
    else { return }
    context.ran()
    var range = source.byteRange(ofLine: last)
    while range.lowerBound < range.upperBound, [0x20, 0x09, UInt8(ascii: "|")].contains(source.bytes[range.lowerBound])
    {
      range = (range.lowerBound + 1)..<range.upperBound
    }
    guard !range.isEmpty else { return }
    context.report(
      range, "文档在“\(table.title)”中途结束：表内没有“总分”行，后面的指标或合计疑被截掉，请对照原稿补全", severity: .information)
  }

  private func reportCut(_ clause: String, _ ending: String, _ range: Range<Int>, context: inout RuleContext) {
    context.report(
      range,
      "“\(clause)”在“\(ending)”处中断，没有句末标点，句子不完整（疑被表格边界或分页截断）：请补全这句话")
  }

  struct Clause {
    var range: Range<Int>  // UTF-8 offsets in the text
    var text: String
    var ending: String
  }

  private static let endingBytes = endings.map { Array($0.utf8) }
  private static let tab: [UInt8] = [0x09]
  private static let endingLastBytes: [Bool] = (0..<256).map { byte in endingBytes.contains { $0.last == UInt8(byte) } }

  /// Whether the bytes end with those of one of `endings`: what `truncatedClause` asks of a text
  /// before anything else, without reading its Characters (most texts end otherwise).
  static func mayEndMidPhrase(_ bytes: some BidirectionalCollection<UInt8>) -> Bool {
    // The endings' last bytes rule out most texts at once.
    guard let last = bytes.last, endingLastBytes[Int(last)] else { return false }
    return endingBytes.contains { ending in
      var index = bytes.endIndex
      for byte in ending.reversed() {
        guard index > bytes.startIndex else { return false }
        bytes.formIndex(before: &index)
        guard bytes[index] == byte else { return false }
      }
      return true
    }
  }

  /// The last clause of `text` when the text ends mid-phrase.
  static func truncatedClause(_ text: String, minimumLength: Int) -> Clause? {
    guard !text.utf8Text.hasAtMostCharacters(minimumLength - 1), let last = text.last, !closers.contains(last)
    else {
      return nil
    }
    guard let ending = endings.first(where: { text.utf8Text.hasSuffix($0) }) else { return nil }
    if wholeWords.contains(where: { text.utf8Text.hasSuffix($0) }) { return nil }
    let body = text.dropLast(ending.count)
    var start = body.endIndex
    while start > body.startIndex {
      let previous = body.index(before: start)
      if "，。；：、,;:（(".utf8Text.contains(body[previous]) { break }
      start = previous
    }
    let clauseStart = start
    // "群众获得感是实实在在的": a 是…的 sentence ends with its 的.
    if ending == "的", body[clauseStart...].contains("是") { return nil }
    let lower = text.utf8.distance(from: text.startIndex, to: clauseStart)
    let upper = text.utf8.count
    guard upper > lower else { return nil }
    return Clause(range: lower..<upper, text: String(text[clauseStart...]), ending: ending)
  }

  /// Calls `body` with each non-blank cell of the line `range` of `bytes` (a source's), split at
  /// tabs and pipes, without the spaces around it.
  /// - Complexity: O(n) in the line's length.
  private static func forEachCell(of bytes: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
    var start = range.lowerBound
    for offset in range.lowerBound...range.upperBound
    where offset == range.upperBound || bytes[offset] == 0x09 || bytes[offset] == UInt8(ascii: "|") {
      var low = start
      var high = offset
      while low < high, bytes[low] == 0x20 { low += 1 }
      while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x0D { high -= 1 }
      if high > low { body(low..<high) }
      start = offset + 1
    }
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var result = Substring(self)
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return String(result)
  }
}
