/// What an earlier parse read, by the bytes it read it from: paragraphs, tables and
/// self-evaluation tables. Each is a function of its bytes (a paragraph's, with where its lines
/// start; a table's title to last note line, with its kind; a self-evaluation's `region`): the
/// same bytes elsewhere read as the same thing, moved. So the parse after an edit moves every
/// paragraph and table the edit did not touch instead of reading it again
/// (`ReportParser.parse(_:reusing:)`). Lines are not looked up by their bytes (reading one costs
/// less than hashing it): the lines at the start and end of a report that an edit left as they
/// were are taken from the earlier parse of that report (`Line.reusable(from:in:)`).
package struct ParseMemo: Sendable {
  /// A paragraph's or table's bytes (and a table's kind), hashed and compared as raw bytes; the
  /// array is the document's own (shared, not copied).
  private struct Key: Hashable, Sendable {
    var kind: Table.Kind?  // nil for a paragraph
    var bytes: [UInt8]
    var range: Range<Int>

    /// The length and the first and last 32 bytes: enough to tell paragraphs and tables apart,
    /// without hashing the whole report on every edit (equal keys still compare every byte).
    func hash(into hasher: inout Hasher) {
      hasher.combine(kind)
      hasher.combine(range.count)
      bytes.withUnsafeBytes { all in
        let sampled = 32
        guard range.count > 2 * sampled else {
          hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all[range]))
          return
        }
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all[range.prefix(sampled)]))
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all[range.suffix(sampled)]))
      }
    }

    static func == (lhs: Key, rhs: Key) -> Bool {
      lhs.kind == rhs.kind && UTF8Text.hasSameBytes(lhs.bytes, in: lhs.range, as: rhs.bytes, in: rhs.range)
    }
  }

  private var tables: [Key: (table: Table, line: Int)] = [:]
  private var evaluations: [Key: (evaluation: SelfEvaluation, line: Int)] = [:]
  /// Paragraphs by their bytes and where each of their lines starts in them.
  private var paragraphs: [ParagraphKey: Paragraph] = [:]
  /// Each earlier report's text and the lines its parse read.
  private var earlierLines: [(source: SourceText, lines: [Line])] = []

  private struct ParagraphKey: Hashable, Sendable {
    var bytes: Key
    var segmentStarts: [Int]
  }

  /// An empty memo: everything is read.
  package init() {}

  /// What the parses of `reports` read (each report with its own source).
  /// (An array, not any sequence: a generic one is walked through witness tables across modules.)
  package init(_ reports: [Report]) {
    paragraphs.reserveCapacity(reports.reduce(0) { $0 + $1.paragraphs.count })
    tables.reserveCapacity(reports.reduce(0) { $0 + $1.tables.count })
    for report in reports {
      if !report.lines.isEmpty { earlierLines.append((report.source, report.lines)) }
      for table in report.tables where table.range.upperBound <= report.source.bytes.count {
        let key = Key(kind: table.kind, bytes: report.source.bytes, range: table.range)
        tables[key] = (table, report.source.line(ofUTF8Offset: table.range.lowerBound))
      }
      for paragraph in report.paragraphs where paragraph.range.upperBound <= report.source.bytes.count {
        let starts = paragraph.segments.map { $0.sourceOffset - paragraph.range.lowerBound }
        let key = Key(kind: nil, bytes: report.source.bytes, range: paragraph.range)
        paragraphs[ParagraphKey(bytes: key, segmentStarts: starts)] = paragraph
      }
      for evaluation in report.selfEvaluations where evaluation.region.upperBound <= report.source.bytes.count {
        let key = Key(kind: .selfEvaluation, bytes: report.source.bytes, range: evaluation.region)
        evaluations[key] = (evaluation, report.source.line(ofUTF8Offset: evaluation.region.lowerBound))
      }
    }
  }

  package var isEmpty: Bool { tables.isEmpty && evaluations.isEmpty && paragraphs.isEmpty && earlierLines.isEmpty }

  /// The lines of `source`, those an earlier report of this memo read from the same bytes at its
  /// start or end taken from it (of several earlier reports, the one sharing the most bytes);
  /// nil when no earlier report shares enough (`Line.reusable(from:in:)`).
  /// - Complexity: O(n) per earlier report, for comparing bytes.
  func lines(of source: SourceText) -> [Line]? {
    var best: (source: SourceText, lines: [Line])?
    if earlierLines.count == 1 {
      best = earlierLines[0]
    } else {
      var shared = 0
      for earlier in earlierLines {
        let ends = UTF8Text.commonEnds(of: earlier.source.bytes, and: source.bytes)
        if ends.prefix + ends.suffix > shared { (best, shared) = (earlier, ends.prefix + ends.suffix) }
      }
    }
    return best.flatMap { Line.reusable(from: $0, in: source) }
  }

  /// The paragraph an earlier parse joined from the lines starting at `segmentStarts` (offsets
  /// from the start of `range`) in the same bytes, moved to `range` of `source`.
  func paragraph(at range: Range<Int>, segmentStarts: [Int], in source: SourceText) -> Paragraph? {
    let key = ParagraphKey(bytes: Key(kind: nil, bytes: source.bytes, range: range), segmentStarts: segmentStarts)
    guard !paragraphs.isEmpty, let paragraph = paragraphs[key] else { return nil }
    return paragraph.moved(by: range.lowerBound - paragraph.range.lowerBound)
  }

  /// The self-evaluation an earlier parse read from the bytes of `region`, moved there.
  func evaluation(at region: Range<Int>, in source: SourceText) -> SelfEvaluation? {
    guard !evaluations.isEmpty,
      let (evaluation, line) = evaluations[Key(kind: .selfEvaluation, bytes: source.bytes, range: region)]
    else { return nil }
    return evaluation.moved(
      by: region.lowerBound - evaluation.region.lowerBound,
      lines: source.line(ofUTF8Offset: region.lowerBound) - line)
  }

  /// The table of `kind` read from `range` of `source` by an earlier parse, moved there; nil when
  /// no earlier parse read those bytes as that kind.
  func table(_ kind: Table.Kind, at range: Range<Int>, in source: SourceText) -> Table? {
    guard !tables.isEmpty, let (table, line) = tables[Key(kind: kind, bytes: source.bytes, range: range)] else {
      return nil
    }
    return table.moved(
      by: range.lowerBound - table.range.lowerBound, lines: source.line(ofUTF8Offset: range.lowerBound) - line)
  }
}

extension Table {
  /// The same table read from the same bytes `offset` bytes and `lines` lines further on: every
  /// range and line moved, line numbers cited in `damage` too.
  package func moved(by offset: Int, lines: Int) -> Table {
    guard offset != 0 || lines != 0 else { return self }
    var moved = self
    moved.titleRange = titleRange.shifted(by: offset)
    moved.range = range.shifted(by: offset)
    moved.unitRange = unitRange?.shifted(by: offset)
    moved.noteRanges = noteRanges.map { $0.shifted(by: offset) }
    if lines != 0 {
      moved.damage = damage.map { $0.movingLines(by: lines) }
      moved.reading.reason = reading.reason.map { $0.movingLines(by: lines) }
    }
    moved.panels = panels.map { panel in
      Panel(columns: panel.columns, rows: panel.rows.map { $0.moved(by: offset, lines: lines) })
    }
    moved.pageTotals = pageTotals.map { $0.moved(by: offset, lines: lines) }
    return moved
  }
}

extension SelfEvaluation {
  /// The same evaluation read from the same bytes `offset` bytes and `lines` lines further on.
  package func moved(by offset: Int, lines: Int) -> SelfEvaluation {
    guard offset != 0 || lines != 0 else { return self }
    func move(_ figure: Figure?) -> Figure? {
      figure.map { Figure(value: $0.value, text: $0.text, range: $0.range.shifted(by: offset)) }
    }
    func move(_ field: UnitField) -> UnitField {
      UnitField(label: field.label, value: field.value, range: field.range.shifted(by: offset))
    }
    var moved = self
    moved.titleRange = titleRange.shifted(by: offset)
    moved.unitFields = unitFields.map(move)
    moved.projectNameRange = projectNameRange?.shifted(by: offset)
    moved.yearRange = yearRange?.shifted(by: offset)
    moved.funds = funds.map { row in
      var row = row
      row.labelRange = row.labelRange.shifted(by: offset)
      row.range = row.range.shifted(by: offset)
      row.line += lines
      row.figures = row.figures.compactMapValues(move)
      return row
    }
    moved.indicators = indicators.map { indicator in
      var indicator = indicator
      indicator.targetRange = indicator.targetRange?.shifted(by: offset)
      indicator.actualRange = indicator.actualRange?.shifted(by: offset)
      indicator.unplacedRange = indicator.unplacedRange?.shifted(by: offset)
      indicator.points = move(indicator.points)
      indicator.score = move(indicator.score)
      indicator.deviation = move(indicator.deviation)
      indicator.range = indicator.range.shifted(by: offset)
      indicator.line += lines
      return indicator
    }
    if var total {
      total.points = move(total.points)
      total.score = move(total.score)
      total.gradeRange = total.gradeRange?.shifted(by: offset)
      total.range = total.range.shifted(by: offset)
      total.line += lines
      moved.total = total
    }
    moved.range = range.shifted(by: offset)
    moved.region = region.shifted(by: offset)
    moved.lines = self.lines.shifted(by: lines)
    moved.proseLines = proseLines.shifted(by: lines)
    if lines != 0 { moved.damage = damage.map { $0.movingLines(by: lines) } }
    return moved
  }
}

extension Paragraph.Number {
  /// The same number `offset` bytes further on in the source (its place in the text unchanged).
  package func moved(by offset: Int) -> Paragraph.Number {
    var moved = self
    moved.range = range.shifted(by: offset)
    return moved
  }
}

extension Range<Int> {
  /// The range `offset` further on.
  package func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
