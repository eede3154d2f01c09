import JuesuanModel

/// A phrase written twice in a row: "决算数与预算数决算数与预算数", "反映反映".
struct DuplicatePhraseRule: LocalRule {
  static let description = RuleDescription(
    code: "text/duplicate-phrase",
    summary: "同一词组紧接着重复出现（如“决算数与预算数决算数与预算数”），应删去重复部分。",
    rationale: "复制粘贴或修改时留下的重复，读者一眼可见。四个字以上的重复为警告；两三个字的重复（“反映反映”）只作提示，因为少数叠词是正常用法。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [.init("决算数与预算数不存在差异。各项工作常常需要研究。\n")],
    triggeringExamples: [
      .init("2023年度“三公”经费支出决算数与预算数⟦决算数与预算数⟧不存在差异。\n", fixed: "2023年度“三公”经费支出决算数与预算数不存在差异。\n")
    ],
    tags: [.unnecessary])

  static let mostPerParagraph = 5

  /// Longest phrase looked for, in characters.
  static let longest = 12

  /// The paragraph's bytes alone decide its findings.
  static let unit = LocalUnit.paragraph

  func checkParagraph(_ paragraph: Paragraph, context: inout RuleContext) {
    context.ran()
    let bytes = paragraph.utf8
    var index = 0
    var reported = 0
    // A run like "支出支出支出…" is one defect, not thousands: at most a few per paragraph.
    while reported < Self.mostPerParagraph,
      let (start, found) = Self.nextRepeat(in: bytes, from: index)
    {
      // Han characters are three bytes each: the copies are `found` characters, 3 · `found` bytes.
      index = start
      let width = 3 * found
      let repeatRange = (index + width)..<(index + 2 * width)
      let range = paragraph.sourceRange(ofTextRange: repeatRange)
      let phrase = String(decoding: bytes[index..<(index + width)], as: UTF8.self)
      // Both copies on one line, side by side: cells of a wrapped table joined into prose are
      // not a repetition.
      let both = index..<(index + 2 * width)
      guard paragraph.sourceRange(ofTextRange: both).count == both.count else {
        index += width
        continue
      }
      let contiguous = range.count == repeatRange.count
      reported += 1
      context.report(
        range, "“\(phrase)”重复了一次，应删去重复部分", severity: found >= 4 ? nil : .information,
        fixes: contiguous
          ? [
            Fix(
              title: "删去重复的“\(phrase)”", edits: [TextEdit(range: range, newText: "")], isSafe: found >= 4,
              isPreferred: true)
          ]
          : [])
      index += 2 * width
    }
  }

  /// The first place at or after the byte offset `start` (a scalar's start) where a phrase
  /// (2…`longest` Han characters) is repeated right after itself: the phrase's byte offset and
  /// its length in characters, the longest there. Read on the bytes: a Han character is three.
  /// - Complexity: O(n · `longest`) in the bytes from `start`.
  private static func nextRepeat(in bytes: [UInt8], from start: Int) -> (Int, Int)? {
    bytes.withUnsafeBufferPointer { bytes in
      var offset = start
      while offset < bytes.count {
        guard isHan(in: bytes, at: offset) else {
          offset += UTF8Text.length(ofLead: bytes[offset])
          continue
        }
        // The run of Han characters from here: a phrase and its copy both lie in it.
        var runEnd = offset + 3
        while runEnd < bytes.count, isHan(in: bytes, at: runEnd) { runEnd += 3 }
        while offset < runEnd {
          var length = min(Self.longest, (runEnd - offset) / 6)
          while length >= 2 {
            let width = 3 * length
            // The first characters of the two copies must agree before the copies are compared.
            if bytes[offset + 2] == bytes[offset + width + 2], bytes[offset + 1] == bytes[offset + width + 1] {
              var index = 0
              while index < width, bytes[offset + index] == bytes[offset + width + index] { index += 1 }
              if index == width { return (offset, length) }
            }
            length -= 1
          }
          offset += 3
        }
      }
      return nil
    }
  }

  /// Whether a Han character (U+3400…U+4DBF, U+4E00…U+9FFF, three bytes) starts at `offset`.
  private static func isHan(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    let lead = bytes[offset]
    guard lead >= 0xE3, lead <= 0xE9, offset + 2 < bytes.count else { return false }
    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
  }
}
