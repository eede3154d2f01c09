import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

extension RuleContext {
  /// The reader of `paragraph`, built once per lint run and shared by every rule that asks (or
  /// moved from the lint before an edit, when it read the same paragraph).
  mutating func narrativeReader(_ paragraph: Paragraph, year: Int?) -> NarrativeReader {
    let key = NarrativeReaderKey(offset: paragraph.range.lowerBound, year: year)
    if let reader = narrativeReaderCache[key] { return reader }
    let reader =
      NarrativeReader.reusing(earlierReaders, for: paragraph, year: year) ?? NarrativeReader(paragraph, year: year)
    narrativeReaderCache[key] = reader
    return reader
  }
}

extension SubjectMention {
  /// The edition to compare names against: the configured one, else the report year.
  static func edition(_ report: Report, _ context: RuleContext) -> Int? {
    context.configuration.catalogueEdition ?? report.year
  }

  /// `collect(report)`, read once per lint run for the subject rules.
  static func mentions(_ report: Report, context: inout RuleContext) -> [SubjectMention] {
    context.memoized("SubjectMention.collect") { collect(report) }
  }

  /// The catalogue's verdict on each mention's name in the edition of `year` (nil for a mention
  /// without a code), by the mention's index in `mentions(_:context:)`; judged once per lint run.
  static func verdicts(_ report: Report, year: Int?, context: inout RuleContext) -> [SubjectCatalogue.NameVerdict?] {
    let mentions = mentions(report, context: &context)
    let catalogue = context.catalogue
    return context.memoized("SubjectMention.verdicts.\(year.map(String.init) ?? "current")") {
      mentions.map { mention in mention.code.map { catalogue.judge(name: mention.name, code: $0, year: year) } }
    }
  }
}

extension ReasonReader {
  /// The reasons of every paragraph of the report (`reasons(in:)`, by paragraph index), read once
  /// per lint run for the rules that ask.
  static func reasons(of report: Report, context: inout RuleContext) -> [[Reason]] {
    context.memoized("ReasonReader.reasons") { report.paragraphs.map { reasons(in: $0) } }
  }
}

extension EvaluationProse {
  /// `proseLines` of each self-evaluation of the report (by its index in
  /// `report.selfEvaluations`), read once per lint run for the rules that ask.
  static func paragraphs(_ report: Report, context: inout RuleContext) -> [[Paragraph]] {
    context.memoized("PerfSupport.proseLines") {
      report.selfEvaluations.map { proseLines($0, source: report.source) }
    }
  }
}
