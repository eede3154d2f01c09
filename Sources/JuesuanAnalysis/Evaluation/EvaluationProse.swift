import JuesuanModel

/// The evaluation prose that restates each self-evaluation table of the report, and the figures
/// after its keywords ("实际支出 45.50 万元").
package struct EvaluationProse: AnalysisView {
  /// Each evaluation's prose lines, which lie in its region.
  package static let elements: ReportElements? = [.evaluations]

  /// The prose lines of each self-evaluation (`proseLines`), by its index in
  /// `Report.selfEvaluations`.
  package let paragraphs: [[Paragraph]]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let report = input.report
    paragraphs = report.selfEvaluations.map { Self.proseLines($0, source: report.source) }
  }

  /// The prose of self-evaluation `index` of the report.
  package subscript(index: Int) -> [Paragraph] { paragraphs[index] }

  /// The prose of an evaluation's region after its 总分 row, one paragraph per source line
  /// (the 项目绩效分析 cells of a TSV table, the evaluation report of a text report).
  package static func proseLines(_ evaluation: SelfEvaluation, source: SourceText) -> [Paragraph] {
    evaluation.proseLines.compactMap { line in
      let range = source.byteRange(ofLine: line)
      guard !range.isEmpty else { return nil }
      return Paragraph(segmentRanges: [range], in: source)
    }
  }

  /// Whether a clause ends at `index`: 。 or ； (E3 80 82, EF BC 9B), ";", and with `comma` also
  /// ， (EF BC 8C) or ",".
  private static func endsClause(_ bytes: [UInt8], at index: Int, comma: Bool) -> Bool {
    let byte = bytes[index]
    if byte == 0x3B || (comma && byte == 0x2C) { return true }
    guard byte == 0xE3 || byte == 0xEF, index + 2 < bytes.count else { return false }
    let (second, third) = (bytes[index + 1], bytes[index + 2])
    return byte == 0xE3
      ? second == 0x80 && third == 0x82 : second == 0xBC && (third == 0x9B || (comma && third == 0x8C))
  }

  /// The numbers after each occurrence of one of `keywords` in `paragraph`, before the clause ends
  /// (。；，) and within `window` bytes: (keyword, number).
  package static func numbers(
    after keywords: [String], in paragraph: Paragraph, window: Int = 48, stopAtComma: Bool = true
  )
    -> [(keyword: String, number: Paragraph.Number)]
  {
    var result: [(String, Paragraph.Number)] = []
    let bytes = paragraph.utf8
    for keyword in keywords {
      let key = Array(keyword.utf8)
      var from = 0
      while let offset = UTF8Text.firstOffset(of: key, in: bytes, from: from) {
        let found = offset..<(offset + key.count)
        from = found.upperBound
        var stop = min(bytes.count, found.upperBound + window)
        var index = found.upperBound
        while index < stop {
          if endsClause(bytes, at: index, comma: stopAtComma) {
            stop = index
            break
          }
          index += 1
        }
        if let number = paragraph.numbers.first(where: {
          $0.textRange.lowerBound >= found.upperBound && $0.textRange.lowerBound < stop
        }) {
          result.append((keyword, number))
        }
      }
    }
    return result.sorted { $0.1.textRange.lowerBound < $1.1.textRange.lowerBound }
  }
}
