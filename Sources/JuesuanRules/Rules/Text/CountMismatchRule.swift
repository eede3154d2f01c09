import JuesuanAnalysis
import JuesuanModel

/// "决策、过程、产出以及效益5个一级指标": an enumeration whose length differs from the count
/// written right after it.
struct CountMismatchRule: Rule {
  static let description = RuleDescription(
    code: "text/count-mismatch",
    summary: "“A、B、C 和 D N个…”中列举的项数应等于 N。",
    rationale: """
      核对紧接在数字前、以“、”分隔（末项可用“和、及、以及”连接）且不含数字的列举，以及“N个…，\
      包括/分别是：A、B、C。”式紧随其后的列举；含数字的“1 个、0 个”或带“等”的列举不核对。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("指标体系共设置决策、过程、产出、效益以及满意度5个一级指标、10个二级指标。"),
      .init("本单位设7个内设机构，分别是：督查股、党组办公室、对台外事股、综合股、秘书股、信息股、会务股。"),
      .init("本局内设机构4个，包括：办公室（加挂政策法规科、行政审批科牌子）、计划财务科、综合业务科、执法监督科。"),
      .init("本局内设机构3个，分别是：办公室、政策法规和行政审批科、人事和老干部科。"),
      .init("指标体系设置产出指标（数量、质量、时效、成本）、效益指标、满意度指标3个一级指标。"),
      .init("对道路养护、桥梁检测等5个项目开展绩效自评。"),
    ],
    triggeringExamples: [
      .init("指标体系共设置决策、过程、产出以及效益⟦5个⟧一级指标、10个二级指标。"),
      .init("本单位内设机构⟦3 个⟧，包括：办公室、督察室。"),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  private static let delimiters = ["，", "。", "；", "：", ":", "（", "(", "“", "”"].map { Array($0.utf8) }
  private static let leadIns = ["设置", "包括", "包含", "涵盖", "分为", "共有", "设有", "从"]

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() where !paragraph.utf8.contains(0x09) {
      let reader = readers[index]
      for number in paragraph.numbers where number.unit == .none {
        let after = reader.skippingSpaces(from: number.textRange.upperBound)
        guard reader.has("个", at: after), number.value.decimals == 0 else { continue }
        let count = Int(number.value.tenThousandths / Amount.scale)
        guard count >= 2, count <= 30 else { continue }
        if let following = followingEnumeration(reader, after: after + 3, count: count) {
          context.ran()
          if following.items.count != count {
            context.report(
              paragraph.sourceRange(ofTextRange: number.textRange.lowerBound..<(after + 3)),
              "写“\(count)个”，其后列举了 \(following.items.count) 项（\(following.items.joined(separator: "、"))）")
          }
          continue
        }
        // The span from the clause start to the number.
        let end = reader.skippingSpacesBackward(from: number.textRange.lowerBound)
        var start = end
        let bytes = reader.bytes
        while start > 0, !Self.delimiters.contains(where: { UTF8Text.has($0, at: start - $0.count, in: bytes) }) {
          start -= 1
        }
        guard end - start <= 150 else { continue }
        var span = paragraph.text(in: start..<end)
        // "对道路养护、桥梁检测等 5 个项目": a list that says it names only some.
        if span.utf8Text.hasSuffix("等") || span.utf8Text.hasSuffix("等等") { continue }
        for leadIn in Self.leadIns {
          if let range = span.utf8Text.lastRange(of: leadIn) { span = String(span[range.upperBound...]) }
        }
        // A span that starts inside brackets ("产出指标（数量、质量…）、效益指标…") is not the list.
        let closes = span.filter { $0 == "）" || $0 == ")" }.count
        let opens = span.filter { $0 == "（" || $0 == "(" }.count
        guard span.utf8Text.contains("、"), !span.contains(where: { $0.isNumber }), closes <= opens else { continue }
        var items = Self.items(of: span)
        guard items.allSatisfy({ !$0.isEmpty }), items.dropFirst().allSatisfy({ $0.count <= 12 }) else { continue }
        if var first = items.first {
          for leadIn in Self.leadIns {
            if let range = first.utf8Text.range(of: leadIn) { first = String(first[range.upperBound...]) }
          }
          items[0] = first
        }
        let unjoined = items.count
        Self.splitLastAtJoiner(&items)
        guard items.allSatisfy({ !$0.isEmpty && $0.count <= 12 }) else { continue }
        context.ran()
        // "人事和老干部科" may be one name: the count fits with or without the last 和.
        guard items.count != count, unjoined != count else { continue }
        let countRange = number.textRange.lowerBound..<(after + 3)
        context.report(
          paragraph.sourceRange(ofTextRange: countRange),
          "列举了 \(items.count) 项（\(items.joined(separator: "、"))），却写“\(count)个”")
      }
    }
  }

  private static let openers = ["分别是", "分别为", "包括", "具体为", "即"]

  /// "3 个，包括：办公室、督察室、投诉管理室。" / "7个内设机构，分别是：…": the list after a count.
  private func followingEnumeration(_ reader: NarrativeReader, after offset: Int, count: Int) -> (
    items: [String], end: Int
  )? {
    let paragraph = reader.paragraph
    // The counted noun (at most 10 characters), then a comma or nothing, then an opener.
    var cursor = offset
    var scanned = 0
    while cursor < reader.bytes.count, scanned <= 10 {
      if reader.has("，", at: cursor) || reader.has(",", at: cursor) { break }
      if Self.openers.contains(where: { reader.has($0, at: cursor) }) { break }
      if reader.has("。", at: cursor) || reader.has("；", at: cursor) || reader.has("、", at: cursor) { return nil }
      cursor += 1
      while cursor < reader.bytes.count, reader.bytes[cursor] & 0xC0 == 0x80 { cursor += 1 }
      scanned += 1
    }
    if reader.has("，", at: cursor) { cursor += 3 } else if reader.has(",", at: cursor) { cursor += 1 }
    guard let opener = Self.openers.first(where: { reader.has($0, at: cursor) }) else { return nil }
    cursor += opener.utf8.count
    if reader.has("：", at: cursor) { cursor += 3 } else if reader.has(":", at: cursor) { cursor += 1 }
    var end = cursor
    while end < reader.bytes.count, !(reader.has("。", at: end) || reader.has("；", at: end)) { end += 1 }
    let list = paragraph.text(in: cursor..<end).utf8Text.removingWhitespace()
    guard list.utf8Text.contains("、"), !list.utf8Text.contains("，"), !list.contains(where: { $0.isNumber }),
      !list.utf8Text.contains("等")
    else {
      return nil
    }
    var items = Self.items(of: list)
    // A last item with 和 ("人事和老干部科") may be one name: keep it whole when that fits.
    guard items.count != count else { return (items, end) }
    Self.splitLastAtJoiner(&items)
    guard items.allSatisfy({ !$0.isEmpty && $0.count <= 15 }) else { return nil }
    return (items, end)
  }

  /// The items of `list` at its "、" outside brackets: "办公室（加挂政策法规科、行政审批科牌子）" and
  /// "产出指标（数量、质量、时效、成本）" are one item each.
  private static func items(of list: String) -> [String] {
    var items: [String] = []
    var current = ""
    var depth = 0
    for character in list {
      switch character {
      case "（", "(": depth += 1
      case "）", ")": depth = max(0, depth - 1)
      case "、" where depth == 0:
        items.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    items.append(current)
    return items
  }

  /// "A、B和C": the last item is two ("B", "C") when a joiner (以及, 和, 及) splits it into two
  /// non-empty halves; only the first joiner found is tried.
  private static func splitLastAtJoiner(_ items: inout [String]) {
    guard let last = items.last else { return }
    for joiner in ["以及", "和", "及"] {
      guard let range = last.utf8Text.range(of: joiner) else { continue }
      let head = String(last[..<range.lowerBound])
      let tail = String(last[range.upperBound...])
      if !head.isEmpty, !tail.isEmpty {
        items.removeLast()
        items += [head, tail]
      }
      return
    }
  }
}
