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
    summary: "预算术语写错：如“国有资金经营预算”应为“国有资本经营预算”，“政府基金预算”应为“政府性基金预算”；国有资产占用情况的设备统计口径写错。",
    rationale: """
      四本预算的名称是法定用语（《预算法》第五条），写错会让读者以为是另一类资金。只检查一份确定的错写清单，修复即替换为正确术语。\
      国有资产占用情况按统一口径统计设备：单价 100 万元（含）以上设备（不含车辆）、单价 50 万元以上通用设备、\
      单价 100 万元以上专用设备；在列举车辆的国有资产占用情况中写成别的金额即统计口径不对。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("本部门无国有资本经营预算财政拨款支出。\n"),
      .init("本部门共有车辆 2 辆；单价 100 万元（含）以上设备（不含车辆）0 台（套）。\n"),
      .init("其他用车0辆；单价50万元以上通用设备0台/套，单价100万元以上专用设备1台/套。\n"),
      .init("本年购置单价 5 万元以上设备 3 台，用于档案数字化。\n"),
      .init("本部门共有车辆 2 辆；单价 50 万元以上设备 1 台。\n"),
      .init("本部门共有车辆3辆；单价50万元以上通用设备0台（套），单价100万元以上专用设备1台（套）（其中单价200万元以上专用设备1台）。\n"),
    ],
    triggeringExamples: [
      .init("本部门无⟦国有资金经营预算⟧财政拨款支出。\n", fixed: "本部门无国有资本经营预算财政拨款支出。\n"),
      .init("本部门共有车辆 2 辆；单价 ⟦99⟧ 万元（含）以上设备（不含车辆）0 台（套）。\n"),
      .init("其他用车0辆；单价⟦100⟧万元以上通用设备0台/套。\n"),
    ])

  /// The paragraph's bytes alone decide its findings.
  static let unit = LocalUnit.paragraph

  func checkParagraph(_ paragraph: Paragraph, context: inout RuleContext) {
    context.ran()
    checkEquipmentThresholds(paragraph, context: &context)
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

  /// The thresholds by which 国有资产占用情况 counts equipment: the words after "以上" and the figure
  /// they take.
  private static let equipmentThresholds: [(words: String, figure: Int64)] = [
    ("通用设备", 50), ("专用设备", 100), ("设备", 100),
  ]
  private static let priceWords = ["单价", "单位价值"]
  private static let equipmentWord = Array("设备".utf8)
  private static let assetWords = ["国有资产占用", "用车", "车辆"].map { Array($0.utf8) }

  /// "单价 100 万元（含）以上设备（不含车辆）", "单价 50 万元以上通用设备": a figure other than the
  /// statistics' own threshold is a wrong 口径.
  private func checkEquipmentThresholds(_ paragraph: Paragraph, context: inout RuleContext) {
    let bytes = paragraph.utf8
    // Only in the account of 国有资产占用情况, which lists the vehicles before: elsewhere "单价 5 万元以上设备"
    // may be any purchase's.
    guard UTF8Text.firstOffset(of: Self.equipmentWord, in: bytes) != nil,
      Self.assetWords.contains(where: { UTF8Text.firstOffset(of: $0, in: bytes) != nil })
    else { return }
    for number in paragraph.numbers where number.unit == .tenThousandYuan {
      let before = UTF8Text.skippingSpacesBackward(in: bytes, from: number.textRange.lowerBound)
      guard
        let price = Self.priceWords.first(where: {
          before >= $0.utf8.count && UTF8Text.has($0, at: before - $0.utf8.count, in: bytes)
        })
      else { continue }
      // "（其中单价 200 万元以上专用设备 1 台）": a part of the category counted, at its own price.
      let priceStart = UTF8Text.skippingSpacesBackward(in: bytes, from: before - price.utf8.count)
      if UTF8Text.has("其中", at: priceStart - "其中".utf8.count, in: bytes) { continue }
      var cursor = UTF8Text.skippingSpaces(in: bytes, from: number.textRange.upperBound)
      var inclusive = false
      for included in ["（含）", "(含)"] where UTF8Text.has(included, at: cursor, in: bytes) {
        cursor = UTF8Text.skippingSpaces(in: bytes, from: cursor + included.utf8.count)
        inclusive = true
      }
      guard UTF8Text.has("以上", at: cursor, in: bytes) else { continue }
      cursor = UTF8Text.skippingSpaces(in: bytes, from: cursor + "以上".utf8.count)
      // Bare "设备" is the 2020 template's "单价 100 万元（含）以上设备（不含车辆）", which writes the （含）.
      guard let threshold = Self.equipmentThresholds.first(where: { UTF8Text.has($0.words, at: cursor, in: bytes) }),
        inclusive || threshold.words != "设备", number.value.tenThousandths != threshold.figure * 10_000
      else { continue }
      let digits =
        number.textRange
        .lowerBound..<NarrativeScanner.figureEnd(
          in: bytes, from: number.textRange.lowerBound, limit: number.textRange.upperBound)
      context.report(
        paragraph.sourceRange(ofTextRange: digits),
        "国有资产占用情况按单价 \(threshold.figure) 万元以上统计\(threshold.words)，文中写作 \(number.value.asWritten) 万元：统计口径不对"
      )
    }
  }
}
