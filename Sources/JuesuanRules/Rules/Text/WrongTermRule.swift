import JuesuanModel

/// A budget term written wrongly: "国有资金经营预算" for 国有资本经营预算, and the like.
struct WrongTermRule: LocalRule {
  /// Wrong form → the official term.
  static let corrections: [(wrong: String, right: String)] = [
    ("国有资金经营预算", "国有资本经营预算"),
    ("国有资产经营预算", "国有资本经营预算"),
    ("政府基金预算", "政府性基金预算"),
    ("公务招待费", "公务接待费"),
    ("一般公共财政预算", "一般公共预算"),
  ]

  /// Words the wrong forms hold.
  private static let keys = ["预算", "招待"]
  /// Each wrong form's bytes, and the index in `keys` of a word it holds (nil: none).
  private static let patterns: [(bytes: [UInt8], key: Int?)] = corrections.map { correction in
    (Array(correction.wrong.utf8), keys.firstIndex { correction.wrong.utf8Text.contains($0) })
  }
  private static let keyBytes = keys.map { Array($0.utf8) }

  static let description = RuleDescription(
    code: "text/wrong-term",
    summary: "预算术语写错：如“国有资金经营预算”应为“国有资本经营预算”，“政府基金预算”应为“政府性基金预算”。",
    rationale: "四本预算的名称是法定用语（《预算法》第五条），写错会让读者以为是另一类资金。只检查一份确定的错写清单，修复即替换为正确术语。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [.init("本部门无国有资本经营预算财政拨款支出。\n")],
    triggeringExamples: [
      .init("本部门无⟦国有资金经营预算⟧财政拨款支出。\n", fixed: "本部门无国有资本经营预算财政拨款支出。\n")
    ])

  /// The paragraph's bytes alone decide its findings.
  static let unit = LocalUnit.paragraph

  func checkParagraph(_ paragraph: Paragraph, context: inout RuleContext) {
    context.ran()
    let bytes = paragraph.utf8
    // A wrong form holding 预算 or 招待 is not in a paragraph without the word.
    let mentions = Self.keyBytes.map { UTF8Text.firstOffset(of: $0, in: bytes) != nil }
    for ((wrong, right), (pattern, key)) in zip(Self.corrections, Self.patterns)
    where key.map({ mentions[$0] }) ?? true {
      var from = 0
      while let index = UTF8Text.firstOffset(of: pattern, in: bytes, from: from) {
        from = index + pattern.count
        let range = paragraph.sourceRange(ofTextRange: index..<(index + pattern.count))
        // A term broken over two lines cannot be replaced in one edit: report without a fix.
        let contiguous = range.count == pattern.count
        context.report(
          range, "术语写错：“\(wrong)”应为“\(right)”",
          fixes: contiguous
            ? [
              Fix(
                title: "改为“\(right)”", edits: [TextEdit(range: range, newText: right)], isSafe: true,
                isPreferred: true)
            ]
            : [])
      }
    }
  }
}
