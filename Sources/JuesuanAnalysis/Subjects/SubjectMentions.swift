import JuesuanCatalogue
import JuesuanModel

/// Every subject name written in the report (`SubjectMention.collect`), in document order.
package struct SubjectMentions: AnalysisView {
  /// The tables' rows (their name cells' own bytes) and the paragraphs.
  package static let elements: ReportElements? = [.tables, .paragraphs]

  /// The mentions, in document order.
  package let all: [SubjectMention]
  /// By mention: its index in the earlier mentions it was moved from (`EarlierMentions`), nil
  /// for one read now.
  fileprivate let earlierIndices: [Int?]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    (all, earlierIndices) = SubjectMention.collect(input.report, reusing: input.earlierMentions)
  }

  /// How many of the mentions were moved from the earlier text rather than read.
  package var movedCount: Int { earlierIndices.count { $0 != nil } }
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
  /// The catalogue edition they were judged in.
  package let edition: Int?

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let catalogue = input.catalogue
    let year = input.catalogueEdition
    edition = year
    let mentions = cache.view(SubjectMentions.self)
    // A mention moved from the earlier text keeps its verdict, when it was judged in this edition.
    let earlier = input.earlierMentions.verdicts(inEdition: year)
    verdicts = zip(mentions.all, mentions.earlierIndices).map { mention, earlierIndex in
      if let earlier, let earlierIndex { return earlier[earlierIndex] }
      return mention.code.map { catalogue.judge(name: mention.name, code: $0, year: year) }
    }
  }

  /// The verdict on mention `index`.
  package subscript(index: Int) -> SubjectCatalogue.NameVerdict? { verdicts[index] }
}

/// The subject mentions of the earlier text of an edited report, with their verdicts and the
/// edit: those of a table or paragraph the edit did not touch are moved rather than read and
/// judged again (`SubjectMention.collect`).
package struct EarlierMentions: Sendable {
  /// The earlier report, whose tables and paragraphs the mentions were read from.
  fileprivate let report: Report?
  /// In document order, as `SubjectMentions.all` had them.
  fileprivate let mentions: [SubjectMention]
  /// By mention, and the edition they were judged in; nil when not judged.
  private let verdicts: [SubjectCatalogue.NameVerdict?]?
  private let edition: Int?
  fileprivate let edit: EditedSpan?

  /// None: every mention is read.
  package init() {
    report = nil
    mentions = []
    verdicts = nil
    edition = nil
    edit = nil
  }

  /// The mentions of `report` and their verdicts, if judged, before `edit` changed its text.
  package init(_ mentions: SubjectMentions, verdicts: SubjectVerdicts?, of report: Report, edit: EditedSpan) {
    self.report = report
    self.mentions = mentions.all
    self.verdicts = verdicts?.verdicts.count == mentions.all.count ? verdicts?.verdicts : nil
    edition = verdicts?.edition
    self.edit = edit
  }

  /// The verdicts, by earlier mention, when they were judged in `edition`.
  fileprivate func verdicts(inEdition edition: Int?) -> [SubjectCatalogue.NameVerdict?]? {
    self.edition == edition ? verdicts : nil
  }

  /// The earlier mentions of the element at `range` now (a table's rows, or a paragraph), moved,
  /// with their indices: when the earlier text had an element of the same kind at those bytes,
  /// away from the edit. `matches` tells the element's kind from an earlier one's.
  func moved(
    at range: Range<Int>, narrative: Bool, earlierElement matches: (Report, Range<Int>) -> Bool
  ) -> [(mention: SubjectMention, index: Int)]? {
    guard let report, let edit, let earlier = edit.earlier(range), matches(report, earlier) else { return nil }
    // The earlier mentions starting in the element, found by binary search.
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid].range.lowerBound < earlier.lowerBound { low = mid + 1 } else { high = mid }
    }
    var found: [(mention: SubjectMention, index: Int)] = []
    var index = low
    while index < mentions.count, mentions[index].range.lowerBound < earlier.upperBound {
      defer { index += 1 }
      var mention = mentions[index]
      // (A narrative mention inside a table's range is its paragraph's, and the reverse.)
      guard mention.isNarrative == narrative else { continue }
      // One reaching past the element: read the element again.
      guard mention.range.upperBound <= earlier.upperBound, let moved = edit.moved(mention.range) else { return nil }
      mention.range = moved
      found.append((mention, index))
    }
    return found
  }
}
