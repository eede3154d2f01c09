import Dispatch
import Foundation
import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// Parses a document and runs every enabled rule over it. A value: cheap to copy, safe to share.
package struct Linter: Sendable {
  package var configuration: Configuration
  package var catalogue: SubjectCatalogue
  /// Called with each rule's running time, for profiling (`juesuan check --profile`).
  package var ruleTimings: (@Sendable (String, Duration) -> Void)?
  /// False when only the findings are wanted (`juesuan check`): each report's model is dropped
  /// once checked, so a file of many reports never holds all their models at once, and
  /// `LintResult.report` stays empty.
  package var retainsModel = true
  /// True to run the two rule threads of a report on two different cores (`CoreAffinity`): the
  /// language server, which lints one edited report at a time and waits for it. Not for a batch
  /// of files, whose reports already keep every core busy.
  package var spreadsRuleThreads = false

  package init(configuration: Configuration = Configuration(), catalogue: SubjectCatalogue = .bundled) {
    self.configuration = configuration
    self.catalogue = catalogue
  }

  /// Parses and checks `source`. A file holding several reports is checked report by report
  /// (`ReportSegmenter`). With `previous` — the lint of an earlier text of the same document,
  /// by a linter with the same configuration and catalogue — a report whose text is unchanged is
  /// neither parsed nor checked again (its findings are moved, and placed anew only when it
  /// starts on another line), and in a report that changed, the lines, paragraphs, tables and
  /// narrative readers the edit did not touch are moved rather than read again (`ParseMemo`,
  /// `EarlierReaders`); the segmenter searches only the changed lines.
  ///
  /// With `leading`, when several reports are to be checked (a file just opened), the report at
  /// the document's start is checked first, and `leading` is called with its lint, once, from a
  /// checking thread, while the others are still being checked: an editor can show the
  /// diagnostics at the top of the file before those of the whole. It is not called when that
  /// report was reused, or does not stand alone (it is then joined to the next).
  /// - Complexity: O(n) in the document for parsing; rules are linear or n·log n per report.
  package func lint(
    _ source: SourceText, reusing previous: LintResult? = nil, leading: (@Sendable (LintResult) -> Void)? = nil
  ) -> LintResult {
    let earlier = previous?.parts ?? []
    var grouped: [Int: [Int]] = [:]
    for (index, part) in earlier.enumerated() { grouped[part.range.count, default: []].append(index) }
    // Where the text differs from the one `previous` linted: the bytes before and after are the
    // same, moved.
    let edit = previous.map { EditedSpan(from: $0.source.bytes, to: source.bytes) }
    // The reports are independent: check them on every core, then join them in order.
    let (candidates, segmentation) = ReportSegmenter.parts(
      of: source, reusing: previous?.segmentation, edit: edit)
    // Each report whose bytes an earlier report had is that report, moved; of several with the
    // same bytes (a file may hold a report twice), the one that was on the same line, whose
    // findings are then placed already. Each earlier report is taken once, so that the one an
    // edit changed is left over even when a copy of its old text is elsewhere in the file.
    var taken = Set<Int>()
    func earlierPart(for range: Range<Int>, once: Bool) -> Int? {
      let line = source.line(ofUTF8Offset: range.lowerBound)
      let group = grouped[range.count] ?? []
      // The bytes are compared in order of preference, each earlier report at most once: the
      // usual answer, the untaken report on the same line, costs one comparison.
      var compared: [Int: Bool] = [:]
      func same(_ index: Int) -> Bool {
        if let known = compared[index] { return known }
        // A report the edit did not reach has the same bytes where they moved to.
        let answer =
          edit?.moved(earlier[index].range) == range || earlier[index].matches(range, in: source)
        compared[index] = answer
        return answer
      }
      let preferences: [(Int) -> Bool] = [
        { !taken.contains($0) && earlier[$0].placement?.line == line }, { !taken.contains($0) },
        { earlier[$0].placement?.line == line }, { _ in true },
      ]
      for preferred in preferences {
        guard let found = group.first(where: { preferred($0) && same($0) }) else { continue }
        if once { taken.insert(found) }
        return found
      }
      return nil
    }
    let paired = candidates.map { earlierPart(for: $0, once: true) }
    // What the parses of the earlier reports that changed read: a report the edit touched is
    // parsed again, but its paragraphs, tables and self-evaluations that the edit did not touch
    // are moved.
    // (None when every report is reused: an edit undone, or one that made a copy of another.)
    let fresh = candidates.indices.filter { paired[$0] == nil }
    let untouched = fresh.isEmpty ? [] : earlier.indices.filter { !taken.contains($0) }
    let memo = ParseMemo(untouched.map { earlier[$0].report })
    let readers = EarlierReaders(untouched.flatMap { earlier[$0].readers })
    // The report an edit changed, whose local rules' findings on the lines and paragraphs the
    // edit did not touch are taken (`LocalRule`).
    let edited = untouched.count == 1 ? earlier[untouched[0]] : nil
    let linter = self
    // A part checked while others are (`concurrentPerform` below) runs its rule threads in turn.
    @Sendable func lintedPart(_ range: Range<Int>, reusing index: Int?, alongsideOthers: Bool = false) -> LintedPart {
      if let index {
        var same = earlier[index]
        same.range = range
        return same
      }
      let start = ContinuousClock.now
      let report = ReportParser.parse(
        range.count == source.bytes.count ? source : source.part(range), reusing: memo,
        pair: linter.spreadsRuleThreads && !alongsideOthers ? Self.pairOnCores : nil)
      linter.ruleTimings?("(parse)", ContinuousClock.now - start)
      let part = linter.check(
        report, range: range, earlierReaders: readers, earlier: edited,
        spreadingRuleThreads: linter.spreadsRuleThreads && !alongsideOthers)
      return linter.retainsModel ? part : part.droppingModel()
    }
    // Several reports to parse and check (a file just opened): one per core. A single one (an
    // edit) is checked on this thread, where its own work (the lines, the two rule threads) can
    // take both cores: a `concurrentPerform` nested in another runs serially.
    let checked = ConcurrentSlots<LintedPart>(count: candidates.count)
    if fresh.count > 1 {
      // The longest first: the cores then finish at about the same time, not one of them idle
      // while the other checks a long report taken last. The report at the start goes first
      // when `leading` waits for it (the iterations are handed out in order).
      let top = leading != nil && fresh.first == 0 ? 0 : nil
      let longestFirst = fresh.sorted { candidates[$0].count > candidates[$1].count }
      let order = top.map { top in [top] + longestFirst.filter { $0 != top } } ?? longestFirst
      DispatchQueue.concurrentPerform(iterations: order.count) { item in
        let index = order[item]
        let part = lintedPart(candidates[index], reusing: nil, alongsideOthers: true)
        checked.set(index, part)
        if index == top, part.standsAlone, let leading {
          leading(linter.finish([part], source: source, segmentation: nil))
        }
      }
    }
    // A part made by joining candidates: reused when an earlier report had its bytes.
    func joinedPart(_ range: Range<Int>) -> LintedPart {
      lintedPart(range, reusing: earlierPart(for: range, once: false))
    }
    // A part without a 收入支出决算总表 (a 目录 or 第一部分 line that was not a report's start)
    // joins the part before it, or the next when it comes first.
    var parts: [LintedPart] = []
    var pendingStart: Int?
    for (index, candidate) in candidates.enumerated() {
      let part =
        pendingStart == nil
        ? checked[index] ?? lintedPart(candidate, reusing: paired[index])
        : joinedPart((pendingStart ?? candidate.lowerBound)..<candidate.upperBound)
      if part.standsAlone {
        parts.append(part)
        pendingStart = nil
      } else if let last = parts.popLast() {
        parts.append(joinedPart(last.range.lowerBound..<candidate.upperBound))
      } else {
        pendingStart = part.range.lowerBound
        if candidate.upperBound == source.bytes.count { parts.append(part) }
      }
    }
    return finish(parts, source: source, segmentation: segmentation)
  }

  /// Checks an already parsed report (of the whole document).
  package func lint(_ parsed: Report) -> LintResult {
    finish([check(parsed, range: 0..<parsed.source.bytes.count)], source: parsed.source, segmentation: nil)
  }

  /// Runs every enabled rule over one report and applies the configured severities.
  private func check(
    _ parsed: Report, range: Range<Int>, earlierReaders: EarlierReaders = EarlierReaders(), earlier: LintedPart? = nil,
    spreadingRuleThreads spreads: Bool = false
  ) -> LintedPart {
    var report = parsed
    if let year = configuration.reportYear { report.year = year }
    // The rules run on two threads, one per core, taking rules from the two ends of the schedule
    // (`RuleSchedule`), each with its own context; the views they read are built once, by the
    // first thread that asks (`SharedViews`). What they found is then put back in registry order,
    // so the result is the same as running them one by one.
    let rules = RuleRegistry.all
    let order = Self.schedule.order
    let edit = earlier.map { EditedSpan(from: $0.report.source.bytes, to: report.source.bytes) }
    // What the edit left as it was (`ReportElements`): a rule that reads only that, itself and
    // through its views, is not run; its earlier outcome is moved.
    let elementsKept =
      earlier.flatMap { earlier in
        edit.map { report.elementsUnchanged(since: earlier.report, edit: $0) }
      } ?? []
    let earlierOutcomes = earlier.flatMap { $0.ruleOutcomes.count == rules.count ? $0.ruleOutcomes : nil }
    let unchanged = earlier.flatMap { earlier in
      edit.flatMap { edit in
        earlier.localFindings.isEmpty
          ? nil : LocalFindings.Earlier(earlier.report, now: report.source, edit: edit, elementsKept: elementsKept)
      }
    }
    // The subject mentions of the tables and paragraphs the edit did not touch, moved.
    let earlierMentions =
      earlier.flatMap { earlier in
        earlier.mentions.flatMap { mentions in
          edit.map { EarlierMentions(mentions.all, verdicts: mentions.verdicts, of: earlier.report, edit: $0) }
        }
      } ?? EarlierMentions()
    let local = ConcurrentSlots<LocalFindings>(count: rules.count)
    let memos = ConcurrentSlots<any RuleMemo>(count: rules.count)
    let earlierCheck = earlier.flatMap { earlier in
      edit.map { EarlierCheck(report: earlier.report, edit: $0, elementsKept: elementsKept, memo: nil) }
    }
    let model = report
    let outcomes = ConcurrentSlots<RuleOutcome>(count: rules.count)
    let views = SharedViews()
    let queue = RuleSchedule.Queue(count: order.count)
    @Sendable func checkRules(_ thread: Int) {
      var context = RuleContext(
        report: model, configuration: configuration, catalogue: catalogue, earlierReaders: earlierReaders,
        earlierMentions: earlierMentions, sharing: views)
      while let position = queue.take(fromFront: thread == 0) {
        let index = order[position]
        let rule = rules[index]
        let description = rule.description
        guard description.kinds.contains(model.kind) else { continue }
        guard let severity = configuration.severity(of: description.code, default: description.defaultSeverity)
        else { continue }
        // The rule's parts (one, the whole check, unless it declares several), each taken from the
        // check before the edit when the edit left what it reads, else checked.
        let parts = Self.schedule.parts[index]
        var outcome = RuleOutcome()
        context.start(rule, severity: severity)
        let start = ruleTimings == nil ? nil : ContinuousClock.now
        for (part, reads) in parts.enumerated() {
          // (None kept: the edit moved lines, or changed what every check reads.)
          if let edit, !elementsKept.isEmpty, let reads, elementsKept.isSuperset(of: reads),
            let moved = earlierOutcomes?[index]?.part(part, of: parts.count)?.moved(across: edit)
          {
            outcome.append(moved, asPart: parts.count > 1)
            // What the rule kept moves with what it found, for the check after the next edit.
            if retainsModel, let memo = earlier?.ruleMemos[index]?.moved(across: edit) { memos.set(index, memo) }
            continue
          }
          let mark = context.mark
          if parts.count > 1 {
            rule.check(part: part, model, context: &context)
          } else {
            // What the rule kept of the check before the edit, and keeps of this one.
            context.earlier = earlierCheck?.keeping(earlier?.ruleMemos[index])
            context.memo = nil
            defer {
              if retainsModel, let memo = context.memo { memos.set(index, memo) }
              (context.earlier, context.memo) = (nil, nil)
            }
            let reusable = unchanged.flatMap { unchanged in
              earlier?.localFindings[index].map { record in
                var reusable = unchanged
                reusable.record = record
                return reusable
              }
            }
            if let found = rule.check(model, reusing: reusable, recording: retainsModel, context: &context) {
              local.set(index, found)
            }
          }
          // Each finding's last fix is the comment that silences it, written here, on the rule's
          // thread (and moved with the finding when the outcome is reused).
          var checked = context.outcome(since: mark)
          for index in checked.findings.indices {
            checked.findings[index].fixes.append(Suppressions.ignoreFix(for: checked.findings[index], in: model.source))
          }
          outcome.append(checked, asPart: parts.count > 1)
        }
        if let timings = ruleTimings, let start, outcome.ran { timings(description.code, ContinuousClock.now - start) }
        outcomes.set(index, outcome)
      }
    }
    if !spreads || CoreLane.shared?.run({ checkRules(0) }, alongside: { checkRules(1) }) != true {
      DispatchQueue.concurrentPerform(iterations: 2) { thread in checkRules(thread) }
    }
    let outcomesByRule = outcomes.all
    let done = outcomesByRule.compactMap { $0 }
    var findings = done.flatMap(\.findings).compactMap { finding -> Finding? in
      // Findings made under another rule's code (sum/rounding-tail) follow that code's settings.
      guard let explicit = configuration.explicitSeverity(of: finding.code) else { return finding }
      guard let configured = explicit else { return nil }
      var adjusted = finding
      if configuration.ruleSeverities[finding.code] != nil {
        adjusted.severity = configured  // set for this very code
      } else if configured > finding.severity {
        adjusted.severity = configured  // a category setting only lowers
      }
      return adjusted
    }
    findings.sort { ($0.range.lowerBound, $0.code) < ($1.range.lowerBound, $1.code) }
    findings = Self.removingDuplicates(findings)
    var part = LintedPart(
      range: range, report: report, findings: findings, checksRun: done.reduce(0) { $0 + $1.checksRun },
      skipped: done.flatMap(\.skipped),
      tablesRecognised: report.tables.map { "\($0.kind.rawValue) \($0.title)" },
      standsAlone: report.tables.contains { $0.kind == .summary },
      // Readers are found by their paragraph's bytes: when no rule read them this time (each
      // reused its outcome), the earlier ones serve the next check.
      readers: views.builtView(NarrativeReaders.self)?.readers ?? earlier?.readers ?? [])
    part.tables = TableCoverage.standardTables(of: report)
    // Read afresh from the report when no rule read them this time: positions, not bytes, find
    // them after the next edit.
    part.mentions = views.builtView(SubjectMentions.self).map { ($0, views.builtView(SubjectVerdicts.self)) }
    part.ruleOutcomes = outcomesByRule
    for index in rules.indices {
      part.localFindings[index] = local[index]
      part.ruleMemos[index] = memos[index]
    }
    part.kind = report.kind
    return part
  }

  /// The result of the parts, each with its findings placed in the document (each part's are
  /// sorted, and the parts are in order, so `LintResult.findings` is in document order).
  private func finish(
    _ parts: [LintedPart], source: SourceText, segmentation: ReportSegmenter.Candidates?
  ) -> LintResult {
    let suppressions = Suppressions(source: source)
    var placedParts = parts
    for index in placedParts.indices {
      placedParts[index].placement = Self.placement(of: placedParts[index], in: source, suppressions: suppressions)
    }
    return LintResult(source: source, parts: placedParts, segmentation: segmentation)
  }

  /// Where `part`'s findings fall in `source`: its earlier placement, at its new start, when the
  /// part starts on the same line and no suppression comment is involved.
  private static func placement(
    of part: LintedPart, in source: SourceText, suppressions: Suppressions
  ) -> LintedPart.Placement {
    let start = part.range.lowerBound
    let line = source.line(ofUTF8Offset: start)
    if var placement = part.placement, placement.line == line, suppressions.isEmpty, placement.silenced.isEmpty {
      placement.start = start
      return placement
    }
    var placed: [Finding] = []
    var silenced: [Int] = []
    placed.reserveCapacity(part.findings.count)
    for (index, finding) in part.findings.enumerated() {
      var finding = finding
      finding.message = finding.message.movingLines(by: line)
      for related in finding.related.indices {
        finding.related[related].message = finding.related[related].message.movingLines(by: line)
      }
      if !suppressions.isEmpty, suppressions.suppresses(finding.moved(by: start), in: source) {
        silenced.append(index)
      } else {
        placed.append(finding)
      }
    }
    return LintedPart.Placement(start: start, line: line, relativeFindings: placed, silenced: silenced)
  }

  /// Runs two jobs at once on the two cores (`CoreLane`), or one after the other when the lane is
  /// busy or missing.
  private static let pairOnCores: ReportParser.Pair = { here, there in
    if CoreLane.shared?.run(here, alongside: there) != true {
      here()
      there()
    }
  }

  /// The order the registry's rules are taken in.
  private static let schedule = RuleSchedule(RuleRegistry.all)

  /// `findings`, sorted by start and code, less repeats (the same code, range and message), the
  /// first of each kept. Repeats lie in one run of equal start and code, so only runs are searched.
  /// - Complexity: O(n · r), r the longest run (a few findings).
  private static func removingDuplicates(_ findings: [Finding]) -> [Finding] {
    var kept: [Finding] = []
    kept.reserveCapacity(findings.count)
    var runStart = 0
    for finding in findings {
      if let last = kept.last, last.range.lowerBound != finding.range.lowerBound || last.code != finding.code {
        runStart = kept.count
      }
      guard !kept[runStart...].contains(where: { $0.range == finding.range && $0.message == finding.message }) else {
        continue
      }
      kept.append(finding)
    }
    return kept
  }
}
