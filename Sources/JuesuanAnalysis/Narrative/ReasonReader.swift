import JuesuanModel

/// The reasons a paragraph gives ("主要原因是…。"): where the marker is and what follows it.
package enum ReasonReader {
  /// A reason marker and the reason text up to the end of its clause.
  package struct Reason: Sendable {
    /// The marker ("主要原因是"), joined-text offsets.
    package var marker: Range<Int>
    /// The reason after the marker and an optional colon, up to 。；！ or the paragraph's end.
    package var body: Range<Int>
    /// The body's text.
    package var text: String
  }

  private static let markers = [
    "主要原因是", "主要原因为", "主要原因：", "主要原因:", "的原因是", "原因是", "原因为", "原因：", "原因:", "主要是",
    "主要系", "主要由于",
  ]

  /// Each marker's bytes, and whether it holds "原因" and "主要": a paragraph without one of those
  /// words holds none of the markers that contain it, and is not searched for them.
  private static let patterns: [(bytes: [UInt8], needsReason: Bool, needsMain: Bool)] = markers.map {
    (Array($0.utf8), $0.utf8Text.contains("原因"), $0.utf8Text.contains("主要"))
  }
  private static let reasonWord = Array("原因".utf8)
  private static let mainWord = Array("主要".utf8)

  /// Every reason in the paragraph, in order; overlapping markers count once.
  /// - Complexity: O(n · markers) byte searches in the paragraph.
  package static func reasons(in paragraph: Paragraph) -> [Reason] {
    let bytes = paragraph.utf8
    let hasReason = UTF8Text.firstOffset(of: reasonWord, in: bytes) != nil
    let hasMain = UTF8Text.firstOffset(of: mainWord, in: bytes) != nil
    guard hasReason || hasMain else { return [] }
    var found: [Range<Int>] = []
    for pattern in patterns where (hasReason || !pattern.needsReason) && (hasMain || !pattern.needsMain) {
      for offset in UTF8Text.offsets(of: pattern.bytes, in: bytes, range: 0..<bytes.count) {
        let range = offset..<(offset + pattern.bytes.count)
        if !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
      }
    }
    found.sort { $0.lowerBound < $1.lowerBound }
    return found.map { marker in
      var start = UTF8Text.skippingSpaces(in: bytes, from: marker.upperBound)
      for colon in ["：", ":"] where UTF8Text.has(colon, at: start, in: bytes) {
        start = UTF8Text.skippingSpaces(in: bytes, from: start + colon.utf8.count)
      }
      var end = start
      // 。 ； ！ ？: E3 80 82, EF BC 9B, EF BC 81, EF BC 9F.
      while end < bytes.count {
        if end + 2 < bytes.count {
          let (lead, second, third) = (bytes[end], bytes[end + 1], bytes[end + 2])
          if (lead == 0xE3 && second == 0x80 && third == 0x82)
            || (lead == 0xEF && second == 0xBC && (third == 0x9B || third == 0x81 || third == 0x9F))
          {
            break
          }
        }
        end += 1
      }
      return Reason(marker: marker, body: start..<end, text: paragraph.text(in: start..<end))
    }
  }
}

extension ReasonReader {
  /// Words that give a cause without a "原因" marker: "由于…", "因…而减少", "受…影响", "缘于", "得益于",
  /// "源于", "随着…", a rule followed ("根据…", "按照…", "依据…"), a consequence ("…所致", "…相应增加"),
  /// or what needs no other cause: a new item ("本年新增", "上年无此项支出"), a finished project
  /// ("项目已完成"), spending as it fell ("据实结算", "按实际支出").
  private static let causeWords = [
    "由于", "因为", "所致", "影响", "缘于", "源于", "得益于", "随着", "根据", "按照", "依据", "相应", "新增", "无此项",
    "已完成", "完成后", "据实", "按实际",
  ]

  /// Whether `text` gives a cause (`causeWords`, or "因" other than in "因公出国").
  package static func givesCause(_ text: String) -> Bool {
    if causeWords.contains(where: { text.utf8Text.contains($0) }) { return true }
    var rest = Substring(text)
    while let found = rest.utf8Text.range(of: "因") {
      let after = rest[found.upperBound...]
      if !after.utf8Text.hasPrefix("公") { return true }
      rest = after
    }
    return false
  }

  /// Whether `text` gives a reason: one of `markers` (a rule's own reason words), or a cause.
  package static func givesReason(_ text: String, markers: [String]) -> Bool {
    markers.contains(where: { text.utf8Text.contains($0) }) || givesCause(text)
  }

  /// Whether `paragraph` gives the reason of the items before it as a whole: "上述变化主要是…",
  /// "以上两项决算数均小于预算数，主要原因是…". Its first bytes decide most paragraphs.
  package static func explainsItemsAbove(_ paragraph: Paragraph) -> Bool {
    let bytes = paragraph.utf8
    let start = UTF8Text.skippingSpaces(in: bytes, from: 0)
    guard aboveWords.contains(where: { UTF8Text.has($0, at: start, in: bytes) }) else { return false }
    let text = paragraph.text
    return text.utf8Text.contains("原因") || text.utf8Text.contains("主要是") || givesCause(text)
  }

  private static let aboveWords = [Array("上述".utf8), Array("以上".utf8)]

  /// Whether a paragraph among the next ones of `paragraphs[index]`'s section (at most 12) explains
  /// the items above it as a whole.
  package static func itemsExplainedBelow(_ index: Int, in paragraphs: [Paragraph]) -> Bool {
    let heading = paragraphs[index].headingIndex
    for next in paragraphs[(index + 1)..<min(paragraphs.count, index + 13)] {
      guard next.headingIndex == heading else { return false }
      if explainsItemsAbove(next) { return true }
    }
    return false
  }
}

/// The reasons of every paragraph of the report (`ReasonReader.reasons(in:)`), by the paragraph's
/// index in `Report.paragraphs`.
package struct ParagraphReasons: AnalysisView {
  package static let elements: ReportElements? = [.paragraphs]

  /// The reasons of each paragraph of the report, in order.
  package let reasons: [[ReasonReader.Reason]]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    reasons = input.report.paragraphs.map { ReasonReader.reasons(in: $0) }
  }

  /// The reasons of paragraph `index` of the report.
  package subscript(index: Int) -> [ReasonReader.Reason] { reasons[index] }
}
