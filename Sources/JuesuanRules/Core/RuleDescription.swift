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

  /// LSP's `DiagnosticTag`, by its raw value.
  package enum Tag: Int, Sendable, Hashable {
    /// The text the finding covers is to be deleted (a repeated phrase or sentence).
    case unnecessary = 1
    /// The text is an outdated form (a former edition's subject name).
    case deprecated = 2
  }

  package init(
    code: String, summary: String, rationale: String, defaultSeverity: Severity,
    nonTriggeringExamples: [Example], triggeringExamples: [Example], tags: [Tag] = []
  ) {
    self.code = code
    self.summary = summary
    self.rationale = rationale
    self.defaultSeverity = defaultSeverity
    self.nonTriggeringExamples = nonTriggeringExamples
    self.triggeringExamples = triggeringExamples
    self.tags = tags
  }

  /// The rule's category, the part of the code before the slash ("sum").
  package var category: Substring { code.split(separator: "/").first ?? Substring(code) }
}

/// A check over the report model. One rule per file; registered in `RuleRegistry`.
package protocol Rule: Sendable {
  static var description: RuleDescription { get }
  init()
  func check(_ report: Report, context: inout RuleContext)
}

/// What a rule reads besides the report, and where it puts its findings.
package struct RuleContext {
  package let report: Report
  package let configuration: Configuration
  package let catalogue: SubjectCatalogue
  package private(set) var findings: [Finding] = []
  /// Checks that could not run, and why (the coverage summary).
  package private(set) var skipped: [String] = []
  /// Checks that ran.
  package private(set) var checksRun = 0
  package var currentCode = ""
  package var currentSeverity = Severity.error
  /// Views of the report that several rules read (subject mentions, narrative readers…),
  /// computed once per lint run; see `memoized(_:_:)`.
  private var memo: [String: Any] = [:]
  /// The narrative readers of the report's text before an edit (`narrativeReader(_:year:)`).
  var earlierReaders = EarlierReaders()
  /// The narrative readers built or reused in this run, by paragraph start and year.
  var narrativeReaderCache: [NarrativeReaderKey: NarrativeReader] = [:]

  package init(report: Report, configuration: Configuration, catalogue: SubjectCatalogue) {
    self.report = report
    self.configuration = configuration
    self.catalogue = catalogue
  }

  /// Every narrative reader this context built or reused.
  var narrativeReaders: [NarrativeReader] { Array(narrativeReaderCache.values) }

  /// Records a finding under the current rule's code and configured severity (or `severity`,
  /// when the rule deliberately says less than its default, e.g. for an ambiguous case); `hint`
  /// is the figure an editor shows beside it ("Σ 1,234.56").
  package mutating func report(
    _ range: Range<Int>, _ message: String, severity: Severity? = nil, related: [Finding.Related] = [],
    fixes: [Fix] = [], hint: String? = nil
  ) {
    var level = severity ?? currentSeverity
    if severity != nil, currentSeverity > level { level = currentSeverity }
    findings.append(
      Finding(
        code: currentCode, severity: level, range: range, message: message, related: related, fixes: fixes,
        hint: hint))
  }

  /// The value stored under `key`, computed by `make` the first time it is asked for. Keys are
  /// type names plus whatever distinguishes instances ("ExplainEmptyTableRule.section.05").
  package mutating func memoized<Value>(_ key: String, _ make: () -> Value) -> Value {
    if let value = memo[key] as? Value { return value }
    let value = make()
    memo[key] = value
    return value
  }

  /// Counts a check that ran (for coverage).
  package mutating func ran(_ count: Int = 1) { checksRun += count }

  /// Counts a check that could not run, with the reason.
  package mutating func skip(_ reason: String) { skipped.append("\(currentCode): \(reason)") }
}
