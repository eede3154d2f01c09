import Synchronization

/// Reads a draft (plain text, Markdown, TSV or space-aligned tables) into a `Report`.
///
/// One pass over the lines: table titles open table regions (a repeated title continues the
/// table on its next page); notes, headings and prose close them; everything else is prose,
/// joined across hard wraps into paragraphs.
package enum ReportParser {
  /// Runs its first job on the calling thread and its second beside it, and returns once both
  /// are done (the language server's second core, `CoreLane`).
  package typealias Pair = @Sendable (_ here: () -> Void, _ there: @escaping @Sendable () -> Void) -> Void

  /// Never fails: what cannot be read becomes an `UnreadRegion` or a table's `damage`. A line,
  /// paragraph or table whose bytes `memo` holds (from the parse before an edit) is moved, not
  /// read again. The report keeps its lines, for the parse after the next edit. With `pair`, the
  /// self-evaluation tables, which are read from the lines alone, are read beside the rest.
  /// - Complexity: O(n) in the text.
  package static func parse(_ source: SourceText, reusing memo: ParseMemo = ParseMemo(), pair: Pair? = nil) -> Report {
    let lines = memo.lines(of: source) ?? Line.all(of: source)
    let evaluations = Mutex<[SelfEvaluation]>([])
    let readEvaluations: @Sendable () -> Void = {
      let read = SelfEvaluation.all(in: source, lines: lines, memo: memo)
      evaluations.withLock { $0 = read }
    }
    var report = Report(source: source)
    if let pair {
      pair({ report = parse(source, lines: lines, memo: memo) }, readEvaluations)
    } else {
      report = parse(source, lines: lines, memo: memo)
      readEvaluations()
    }
    report.selfEvaluations = evaluations.withLock { $0 }
    report.lines = lines
    return report
  }

  /// The report of `source`, whose lines are `lines`, but its self-evaluation tables.
  private static func parse(_ source: SourceText, lines: [Line], memo: ParseMemo) -> Report {
    var report = Report(source: source)
    // Lines are kept by index: a Line is copied only where it is read.
    var prose: [Int] = []
    var index = 0
    var open: (kind: Table.Kind, title: Int, body: [Int], notes: [Int])?
    // The lines above the open table's title that are its own: "公开01表" / "单位：元".
    var openHeader: [Int] = []
    var contents: Contents?
    let runningHeaders = Self.runningHeaders(in: lines, source: source)

    func closeTable() {
      guard let table = open.take() else { return }
      let header = openHeader
      openHeader = []
      if table.notes.isEmpty, table.body.allSatisfy({ lines[$0].verdicts.headingLevel != nil }) {
        // A title with nothing under it but headings names a table, it is not one: "附件：二级
        // 项目绩效自评表", or an entry of a contents list with no 目录 above it ("一、收入决算表" /
        // "二、支出决算表" / "第三部分 …情况说明").
        prose += header
        prose.append(table.title)
        prose += table.body
        return
      }
      let title = lines[table.title]
      let start = header.first.map { lines[$0].range.lowerBound } ?? title.range.lowerBound
      let end = lines[max(table.notes.last ?? table.title, table.body.last ?? table.title)].range.upperBound
      report.tables.append(
        memo.table(table.kind, at: start..<end, in: source)
          ?? buildTable(
            table.kind, title: title, body: (header + table.body).map { lines[$0] },
            notes: table.notes.map { lines[$0] }, start: start, source: source))
    }

    while index < lines.count {
      let line = lines[index]
      defer { index += 1 }
      if line.isBlank {
        if open != nil { continue }
        prose.append(index)
        continue
      }
      if line.verdicts.isTableOfContents {
        contents = Contents()
        if !line.compactIs("目录") { report.contentsEntries.append(line.trimmedRange) }
        continue
      }
      if let second = Contents.secondHalfOfTitle(after: index, in: lines) {
        // "目" and "录" on lines of their own, as plain pdftotext writes a spaced title.
        contents = Contents()
        index = second
        continue
      }
      // Right after 目录, its entries: never tables or headings of the body.
      if contents != nil {
        if contents?.takes(line, in: source) == true {
          report.contentsEntries.append(line.trimmedRange)
          continue
        }
        contents = nil
      }
      if let kind = line.verdicts.titleKind {
        if let current = open, current.kind == kind, kind != .selfEvaluation || current.body.count < 3 {
          // The same title again: a heading naming the table, then its own title (which becomes
          // the table's title), or the title repeated on the table's next page.
          if current.body.isEmpty { open?.title = index }
          continue
        }
        // The lines right above the title that name its unit ("公开01表" / "单位：元" before
        // "收入支出决算总表"): the table's, not the end of the table or the prose before it.
        var header: [Int] = []
        if var body = open?.body {
          header = Self.tableHeaderLines(endingBefore: index, taking: &body, lines: lines)
          open?.body = body
        } else {
          header = Self.tableHeaderLines(endingBefore: index, taking: &prose, lines: lines)
        }
        closeTable()
        flush(&prose, of: lines, into: &report, source: source, memo: memo)
        open = (kind, index, [], [])
        openHeader = header
        continue
      }
      if open != nil {
        if line.verdicts.isNote {
          open?.notes.append(index)
          // A note may wrap onto the next lines; they end at a blank line.
          while index + 1 < lines.count, !lines[index + 1].isBlank, !lines[index + 1].verdicts.isProseOrHeading,
            lines[index + 1].verdicts.titleKind == nil, lines[index + 1].verdicts.headingLevel == nil
          {
            index += 1
            open?.notes.append(index)
          }
          // In a table written one cell per line, the note may come before the last cells: the
          // figures standing alone right after it are the table's.
          if let body = open?.body, body.filter({ isLoneFigure(lines[$0]) }).count >= 4 {
            while let next = lines[(index + 1)...].firstIndex(where: { !$0.isBlank }), isLoneFigure(lines[next]) {
              open?.body.append(next)
              index = next
            }
          }
          closeTable()
          continue
        }
        // Page furniture between a table's rows: a running header ("上海市普陀区2025年区级部门预算"
        // atop each page), a footer ("第 8 页 共 23 页", "- 7 -"). A bare number may be a cell.
        if runningHeaders.contains(line.compact) || line.verdicts.isDecoratedPageMark { continue }
        if line.verdicts.isProseOrHeading {
          closeTable()
        } else {
          open?.body.append(index)
          continue
        }
      }
      prose.append(index)
    }
    closeTable()
    flush(&prose, of: lines, into: &report, source: source, memo: memo)
    readCover(lines, into: &report)
    // The title: the first lines, not a sentence of the text ("…比2023年决算数增加…。").
    let title = lines.prefix(12).filter { !$0.isBlank && !$0.compact.utf8Text.contains("。") }.prefix(4).map(\.compact)
      .joined()
    report.kind = kind(of: report, title: title)
    return report
  }

  // MARK: Tables

  /// The texts of the lines a PDF repeats atop its pages: the first line of a page (after a form
  /// feed) that is one phrase of six to forty characters with no figure in it, and that opens two
  /// pages or more, or is the document's first line (its title, repeated as a running header).
  static func runningHeaders(in lines: [Line], source: SourceText) -> Set<String> {
    var counts: [String: Int] = [:]
    var first: String?
    var pageStarts = false
    for line in lines {
      // A form feed before the text, or on a line of its own before it.
      if line.startsPage || line.isBlank && source.bytes[line.range].contains(0x0C) { pageStarts = true }
      guard !line.isBlank else { continue }
      if first == nil { first = line.compact }
      guard pageStarts else { continue }
      pageStarts = false
      guard (6...40).contains(line.compactCount), line.isSinglePhrase(in: source),
        !Self.holdsFigure(line.compact)
      else { continue }
      counts[line.compact, default: 0] += 1
    }
    return Set(counts.filter { $0.value >= 2 || $0.key == first }.keys)
  }

  /// Whether `text` holds a digit that is not part of a year ("2025年").
  private static func holdsFigure(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      guard ("0"..."9").contains(scalars[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
      if !(end - index == 4 && end < scalars.count && scalars[end] == "年") { return true }
      index = end
    }
    return false
  }

  /// The lines that end `taken` right before line `title` (no blank line between) and name a table's
  /// unit: one to three lines, each a unit line ("单位：元", "金额单位：万元"), a form number ("公开01表")
  /// or the department's name ("部门：…"), one of them naming the unit. Removed from `taken`.
  static func tableHeaderLines(endingBefore title: Int, taking taken: inout [Int], lines: [Line]) -> [Int] {
    var header: [Int] = []
    var next = title
    while header.count < 3, let last = taken.last, last == next - 1, !lines[last].isBlank {
      let line = lines[last]
      let compact = line.compact
      let names = unitName(in: compact) != nil
      guard line.compactCount <= 40, !compact.utf8Text.contains("。"),
        names || compact.utf8Text.hasPrefix("公开") && line.compactCount <= 8
          || compact.utf8Text.hasPrefix(anyOf: unitLineOpenings)
      else { break }
      header.insert(last, at: 0)
      taken.removeLast()
      next = last
    }
    guard header.contains(where: { unitName(in: lines[$0].compact) != nil }) else {
      taken += header
      return []
    }
    return header
  }

  private static func buildTable(
    _ kind: Table.Kind, title: Line, body: [Line], notes: [Line], start: Int? = nil, source: SourceText
  ) -> Table {
    var unit: String?
    var unitRange: Range<Int>?
    var header = ""
    var data: [TableParser.TokenizedLine] = []
    var sawData = false
    for line in body where line.shape != .pipeSeparator {
      let compact = line.compact
      if let found = unitName(in: compact) {
        unit = found
        unitRange = line.range
        continue
      }
      if compact.utf8Text.hasPrefix(anyOf: unitLineOpenings)
        || compact.utf8Text.hasPrefix("公开") && line.compactCount <= 8
        || isYearOnly(line)
      {
        continue
      }
      let tokens = TableToken.tokens(of: line, in: source)
      if isHeaderLine(line, tokens: tokens, sawData: sawData) {
        header += compact
        // The unit in the column titles: "本年收入合计（万元）".
        if unit == nil, kind != .selfEvaluation,
          let found = ["（万元）", "(万元)", "（元）", "(元)"].first(where: { compact.utf8Text.contains($0) })
        {
          unit = found.utf8Text.contains("万") ? "万元" : "元"
          unitRange = line.range
        }
        continue
      }
      sawData = true
      data.append(TableParser.TokenizedLine(line: line, tokens: tokens))
    }
    let isBudget = TableTitle.isBudgetTitle(Table.normalizedLabel(title.compact))
    var parser = TableParser(kind: kind, isBudget: isBudget, source: source)
    let end = (notes.last ?? body.last ?? title).range.upperBound
    var table = Table(
      kind: kind, title: title.plain(in: source), titleRange: title.range,
      range: (start ?? title.range.lowerBound)..<end,
      panels: parser.parse(lines: data, header: header), unit: unit, unitRange: unitRange, damage: parser.damage,
      notes: notes.map { $0.plain(in: source) })
    if kind == .selfEvaluation { table.year = firstYear(in: title.compact + header) }
    table.pageTotals = parser.pageTotals
    table.isBudget = isBudget
    table.noteRanges = notes.map(\.trimmedRange)
    guard kind != .selfEvaluation, kind != .unknown else { return table }
    table.panels = table.panels.map(Self.doubtingHeaderNames)
    var words = LineWords(source)
    if CellStreamReader.isStream(body, words: &words) {
      table.pageTotals = []
      return streamTable(table, body: body, header: header, words: &words)
    }
    // Where the region is aligned by spaces, the figures' positions are read too; the reading whose
    // arithmetic holds together better is kept, and one that does not hold together at all is not.
    var reading = Table.Reading.judging(table)
    if AlignedTableReader.isAligned(data.map(\.line), words: &words) {
      var aligned = AlignedTableReader(kind: kind, isBudget: isBudget, source: source)
      var candidate = table
      candidate.panels = aligned.read(
        body.filter { $0.shape != .pipeSeparator && unitName(in: $0.compact) == nil }, header: header, words: &words)
      candidate.damage = aligned.damage
      candidate.pageTotals = []
      candidate = candidate.placingOpenRows()
      let alignedReading = Table.Reading.judging(candidate)
      if !reading.isBetter(than: alignedReading) {
        table = candidate
        reading = alignedReading
      }
    }
    if reading.status != .unread, let unplaced = Self.unplacingShiftedRows(table.panels) {
      table.panels = unplaced
      reading = Table.Reading.judging(table)
    }
    table.reading = reading
    if reading.status == .unread {
      table.panels = table.panels.map { Table.Panel(columns: $0.columns, rows: []) }
      table.pageTotals = []
    } else if !table.rows.isEmpty, table.hasNoData, table.writesFiguresOutsideItsRows(in: source) {
      // Every row blank while the text writes figures: they stand apart from the names (a
      // cell-per-line export that still looked like rows), so a blank is not a zero.
      return unread(table, reason: "表中的数字未能对应到各行（数字与行名在文本中错开），行列无法可靠对应；请用带版面的文本（pdftotext -layout）或原表复核")
    }
    return table
  }

  /// A table written one cell per line: the token reading or a rebuilt one where its arithmetic
  /// proves the rows, names left unjudged (they come apart in a stream); else not read.
  private static func streamTable(_ table: Table, body: [Line], header: String, words: inout LineWords) -> Table {
    if table.kind == .sangong { return sangongStreamTable(table, body: body, header: header, words: &words) }
    var result = table
    let rebuilt = CellStreamReader.candidates(
      table.kind, isBudget: table.isBudget, lines: body, header: header, words: &words)
    for panels in [table.panels] + rebuilt {
      var candidate = table
      candidate.panels = panels.map { panel in
        Table.Panel(
          columns: panel.columns,
          rows: panel.rows.map { row in
            var row = row
            row.isNameUncertain = true
            return row
          })
      }
      guard Table.Reading.proves(candidate) else { continue }
      result = candidate
      result.reading = Table.Reading.judging(candidate)
      if result.reading.status == .read, candidate.rows.contains(where: { !$0.isPositional }) {
        result.reading.status = .partlyRead
        result.reading.reason = "表格被导出为逐格文本，只能确定第一栏（合计），其余各栏未读取"
      }
      return result
    }
    return unread(table, reason: "表格被导出为逐格文本（每行一格），行与列无法可靠对应；请用带版面的文本（pdftotext -layout）或原表复核")
  }

  /// `panel` with the names of its coded rows that hold a column's title or "合计" marked
  /// uncertain: the header's words run into the first row's name ("收入预算合计财政拨款收入一般公共服
  /// 务支出") where the cells came apart, and no subject is named so.
  private static func doubtingHeaderNames(_ panel: Table.Panel) -> Table.Panel {
    let words =
      ["合计"]
      + panel.columns.map { Table.normalizedLabel($0.title) }.filter {
        !$0.utf8Text.hasAtMostCharacters(1)
      }
    func holdsHeader(_ row: Table.Row) -> Bool {
      row.code != nil && words.contains { row.label.utf8Text.contains($0) }
    }
    guard panel.rows.contains(where: holdsHeader) else { return panel }
    var panel = panel
    panel.rows = panel.rows.map { row in
      var row = row
      if holdsHeader(row) { row.isNameUncertain = true }
      return row
    }
    return panel
  }

  /// `panels` with the rows placed a column off left unplaced (their figures read as no column's,
  /// counted in no sum); nil when no panel has two or more. Such a row leaves its 合计 blank beside a
  /// part with a figure ("210 卫生健康支出 · 782,164.00 782,164.00"): no total is blank while its
  /// parts are not, so those rows were placed a column off (a page whose header sits differently),
  /// not written without their totals. A single such row is left to the sums, as a defect.
  private static func unplacingShiftedRows(_ panels: [Table.Panel]) -> [Table.Panel]? {
    var unplaced = false
    let result = panels.map { panel in
      let shifted = panel.rows.indices.filter { isShifted(panel.rows[$0], in: panel) }
      guard shifted.count >= 2 else { return panel }
      unplaced = true
      var panel = panel
      for index in shifted { panel.rows[index].isPositional = false }
      return panel
    }
    return unplaced ? result : nil
  }

  private static func isShifted(_ row: Table.Row, in panel: Table.Panel) -> Bool {
    guard row.isPositional, panel.columns.first?.role == .total, row.cells.first == .some(nil) else { return false }
    return row.cells.indices.dropFirst().contains { column in
      column < panel.columns.count && panel.columns[column].role == .component
        && !(row.cells[column]?.amount?.isZero ?? true)
    }
  }

  /// `table` without rows, not read for `reason`.
  private static func unread(_ table: Table, reason: Message) -> Table {
    var result = table
    result.panels = table.panels.map { Table.Panel(columns: $0.columns, rows: []) }
    result.pageTotals = []
    result.reading = Table.Reading(status: .unread, reason: reason)
    return result
  }

  /// A 三公 table written one cell per line: the pairing of its figures with its items whose sums
  /// all hold (some figure not zero), when no pairing with other figures holds too; else not read.
  private static func sangongStreamTable(_ table: Table, body: [Line], header: String, words: inout LineWords)
    -> Table
  {
    let holding = CellStreamReader.sangongCandidates(lines: body, header: header, words: &words).compactMap {
      panels -> Table? in
      var candidate = table
      candidate.panels = panels
      let identities = candidate.identities
      guard identities.allSatisfy(\.holds), identities.contains(where: \.isInformative) else { return nil }
      return candidate
    }
    func values(_ table: Table) -> [[Amount?]] { table.rows.map { $0.cells.map { $0?.amount } } }
    if var read = holding.first, holding.allSatisfy({ values($0) == values(read) }) {
      read.reading = Table.Reading.judging(read)
      return read
    }
    return unread(
      table, reason: "表格被导出为逐格文本（每行一格），各数与“三公”各项无法可靠对应；请用带版面的文本（pdftotext -layout）或原表复核")
  }

  /// How a line naming the department or unit a table is of opens.
  private static let unitLineOpenings: UTF8Text.Words = ["部门：", "部门名称", "单位名称", "编制单位"]

  /// "单位：万元", "金额单位：元", "编制单位：某某局 单位：元" → the unit.
  private static func unitName(in compact: String) -> String? {
    // Most lines of a table name no unit: one search rules them out.
    guard compact.utf8Text.contains("单位") else { return nil }
    var rest = Substring(compact)
    while let range = rest.utf8Text.range(of: "单位：") ?? rest.utf8Text.range(of: "单位:") {
      rest = rest[range.upperBound...]
      // "单位：人民币万元".
      if rest.utf8Text.hasPrefix("人民币") { rest = rest.dropFirst(3) }
      if rest.utf8Text.hasPrefix("万元") { return "万元" }
      if rest.utf8Text.hasPrefix("元") { return "元" }
    }
    return nil
  }

  private static func isYearOnly(_ line: Line) -> Bool {
    line.compactCount <= 8 && line.compact.utf8Text.hasSuffix("年度") && line.compact.first?.isASCIIDigit == true
  }

  /// Header lines: column titles, with no figure and no subject code.
  private static func isHeaderLine(_ line: Line, tokens: [TableToken], sawData: Bool) -> Bool {
    let hasData = tokens.contains { token in
      switch token {
      case .code: true
      case .figure(let cell): cell.amount.map { $0.decimals > 0 } ?? false
      default: false
      }
    }
    if hasData { return false }
    let compact = line.compact
    if line.compactIs("类款项") || compact.utf8Text.hasPrefix("类款项") { return true }
    if compact.utf8Text.contains(anyOf: headerWords) {
      return !compact.utf8Text.contains("合计") || !sawData || compact.utf8Text.hasPrefix("项目")
    }
    if !sawData, line.compactIs("收入支出") || line.compactIs("收入") || line.compactIs("支出") { return true }
    return !sawData && !tokens.contains(where: \.isFigure)
  }

  /// Words of column titles.
  private static let headerWords: UTF8Text.Words = [
    "项目", "科目", "编码", "栏次", "行次", "决算数", "预算数", "金额", "本年收", "本年支", "基本支出", "类款项",
  ]

  /// A line holding one figure and nothing else ("2.85", "1,234.00", "-0.50").
  private static func isLoneFigure(_ line: Line) -> Bool {
    let bytes = line.compact.utf8
    return !bytes.isEmpty && bytes.count <= 20 && bytes.contains { (0x30...0x39).contains($0) }
      && bytes.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x2D }
  }

  static func isNote(_ line: Line) -> Bool { line.compact.utf8Text.hasPrefix(anyOf: noteOpenings) }

  private static let noteOpenings: UTF8Text.Words = ["注：", "注:", "说明：", "说明:", "注1", "备注："]

  /// A line that cannot belong to a table: prose, a part heading, a Markdown heading.
  static func isProseOrHeading(_ line: Line) -> Bool {
    let text = line.compact
    if line.leadingHashes > 0 { return true }
    if line.shape == .plain, text.utf8Text.contains("万元"), text.utf8Text.contains("，") || text.utf8Text.contains("。") {
      return true
    }
    if text.utf8Text.hasPrefix("第") && text.utf8Text.contains("部分") && line.compactCount <= 20 { return true }
    if text.utf8Text.hasSuffix("。") || text.utf8Text.contains("。") && line.compactCount > 12 { return true }
    if line.shape == .plain, line.compactCount > 30, text.utf8Text.contains("，") || Self.hasHalfWidthComma(text) {
      return true
    }
    // "本部门合计<TAB>1000.00…" is a table's row, not a sentence about the department.
    return text.utf8Text.hasPrefix(anyOf: proseOpenings) && line.shape != .tabbed && line.shape != .piped
  }

  /// Whether a half-width "," stands between two Han characters ("…的,仍保留…"): prose typed with
  /// the wrong mark, never a figure's thousands separator.
  private static func hasHalfWidthComma(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    return bytes.indices.dropFirst().dropLast().contains {
      bytes[$0] == 0x2C && bytes[$0 - 1] >= 0x80 && bytes[$0 + 1] >= 0x80
    }
  }

  /// How a sentence about the reporting body opens.
  private static let proseOpenings: UTF8Text.Words = ["本部门", "我部门", "本单位"]

  static func isTableOfContents(_ line: Line) -> Bool {
    line.compact.utf8Text.contains(anyOf: contentsLeaders) || line.compactIs("目录")
  }

  /// The dot leaders between a contents entry and its page number.
  private static let contentsLeaders: UTF8Text.Words = ["......", "……", "·····"]

  /// A line of a table of contents with a page number or a dot leader: some text, then a page
  /// number alone in the last cell or token ("第一部分 部门概况\t3", "一、部门主要职责.....\t3").
  static func isNumberedContentsEntry(_ line: Line, in source: SourceText) -> Bool {
    let pieces = line.pieces(in: source)
    guard pieces.count >= 2, let last = pieces.last?.text(in: source), (1...3).contains(last.count),
      last.allSatisfy(\.isASCIIDigit)
    else {
      return line.compact.utf8Text.contains("...") || line.compact.utf8Text.contains("…")
        || line.compact.utf8Text.contains("··")
    }
    return pieces.dropLast().contains { piece in
      let text = piece.text(in: source)
      return !text.isEmpty && !text.allSatisfy(\.isASCIIDigit)
    }
  }
}
