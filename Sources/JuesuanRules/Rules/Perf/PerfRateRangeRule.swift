import Foundation
import JuesuanModel

/// A proportion counted out of a whole — 满意度, 合格率, 覆盖率, 知晓率 … — is at most 100%: a target
/// or an actual value above it is a slip.
struct PerfRateRangeRule: LocalRule {
  static let description = RuleDescription(
    code: "perf/rate-range",
    summary: "满意度、合格率、覆盖率、知晓率等比例不会超过 100%。",
    rationale: """
      这些指标是“满意（合格、覆盖、知晓……）的个数 ÷ 总数”，按定义在 0 到 100% 之间；绩效目标表、自评表或\
      评价报告写成 100% 以上（“满意度 102%”“合格率≥105%”）是录入或计算错误。只看指标名之后紧接的百分数\
      （中间只有“为”“达到”“不低于”“≥”等）；完成率、执行率、增长率等可以超过 100%，不在此检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("服务对象满意度\t≥90%\t100%\t10\t10\n"),
      .init("群众满意度达到 100%，比上年提高 5%。\n"),
      .init("项目完成率 105%，预算执行率 102%。\n"),
      .init("满意度指标 10 分，得 10 分。\n"),
    ],
    triggeringExamples: [
      .init("服务对象满意度\t≥90%\t⟦102%⟧\t10\t10\n"),
      .init("设备验收合格率不低于⟦105%⟧。\n"),
      .init("        满意率⟦101%⟧\n"),
    ])

  static let unit = LocalUnit.line

  /// Names of proportions of a whole, which cannot exceed it.
  private static let names = [
    "满意度", "满意率", "合格率", "覆盖率", "知晓率", "达标率", "准确率", "正确率", "完好率", "及格率", "好评率", "参与率",
  ].map { Array($0.utf8) }
  /// What may stand between a name and its figure: a verb or a lower bound.
  private static let fillers = [
    "不低于", "不少于", "不小于", "大于等于", "达到", "保持在", "可达", "平均", "均", "为", "达", "在", "≥", ">=", ">", "＞", "=", "＝",
    "：", ":",
  ].map { Array($0.utf8) }
  private static let percentSigns = [Array("%".utf8), Array("％".utf8)]
  /// Every name ends with 率 or 度: a line with neither holds none of them.
  private static let rateEnds = [Array("率".utf8), Array("度".utf8)]

  func checkLine(_ range: Range<Int>, of source: SourceText, context: inout RuleContext) {
    let bytes = source.bytes
    // Most lines have no percentage, and most of the rest no name ending in 率 or 度.
    guard Self.hasPercentSign(bytes, in: range),
      Self.rateEnds.contains(where: {
        UTF8Text.firstOffset(of: $0, in: bytes, from: range.lowerBound, before: range.upperBound) != nil
      })
    else { return }
    context.ran()
    for name in Self.names {
      var from = range.lowerBound
      while let found = UTF8Text.firstOffset(of: name, in: bytes, from: from, before: range.upperBound) {
        from = found + name.count
        for percent in Self.percents(in: bytes, from: from, before: range.upperBound)
        where percent.value.tenThousandths > 100 * 10_000 {
          context.report(
            percent.range,
            "“\(String(decoding: name, as: UTF8.self))”是占总数的比例，不会超过 100%，文中为 \(source.text(in: percent.range))")
        }
      }
    }
  }

  /// Whether `range` of `bytes` has "%" or "％" (EF BC 85): libc's searches, which read many
  /// bytes at a time, for a test every line takes.
  private static func hasPercentSign(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, !range.isEmpty else { return false }
      let start = base + range.lowerBound
      if memchr(start, 0x25, range.count) != nil { return true }
      // "％" by its last byte, which few characters end with.
      var from = 2
      while from < range.count, let found = memchr(start + from, 0x85, range.count - from) {
        let index = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if start[index - 1] == 0xBC, start[index - 2] == 0xEF { return true }
        from = index + 1
      }
      return false
    }
  }

  /// The percentages right after a name, before `end`: the first, past blanks and a filler
  /// word, and those that follow it separated only by blanks and fillers (a table row's target
  /// and actual value).
  private static func percents(in bytes: [UInt8], from start: Int, before end: Int) -> [(
    value: Amount, range: Range<Int>
  )] {
    var found: [(value: Amount, range: Range<Int>)] = []
    var cursor = start
    while found.count < 3 {
      cursor = skippingFillers(in: bytes, from: cursor)
      var digitsEnd = cursor
      while digitsEnd < end, (0x30...0x39).contains(bytes[digitsEnd]) || bytes[digitsEnd] == 0x2E { digitsEnd += 1 }
      guard digitsEnd > cursor, let value = Amount(parsing: String(decoding: bytes[cursor..<digitsEnd], as: UTF8.self))
      else { break }
      let sign =
        digitsEnd < end && bytes[digitsEnd] == 0x25
        ? 1 : (UTF8Text.has(percentSigns[1], at: digitsEnd, in: bytes) ? 3 : 0)
      guard sign > 0, digitsEnd + sign <= end else { break }
      found.append((value, cursor..<(digitsEnd + sign)))
      cursor = digitsEnd + sign
    }
    return found
  }

  /// Past blanks (space, tab, U+3000) and the filler words, in any order.
  private static func skippingFillers(in bytes: [UInt8], from start: Int) -> Int {
    var cursor = start
    while true {
      let next = UTF8Text.skippingSpaces(in: bytes, from: cursor)
      guard let filler = fillers.first(where: { UTF8Text.has($0, at: next, in: bytes) }) else { return next }
      cursor = next + filler.count
    }
  }
}
