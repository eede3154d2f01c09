import JuesuanAnalysis
import JuesuanModel
import Synchronization

/// What one lint run produced: the model, the findings (in document order) and the coverage.
package struct LintResult: Sendable {
  package private(set) var source: SourceText
  /// Each report the document holds, checked on its own, its findings placed in the document;
  /// the next lint of an edited text reuses the parts whose text did not change.
  package private(set) var parts: [LintedPart]
  /// The parts' findings and coverage joined, on first use: the language server publishes report
  /// by report and needs the whole list only for a request.
  private let joinedFindings = Once<[Finding]>()
  private let joinedCoverage = Once<Coverage>()
  private var replacedFindings: [Finding]?
  /// Where the reports of the text may start (of `source`), for the next lint after an edit.
  let segmentation: ReportSegmenter.Candidates?

  init(source: SourceText, parts: [LintedPart], segmentation: ReportSegmenter.Candidates?) {
    self.source = source
    self.parts = parts
    self.segmentation = segmentation
  }

  /// Every finding, in document order, less those a suppression comment silences.
  package var findings: [Finding] {
    get { replacedFindings ?? joinedFindings.value { parts.flatMap { $0.placement?.findings ?? [] } } }
    set { replacedFindings = newValue }
  }

  /// What was checked and what could not be, over all the parts.
  package var coverage: Coverage {
    joinedCoverage.value {
      var skipped: [SkippedCheck] = []
      for part in parts {
        let lineOffset = part.placement?.line ?? 0
        for check in part.skipped {
          let placed = SkippedCheck(code: check.code, reason: check.reason.movingLines(by: lineOffset))
          let reason = placed.reason.rendered()
          guard !skipped.contains(where: { $0.code == placed.code && $0.reason.rendered() == reason }) else { continue }
          skipped.append(placed)
        }
      }
      return Coverage(
        tablesRecognised: parts.flatMap(\.tablesRecognised), checksRun: parts.reduce(0) { $0 + $1.checksRun },
        skipped: skipped)
    }
  }

  /// A value computed from the parts once, by whichever copy of the result asks first.
  private final class Once<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    func value(_ make: () -> Value) -> Value {
      stored.withLock { stored in
        if let stored { return stored }
        let made = make()
        stored = made
        return made
      }
    }
  }

  /// The whole document's model (every part's, joined; empty unless the linter retains models).
  /// For a file of several reports this is built on each access: read it once into a local.
  package var report: Report { Report.joining(parts.map { ($0.range, $0.report) }, in: source) }

  /// The report year: the first report's that names one.
  package var year: Int? { parts.lazy.compactMap(\.report.year).first }
}

/// One report of a document and what its check found, offsets counted from the part's start.
package struct LintedPart: Sendable {
  package var range: Range<Int>
  package var report: Report
  /// After the configuration's severities, before suppression comments (which apply per file).
  package var findings: [Finding]
  package var checksRun: Int
  /// Each check a rule could not run, lines counted from the part's start.
  package var skipped: [SkippedCheck]
  package var tablesRecognised: [String]
  /// How each of the nine standard tables was read.
  package var tables: [TableCoverage] = []
  /// What the report is (部门决算, 部门预算…), kept when the model is dropped.
  package var kind = Report.Kind.departmentFinal
  /// Whether the part holds a 收入支出决算总表 (公开01表), which every report has: a part
  /// without one is not a report of its own, and splitting there could only make table/missing
  /// and cross-reference checks wrong.
  package var standsAlone: Bool
  /// The findings as placed in the document by the lint that made or last reused this part.
  package var placement: Placement?
  /// The narrative readers the check built, for the check after an edit of the report. They
  /// share their paragraphs' storage with the model, so they cost little beside it.
  package internal(set) var readers: [NarrativeReader] = []
  /// The subject mentions the check read, and their verdicts if judged, for the check after an
  /// edit of the report (`EarlierMentions`); nil when no rule read them.
  var mentions: (all: SubjectMentions, verdicts: SubjectVerdicts?)?
  /// What each `LocalRule` found on each line or paragraph, by the rule's index in the registry,
  /// for the check after an edit of the report.
  var localFindings: [Int: LocalFindings] = [:]
  /// What each rule found, by its index in the registry (nil for a rule not run: disabled, or
  /// not for this kind of report), for the check after an edit of the report.
  var ruleOutcomes: [RuleOutcome?] = []
  /// What rules kept of their check (`RuleContext.memo`; moved, for a rule whose outcome was),
  /// by index in the registry, for the check after an edit of the report.
  package internal(set) var ruleMemos: [Int: any RuleMemo] = [:]

  /// A part's findings placed in the document: the lines their messages cite moved to the
  /// document's (the part starts at `line`), and those a suppression comment silences left out.
  /// Their ranges are kept counted from the part's start, so a part reused at the same line is
  /// placed by setting `start` alone; `findings` moves them into the document when asked.
  package struct Placement: Sendable {
    /// The part's first byte and 0-based first line in the document.
    package var start: Int
    package var line: Int
    /// Placed, in document order, less the silenced ones; ranges counted from `start`.
    package var relativeFindings: [Finding]
    /// The indices in `LintedPart.findings` of the ones a suppression comment silenced.
    package var silenced: [Int]

    /// The placed findings with their ranges in the document.
    /// - Complexity: O(findings).
    package var findings: [Finding] {
      start == 0 ? relativeFindings : relativeFindings.map { $0.moved(by: start) }
    }
  }

  /// The part without its model (its text and findings kept, so that it can still be reused).
  func droppingModel() -> LintedPart {
    var lean = self
    lean.report = Report(source: report.source)
    lean.readers = []
    lean.mentions = nil
    lean.localFindings = [:]
    lean.ruleOutcomes = []
    lean.ruleMemos = [:]
    return lean
  }

  /// True when this part was made from exactly the bytes of `range` in `source`.
  func matches(_ range: Range<Int>, in source: SourceText) -> Bool {
    let own = report.source.bytes
    return UTF8Text.hasSameBytes(own, in: 0..<own.count, as: source.bytes, in: range)
  }
}

/// What was checked and what could not be: tables recognised, checks run, checks skipped and why.
package struct Coverage: Sendable, Equatable {
  package var tablesRecognised: [String]
  package var checksRun: Int
  /// Lines counted from the document's start.
  package var skipped: [SkippedCheck]
}

/// How one of the nine standard tables of a report was read, for `check --statistics`.
package struct TableCoverage: Sendable, Equatable {
  package enum Status: String, Sendable, CaseIterable {
    case read = "已读取"
    case partlyRead = "部分读取"
    case unread = "未读取"
    case empty = "无数据"
    case missing = "未找到"
  }

  package var kind: Table.Kind
  /// The title as written, nil when the table is missing.
  package var title: String?
  /// The 0-based line of the title, counted from the report's start.
  package var line: Int?
  package var status: Status
  /// Why the table was not (fully) read, lines counted from the report's start.
  package var reason: Message?

  /// Each standard table of `report`: the first of its kind, or missing.
  package static func standardTables(of report: Report) -> [TableCoverage] {
    Table.Kind.standard.map { kind in
      guard let table = report.table(kind) else {
        return TableCoverage(kind: kind, title: nil, line: nil, status: .missing, reason: nil)
      }
      let line = report.source.line(ofUTF8Offset: table.titleRange.lowerBound)
      let status: Status
      switch table.reading.status {
      case .unread: status = .unread
      case .partlyRead: status = table.hasNoData ? .empty : .partlyRead
      case .read: status = table.hasNoData ? .empty : .read
      }
      return TableCoverage(
        kind: kind, title: table.title, line: line, status: status,
        reason: status == .read || status == .empty ? nil : table.reading.reason ?? table.damage.first)
    }
  }
}

/// What one rule found while a report was checked, offsets counted from the report's start.
struct RuleOutcome: Sendable {
  var findings: [Finding] = []
  var skipped: [SkippedCheck] = []
  var checksRun = 0
  /// For a rule checked in parts (`Rule.partElements`): where each part's findings and skipped
  /// checks end, and the checks it ran.
  private var partEnds: [(findings: Int, skipped: Int, checksRun: Int)] = []
  /// Whether any of it was checked now rather than taken from the check before an edit.
  private(set) var ran = false

  init() {}

  init(findings: [Finding], skipped: [SkippedCheck], checksRun: Int) {
    self.findings = findings
    self.skipped = skipped
    self.checksRun = checksRun
    ran = true
  }

  /// Appends the outcome of the next part (`asPart`: of a rule checked in parts).
  mutating func append(_ part: RuleOutcome, asPart: Bool) {
    findings += part.findings
    skipped += part.skipped
    checksRun += part.checksRun
    ran = ran || part.ran
    if asPart { partEnds.append((findings.count, skipped.count, part.checksRun)) }
  }

  /// The outcome of part `index` of a rule checked in `count` parts (the whole when one); nil when
  /// this outcome was not made in as many parts.
  func part(_ index: Int, of count: Int) -> RuleOutcome? {
    guard count > 1 else { return self }
    guard partEnds.count == count else { return nil }
    let start =
      index == 0
      ? (findings: 0, skipped: 0) : (findings: partEnds[index - 1].findings, skipped: partEnds[index - 1].skipped)
    var part = RuleOutcome()
    part.findings = Array(findings[start.findings..<partEnds[index].findings])
    part.skipped = Array(skipped[start.skipped..<partEnds[index].skipped])
    part.checksRun = partEnds[index].checksRun
    return part
  }

  /// The outcome of a check before `edit`, from bytes the edit left alone, with its findings
  /// where those bytes are now (not `ran`); nil when one of them touches the edit.
  func moved(across edit: EditedSpan) -> RuleOutcome? {
    var moved = self
    moved.ran = false
    for index in findings.indices {
      guard let finding = findings[index].moved(across: edit) else { return nil }
      moved.findings[index] = finding
    }
    return moved
  }
}
