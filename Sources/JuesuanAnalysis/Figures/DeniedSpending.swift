import JuesuanModel

/// Spending a paragraph states and denies at once: "2023 年度机关运行经费支出 1.00 万元。主要原因是：
/// 我单位……没有机关运行经费支出。" A figure above zero and "没有 / 无 / 未发生 …" the same spending,
/// this year's, in one paragraph cannot both be true.
package struct DeniedSpending: AnalysisView {
  package static let elements: ReportElements? = [.paragraphs]

  /// One contradiction: the figure stated and where the paragraph denies it.
  package struct Contradiction: Sendable {
    /// The spending's name ("机关运行经费", "公务接待费").
    package var name: String
    package var figure: Paragraph.Number
    /// The source range of the denial ("没有机关运行经费").
    package var denial: Range<Int>
  }

  package let contradictions: [Contradiction]

  /// The kinds of spending a report both states a figure for and may say it had none of; each
  /// stem is what both write (the figure's "因公出国（境）费支出", the denial's "无因公出国（境）费用支出").
  private static let stems = ["机关运行经费", "因公出国", "公务接待", "公务用车购置", "公务用车运行"]
  private static let stemBytes = stems.map { Array($0.utf8) }
  /// Each stem's spending by its name, for messages.
  private static let names = ["机关运行经费", "因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行维护费"]
  /// Words right before a stem that deny the spending.
  private static let denials = ["没有", "无", "未发生", "未产生", "不存在"].map { Array($0.utf8) }
  /// Words shortly before a denial, or between a stem and its figure, that make it another
  /// year's, a budget's or a change's: "上年无公务接待费支出", "公务接待费预算 1.00 万元".
  private static let otherQuantities = ["上年", "去年", "上一年", "以前年度", "年初", "预算", "增加", "减少", "比", "较"]
    .map { Array($0.utf8) }
  private static let budgetWord = Array("预算".utf8)
  /// What a denial of the spending names after the stem ("…费用支出", "…经费", "…事项支出").
  private static let spendingWords = ["费", "支出"].map { Array($0.utf8) }
  /// "公务用车购置及运行费": the stem 公务用车购置 inside the name of both.
  private static let conjunction = Array("及".utf8)
  /// Marks that end the clause a stem's figure must be in.
  private static let clauseEnds = ["，", "；", "。", "、"].map { Array($0.utf8) }

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    var found: [Contradiction] = []
    for paragraph in input.report.paragraphs where paragraph.numbers.contains(where: { $0.unit == .tenThousandYuan }) {
      let bytes = paragraph.utf8
      for (stem, name) in zip(Self.stemBytes, Self.names) {
        var denied: Range<Int>?
        var stated: Paragraph.Number?
        var from = 0
        while let offset = UTF8Text.firstOffset(of: stem, in: bytes, from: from) {
          from = offset + stem.count
          if UTF8Text.has(Self.conjunction, at: from, in: bytes) { continue }
          if let denial = Self.denial(before: offset, in: bytes, year: input.report.year) {
            if denied == nil { denied = denial..<(offset + stem.count) }
          } else if stated == nil {
            stated = Self.figure(after: offset + stem.count, in: paragraph)
          }
        }
        guard let denied, let stated, stated.value.tenThousandths > 0 else { continue }
        found.append(Contradiction(name: name, figure: stated, denial: paragraph.sourceRange(ofTextRange: denied)))
      }
    }
    contradictions = found
  }

  /// Where a denial starts when one ends right before `offset`, and nothing shortly before it
  /// makes it another year's (a word, or a year other than the report's `year`) or a budget's.
  private static func denial(before offset: Int, in bytes: [UInt8], year: Int?) -> Int? {
    guard let word = denials.first(where: { offset >= $0.count && UTF8Text.has($0, at: offset - $0.count, in: bytes) })
    else { return nil }
    let start = offset - word.count
    let context = Array(bytes[max(0, start - 15)..<start])
    guard !otherQuantities.contains(where: { UTF8Text.firstOffset(of: $0, in: context) != nil }) else { return nil }
    let digits = String(decoding: context.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
    guard digits.isEmpty || year.map({ digits == String($0) }) == true else { return nil }
    // "无公务接待费预算": a budget denied, not the spending; "无因公出国（境）团组": trips, not
    // the spending (a fee may still be paid).
    var after = Array(bytes[offset..<min(bytes.count, offset + 30)])
    if let end = clauseEnds.compactMap({ UTF8Text.firstOffset(of: $0, in: after) }).min() {
      after.removeSubrange(end...)
    }
    guard UTF8Text.firstOffset(of: budgetWord, in: after) == nil,
      spendingWords.contains(where: { UTF8Text.firstOffset(of: $0, in: after) != nil })
    else { return nil }
    return start
  }

  /// The first 万元 figure after `offset` in the same clause, with nothing between that makes it a
  /// budget, another year's or a change.
  private static func figure(after offset: Int, in paragraph: Paragraph) -> Paragraph.Number? {
    guard let number = paragraph.numbers.first(where: { $0.textRange.lowerBound >= offset }),
      number.unit == .tenThousandYuan, number.textRange.lowerBound - offset <= 45
    else { return nil }
    let between = Array(paragraph.utf8[offset..<number.textRange.lowerBound])
    guard !(clauseEnds + otherQuantities).contains(where: { UTF8Text.firstOffset(of: $0, in: between) != nil })
    else { return nil }
    return number
  }
}
