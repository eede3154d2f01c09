import Foundation
import JuesuanCatalogue
import JuesuanModel

/// A view of a report that several rules read — its subject mentions, the readers of its
/// paragraphs — built once per check by the first rule that asks (`AnalysisCache.view(_:)`),
/// from the report and what `AnalysisInput` adds.
package protocol AnalysisView: Sendable {
  /// The views this one is built from: a rule that reads this view reads those too.
  static var reads: [any AnalysisView.Type] { get }

  /// The kinds of element of the report the view is read from, besides the views it is built
  /// from (`ReportElements`); nil when it reads the text elsewhere too.
  static var elements: ReportElements? { get }

  /// The view of `input`; `cache` gives the views it is built from.
  init(_ input: AnalysisInput, cache: inout AnalysisCache)
}

extension AnalysisView {
  /// Built from the report alone.
  package static var reads: [any AnalysisView.Type] { [] }
  /// Not declared: the view may read any of the text.
  package static var elements: ReportElements? { nil }
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
  /// The subject mentions of the report's text before an edit, moved rather than read again.
  package var earlierMentions: EarlierMentions

  package init(
    report: Report, catalogue: SubjectCatalogue, catalogueEdition: Int?,
    earlierReaders: EarlierReaders = EarlierReaders(), earlierMentions: EarlierMentions = EarlierMentions()
  ) {
    self.report = report
    self.catalogue = catalogue
    self.catalogueEdition = catalogueEdition
    self.earlierReaders = earlierReaders
    self.earlierMentions = earlierMentions
  }
}

/// The views of one report built so far, each under its type.
package struct AnalysisCache {
  /// What the views are built from.
  package let input: AnalysisInput
  private var views: [ObjectIdentifier: any AnalysisView] = [:]
  /// The views of the same report that other caches (other threads) build and read too.
  private let shared: SharedViews?

  /// A cache of its own, or one that builds and reads its views in `shared`, with the other
  /// caches of the same input.
  package init(_ input: AnalysisInput, sharing shared: SharedViews? = nil) {
    self.input = input
    self.shared = shared
  }

  /// The view of type `View`, built the first time it is asked for (in this cache, or in the
  /// shared views by whichever cache asks first).
  package mutating func view<View: AnalysisView>(_ type: View.Type) -> View {
    if let view = builtView(type) { return view }
    let view: View
    if let shared {
      view = shared.view(type) { View(input, cache: &self) }
    } else {
      view = View(input, cache: &self)
    }
    views[ObjectIdentifier(type)] = view
    return view
  }

  /// The view of type `View` if it was built, nil when nobody asked for it.
  package func builtView<View: AnalysisView>(_ type: View.Type) -> View? {
    views[ObjectIdentifier(type)] as? View
  }

  /// The kinds of element `views` and the views they are built from read; nil when one of them
  /// reads the text elsewhere too (or declares nothing).
  package static func elements(readBy views: [any AnalysisView.Type]) -> ReportElements? {
    var union: ReportElements = []
    for view in closure(of: views) {
      guard let elements = view.elements else { return nil }
      union.formUnion(elements)
    }
    return union
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

/// The views of one report shared by the caches of several threads: each is built once, by the
/// first thread that asks for it; a thread that asks for one another thread is building waits for
/// it. (Views are built from the views they read, which never read them back: no two threads wait
/// for each other.)
package final class SharedViews: @unchecked Sendable {
  /// Guards `built` and `building`; signalled when a view is built.
  private let condition = NSCondition()
  private var built: [ObjectIdentifier: any AnalysisView] = [:]
  private var building: Set<ObjectIdentifier> = []

  package init() {}

  /// The view of type `View`: built by `build` on this thread when no thread has built it or is
  /// building it, else the one built, waited for if need be.
  func view<View: AnalysisView>(_ type: View.Type, build: () -> View) -> View {
    let key = ObjectIdentifier(type)
    condition.lock()
    while building.contains(key) { condition.wait() }
    if let view = built[key] as? View {
      condition.unlock()
      return view
    }
    building.insert(key)
    condition.unlock()
    let view = build()
    condition.lock()
    built[key] = view
    building.remove(key)
    condition.broadcast()
    condition.unlock()
    return view
  }

  /// The view of type `View` if a thread has built it.
  package func builtView<View: AnalysisView>(_ type: View.Type) -> View? {
    condition.lock()
    defer { condition.unlock() }
    return built[ObjectIdentifier(type)] as? View
  }
}
