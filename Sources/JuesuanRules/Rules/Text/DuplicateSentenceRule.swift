import JuesuanAnalysis
import JuesuanModel

/// The same sentence twice in a row, or twice within one paragraph.
struct DuplicateSentenceRule: Rule {
  static let description = RuleDescription(
    code: "text/duplicate-sentence",
    summary: "同一句话不应在段内重复出现（常见于复制粘贴）。",
    rationale: """
      紧邻重复的句子（至少 4 个字）报告为警告，并建议删除后一句；同段内不相邻的重复（至少 15 个字）\
      只作提示。比较时忽略空格。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [.init("累计接待 0 批次、0 人次。与上年决算持平。")],
    triggeringExamples: [
      .init("累计接待 0 批次、0 人次。⟦累计接待 0 批次、0 人次。⟧", fixed: "累计接待 0 批次、0 人次。")
    ],
    tags: [.unnecessary])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  func check(_ report: Report, context: inout RuleContext) {
    // A paragraph with tabs is a table row read as prose: its cells may repeat legitimately.
    // Notes under tables are prose too ("本表金额…存在尾差。本表金额…存在尾差。"): read here.
    let readers = context.view(NarrativeReaders.self)
    let paragraphs = report.paragraphs + report.noteParagraphs
    for (index, paragraph) in paragraphs.enumerated() where !paragraph.utf8.contains(0x09) {
      let reader = index < readers.readers.count ? readers[index] : NarrativeReader(paragraph, year: report.year)
      let sentences = reader.sentences
      // Each sentence without its white space, as bytes; when every scalar stands alone, equal
      // bytes are equal strings (else the strings are compared).
      let keyBytes = sentences.map { UTF8Text.removingWhitespace(from: paragraph.utf8[$0]) }
      let byBytes = keyBytes.allSatisfy(UTF8Text.allStandAlone)
      let keys = byBytes ? [] : keyBytes.map { String(decoding: $0, as: UTF8.self) }
      context.ran()
      for index in keyBytes.indices {
        let earlier = (0..<index).first { byBytes ? keyBytes[$0] == keyBytes[index] : keys[$0] == keys[index] }
        guard let first = earlier else { continue }
        let key = String(decoding: keyBytes[index], as: UTF8.self)
        let adjacent = first == index - 1
        let length = key.count(where: { !"。！？，、；".utf8Text.contains($0) })
        guard adjacent ? length >= 4 : length >= 15 else { continue }
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
}
