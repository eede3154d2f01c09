import JuesuanAnalysis
import JuesuanModel

/// The same sentence twice in a row, or twice within one paragraph; in a table's line (a
/// self-evaluation row with its reason), the same long sentence twice in a row.
struct DuplicateSentenceRule: Rule {
  static let description = RuleDescription(
    code: "text/duplicate-sentence",
    summary: "同一句话不应在段内重复出现（常见于复制粘贴）。",
    rationale: """
      紧邻重复的句子（至少 4 个字）报告为警告，并建议删除后一句；同段内不相邻的重复（至少 15 个字）\
      只作提示。表格中的一行（如绩效自评表某指标行连同偏差原因）里紧邻重复的整句（至少 10 个字）也报告。\
      比较时忽略空格。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [.init("累计接待 0 批次、0 人次。与上年决算持平。")],
    triggeringExamples: [
      .init("累计接待 0 批次、0 人次。⟦累计接待 0 批次、0 人次。⟧", fixed: "累计接待 0 批次、0 人次。"),
      .init(
        "项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n产出指标\t数量指标\t平台建设数量\t=1 个\t0 个\t2\t0\t协同办公平台项目未开展。⟦协同办公平台项目未开展。⟧\n",
        fixed:
          "项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n产出指标\t数量指标\t平台建设数量\t=1 个\t0 个\t2\t0\t协同办公平台项目未开展。\n"
      ),
    ],
    tags: [.unnecessary])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    // A paragraph with tabs is a table row read as prose: its cells may repeat legitimately, and
    // it is read with the table lines. Notes under tables are prose too ("本表金额…存在尾差。本表
    // 金额…存在尾差。"): read here.
    let readers = context.view(NarrativeReaders.self)
    let paragraphs = report.paragraphs + report.noteParagraphs
    let prose = paragraphs.indices.filter { UTF8Text.firstOffset(of: Self.tab, in: paragraphs[$0].utf8) == nil }
    checkTableLines(report, outside: prose.map { paragraphs[$0].range }, context: &context)
    for index in prose {
      let paragraph = paragraphs[index]
      let reader = index < readers.readers.count ? readers[index] : NarrativeReader(paragraph, year: report.year)
      let sentences = reader.sentences
      context.ran()
      // A repeat takes two sentences; most paragraphs are one.
      guard sentences.count >= 2 else { continue }
      // Each sentence without its white space, as bytes; when every scalar stands alone, equal
      // bytes are equal strings (else the strings are compared).
      let keyBytes = sentences.map { UTF8Text.removingWhitespace(from: paragraph.utf8[$0]) }
      let byBytes = keyBytes.allSatisfy(UTF8Text.allStandAlone)
      let keys = byBytes ? [] : keyBytes.map { String(decoding: $0, as: UTF8.self) }
      for index in keyBytes.indices {
        var earlier = (0..<index).first { byBytes ? keyBytes[$0] == keyBytes[index] : keys[$0] == keys[index] }
        // A long sentence repeated as the tail of the one before ("…：协同办公平台项目未开展。" and
        // again "协同办公平台项目未开展。", a row's words and its reason pasted twice).
        if earlier == nil, index > 0, keyBytes[index].count >= 10,
          byBytes ? Self.endsWith(keyBytes[index - 1], keyBytes[index]) : keys[index - 1].hasSuffix(keys[index])
        {
          earlier = index - 1
        }
        guard let first = earlier else { continue }
        let key = String(decoding: keyBytes[index], as: UTF8.self)
        let length = key.count(where: { !"。！？，、；".utf8Text.contains($0) })
        let adjacent = first == index - 1
        let minimum = adjacent ? (keyBytes[first] == keyBytes[index] ? 4 : 10) : 15
        guard length >= minimum else { continue }
        // The repeat, without the spaces before it.
        var start = sentences[index].lowerBound
        start = reader.skippingSpaces(from: start)
        let range = paragraph.sourceRange(ofTextRange: start..<sentences[index].upperBound)
        let deleteRange = paragraph.sourceRange(ofTextRange: sentences[index])
        if adjacent {
          context.report(
            range, "与前一句重复：“\(key)”",
            related: [Finding.Related(range: paragraph.sourceRange(ofTextRange: sentences[first]), message: "前一句")],
            fixes: [
              Fix(
                title: "删除重复的句子", edits: [TextEdit.deletion(deleteRange, in: report.source)], isSafe: true,
                isPreferred: true)
            ])
        } else {
          context.report(
            range, "与本段前文重复：“\(key)”", severity: .information,
            related: [Finding.Related(range: paragraph.sourceRange(ofTextRange: sentences[first]), message: "首次出现")])
        }
      }
    }
  }

  private static let fullStop = Array("。".utf8)
  private static let tab: [UInt8] = [0x09]

  /// Whether `bytes` is longer than `tail` and ends with it (compared from the tail's first byte,
  /// which tells most sentences apart at once).
  private static func endsWith(_ bytes: [UInt8], _ tail: [UInt8]) -> Bool {
    let offset = bytes.count - tail.count
    guard offset > 0 else { return false }
    for index in tail.indices where bytes[offset + index] != tail[index] { return false }
    return true
  }

  /// Whether 。(E3 80 82), ！(EF BC 81) or ？(EF BC 9F) is written at `index`.
  private static func endsSentence(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let (lead, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
    return lead == 0xE3
      ? second == 0x80 && third == 0x82 : lead == 0xEF && second == 0xBC && (third == 0x81 || third == 0x9F)
  }

  /// Lines outside `paragraphs` (the ones read as prose): table rows, a self-evaluation row with
  /// its reason, whose two neighbouring sentences are the same, at least ten characters long.
  private func checkTableLines(_ report: Report, outside paragraphs: [Range<Int>], context: inout RuleContext) {
    let source = report.source
    // The bytes taken once: they are read byte by byte below.
    let bytes = source.bytes
    // The lines between the paragraphs read as prose are searched for a 。 (a byte search), and
    // each line that has one read.
    let prose = paragraphs.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    var lines: [Int] = []
    var cursor = 0
    var next = 0
    while cursor < bytes.count {
      let gapEnd = next < prose.count ? prose[next].lowerBound : bytes.count
      while cursor < gapEnd,
        let stop = UTF8Text.firstOffset(of: Self.fullStop, in: bytes, from: cursor, before: gapEnd)
      {
        let line = source.line(ofUTF8Offset: stop)
        if lines.last != line { lines.append(line) }
        cursor = max(stop + 3, source.byteRange(ofLine: line).upperBound)
      }
      guard next < prose.count else { break }
      cursor = max(cursor, prose[next].upperBound)
      next += 1
    }
    for line in lines {
      let range = source.byteRange(ofLine: line)
      // The line's sentences: each up to and with its 。！？.
      var sentences: [Range<Int>] = []
      var start = range.lowerBound
      var index = range.lowerBound
      while index + 3 <= range.upperBound {
        if Self.endsSentence(bytes, at: index) {
          sentences.append(start..<(index + 3))
          start = index + 3
          index += 3
        } else {
          index += 1
        }
      }
      guard sentences.count >= 2 else { continue }
      context.ran()
      for (earlier, later) in zip(sentences, sentences.dropFirst()) {
        // The later sentence's own text, after any cell boundary (a tab) before it.
        let tail = bytes[later]
        guard !tail.contains(0x09) else { continue }
        let key = UTF8Text.removingWhitespace(from: tail)
        let previous = UTF8Text.removingWhitespace(from: bytes[earlier])
        guard previous == key || Self.endsWith(previous, key) else { continue }
        let text = String(decoding: key, as: UTF8.self)
        guard text.count >= 10 else { continue }
        context.report(
          later, "与前一句重复：“\(text)”",
          related: [Finding.Related(range: earlier, message: "前一句")],
          fixes: [
            Fix(
              title: "删除重复的句子", edits: [TextEdit(range: later, newText: "")], isSafe: true, isPreferred: true)
          ])
      }
    }
  }
}
