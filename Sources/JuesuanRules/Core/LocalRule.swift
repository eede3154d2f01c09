import JuesuanModel

/// A rule whose findings on each line (or each paragraph) of a report follow from that unit's
/// bytes alone (a paragraph's: its bytes and how its lines join): no heading, no report year, no
/// table, no other line or paragraph changes them. After an edit, the check of the report takes
/// what the rule found on the units the edit did not touch from the earlier check, moved, and
/// checks only the others (`LocalFindings`). Being local is a promise a review of the rule's code
/// must keep: a rule that reads anything beyond its unit in `checkLine`/`checkParagraph` is not.
package protocol LocalRule: Rule {
  /// What the rule checks one by one.
  static var unit: LocalUnit { get }
  /// Checks the line `range` of `source` (without its line break), reading nothing else.
  func checkLine(_ range: Range<Int>, of source: SourceText, context: inout RuleContext)
  /// Checks `paragraph`, reading nothing else (not even its heading).
  func checkParagraph(_ paragraph: Paragraph, context: inout RuleContext)
  /// What the rule checks of the report as a whole, after its units: nothing by default. This
  /// part is not local: it runs on every check, unless it reads only `restElements`.
  func checkRest(_ report: Report, context: inout RuleContext)
  /// The kinds of element `checkRest` reads (`ReportElements`): after an edit that left them as
  /// they were, what it found is taken from the earlier check, moved. Nil (the default) when it
  /// reads the text elsewhere too.
  static var restElements: ReportElements? { get }
}

/// The units a `LocalRule` checks one by one.
package enum LocalUnit: Sendable {
  /// Each line of the report's text.
  case line
  /// Each paragraph of the report's narrative.
  case paragraph
}

extension LocalRule {
  package func checkLine(_ range: Range<Int>, of source: SourceText, context: inout RuleContext) {}
  package func checkParagraph(_ paragraph: Paragraph, context: inout RuleContext) {}
  package func checkRest(_ report: Report, context: inout RuleContext) {}
  package static var restElements: ReportElements? { nil }

  /// Every unit of `report`, then the rest.
  package func check(_ report: Report, context: inout RuleContext) {
    _ = Self.checkUnits(report, reusing: nil, recording: false, context: &context)
  }

  package static func check(
    _ report: Report, reusing earlier: LocalFindings.Earlier?, recording: Bool, context: inout RuleContext
  ) -> LocalFindings? {
    checkUnits(report, reusing: earlier, recording: recording, context: &context)
  }

  /// Checks `report`, the units `earlier` shows unchanged taken from the earlier check; what was
  /// found on each unit (when `recording`), for the check after the next edit.
  /// - Complexity: O(units · log units) besides the checks of the changed units.
  private static func checkUnits(
    _ report: Report, reusing earlier: LocalFindings.Earlier?, recording: Bool, context: inout RuleContext
  ) -> LocalFindings? {
    let rule = Self()
    var record = LocalFindings()
    // Where the earlier units are read from: the units are visited in order, and so are the
    // places they had in the earlier text.
    var cursor = 0
    // What one unit yielded, checked now or taken from the earlier check.
    func check(_ range: Range<Int>, earlierStart: (Range<Int>, Int) -> Int?, run: (inout RuleContext) -> Void) {
      let before = (findings: context.findings.count, skipped: context.skipped.count, checks: context.checksRun)
      if let earlier, let place = earlier.place(of: range, startingAt: earlierStart) {
        if let outcome = earlier.record.outcome(at: place.start, from: &cursor) {
          if outcome.findings.isEmpty, outcome.skipped.isEmpty {
            // Most units only count their checks.
            context.ran(outcome.checksRun)
          } else {
            context.adopt(
              outcome.findings.map { $0.moved(by: place.shift, lines: place.lines) },
              skipped: outcome.skipped.map {
                SkippedCheck(code: $0.code, reason: $0.reason.movingLines(by: place.lines))
              },
              checksRun: outcome.checksRun)
          }
        }
      } else {
        run(&context)
      }
      guard recording else { return }
      if context.findings.count == before.findings, context.skipped.count == before.skipped {
        record.append(start: range.lowerBound, checksRun: context.checksRun - before.checks)
      } else {
        record.append(
          start: range.lowerBound, findings: context.findings[before.findings...],
          skipped: context.skipped[before.skipped...], checksRun: context.checksRun - before.checks)
      }
    }
    let source = report.source
    switch unit {
    case .line:
      for line in 0..<source.lineCount {
        let range = source.byteRange(ofLine: line)
        check(range, earlierStart: { earlier?.lineStart(of: line - $1, range: $0) }) { context in
          rule.checkLine(range, of: source, context: &context)
        }
      }
    case .paragraph:
      for paragraph in report.paragraphs {
        check(paragraph.range, earlierStart: { range, _ in earlier?.paragraphStart(of: paragraph, at: range) }) {
          context in
          rule.checkParagraph(paragraph, context: &context)
        }
      }
    }
    // The rest, taken from the earlier check when the edit left what it reads.
    if let earlier, !earlier.elementsKept.isEmpty, let reads = Self.restElements,
      earlier.elementsKept.isSuperset(of: reads),
      let rest = earlier.record.rest?.moved(across: earlier.edit)
    {
      context.adopt(rest.findings, skipped: rest.skipped, checksRun: rest.checksRun)
      record.rest = rest
    } else {
      let mark = context.mark
      rule.checkRest(report, context: &context)
      if recording { record.rest = context.outcome(since: mark) }
    }
    return recording ? record : nil
  }
}

/// What a `LocalRule` found on each unit of one report, ranges and lines counted from its start.
package struct LocalFindings: Sendable {
  /// A unit on which the rule found something, skipped a check or ran one; the other units
  /// yielded nothing. The ends index `findings` and `skipped`.
  private struct Unit: Sendable {
    var start: Int
    var findingsEnd: Int
    var skippedEnd: Int
    var checksRun: Int
  }

  /// In order of their starts.
  private var units: [Unit] = []
  private var findings: [Finding] = []
  private var skipped: [SkippedCheck] = []
  /// What `LocalRule.checkRest` found.
  fileprivate var rest: RuleOutcome?

  mutating func append(
    start: Int, findings found: ArraySlice<Finding>, skipped skips: ArraySlice<SkippedCheck>, checksRun: Int
  ) {
    guard !found.isEmpty || !skips.isEmpty || checksRun != 0 else { return }
    findings += found
    skipped += skips
    units.append(Unit(start: start, findingsEnd: findings.count, skippedEnd: skipped.count, checksRun: checksRun))
  }

  /// A unit that found nothing and skipped nothing, but ran `checksRun` checks (none: nothing).
  mutating func append(start: Int, checksRun: Int) {
    guard checksRun != 0 else { return }
    units.append(Unit(start: start, findingsEnd: findings.count, skippedEnd: skipped.count, checksRun: checksRun))
  }

  /// What the unit starting at `start` yielded; nil when nothing. `cursor`, a position in the
  /// units, starts at 0 and is moved on: the starts asked for must not decrease from one call to
  /// the next.
  /// - Complexity: O(units) over all the calls with one cursor.
  func outcome(at start: Int, from cursor: inout Int) -> (
    findings: ArraySlice<Finding>, skipped: ArraySlice<SkippedCheck>, checksRun: Int
  )? {
    while cursor < units.count, units[cursor].start < start { cursor += 1 }
    guard cursor < units.count, units[cursor].start == start else { return nil }
    let unit = units[cursor]
    let previous = cursor > 0 ? units[cursor - 1] : Unit(start: 0, findingsEnd: 0, skippedEnd: 0, checksRun: 0)
    return (
      findings[previous.findingsEnd..<unit.findingsEnd], skipped[previous.skippedEnd..<unit.skippedEnd], unit.checksRun
    )
  }

  /// An earlier check of a report whose text an edit changed, and where the two texts agree.
  package struct Earlier: Sendable {
    /// What the rule found in `report`.
    var record = LocalFindings()
    let report: Report
    /// The edit, and the kinds of element it left as they were (`Report.elementsUnchanged`).
    let edit: EditedSpan
    let elementsKept: ReportElements
    /// How many more lines the text has now.
    let lineShift: Int

    /// The check of `report`, against the text of `now`, which `edit` made of its text, leaving
    /// the elements `elementsKept` as they were.
    init(_ report: Report, now: SourceText, edit: EditedSpan, elementsKept: ReportElements) {
      self.report = report
      self.edit = edit
      self.elementsKept = elementsKept
      lineShift = now.lineCount - report.source.lineCount
    }

    /// Where the unit at `range` of the text now was in the earlier text, when its bytes lie in
    /// the part of the text the edit left alone and the earlier text had the same unit there
    /// (`earlierStart` finds it, from the range it would have and the lines it moved); with the
    /// bytes and lines it moved.
    func place(of range: Range<Int>, startingAt earlierStart: (Range<Int>, Int) -> Int?) -> (
      start: Int, shift: Int, lines: Int
    )? {
      if range.upperBound <= edit.prefix {
        return earlierStart(range, 0).map { ($0, 0, 0) }
      }
      if range.lowerBound >= edit.end {
        let moved = range.lowerBound - edit.shift
        return earlierStart(moved..<(moved + range.count), lineShift).map { ($0, edit.shift, lineShift) }
      }
      return nil
    }

    /// The start of `range` when it is the whole of line `line` of the earlier text.
    func lineStart(of line: Int, range: Range<Int>) -> Int? {
      report.source.byteRange(ofLine: line) == range ? range.lowerBound : nil
    }

    /// The start of `range` when the earlier text had a paragraph there joined from lines
    /// starting where `paragraph`'s do.
    func paragraphStart(of paragraph: Paragraph, at range: Range<Int>) -> Int? {
      report.hasParagraph(at: range, joinedLike: paragraph) ? range.lowerBound : nil
    }
  }
}

extension Finding {
  /// The finding `offset` bytes and `lines` lines further on.
  func moved(by offset: Int, lines: Int) -> Finding {
    guard offset != 0 || lines != 0 else { return self }
    var finding = offset == 0 ? self : moved(by: offset)
    if lines != 0 {
      finding.message = finding.message.movingLines(by: lines)
      for index in finding.related.indices {
        finding.related[index].message = finding.related[index].message.movingLines(by: lines)
      }
    }
    return finding
  }
}
