import JuesuanModel

/// Unfilled template placeholders: ××, XX, ＊＊, 【】, "X万元".
struct PlaceholderRule: LocalRule {
  static let description = RuleDescription(
    code: "text/placeholder",
    summary: "不得留有未填写的占位符（××、XX、＊＊、【】、X万元）。",
    rationale: "占位符说明模板内容没有填写。ASCII 的 XX 只在前后不是字母数字时报告；Markdown 的 ** 不算。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("涉及财政拨款资金共计 50 万元，10×5.68% = 0.57。"), .init("注：标“＊＊”的项目为市级重点民生项目。"),
    ],
    triggeringExamples: [
      .init("涉及财政拨款资金共计⟦××⟧万元。"),
      .init("项目资金⟦X⟧万元，详见【附件】。"),
      .init("⟦20XX⟧年度部门决算。"),
    ])

  init() {}

  /// Whether the run at `range` is quoted and brought in as a mark: "标“＊＊”的", "带“××”的", "以“＊＊”标注".
  private static func isDefinedMark(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    guard UTF8Text.has(openQuote, at: range.lowerBound - openQuote.count, in: bytes),
      UTF8Text.has(closeQuote, at: range.upperBound, in: bytes)
    else { return false }
    let before = range.lowerBound - openQuote.count
    return markVerbs.contains { UTF8Text.has($0, at: before - $0.count, in: bytes) }
  }

  private static let openQuote = Array("“".utf8)
  private static let closeQuote = Array("”".utf8)
  private static let markVerbs = ["标", "带", "加", "以", "用", "有"].map { Array($0.utf8) }

  private static let runs: [[UInt8]] = [Array("×".utf8), Array("Ｘ".utf8), Array("＊".utf8)]

  /// The run character written at `index` (× C3 97, Ｘ EF BC B8, ＊ EF BC 8A), if any.
  private static func run(in bytes: [UInt8], at index: Int) -> [UInt8]? {
    switch bytes[index] {
    case 0xC3: return index + 1 < bytes.count && bytes[index + 1] == 0x97 ? runs[0] : nil
    case 0xEF:
      guard index + 2 < bytes.count, bytes[index + 1] == 0xBC else { return nil }
      return bytes[index + 2] == 0xB8 ? runs[1] : bytes[index + 2] == 0x8A ? runs[2] : nil
    default: return nil
    }
  }

  /// A placeholder lies within a line: every look around a run (the quote and verb before it, the
  /// unit or 年 after it, the digits before "20XX") stops at a line break.
  static let unit = LocalUnit.line

  /// One check per report: that it has no placeholder.
  func checkRest(_ report: Report, context: inout RuleContext) {
    context.ran()
  }

  func checkLine(_ range: Range<Int>, of source: SourceText, context: inout RuleContext) {
    let bytes = source.bytes
    var index = range.lowerBound
    let bracket = Array("【".utf8)
    let closing = Array("】".utf8)
    while index < range.upperBound {
      // Only ×, Ｘ, ＊, 【 (lead bytes C3, EF, E3) and ASCII X/x start a placeholder.
      let lead = bytes[index]
      guard lead == 0xC3 || lead == 0xEF || lead == 0xE3 || lead == UInt8(ascii: "X") || lead == UInt8(ascii: "x")
      else {
        // Any other scalar is passed over whole (its bytes start no placeholder). Its length is
        // `UTF8Text.length(ofLead:)`, written here: a call to another module per scalar of the
        // document is not inlined.
        index += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        continue
      }
      // Full-width runs of two or more: ××, ＸＸ, ＊＊.
      if let run = Self.run(in: bytes, at: index) {
        var end = index
        while bytes[end...].starts(with: run) { end += run.count }
        let count = (end - index) / run.count
        // A quoted mark a note defines ("标“＊＊”的项目为…") is a footnote sign, not a blank.
        if count >= 2 || (followedByUnit(bytes, end) && !isAlnum(bytes, before: index)),
          !Self.isDefinedMark(bytes, index..<end)
        {
          context.report(index..<end, "未填写的占位符“\(String(decoding: bytes[index..<end], as: UTF8.self))”")
        }
        index = end
        continue
      }
      // ASCII XX / xx (not inside a word), or a single X before 万元/元.
      if bytes[index] == UInt8(ascii: "X") || bytes[index] == UInt8(ascii: "x") {
        var end = index
        while end < bytes.count, bytes[end] == bytes[index] { end += 1 }
        // "20XX年" is a placeholder too: digits may precede a run that a 年 follows.
        let afterYear = bytes[end...].starts(with: Array("年".utf8))
        let previous = index > 0 ? bytes[index - 1] : 0x20
        let previousIsDigit = previous >= 0x30 && previous <= 0x39
        let isolated =
          (!isAlnum(bytes, before: index) || (previousIsDigit && afterYear))
          && !(end < bytes.count && isLetterOrDigit(bytes[end]))
        if isolated, end - index >= 2 || followedByUnit(bytes, end) {
          var start = index
          if previousIsDigit { while start > 0, bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39 { start -= 1 } }
          context.report(start..<end, "未填写的占位符“\(String(decoding: bytes[start..<end], as: UTF8.self))”")
        }
        index = end
        continue
      }
      if lead == 0xE3, bytes[index...].starts(with: bracket) {
        var end = index + 3
        while end < bytes.count, bytes[end] == 0x20 { end += 1 }
        if bytes[end...].starts(with: closing) {
          context.report(index..<(end + 3), "空的占位括号“【】”未填写")
          index = end + 3
          continue
        }
      }
      // ×, Ｘ, ＊ or 【 opening nothing (lead C3, EF or E3): passed over whole, as above.
      index += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
  }

  private func followedByUnit(_ bytes: [UInt8], _ offset: Int) -> Bool {
    var index = offset
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    return bytes[index...].starts(with: Array("万元".utf8)) || bytes[index...].starts(with: Array("元".utf8))
  }

  private func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private func isAlnum(_ bytes: [UInt8], before offset: Int) -> Bool {
    offset > 0 && (isLetterOrDigit(bytes[offset - 1]) || bytes[offset - 1] == UInt8(ascii: "."))
  }
}
