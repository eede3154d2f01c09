import JuesuanCatalogue
import JuesuanModel

/// Every subject name written in the report (`SubjectMention.collect`), in document order.
package struct SubjectMentions: AnalysisView {
  /// The tables' rows (their name cells' own bytes) and the paragraphs.
  package static let elements: ReportElements? = [.tables, .paragraphs]

  /// The mentions, in document order.
  package let all: [SubjectMention]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    all = SubjectMention.collect(input.report)
  }
}

/// The catalogue's verdict on the name of each mention with a code, in the edition names are
/// judged in (`AnalysisInput.catalogueEdition`), by the mention's index in `SubjectMentions.all`
/// (nil for a mention without a code).
package struct SubjectVerdicts: AnalysisView {
  /// Only `SubjectMentions` and the catalogue.
  package static let elements: ReportElements? = []

  /// Built from the mentions.
  package static var reads: [any AnalysisView.Type] { [SubjectMentions.self] }

  /// The verdicts, by mention.
  package let verdicts: [SubjectCatalogue.NameVerdict?]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let catalogue = input.catalogue
    let year = input.catalogueEdition
    verdicts = cache.view(SubjectMentions.self).all.map { mention in
      mention.code.map { catalogue.judge(name: mention.name, code: $0, year: year) }
    }
  }

  /// The verdict on mention `index`.
  package subscript(index: Int) -> SubjectCatalogue.NameVerdict? { verdicts[index] }
}
