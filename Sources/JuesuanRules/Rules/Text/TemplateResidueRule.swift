import JuesuanAnalysis
import JuesuanModel

/// Template text left unresolved: "增加（减少）", "增长（下降）", all four grades before one
/// amount, and the template's own instructions in parentheses.
struct TemplateResidueRule: Rule {
  static let description = RuleDescription(
    code: "text/template-residue",
    summary: "模板中的备选词（“增加（减少）”“增长（下降）”）和填写说明必须在发布前处理掉。",
    rationale: """
      备选词按符号择一：若本年数与百分比能判定方向，首选相符的一个；否则同时提供两种改法，均不作首选。\
      模板说明（如“（各部门（单位）可根据本部门公开内容…）”）建议删除；不带括号的填写指引\
      （“无…的，仍保留该表格式，并在本表下方作下述说明：”）同样。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init("项目\t年初数\t年末数\t本年增加（减少）额\n资产总计\t500.00\t520.00\t20.00\n"),
      .init("增减额：指本年决算数比上年决算数增加（减少）的金额，减少以负数表示。\n"), .init("2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加 327.51 万元，增长 21.35%。"),
    ],
    triggeringExamples: [
      // Typed with half-width marks under an empty table: prose all the same.
      .init(
        "政府性基金预算财政拨款收入支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\n合计\n\n⟦无政府性基金预算财政拨款收入支出的,仍保留该表格式,并在本表下方作下述说明:⟧\n\n注：本部门2023年度无政府性基金预算财政拨款收入支出，故本表无数据。\n"
      ),
      .init(
        "2023 年一般公共预算支出 1,861.64 万元，比上年决算数⟦增加（减少）⟧327.51 万元，增长 21.35%。",
        fixed: "2023 年一般公共预算支出 1,861.64 万元，比上年决算数增加327.51 万元，增长 21.35%。"),
      .init(
        "名词解释。⟦（各部门（单位）可根据本部门公开内容对名词解释进行相应增补）⟧",
        fixed: "名词解释。"),
      .init(
        "注：本表反映部门本年度政府性基金预算财政拨款收入支出情况。\n⟦无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：⟧\n说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。\n"
      ),
    ])

  static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  init() {}

  private static let instructionMarkers = ["各部门（单位）", "可根据本部门", "可根据本单位", "请根据实际", "请填写", "此处填写"]
  private static let openFull = Array("（".utf8)

  static let elements: ReportElements? = [.paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      context.ran()
      let reader = readers[index]
      // An alternative and an instruction are both in parentheses.
      let fullWidth = UTF8Text.firstOffset(of: Self.openFull, in: paragraph.utf8) != nil
      if fullWidth || paragraph.utf8.contains(UInt8(ascii: "(")) { checkAlternatives(reader, context: &context) }
      if fullWidth { checkInstructions(reader, context: &context) }
      checkGuidance(reader, context: &context)
      checkGrades(reader, context: &context)
    }
  }

  /// What makes an alternative a term's name: "增加（减少）额", "…增加（减少）的金额".
  private static let termEnds = ["额", "的金额", "数", "率", "幅度"]

  private func checkAlternatives(_ reader: NarrativeReader, context: inout RuleContext) {
    let paragraph = reader.paragraph
    let changes = reader.changes
    var index = reader.nextDirectionCandidate(from: 0)
    while index < reader.bytes.count {
      guard let word = reader.directionWord(at: index), let residue = word.residue else {
        index = reader.nextDirectionCandidate(from: index + 1)
        continue
      }
      index = residue.upperBound
      // A term that names both directions is no residue: a column "本年增加（减少）额", a definition's
      // "…增加（减少）的金额".
      let after = reader.skippingSpaces(from: residue.upperBound)
      if Self.termEnds.contains(where: { reader.has($0, at: after) }) { continue }
      let alternative = paragraph.text(in: residue).dropFirst().dropLast()
      let inner = alternative.utf8Text.hasSuffix("）") ? alternative.dropLast(2) : alternative
      let other = String(inner.utf8Text.hasPrefix("（") ? inner.dropFirst() : inner)
      let whole = word.range.lowerBound..<residue.upperBound
      let sourceRange = paragraph.sourceRange(ofTextRange: whole)
      // The direction the figures support, if they decide it.
      var increase: Bool?
      if let change = changes.first(where: { $0.verb.range == word.range || $0.percentVerb?.range == word.range }),
        let current = change.current, let percent = change.percent
      {
        let delta = change.delta.value
        let tolerance = RatioCheck.halfUnit(current.value) + RatioCheck.halfUnit(delta)
        let readings = [true, false].filter {
          RatioCheck.agrees(
            stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta),
            whole: $0 ? current.value - delta : current.value + delta, wholeTolerance: tolerance) == true
        }
        if readings.count == 1 { increase = readings[0] }
      }
      let otherIsIncrease = NarrativeReader.increaseWords.contains(other)
      let choices = [(word.text, word.isIncrease), (other, otherIsIncrease)]
      let fixes = choices.map { choice in
        Fix(
          title: "改为“\(choice.0)”", edits: [TextEdit(range: sourceRange, newText: choice.0)],
          isPreferred: increase == choice.1)
      }.sorted { $0.isPreferred && !$1.isPreferred }
      var message = "模板备选词“\(paragraph.text(in: whole))”未处理，应按实际方向择一"
      if let increase { message += "；按文中数字应为“\(increase == word.isIncrease ? word.text : other)”" }
      context.report(sourceRange, Message(message), fixes: fixes)
    }
  }

  private func checkInstructions(_ reader: NarrativeReader, context: inout RuleContext) {
    let paragraph = reader.paragraph
    var done = -1
    for marker in Self.instructionMarkers {
      for offset in reader.occurrences(of: marker) where offset > done {
        // The enclosing parentheses: the unmatched （ before, its matching ） after.
        var depth = 0
        var open: Int?
        var cursor = offset
        while cursor > 0 {
          cursor -= 1
          if reader.has("）", at: cursor) { depth += 1 }
          if reader.has("（", at: cursor) {
            if depth == 0 {
              open = cursor
              break
            }
            depth -= 1
          }
        }
        guard let open else { continue }
        depth = 0
        var close: Int?
        cursor = open
        while cursor < reader.bytes.count {
          if reader.has("（", at: cursor) { depth += 1 }
          if reader.has("）", at: cursor) {
            depth -= 1
            if depth == 0 {
              close = cursor + 3
              break
            }
          }
          cursor += 1
        }
        guard let close, close - open <= 300 else { continue }
        done = close
        let range = paragraph.sourceRange(ofTextRange: open..<close)
        context.report(
          range, "模板填写说明“\(paragraph.text(in: open..<close))”未删除",
          fixes: [Fix(title: "删除模板说明", edits: [TextEdit.deletion(range, in: context.report.source)])])
      }
    }
  }

  /// Words only the template's instructions to whoever fills it in use.
  private static let guidanceMarkers = ["仍保留该表格式", "作下述说明", "按下述格式", "请在此处填写", "请据实填写"].map {
    Array($0.utf8)
  }

  /// A template instruction without parentheses: "无…的，仍保留该表格式，并在本表下方作下述说明：".
  private func checkGuidance(_ reader: NarrativeReader, context: inout RuleContext) {
    let paragraph = reader.paragraph
    for marker in Self.guidanceMarkers {
      guard let offset = UTF8Text.firstOffset(of: marker, in: paragraph.utf8) else { continue }
      context.ran()
      // The instruction: its sentence, to the 。 or the colon that introduces the text to write.
      let sentence = reader.sentence(containing: offset)
      var start = sentence.lowerBound
      while start < sentence.upperBound, paragraph.utf8[start] == 0x20 { start += 1 }
      var end = sentence.upperBound
      if let colon = reader.occurrences(of: "：", in: offset..<sentence.upperBound).first { end = colon + 3 }
      while end > start, paragraph.utf8[end - 1] == 0x20 || paragraph.utf8[end - 1] == 0x0A { end -= 1 }
      let range = paragraph.sourceRange(ofTextRange: start..<end)
      context.report(
        range, "模板填写指引“\(paragraph.text(in: start..<end))”未删除",
        fixes: [Fix(title: "删除模板指引", edits: [TextEdit.deletion(range, in: context.report.source)], isSafe: false)])
      return
    }
  }

  private func checkGrades(_ reader: NarrativeReader, context: inout RuleContext) {
    let grades = "“优”“良”“中”“差”"
    for offset in reader.occurrences(of: grades) {
      let end = offset + grades.utf8.count
      guard reader.has("的项目", at: end) else { continue }
      let next = reader.skippingSpaces(from: end + "的项目".utf8.count)
      guard let amount = reader.number(startingAt: next), amount.unit == .tenThousandYuan else { continue }
      context.report(
        reader.paragraph.sourceRange(ofTextRange: offset..<end),
        "模板中的四个等次“优”“良”“中”“差”都保留在单一金额 \(amount.value) 万元之前，应只写实际等次")
    }
  }
}
