import Foundation

/// Reads a draft (plain text, Markdown, TSV or space-aligned tables) into a `Report`.
///
/// One pass over the lines: table titles open table regions (a repeated title continues the
/// table on its next page); notes, headings and prose close them; everything else is prose,
/// joined across hard wraps into paragraphs.
package enum ReportParser {
  /// Never fails: what cannot be read becomes an `UnreadRegion` or a table's `damage`. A line,
  /// paragraph or table whose bytes `memo` holds (from the parse before an edit) is moved, not
  /// read again.
  /// - Complexity: O(n) in the text.
  package static func parse(_ source: SourceText, reusing memo: ParseMemo = ParseMemo()) -> Report {
    let lines = Line.all(of: source, memo: memo)
    var report = Report(source: source)
    var prose: [Line] = []
    var index = 0
    var open: (kind: Table.Kind, title: Line, body: [Line], notes: [Line])?
    var inContents = false

    func closeTable() {
      guard let table = open else { return }
      open = nil
      if table.kind == .selfEvaluation, table.body.isEmpty, table.notes.isEmpty {
        // "附件：二级项目绩效自评表" followed by a heading names the tables; it is not one.
        prose.append(table.title)
        return
      }
      let end = (table.notes.last ?? table.body.last ?? table.title).range.upperBound
      report.tables.append(
        memo.table(table.kind, at: table.title.range.lowerBound..<end, in: source)
          ?? buildTable(table.kind, title: table.title, body: table.body, notes: table.notes, source: source))
    }

    while index < lines.count {
      let line = lines[index]
      defer { index += 1 }
      if line.isBlank {
        if open != nil { continue }
        prose.append(line)
        continue
      }
      if isTableOfContents(line) {
        inContents = true
        continue
      }
      // Right after 目录, an entry is a title and its page number ("第一部分 部门概况\t3").
      if inContents {
        if isContentsEntry(line) { continue }
        inContents = false
      }
      if let kind = TableTitle.kind(of: line) {
        if let current = open, current.kind == kind, kind != .selfEvaluation || current.body.count < 3 {
          // The same title again: a heading naming the table, then its own title (which becomes
          // the table's title), or the title repeated on the table's next page.
          if current.body.isEmpty { open?.title = line }
          continue
        }
        closeTable()
        flush(&prose, into: &report, source: source, memo: memo)
        open = (kind, line, [], [])
        continue
      }
      if open != nil {
        if isNote(line) {
          open?.notes.append(line)
          // A note may wrap onto the next lines; they end at a blank line.
          while index + 1 < lines.count, !lines[index + 1].isBlank, !isProseOrHeading(lines[index + 1]),
            TableTitle.kind(of: lines[index + 1]) == nil, headingLevel(of: lines[index + 1]) == nil
          {
            index += 1
            open?.notes.append(lines[index])
          }
          closeTable()
          continue
        }
        if isProseOrHeading(line) {
          closeTable()
        } else {
          open?.body.append(line)
          continue
        }
      }
      prose.append(line)
    }
    closeTable()
    flush(&prose, into: &report, source: source, memo: memo)
    readCover(lines, into: &report)
    report.selfEvaluations = SelfEvaluation.all(in: source, lines: lines, memo: memo)
    report.parsedLines = ParsedLines(lines)
    return report
  }

  // MARK: Tables

  private static func buildTable(_ kind: Table.Kind, title: Line, body: [Line], notes: [Line], source: SourceText)
    -> Table
  {
    var unit: String?
    var unitRange: Range<Int>?
    var header = ""
    var data: [Line] = []
    var sawData = false
    for line in body where line.shape != .pipeSeparator {
      let compact = line.compact
      if let found = unitName(in: compact) {
        unit = found
        unitRange = line.range
        continue
      }
      if compact.hasPrefix("部门：") || compact.hasPrefix("部门名称") || compact.hasPrefix("单位名称") || compact.hasPrefix("编制单位")
        || compact.hasPrefix("公开") && compact.count <= 8 || isYearOnly(compact)
      {
        continue
      }
      if isHeaderLine(line, sawData: sawData) {
        header += compact
        continue
      }
      sawData = true
      data.append(line)
    }
    var parser = TableParser(kind: kind, source: source)
    let panels = parser.parse(lines: data, header: header)
    let end = (notes.last ?? body.last ?? title).range.upperBound
    var table = Table(
      kind: kind, title: title.plain, titleRange: title.range, range: title.range.lowerBound..<end, panels: panels,
      unit: unit, unitRange: unitRange, damage: parser.damage, notes: notes.map(\.plain))
    if kind == .selfEvaluation { table.year = firstYear(in: title.compact + header) }
    return table
  }

  /// "单位：万元", "金额单位：元" → the unit.
  private static func unitName(in compact: String) -> String? {
    guard let range = compact.range(of: "单位：") ?? compact.range(of: "单位:") else { return nil }
    let rest = compact[range.upperBound...]
    if rest.hasPrefix("万元") { return "万元" }
    if rest.hasPrefix("元") { return "元" }
    return nil
  }

  private static func isYearOnly(_ compact: String) -> Bool {
    compact.count <= 8 && compact.hasSuffix("年度") && compact.first?.isASCIIDigit == true
  }

  /// Header lines: column titles, with no figure and no subject code.
  private static func isHeaderLine(_ line: Line, sawData: Bool) -> Bool {
    let tokens = TableToken.tokens(of: line)
    let hasData = tokens.contains { token in
      switch token {
      case .code: true
      case .figure(let cell): cell.amount.map { $0.decimals > 0 } ?? false
      default: false
      }
    }
    if hasData { return false }
    let keys = ["项目", "科目", "编码", "栏次", "行次", "决算数", "预算数", "金额", "本年收", "本年支", "基本支出", "类款项"]
    let compact = line.compact
    if compact == "类款项" || compact.hasPrefix("类款项") { return true }
    if keys.contains(where: { compact.contains($0) }) {
      return !compact.contains("合计") || !sawData || compact.hasPrefix("项目")
    }
    if !sawData, compact == "收入支出" || compact == "收入" || compact == "支出" { return true }
    return !sawData && !tokens.contains(where: \.isFigure)
  }

  private static func isNote(_ line: Line) -> Bool {
    let text = line.compact
    return text.hasPrefix("注：") || text.hasPrefix("注:") || text.hasPrefix("说明：") || text.hasPrefix("说明:")
      || text.hasPrefix("注1") || text.hasPrefix("备注：")
  }

  /// A line that cannot belong to a table: prose, a part heading, a Markdown heading.
  private static func isProseOrHeading(_ line: Line) -> Bool {
    let text = line.compact
    if line.raw.hasPrefix("#") { return true }
    if line.shape == .plain, text.contains("万元"), text.contains("，") || text.contains("。") { return true }
    if text.hasPrefix("第") && text.contains("部分") && text.hasAtMostCharacters(20) { return true }
    if text.hasSuffix("。") || text.contains("。") && !text.hasAtMostCharacters(12) { return true }
    if line.shape == .plain, !text.hasAtMostCharacters(30), text.contains("，") { return true }
    if text.hasPrefix("本部门") || text.hasPrefix("我部门") || text.hasPrefix("本单位") { return true }
    return false
  }

  private static func isTableOfContents(_ line: Line) -> Bool {
    let text = line.compact
    return text.contains("......") || text.contains("……") || text.contains("·····") || text == "目录"
  }

  /// A line of a table of contents without a dot leader: some text, then a page number alone in
  /// the last cell or token ("第一部分 部门概况\t3", "一、部门主要职责.....\t3").
  private static func isContentsEntry(_ line: Line) -> Bool {
    guard line.pieces.count >= 2, let last = line.pieces.last?.text, (1...3).contains(last.count),
      last.allSatisfy(\.isASCIIDigit)
    else { return line.compact.contains("...") || line.compact.contains("…") || line.compact.contains("··") }
    return line.pieces.dropLast().contains { !$0.text.isEmpty && !$0.text.allSatisfy(\.isASCIIDigit) }
  }

  // MARK: Prose

  /// Turns collected prose lines into headings and paragraphs.
  private static func flush(_ lines: inout [Line], into report: inout Report, source: SourceText, memo: ParseMemo) {
    defer { lines.removeAll() }
    var pending: [Line] = []
    func closeParagraph() {
      guard let first = pending.first, let last = pending.last else { return }
      let range = first.trimmedRange.lowerBound..<last.trimmedRange.upperBound
      let starts = pending.map { $0.trimmedRange.lowerBound - range.lowerBound }
      var paragraph =
        memo.paragraph(at: range, segmentStarts: starts, in: source)
        ?? Paragraph(segments: pending.map { (text: $0.raw, sourceOffset: $0.trimmedRange.lowerBound) })
      paragraph.headingIndex = report.headings.indices.last
      report.paragraphs.append(paragraph)
      pending.removeAll()
    }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      defer { index += 1 }
      if line.isBlank {
        // PDF export puts blank lines inside wrapped sentences: join when the text so far does
        // not end a sentence and the next text line is not a heading.
        guard let last = pending.last else { continue }
        let next = lines[(index + 1)...].first { !$0.isBlank }
        if let next, !endsSentence(last.compact), headingLevel(of: next) == nil { continue }
        closeParagraph()
        continue
      }
      if let level = headingLevel(of: line) {
        closeParagraph()
        report.headings.append(Heading(text: line.plain, level: level, range: line.range))
        continue
      }
      // After a line that ends a sentence, the next text line opens a new paragraph.
      if let last = pending.last, endsSentence(last.compact) { closeParagraph() }
      pending.append(line)
    }
    closeParagraph()
  }

  private static func endsSentence(_ compact: String) -> Bool {
    guard let last = compact.last else { return true }
    return "。！？；：:!?".contains(last) || compact.hasSuffix("。）") || compact.hasSuffix("。”")
  }

  /// Part, section or subsection headings: "第三部分 …", "一、…", "（一）…", Markdown `#`.
  static func headingLevel(of line: Line) -> Heading.Level? {
    let text = line.compact
    // More than 160 bytes is more than 40 characters in any text a report holds (CJK takes 3):
    // long prose lines are ruled out without counting their characters.
    guard !text.isEmpty, text.utf8.count <= 160, text.hasAtMostCharacters(40), !text.contains("。") else { return nil }
    if text.hasPrefix("第"), text.contains("部分"), text.hasAtMostCharacters(24) { return .part }
    let raw = source(of: line)
    if raw.hasPrefix("#") {
      let hashes = raw.prefix { $0 == "#" }.count
      return hashes <= 2 ? .part : hashes == 3 ? .section : .subsection
    }
    if !text.hasAtMostCharacters(30) || text.contains("，") { return nil }
    let numerals = "一二三四五六七八九十"
    let lead = text.prefix { numerals.contains($0) }
    if !lead.isEmpty, text.dropFirst(lead.count).first == "、" { return .section }
    if text.first == "（" || text.first == "(" {
      let inner = text.dropFirst().prefix { numerals.contains($0) }
      if !inner.isEmpty, [")", "）"].contains(text.dropFirst(1 + inner.count).first) { return .subsection }
    }
    return nil
  }

  private static func source(of line: Line) -> Substring { Substring(line.raw) }

  // MARK: Cover

  /// The report year and unit name, from the cover, the title or a 部门： line.
  private static func readCover(_ lines: [Line], into report: inout Report) {
    for line in lines.prefix(80) {
      let text = line.compact
      if report.year == nil, text.contains("年度"), let year = firstYear(in: text),
        text.hasAtMostCharacters(30) || text.contains("决算")
      {
        report.year = year
        report.yearRange = line.range
      }
      if report.unitName == nil {
        for prefix in ["部门名称：", "单位名称：", "部门：", "单位：", "部门:"] where text.hasPrefix(prefix) {
          var name = String(text.dropFirst(prefix.count))
          if let cut = name.range(of: "单位：") ?? name.range(of: "金额单位") { name = String(name[..<cut.lowerBound]) }
          if !name.isEmpty, !name.hasPrefix("万元"), !name.hasPrefix("元") {
            report.unitName = name
            report.unitNameRange = line.range
          }
        }
      }
    }
    if report.unitName == nil {
      // Cover lines: "福州市晋安区人民政府" / "办公室部门决算".
      var joined = ""
      var start: Int?
      for line in lines.prefix(20) where !line.isBlank {
        let text = line.compact
        if firstYear(in: text) != nil && text.hasAtMostCharacters(8) { continue }
        if start == nil { start = line.range.lowerBound }
        joined += text
        if let end = joined.range(of: "部门决算") ?? joined.range(of: "决算") {
          var name = String(joined[..<end.lowerBound])
          if let year = name.range(of: "年度") {
            // "2023年度X部门决算" or "X2023年度部门决算": the name is the longer side of the year.
            let before = String(name[..<year.lowerBound]).trimmingCharacters(in: .decimalDigits)
            let after = String(name[year.upperBound...])
            name = before.count >= after.count ? before : after
          }
          if name.count >= 4 {
            report.unitName = name
            report.unitNameRange = (start ?? 0)..<line.range.upperBound
          }
          break
        }
        if joined.count > 60 { break }
      }
    }
  }

  /// The first "20xx" (1990–2099) in a text.
  static func firstYear(in text: String) -> Int? {
    var digits = ""
    for character in text {
      if character.isASCIIDigit {
        digits.append(character)
        continue
      }
      if digits.count == 4, let value = Int(digits), (1990...2099).contains(value) { return value }
      digits = ""
    }
    if digits.count == 4, let value = Int(digits), (1990...2099).contains(value) { return value }
    return nil
  }
}
