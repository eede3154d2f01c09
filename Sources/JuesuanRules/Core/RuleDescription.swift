import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// A rule's identity and documentation, with the examples that are also its tests.
package struct RuleDescription: Sendable {
  /// An example document. `⟦…⟧` marks the range each finding must underline; `fixed` is the text
  /// after applying the first fix of each finding (nil: no fix expected).
  package struct Example: Sendable {
    package var text: String
    package var fixed: String?
    /// The line in the rule's source file, so a failing example points at itself.
    package var line: UInt

    package init(_ text: String, fixed: String? = nil, line: UInt = #line) {
      self.text = text
      self.fixed = fixed
      self.line = line
    }
  }

  package var code: String
  /// One sentence in Chinese: what the rule demands.
  package var summary: String
  /// Why a reviewer cares, and what the rule does not check.
  package var rationale: String
  package var defaultSeverity: Severity
  package var nonTriggeringExamples: [Example]
  package var triggeringExamples: [Example]
  /// How an editor may show every finding of the rule besides its severity (LSP
  /// `DiagnosticTag`): text to delete faded, an outdated name struck through.
  package var tags: [Tag]
  /// The kinds of report the rule checks: every kind unless it checks what only a final account
  /// has (the self-evaluation tables of 绩效自评).
  package var kinds: Set<Report.Kind>

  /// The final accounts, 部门决算 and 单位决算.
  package static let finals: Set<Report.Kind> = [.departmentFinal, .unitFinal]

  /// LSP's `DiagnosticTag`, by its raw value.
  package enum Tag: Int, Sendable, Hashable {
    /// The text the finding covers is to be deleted (a repeated phrase or sentence).
    case unnecessary = 1
    /// The text is an outdated form (a former edition's subject name).
    case deprecated = 2
  }

  package init(
    code: String, summary: String, rationale: String, defaultSeverity: Severity,
    nonTriggeringExamples: [Example], triggeringExamples: [Example], tags: [Tag] = [],
    kinds: Set<Report.Kind> = Set(Report.Kind.allCases)
  ) {
    self.kinds = kinds
    self.code = code
    self.summary = summary
    self.rationale = rationale
    self.defaultSeverity = defaultSeverity
    self.nonTriggeringExamples = nonTriggeringExamples
    self.triggeringExamples = triggeringExamples
    self.tags = tags
  }

  /// "全部" when the rule checks every kind of report, else the kinds: "部门决算、单位决算".
  package var kindSummary: String { kinds.count == Report.Kind.allCases.count ? "全部" : kindNames }

  /// The kinds it applies to, in their usual order, for documentation: "部门决算、单位决算".
  package var kindNames: String {
    Report.Kind.allCases.filter { kinds.contains($0) }.map(\.rawValue).joined(separator: "、")
  }

  /// The rule's category, the part of the code before the slash ("sum").
  package var category: Substring { code.split(separator: "/").first ?? Substring(code) }
}

/// A check over the report model. One rule per file; registered in `RuleRegistry`.
package protocol Rule: Sendable {
  static var description: RuleDescription { get }
  /// The views of the report the rule reads (`RuleContext.view(_:)`): rules that read a view in
  /// common run one after the other on one thread, which builds it once.
  static var reads: [any AnalysisView.Type] { get }
  /// The kinds of element of the report the rule reads, besides its views (`ReportElements`):
  /// after an edit that left them and its views' as they were, its earlier findings are moved
  /// rather than found again. Nil (the default) when the rule reads the text elsewhere too.
  static var elements: ReportElements? { get }
  /// A rule whose check falls into parts that read fewer elements than the whole: by part, the
  /// kinds of element it reads, its views' included. Each part is then taken from the check before
  /// an edit on its own. Empty (the default) for a rule checked whole.
  static var partElements: [ReportElements] { get }
  init()
  func check(_ report: Report, context: inout RuleContext)
  /// Part `part` of the check (`partElements`): the parts one after the other are the whole
  /// `check(_:context:)`, in the same order.
  func check(part: Int, _ report: Report, context: inout RuleContext)
  /// Checks `report`; a `LocalRule` takes what it found on the lines or paragraphs `earlier`
  /// shows unchanged from the earlier check and, when `recording`, returns what it found on each
  /// (other rules return nil).
  static func check(
    _ report: Report, reusing earlier: LocalFindings.Earlier?, recording: Bool, context: inout RuleContext
  ) -> LocalFindings?
}

extension Rule {
  /// No view: the rule reads the report alone.
  package static var reads: [any AnalysisView.Type] { [] }
  /// Not declared: the rule may read any of the text, and runs after every edit of its report.
  package static var elements: ReportElements? { nil }
  /// Checked whole.
  package static var partElements: [ReportElements] { [] }

  /// A rule checked whole has one part.
  package func check(part: Int, _ report: Report, context: inout RuleContext) {
    check(report, context: &context)
  }

  /// Part `part` of the check, by a rule of this type.
  static func check(part: Int, _ report: Report, context: inout RuleContext) {
    Self().check(part: part, report, context: &context)
  }

  /// The whole check: the rule is not local.
  package static func check(
    _ report: Report, reusing earlier: LocalFindings.Earlier?, recording: Bool, context: inout RuleContext
  ) -> LocalFindings? {
    Self().check(report, context: &context)
    return nil
  }
}

/// What a rule keeps of its check of a report, for the check after the next edit
/// (`RuleContext.memo`).
package protocol RuleMemo: Sendable {
  /// The memo of the same check, its report's text changed by `edit` away from what the rule
  /// read (its outcome was moved, not found again): what it holds moved; nil when some of it
  /// touches the edit.
  func moved(across edit: EditedSpan) -> Self?
}

/// The check of a report before an edit, as the running rule may take from it: a rule that keeps
/// what it worked out (`RuleContext.memo`) takes back what the edit did not change.
package struct EarlierCheck: Sendable {
  /// The report as it was, the edit that made the report now of it, and the kinds of element the
  /// edit left as they were (`Report.elementsUnchanged`: none when it changed what every check
  /// reads).
  package let report: Report
  package let edit: EditedSpan
  package let elementsKept: ReportElements
  /// What the running rule kept of that check; nil when it kept nothing.
  package let memo: (any RuleMemo)?

  /// The same check, with what another rule kept of it.
  func keeping(_ memo: (any RuleMemo)?) -> EarlierCheck {
    EarlierCheck(report: report, edit: edit, elementsKept: elementsKept, memo: memo)
  }
}

/// What a rule reads besides the report, and where it puts its findings.
package struct RuleContext {
  package let report: Report
  package let configuration: Configuration
  package let catalogue: SubjectCatalogue
  /// The check of the report before an edit, for the running rule (set by `Linter`).
  package internal(set) var earlier: EarlierCheck?
  /// What the running rule keeps of this check, for the check after the next edit (read by
  /// `Linter`, with `earlier`'s).
  package var memo: (any RuleMemo)?
  package private(set) var findings: [Finding] = []
  /// Checks that could not run, and why (the coverage summary).
  package private(set) var skipped: [SkippedCheck] = []
  /// Checks that ran.
  package private(set) var checksRun = 0
  package var currentCode = ""
  package var currentSeverity = Severity.error
  /// The rule running, whose declared views (`Rule.reads`) are the ones it may ask for.
  private var currentRule: (any Rule.Type)?
  /// The views of the report built so far in this context.
  package private(set) var analysis: AnalysisCache

  package init(
    report: Report, configuration: Configuration, catalogue: SubjectCatalogue,
    earlierReaders: EarlierReaders = EarlierReaders(), earlierMentions: EarlierMentions = EarlierMentions(),
    sharing shared: SharedViews? = nil
  ) {
    self.report = report
    self.configuration = configuration
    self.catalogue = catalogue
    analysis = AnalysisCache(
      AnalysisInput(
        report: report, catalogue: catalogue, catalogueEdition: configuration.catalogueEdition ?? report.year,
        earlierReaders: earlierReaders, earlierMentions: earlierMentions),
      sharing: shared)
  }

  /// The catalogue edition names are judged in: the configured one, else the report year.
  package var catalogueEdition: Int? { analysis.input.catalogueEdition }

  /// Makes `rule` the running rule: what it reports gets its code and `severity`.
  package mutating func start(_ rule: any Rule.Type, severity: Severity) {
    currentRule = rule
    currentCode = rule.description.code
    currentSeverity = severity
  }

  /// The view of the report of type `View`, built once per check by the first rule that asks.
  /// The running rule must declare it (`Rule.reads`): the rules that share a view are scheduled
  /// together by what they declare, and the tests run in debug builds, which check.
  package mutating func view<View: AnalysisView>(_ type: View.Type) -> View {
    assert(isDeclared(type), "\(currentCode) reads \(type) without declaring it in `reads`")
    return analysis.view(type)
  }

  /// Whether the running rule declares `view` (or a view built from it); true when no rule runs.
  private func isDeclared(_ view: any AnalysisView.Type) -> Bool {
    guard let currentRule else { return true }
    return AnalysisCache.closure(of: currentRule.reads).contains { ObjectIdentifier($0) == ObjectIdentifier(view) }
  }

  /// Records a finding under the current rule's code and configured severity (or `severity`,
  /// when the rule deliberately says less than its default, e.g. for an ambiguous case); `hint`
  /// is the figure an editor shows beside it ("Σ 1,234.56").
  package mutating func report(
    _ range: Range<Int>, _ message: Message, severity: Severity? = nil, related: [Finding.Related] = [],
    fixes: [Fix] = [], hint: String? = nil
  ) {
    var level = severity ?? currentSeverity
    if severity != nil, currentSeverity > level { level = currentSeverity }
    findings.append(
      Finding(
        code: currentCode, severity: level, range: range, message: message, related: related, fixes: fixes,
        hint: hint))
  }

  /// Counts a check that ran (for coverage).
  package mutating func ran(_ count: Int = 1) { checksRun += count }

  /// Records what an earlier check of the same text found, as it found it (a `LocalRule`'s unit
  /// that an edit did not touch).
  mutating func adopt(_ found: [Finding], skipped skips: [SkippedCheck], checksRun checks: Int) {
    findings += found
    skipped += skips
    checksRun += checks
  }

  /// Where the findings, skipped checks and checks run stand (`outcome(since:)`).
  struct Mark {
    let findings: Int
    let skipped: Int
    let checksRun: Int
  }

  var mark: Mark { Mark(findings: findings.count, skipped: skipped.count, checksRun: checksRun) }

  /// What was found, skipped and checked since `mark`.
  func outcome(since mark: Mark) -> RuleOutcome {
    RuleOutcome(
      findings: Array(findings[mark.findings...]), skipped: Array(skipped[mark.skipped...]),
      checksRun: checksRun - mark.checksRun)
  }

  /// Counts a check that could not run, with the reason.
  package mutating func skip(_ reason: Message) { skipped.append(SkippedCheck(code: currentCode, reason: reason)) }
}
