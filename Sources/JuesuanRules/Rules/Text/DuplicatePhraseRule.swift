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
    // The scalars, and the UTF-8 offset of each (and of the end), to map back to the source.
    let (characters, offsets) = UTF8Text.scalarsAndOffsets(paragraph.utf8)
    var index = 0
    var reported = 0
    // A run like "支出支出支出…" is one defect, not thousands: at most a few per paragraph.
    while reported < Self.mostPerParagraph,
      let (start, found) = Self.nextRepeat(in: characters, from: index)
    {
      index = start
      let repeatRange = offsets[index + found]..<offsets[index + 2 * found]
      let range = paragraph.sourceRange(ofTextRange: repeatRange)
      let phrase = String(String.UnicodeScalarView(characters[index..<(index + found)]))
      // Both copies on one line, side by side: cells of a wrapped table joined into prose are
      // not a repetition.
      let both = offsets[index]..<offsets[index + 2 * found]
      guard paragraph.sourceRange(ofTextRange: both).count == both.count else {
        index += found
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
      index += 2 * found
    }
  }

  /// The first place at or after `start` where a phrase (2…`longest` Han characters) is repeated
  /// right after itself, with the phrase's length, the longest there.
  private static func nextRepeat(in characters: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
    characters.withUnsafeBufferPointer { characters in
      var index = start
      // Where the run of Han characters from `index` ends: a phrase's first copy is all Han, so
      // it is no longer than that run.
      var runEnd = start
      while index < characters.count {
        if runEnd <= index {
          runEnd = index
          while runEnd < characters.count, isHan(characters[runEnd]) { runEnd += 1 }
        }
        let longest = min(Self.longest, (characters.count - index) / 2, runEnd - index)
        var length = longest
        while length >= 2 {
          // The first characters of the two copies must agree before the copies are compared.
          if characters[index] == characters[index + length] {
            var offset = 1
            while offset < length, characters[index + offset] == characters[index + length + offset] { offset += 1 }
            if offset == length { return (index, length) }
          }
          length -= 1
        }
        index += 1
      }
      return nil
    }
  }

  private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }
}
