import JuesuanModel

/// Doubled punctuation (。；，，), half-width , ; : ( ) between Chinese characters, and a bracket
/// or quote opened in a paragraph and never closed.
struct TextPunctuationRule: LocalRule {
  static let description = RuleDescription(
    code: "text/punctuation",
    summary: "标点规范：不连用两个标点（。；、，，），中文之间用全角 ，；：（），括号和引号要成对。",
    rationale:
      "只看两侧都是汉字的半角标点，数字（1,862.53）、代码、网址和英文词组里的半角符号不算；跨行的括号和引号按段落整体配对，下一行闭合的不算未闭合。",
    defaultSeverity: .information,
    nonTriggeringExamples: [
      .init("收入合计 1,862.53 万元，详见 http://example.com/a,b。\n"),
      .init("按照“谁用款、谁评价”的原则（见附件\n一）开展评价。\n"),
      .init("Ministry of Finance (MOF): report; see p. 3。\n"),
    ],
    triggeringExamples: [
      .init("全面实现网上办公⟦。；⟧预算调整率超出指标值。\n", fixed: "全面实现网上办公；预算调整率超出指标值。\n"),
      .init("项目申报符合要求⟦,⟧得2分;较符合:得1分。\n", fixed: "项目申报符合要求，得2分；较符合：得1分。\n"),
      .init("部门⟦(单位)⟧名称\n", fixed: "部门（单位）名称\n"),
      .init("按照⟦“⟧谁用款、谁评价的原则开展评价。其他工作正常。\n"),
    ])

  /// 。，；：、
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "。", "，", "；", "：", "、": true
    default: false
    }
  }

  /// The full-width form of a half-width , ; :.
  private static func fullWidth(of scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case ",": "，"
    case ";": "；"
    case ":": "："
    default: nil
    }
  }

  /// Doubled and half-width marks: each line's bytes alone decide its findings. (Unclosed
  /// brackets and quotes look at the next paragraph: `checkRest`.)
  static let unit = LocalUnit.line

  func checkLine(_ range: Range<Int>, of source: SourceText, context: inout RuleContext) {
    guard !range.isEmpty, Self.mayHaveFinding(source.bytes[range]) else { return }
    checkMarks(UTF8Text.scalarsWithOffsets(source.bytes[range]), context: &context)
  }

  /// Unclosed brackets and quotes: each paragraph, read with the start of the next.
  static let restElements: ReportElements? = [.paragraphs]

  func checkRest(_ report: Report, context: inout RuleContext) {
    checkUnclosed(report, context: &context)
  }

  /// A cheap byte test: a half-width , ; : ( right after a multi-byte character (a Han character
  /// is one; "1,862.53" is not looked at further), or a full-width mark followed by another one.
  private static func mayHaveFinding(_ bytes: ArraySlice<UInt8>) -> Bool {
    // Read through a buffer: this runs over every byte of the document.
    bytes.withUnsafeBufferPointer { bytes in
      var previousMarkEnd = -1
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x28, index > 0, bytes[index - 1] & 0xC0 == 0x80 {
          return true
        }
        if (byte == 0xE3 || byte == 0xEF), index + 2 < bytes.count {
          let pair = (bytes[index + 1], bytes[index + 2])
          let isMark =
            byte == 0xE3
            ? pair == (0x80, 0x82) || pair == (0x80, 0x81)
            : pair == (0xBC, 0x8C) || pair == (0xBC, 0x9B) || pair == (0xBC, 0x9A)
          if isMark {
            if previousMarkEnd == index { return true }
            previousMarkEnd = index + 3
          }
          index += 3
          continue
        }
        // Continuation bytes are none of the bytes looked for: the scalar is passed over whole
        // (`UTF8Text.length(ofLead:)`, written here: another module's function is not inlined).
        index += byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      }
      return false
    }
  }

  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
    default: false
    }
  }

  private func checkMarks(_ scalars: [(scalar: Unicode.Scalar, offset: Int)], context: inout RuleContext) {
    // The half-width marks found, and the edits that make them full-width (one list for the line).
    var halfWidth: [(range: Range<Int>, mark: String)] = []
    var edits: [TextEdit] = []
    var index = 0
    while index < scalars.count {
      let (scalar, offset) = scalars[index]
      defer { index += 1 }
      if Self.isMark(scalar), index + 1 < scalars.count, Self.isMark(scalars[index + 1].scalar) {
        let next = scalars[index + 1]
        let end = next.offset + next.scalar.utf8.count
        context.ran()
        let pair = String(scalar) + String(next.scalar)
        let fixes: [Fix]
        if scalar == next.scalar {
          fixes = [
            Fix(title: "删除重复的“\(scalar)”", edits: [TextEdit(range: next.offset..<end, newText: "")], isPreferred: true)
          ]
        } else {
          fixes = [
            Fix(title: "只保留“\(next.scalar)”", edits: [TextEdit(range: offset..<next.offset, newText: "")]),
            Fix(title: "只保留“\(scalar)”", edits: [TextEdit(range: next.offset..<end, newText: "")]),
          ]
        }
        context.report(offset..<end, "标点连用“\(pair)”", fixes: fixes)
        index += 1
        continue
      }
      guard index > 0, index + 1 < scalars.count, Self.isHan(scalars[index - 1].scalar) else { continue }
      if let wide = Self.fullWidth(of: scalar), Self.isHan(scalars[index + 1].scalar) {
        halfWidth.append((offset..<(offset + 1), String(scalar)))
        edits.append(TextEdit(range: offset..<(offset + 1), newText: wide))
      } else if scalar == "(" {
        // "部门(单位)名称": a half-width pair around Chinese text, next to Chinese text.
        var close = index + 1
        while close < scalars.count, close - index <= 30, scalars[close].scalar != ")", scalars[close].scalar != "(" {
          close += 1
        }
        guard close < scalars.count, scalars[close].scalar == ")", close > index + 1,
          scalars[(index + 1)..<close].contains(where: { Self.isHan($0.scalar) })
        else { continue }
        let closeOffset = scalars[close].offset
        halfWidth.append((offset..<(closeOffset + 1), "( )"))
        edits.append(TextEdit(range: offset..<(offset + 1), newText: "（"))
        edits.append(TextEdit(range: closeOffset..<(closeOffset + 1), newText: "）"))
        index = close
      }
    }
    // Half-width marks are reported once per line (a table typed in half-width has dozens).
    guard let first = halfWidth.first else { return }
    context.ran()
    let message: String
    if halfWidth.count == 1 {
      message = "汉字之间用了半角“\(first.mark)”，应为全角"
    } else {
      var counts: [String: Int] = [:]
      for mark in halfWidth { counts[mark.mark, default: 0] += 1 }
      let summary = counts.sorted { $0.key < $1.key }.map { "“\($0.key)”\($0.value) 处" }.joined(separator: "、")
      message = "汉字之间用了半角标点（本行共 \(halfWidth.count) 处：\(summary)），应为全角"
    }
    context.report(
      first.range, Message(message), fixes: [Fix(title: "本行改为全角标点", edits: edits, isPreferred: true)])
  }

  private static let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("（", "）"), ("“", "”"), ("《", "》"), ("【", "】"),
  ]
  private static let openers = pairs.map { Array(String($0.open).utf8) }
  private static let closers = pairs.map { Array(String($0.close).utf8) }
  private static let sentenceEnds = ["。", "！", "？"].map { Array($0.utf8) }
  /// Closers of another kind, each a typo of its own ("（见附件一)").
  private static let otherClosers = [")", "\"", "」"].map { Array($0.utf8) }

  /// An opening bracket or quote with no closer in the rest of its paragraph (nor at the start of
  /// the next one), while the paragraph goes on past the sentence. Read on the paragraph's bytes:
  /// in valid UTF-8 a scalar's bytes are found only where that scalar is written.
  /// - Complexity: O(n) per paragraph and pair: the search for an opener's closer stops at the
  ///   next opener of the pair; the searches for the sentence's end stop at the first terminator.
  private func checkUnclosed(_ report: Report, context: inout RuleContext) {
    let paragraphs = report.paragraphs
    for (number, paragraph) in paragraphs.enumerated() {
      let bytes = paragraph.utf8
      /// The first offset at or after `start`, before `limit`, where one of `words` is written
      /// (`bytes.count` if none).
      func first(of words: [[UInt8]], from start: Int, before limit: Int) -> Int {
        words.compactMap { UTF8Text.firstOffset(of: $0, in: bytes, from: start, before: limit) }.min() ?? bytes.count
      }
      lazy var next = number + 1 < paragraphs.count ? Array(paragraphs[number + 1].text.unicodeScalars.prefix(60)) : []
      for (kind, pair) in Self.pairs.enumerated() {
        let opener = Self.openers[kind]
        let openings = UTF8Text.offsets(of: opener, in: bytes, range: 0..<bytes.count)
        for (place, offset) in openings.enumerated() {
          context.ran()
          let after = offset + opener.count
          // Closed before the next opener of the pair: fine.
          let nextOpen = place + 1 < openings.count ? openings[place + 1] : bytes.count
          if UTF8Text.firstOffset(of: Self.closers[kind], in: bytes, from: after, before: nextOpen) != nil { continue }
          // The sentence ends and the paragraph goes on: the bracket was not continued elsewhere.
          let end = first(of: Self.sentenceEnds, from: after, before: bytes.count)
          guard end < bytes.count, end < nextOpen, !next.contains(pair.close) else { continue }
          if first(of: Self.otherClosers, from: after, before: end) < end { continue }
          let range = paragraph.sourceRange(ofTextRange: offset..<after)
          context.report(range, "“\(pair.open)”在句中没有对应的“\(pair.close)”")
        }
      }
    }
  }
}
