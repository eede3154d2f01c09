import JuesuanCatalogue
import JuesuanModel

/// A view of a report that several rules read — its subject mentions, the readers of its
/// paragraphs — built once per check by the first rule that asks (`AnalysisCache.view(_:)`),
/// from the report and what `AnalysisInput` adds.
package protocol AnalysisView: Sendable {
  /// The views this one is built from: a rule that reads this view reads those too.
  static var reads: [any AnalysisView.Type] { get }

  /// The view of `input`; `cache` gives the views it is built from.
  init(_ input: AnalysisInput, cache: inout AnalysisCache)
}

extension AnalysisView {
  /// Built from the report alone.
  package static var reads: [any AnalysisView.Type] { [] }
}

/// What views are built from: the report as checked, and what else decides what they read.
package struct AnalysisInput: Sendable {
  /// The report, its year the configured one when set.
  package var report: Report
  /// The catalogue names are judged against (with a user catalogue's entries).
  package var catalogue: SubjectCatalogue
  /// The catalogue edition names are judged in: the configured one, else the report year.
  package var catalogueEdition: Int?
  /// The narrative readers of the report's text before an edit, moved rather than read again.
  package var earlierReaders: EarlierReaders

  package init(
    report: Report, catalogue: SubjectCatalogue, catalogueEdition: Int?,
    earlierReaders: EarlierReaders = EarlierReaders()
  ) {
    self.report = report
    self.catalogue = catalogue
    self.catalogueEdition = catalogueEdition
    self.earlierReaders = earlierReaders
  }
}

/// The views of one report built so far, each under its type.
package struct AnalysisCache {
  /// What the views are built from.
  package let input: AnalysisInput
  private var views: [ObjectIdentifier: any AnalysisView] = [:]

  package init(_ input: AnalysisInput) {
    self.input = input
  }

  /// The view of type `View`, built the first time it is asked for.
  package mutating func view<View: AnalysisView>(_ type: View.Type) -> View {
    if let view = builtView(type) { return view }
    let view = View(input, cache: &self)
    views[ObjectIdentifier(type)] = view
    return view
  }

  /// The view of type `View` if it was built, nil when nobody asked for it.
  package func builtView<View: AnalysisView>(_ type: View.Type) -> View? {
    views[ObjectIdentifier(type)] as? View
  }

  /// `views` and every view they are built from, transitively.
  package static func closure(of views: [any AnalysisView.Type]) -> [any AnalysisView.Type] {
    var result: [any AnalysisView.Type] = []
    var seen = Set<ObjectIdentifier>()
    var pending = views
    while let view = pending.popLast() {
      guard seen.insert(ObjectIdentifier(view)).inserted else { continue }
      result.append(view)
      pending += view.reads
    }
    return result
  }
}
