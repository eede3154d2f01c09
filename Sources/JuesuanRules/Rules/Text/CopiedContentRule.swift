import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// An item's text copied from the item before without being changed: "8、…住房公积金（项）。主要用于：
/// 事业单位医疗保险支出。" after "7、…事业单位医疗（项）。主要用于：事业单位医疗保险支出。".
struct CopiedContentRule: Rule {
  static let description = RuleDescription(
    code: "text/copied-content",
    summary: "逐项说明中，某一项的用途不应照抄上一项（用途里写的是上一项的科目）。",
    rationale: """
      逐项说明“X（项）。主要用于：…”时常复制上一项再改写，漏改时本项的用途仍是上一项的。只在两项科目名称不同、\
      用途文字完全相同（忽略空格），且用途中出现上一项的科目名称而没有本项的名称时报告。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "7、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。主要用于：事业单位医疗保险支出。\n\n8、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：住房公积金支出。\n"
      ),
      .init(
        "1、一般公共服务支出（类）人大事务（款）行政运行（项）。主要用于：保障机关正常运转。\n\n2、一般公共服务支出（类）政协事务（款）行政运行（项）。主要用于：保障机关正常运转。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "7、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。主要用于：事业单位医疗保险支出。\n\n8、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：⟦事业单位医疗保险支出⟧。\n"
      )
    ])

  init() {}

  /// One item: its 项 name and what it says the money is for.
  private struct Item {
    var name: String
    var purpose: String
    var purposeRange: Range<Int>
  }

  private static let purposeMarker = Array("主要用于".utf8)

  static let reads: [any AnalysisView.Type] = [SubjectMentions.self]

  func check(_ report: Report, context: inout RuleContext) {
    let source = report.source
    guard UTF8Text.firstOffset(of: Self.purposeMarker, in: source.bytes) != nil else { return }
    let items = context.view(SubjectMentions.self).all.filter { $0.place == .narrativeMarker(digits: 7) }
    var previous: Item?
    for (index, mention) in items.enumerated() {
      let limit = index + 1 < items.count ? items[index + 1].range.lowerBound : source.bytes.count
      guard let item = Self.item(mention, before: limit, in: source) else {
        previous = nil
        continue
      }
      defer { previous = item }
      guard let previous else { continue }
      context.ran()
      let own = NarrativeBinder.core(item.name)
      let other = NarrativeBinder.core(previous.name)
      guard item.purpose == previous.purpose, own != other, own.count >= 2, other.count >= 3,
        item.purpose.utf8Text.contains(other), !item.purpose.utf8Text.contains(own)
      else { continue }
      context.report(
        item.purposeRange,
        "“\(item.name)（项）”的用途写作“\(item.purpose)”，与上一项“\(previous.name)（项）”完全相同，写的是上一项的科目：疑为照抄未改")
    }
  }

  /// The item a 项 marker opens: its name and the "主要用于：…" that follows it before `limit`
  /// (within 200 bytes of the marker, up to the next 。).
  private static func item(_ mention: SubjectMention, before limit: Int, in source: SourceText) -> Item? {
    let bytes = source.bytes
    let searchEnd = min(limit, mention.range.upperBound + 200, bytes.count)
    guard mention.range.upperBound < searchEnd,
      let marker = bytes[mention.range.upperBound..<searchEnd].firstRange(of: purposeMarker)
    else { return nil }
    var start = marker.upperBound
    for colon in ["：", ":"] where bytes[start...].starts(with: colon.utf8) { start += colon.utf8.count }
    let stop = Array("。".utf8)
    guard let end = bytes[start..<min(bytes.count, start + 300)].firstRange(of: stop)?.lowerBound, end > start
    else { return nil }
    let purpose = String(decoding: bytes[start..<end], as: UTF8.self).filter { !$0.isWhitespace }
    guard purpose.count >= 4 else { return nil }
    // The range without the white space at either end.
    var lower = start
    while lower < end, bytes[lower] == 0x20 || bytes[lower] == 0x0A { lower += 1 }
    return Item(
      name: SubjectCatalogue.normalizedName(mention.name), purpose: purpose, purposeRange: lower..<end)
  }
}
