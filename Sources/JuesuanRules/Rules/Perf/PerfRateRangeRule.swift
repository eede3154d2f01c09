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
      （中间只有“为”“达到”“不低于”“≥”等）；完成率、执行率、增长率等可以超过 100%，不在此检查，只有绩效监控、\
      绩效自评、绩效评价的完成率（完成的项目占应完成项目之比）除外。自评表中被 PDF 拆成几行的指标名（“部门绩效评价完成”\
      “率”）按表读出的整名核对。执行率等比率的公式（“执行率（B/A×100%）”“执行率=B/A×100%”）乘的是 100%，写成别的数也在此报告；\
      公式后还有乘数或文字的（“（B/A）×10%×分值”）是加权计分，不是比率。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("服务对象满意度\t≥90%\t100%\t10\t10\n"),
      .init("群众满意度达到 100%，比上年提高 5%。\n"),
      .init("项目完成率 105%，预算执行率 102%。\n"),
      .init("满意度指标 10 分，得 10 分。\n"),
      .init("执行率（B/A×100%）\t得分\n"),
      .init("预算执行率=（B/A）x100%\n"),
      // A weighted score is no rate.
      .init("得分按（B/A）×20%计算\n"),
      .init("预算执行率指标得分=预算执行率（B/A）×10%×100。\n"),
      .init("执行率（B/A）×10%计算得分\n"),
      .init("兽药残留监控完成率\t≥100%\t112%\t10\t10\t超额完成抽检任务\n"),
      .init(
        "2023年度部门决算\n\n部门整体支出绩效自评情况表\n\n（2023 年度）\n\n绩效指标\n 一级指标 分值 二级指标 三级指标\n年度指标\n\n值\n\n实际完成\n\n值\n\n分\n\n值\n得分 偏差度\n\n绩效管理\n\n绩效自评完成率 =100% =100% 2 2 0.00\n\n部门绩效评价完成\n\n率\n\n=100% =100% 2 2 0.00\n\n总分 100 4\n"
      ),
    ],
    triggeringExamples: [
      .init("服务对象满意度\t≥90%\t⟦102%⟧\t10\t10\n"),
      .init("设备验收合格率不低于⟦105%⟧。\n"),
      .init("        满意率⟦101%⟧\n"),
      .init("评价结果应用率 =100% =⟦102%⟧ 2 2 0.00\n"),
      .init("执行率（B/A×⟦105%⟧）\t得分\n"),
      .init("预算执行率=（B/A）x⟦10%⟧\n"),
      // A name the PDF broke over lines, as the self-evaluation table reads it.
      .init(
        "2023年度部门决算\n\n部门整体支出绩效自评情况表\n\n（2023 年度）\n\n绩效指标\n 一级指标 分值 二级指标 三级指标\n年度指标\n\n值\n\n实际完成\n\n值\n\n分\n\n值\n得分 偏差度\n\n绩效管理\n\n绩效自评完成率 =100% =100% 2 2 0.00\n\n部门绩效评价完成\n\n率\n\n=100% =⟦102%⟧ 2 2 0.00\n\n总分 100 4\n"
      ),
    ])

  static let unit = LocalUnit.line

  /// Names of proportions of a whole, which cannot exceed it.
  private static let nameTexts = [
    "满意度", "满意率", "合格率", "覆盖率", "知晓率", "达标率", "准确率", "正确率", "完好率", "及格率", "好评率", "参与率",
    "应用率", "公开率", "绩效监控完成率", "自评完成率", "绩效评价完成率",
  ]
  private static let names = nameTexts.map { Array($0.utf8) }
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
    // A formula's factor is a percentage too.
    guard Self.hasPercentSign(bytes, in: range) else { return }
    checkFormulas(in: range, of: bytes, context: &context)
    guard
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
            percent.range, Self.aboveWhole(String(decoding: name, as: UTF8.self), written: bytes[percent.range]))
        }
      }
    }
  }

  /// A self-evaluation row whose indicator's name the PDF broke over lines ("部门绩效评价完成" /
  /// "率" / "=100% =102%"): the name as the table's reader joined it, and its target and actual
  /// value. A row whose figures' line holds the whole name before them was checked as a line.
  /// The indicators' values, and the text before them on their rows, inside their tables.
  static let restElements: ReportElements? = [.evaluations]

  func checkRest(_ report: Report, context: inout RuleContext) {
    let bytes = report.source.bytes
    for evaluation in report.selfEvaluations {
      for indicator in evaluation.indicators {
        let level3 = indicator.level3.utf8Text
        guard let name = Self.nameTexts.firstIndex(where: { level3.hasSuffix($0) }) else { continue }
        for range in [indicator.targetRange, indicator.actualRange] {
          guard let range,
            let percent = Self.percents(in: bytes, from: range.lowerBound, before: range.upperBound).first,
            percent.value.tenThousandths > 100 * 10_000
          else { continue }
          let lineStart = report.source.byteRange(ofLine: report.source.line(ofUTF8Offset: range.lowerBound)).lowerBound
          guard UTF8Text.firstOffset(of: Self.names[name], in: bytes, from: lineStart, before: range.lowerBound) == nil
          else { continue }
          context.ran()
          context.report(percent.range, Self.aboveWhole(Self.nameTexts[name], written: bytes[percent.range]))
        }
      }
    }
  }

  /// The finding of a proportion `name` written above 100% (`written`, as the text has it).
  private static func aboveWhole(_ name: String, written: ArraySlice<UInt8>) -> Message {
    "“\(name)”是占总数的比例，不会超过 100%，文中为 \(String(decoding: written, as: UTF8.self))"
  }

  /// "执行率（B/A×100%）": a rate's formula multiplies by 100%, and by nothing else.
  private func checkFormulas(in range: Range<Int>, of bytes: [UInt8], context: inout RuleContext) {
    var from = range.lowerBound
    while let slash = UTF8Text.firstOffset(of: Self.slash, in: bytes, from: from, before: range.upperBound) {
      from = slash + 1
      guard slash > range.lowerBound, slash + 1 < range.upperBound, Self.isCapital(bytes[slash - 1]),
        Self.isCapital(bytes[slash + 1]), slash - 1 == range.lowerBound || !Self.isCapital(bytes[slash - 2])
      else { continue }
      var cursor = UTF8Text.skippingSpaces(in: bytes, from: slash + 2)
      for close in Self.closingBrackets where UTF8Text.has(close, at: cursor, in: bytes) {
        cursor = UTF8Text.skippingSpaces(in: bytes, from: cursor + close.count)
      }
      guard let times = Self.timesSigns.first(where: { UTF8Text.has($0, at: cursor, in: bytes) }),
        let factor = Self.percents(in: bytes, from: cursor + times.count, before: range.upperBound).first,
        factor.value.tenThousandths != 100 * 10_000,
        Self.endsFormula(at: factor.range.upperBound, in: bytes, line: range),
        Self.namesRate(before: slash - 1, in: bytes, from: range.lowerBound)
          || Self.fillsBrackets(slash - 1..<factor.range.upperBound, in: bytes, line: range)
      else { continue }
      context.ran()
      context.report(
        factor.range,
        "比率公式“\(String(decoding: bytes[(slash - 1)...(slash + 1)], as: UTF8.self))×100%”乘的是 100%，文中为 \(String(decoding: bytes[factor.range], as: UTF8.self))"
      )
    }
  }

  /// Whether a rate's name ends right before the formula at `start` ("执行率（B/A", "执行率=B/A"):
  /// past blanks, an opening bracket and "=", a 率.
  private static func namesRate(before start: Int, in bytes: [UInt8], from lineStart: Int) -> Bool {
    var cursor = start
    while cursor > lineStart {
      let previous = cursor - 1
      if bytes[previous] == 0x20 || bytes[previous] == 0x09 || bytes[previous] == 0x28 || bytes[previous] == 0x3D {
        cursor = previous
      } else if cursor - 3 >= lineStart,
        Self.rateOpeners.contains(where: { UTF8Text.has($0, at: cursor - 3, in: bytes) })
      {
        cursor -= 3
      } else {
        break
      }
    }
    return cursor - 3 >= lineStart && UTF8Text.has(Self.rateEnds[0], at: cursor - 3, in: bytes)
  }

  /// Whether the formula is all its line's bracket holds ("（B/A×100%）", a table header's cell).
  private static func fillsBrackets(_ formula: Range<Int>, in bytes: [UInt8], line: Range<Int>) -> Bool {
    let before = UTF8Text.skippingSpacesBackward(in: bytes, from: formula.lowerBound)
    let after = UTF8Text.skippingSpaces(in: bytes, from: formula.upperBound)
    let opens =
      before - 3 >= line.lowerBound && UTF8Text.has(Self.openingBracket, at: before - 3, in: bytes)
      || before - 1 >= line.lowerBound && bytes[before - 1] == 0x28
    return opens && closingBrackets.contains { UTF8Text.has($0, at: after, in: bytes) }
  }

  /// Whether the formula ends at `offset`: the line ends, or a closing bracket or a punctuation
  /// mark follows ("（B/A）×10%×分值" and "（B/A）×10%计算得分" weight a score, they are no rate).
  private static func endsFormula(at offset: Int, in bytes: [UInt8], line: Range<Int>) -> Bool {
    let next = UTF8Text.skippingSpaces(in: bytes, from: offset)
    guard next < line.upperBound, bytes[next] != 0x0A, bytes[next] != 0x0D else { return true }
    return formulaEnds.contains { UTF8Text.has($0, at: next, in: bytes) }
  }

  private static let formulaEnds = ["）", ")", "。", "，", "；", ",", ";"].map { Array($0.utf8) }

  private static let openingBracket = Array("（".utf8)
  /// Full-width "（" and "＝", which may stand between a rate's name and its formula.
  private static let rateOpeners = [openingBracket, Array("＝".utf8)]
  private static let slash = Array("/".utf8)
  private static let closingBrackets = [Array("）".utf8), Array(")".utf8)]
  private static let timesSigns = ["×", "x", "X", "*", "＊"].map { Array($0.utf8) }

  private static func isCapital(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

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
