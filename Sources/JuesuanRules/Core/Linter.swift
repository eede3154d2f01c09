import JuesuanCatalogue
import JuesuanModel

/// What one lint run produced: the model, the findings (in document order) and the coverage.
package struct LintResult: Sendable {
  package var report: Report
  package var findings: [Finding]
  package var coverage: Coverage
}

/// What was checked and what could not be: tables recognised, checks run, checks skipped and why.
package struct Coverage: Sendable, Equatable {
  package var tablesRecognised: [String]
  package var checksRun: Int
  package var skipped: [String]
}

/// Parses a document and runs every enabled rule over it. A value: cheap to copy, safe to share.
package struct Linter: Sendable {
  package var configuration: Configuration
  package var catalogue: SubjectCatalogue
  /// Called with each rule's running time, for profiling (`juesuan check --profile`).
  package var ruleTimings: (@Sendable (String, Duration) -> Void)?

  package init(configuration: Configuration = Configuration(), catalogue: SubjectCatalogue = .bundled) {
    self.configuration = configuration
    self.catalogue = catalogue
  }

  /// Parses and checks `source`.
  /// - Complexity: O(n) in the document for parsing; rules are linear or n·log n.
  package func lint(_ source: SourceText) -> LintResult {
    lint(ReportParser.parse(source))
  }

  /// Checks an already parsed report.
  package func lint(_ parsed: Report) -> LintResult {
    var report = parsed
    if let year = configuration.reportYear { report.year = year }
    var context = RuleContext(report: report, configuration: configuration, catalogue: catalogue)
    for rule in RuleRegistry.all {
      let description = rule.description
      guard let severity = configuration.severity(of: description.code, default: description.defaultSeverity)
      else { continue }
      context.currentCode = description.code
      context.currentSeverity = severity
      if let timings = ruleTimings {
        let start = ContinuousClock.now
        rule.init().check(report, context: &context)
        timings(description.code, ContinuousClock.now - start)
      } else {
        rule.init().check(report, context: &context)
      }
    }
    let suppressions = Suppressions(source: report.source)
    var findings = context.findings.compactMap { finding -> Finding? in
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
    findings = findings.filter { !suppressions.suppresses($0, in: report.source) }
    findings.sort { ($0.range.lowerBound, $0.code) < ($1.range.lowerBound, $1.code) }
    findings = Self.removingDuplicates(findings)
    for index in findings.indices {
      findings[index].fixes.append(suppressions.ignoreFix(for: findings[index], in: report.source))
    }
    let coverage = Coverage(
      tablesRecognised: report.tables.map { "\($0.kind.rawValue) \($0.title)" },
      checksRun: context.checksRun, skipped: context.skipped)
    return LintResult(report: report, findings: findings, coverage: coverage)
  }

  private static func removingDuplicates(_ findings: [Finding]) -> [Finding] {
    var seen = Set<String>()
    return findings.filter { seen.insert("\($0.code)|\($0.range)|\($0.message)").inserted }
  }
}
