/// Kinds of element of a report that a check reads: its tables, self-evaluation tables,
/// paragraphs and headings, and its table of contents. A rule whose findings are read from some
/// of them alone (and from what every check may read: the report's kind, year and unit, its
/// unread regions) need not run again after an edit that left those elements as they were: its
/// earlier findings are moved instead (`Linter`). A rule that reads the text anywhere else —
/// every line, the lines around a table, the text between elements — reads no set of elements.
package struct ReportElements: OptionSet, Sendable, Hashable {
  package let rawValue: UInt8

  package init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// `Report.tables` but the self-evaluation tables: titles, units, rows, notes
  /// (`Report.noteParagraphs` too). A rule that goes through every table reads `evaluations` too.
  package static let tables = ReportElements(rawValue: 1 << 0)
  /// `Report.selfEvaluations`, and the self-evaluation tables among `Report.tables`.
  package static let evaluations = ReportElements(rawValue: 1 << 1)
  /// `Report.paragraphs`, with the index of each one's heading.
  package static let paragraphs = ReportElements(rawValue: 1 << 2)
  /// `Report.headings`.
  package static let headings = ReportElements(rawValue: 1 << 3)
  /// `Report.contentsEntries`: the lines of the table of contents.
  package static let contents = ReportElements(rawValue: 1 << 4)
  /// `Report.explainsRounding`, read from the tables' notes and the paragraphs: a rule that reads
  /// the paragraphs for nothing else need not run again after an edit that left it as it was.
  package static let roundingNote = ReportElements(rawValue: 1 << 5)

  /// The tables, self-evaluations, paragraphs and headings (not the contents or the rounding note).
  package static let all: ReportElements = [.tables, .evaluations, .paragraphs, .headings]
}

extension Report {
  /// The kinds of element this report has exactly as `earlier` had them, moved, when `edit` made
  /// this report's text of `earlier`'s; none when the edit added or removed a line (a finding's
  /// message cites lines), or changed what any check reads besides elements (the kind, the year,
  /// the unit, the unread regions).
  ///
  /// An element is the same when neither its range nor its counterpart's touches the edit: each is
  /// read from its own bytes (`ParseMemo`), and those are the same bytes, moved. An element
  /// that merely borders the edit counts as touched.
  /// - Complexity: O(elements).
  package func elementsUnchanged(since earlier: Report, edit: EditedSpan) -> ReportElements {
    guard source.lineCount == earlier.source.lineCount, kind == earlier.kind, year == earlier.year,
      unitName == earlier.unitName, edit.keeps(earlier.yearRange, as: yearRange),
      edit.keeps(earlier.unitNameRange, as: unitNameRange),
      edit.keeps(earlier.unreadRegions, as: unreadRegions, range: \.range),
      zip(earlier.unreadRegions, unreadRegions).allSatisfy({ $0.reason == $1.reason })
    else { return [] }
    var same: ReportElements = []
    // An entry of the contents edited: few rules read them.
    if edit.keeps(earlier.contentsEntries, as: contentsEntries, range: \.self) { same.insert(.contents) }
    if explainsRounding == earlier.explainsRounding { same.insert(.roundingNote) }
    let isEvaluation = { (table: Table) in table.kind == .selfEvaluation }
    if edit.keeps(earlier.tables.filter { !isEvaluation($0) }, as: tables.filter { !isEvaluation($0) }, range: \.range)
    {
      same.insert(.tables)
    }
    if edit.keeps(earlier.selfEvaluations, as: selfEvaluations, range: \.region),
      edit.keeps(earlier.tables.filter(isEvaluation), as: tables.filter(isEvaluation), range: \.range)
    {
      same.insert(.evaluations)
    }
    if edit.keeps(earlier.headings, as: headings, range: \.range) { same.insert(.headings) }
    if edit.keeps(earlier.paragraphs, as: paragraphs, range: \.range),
      zip(earlier.paragraphs, paragraphs).allSatisfy({ $0.headingIndex == $1.headingIndex })
    {
      same.insert(.paragraphs)
    }
    return same
  }
}

extension Report {
  /// True when the report says its figures may not add up by rounding (尾差, 尾数误差, 四舍五入).
  package var explainsRounding: Bool {
    let words = ["尾差", "尾数误差", "四舍五入", "尾数差异"]
    let inNotes = tables.contains { table in
      table.notes.contains { note in words.contains { note.utf8Text.contains($0) } }
    }
    if inNotes { return true }
    return paragraphs.contains { paragraph in words.contains { paragraph.text.utf8Text.contains($0) } }
  }
}

extension Report {
  /// Whether this report has a paragraph at `range` joined from lines starting where
  /// `paragraph`'s do (`paragraph` itself elsewhere, in another text): the same paragraph, moved,
  /// when the two texts have the same bytes there.
  /// - Complexity: O(log paragraphs + segments).
  package func hasParagraph(at range: Range<Int>, joinedLike paragraph: Paragraph) -> Bool {
    var low = 0
    var high = paragraphs.count
    while low < high {
      let mid = (low + high) / 2
      if paragraphs[mid].range.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
    }
    guard low < paragraphs.count, paragraphs[low].range == range else { return false }
    let (own, other) = (paragraphs[low].segments, paragraph.segments)
    let offset = range.lowerBound - paragraph.range.lowerBound
    return own.count == other.count
      && zip(own, other).allSatisfy { mine, theirs in
        mine.textOffset == theirs.textOffset && mine.length == theirs.length
          && mine.sourceOffset == theirs.sourceOffset + offset
      }
  }
}

/// The bytes an edit replaced: `prefix..<earlierEnd` of the earlier text became `prefix..<end`;
/// the `suffix` bytes after them are the same in both.
package struct EditedSpan: Sendable {
  package let prefix: Int
  package let suffix: Int
  package let earlierEnd: Int
  package let end: Int

  /// The edit that made `now` of `earlier`: the bytes between the longest start and end the two
  /// share (`UTF8Text.commonEnds`).
  package init(from earlier: [UInt8], to now: [UInt8]) {
    (prefix, suffix) = UTF8Text.commonEnds(of: earlier, and: now)
    earlierEnd = earlier.count - suffix
    end = now.count - suffix
  }

  /// How far the bytes after the edit moved.
  package var shift: Int { end - earlierEnd }

  /// Where the earlier bytes of `range` are now: the same place before the edit, moved after it;
  /// nil when the range touches the edit (reaches it or borders it).
  package func moved(_ range: Range<Int>) -> Range<Int>? {
    if range.upperBound < prefix { return range }
    if range.lowerBound > earlierEnd { return range.shifted(by: shift) }
    return nil
  }

  /// Where the bytes of `range` of the text now were in the earlier text: the same place before
  /// the edit, moved back after it; nil when the range touches the edit (`moved` undone).
  package func earlier(_ range: Range<Int>) -> Range<Int>? {
    if range.upperBound < prefix { return range }
    if range.lowerBound > end { return range.shifted(by: -shift) }
    return nil
  }

  /// Whether an earlier range and its counterpart now are the same bytes, moved, away from the edit.
  func keeps(_ earlier: Range<Int>?, as now: Range<Int>?) -> Bool {
    guard let earlier, let now else { return earlier == nil && now == nil }
    return moved(earlier) == now
  }

  /// Whether the earlier elements and those now are as many, each the same bytes moved.
  func keeps<Element>(_ earlier: [Element], as now: [Element], range: (Element) -> Range<Int>) -> Bool {
    earlier.count == now.count && zip(earlier, now).allSatisfy { keeps(range($0), as: range($1)) }
  }
}
