import JuesuanAnalysis
import JuesuanModel
import Synchronization

/// The order the rules of a report are checked in, on two threads that share the views the rules
/// read (`SharedViews`): each view is built once, by the first thread that asks for it.
///
/// The rules that read views come first, those reading the most views (with the views each is
/// built from) first: they tend to be the longest, and they build the views the others read. The
/// rules that read none come last, in registry order. One thread takes rules from the front, the
/// other from the back, until they meet: the second thread starts with rules that need no view
/// rather than waiting for the first to build one, and each thread's last rule is a short one, so
/// both finish at about the same time. The findings are put back in registry order, so the order
/// the rules ran in never shows.
package struct RuleSchedule: Sendable {
  /// Indices into the rules, in the order described above.
  package let order: [Int]
  /// By index into the rules: the kinds of element each reads, itself and through its views;
  /// nil for a rule that reads the text elsewhere too (`Rule.elements`).
  package let elements: [ReportElements?]
  /// By index into the rules: the kinds of element each part of its check reads (`Rule.partElements`);
  /// one part, reading `elements`, for a rule checked whole.
  package let parts: [[ReportElements?]]

  /// The schedule of `rules`.
  /// - Complexity: O(r · v + r log r) in the rules and the views they read.
  package init(_ rules: [any Rule.Type]) {
    let viewCounts = rules.map { AnalysisCache.closure(of: $0.reads).count }
    order = rules.indices.sorted { (viewCounts[$1], $0) < (viewCounts[$0], $1) }
    let elements = rules.map { rule -> ReportElements? in
      guard let own = rule.elements, let views = AnalysisCache.elements(readBy: rule.reads) else { return nil }
      return own.union(views)
    }
    self.elements = elements
    parts = rules.indices.map { index in
      rules[index].partElements.isEmpty ? [elements[index]] : rules[index].partElements
    }
  }

  /// Hands out the rules of a schedule, each once, from either end.
  package final class Queue: Sendable {
    /// The next position to take from the front (low 32 bits), and one past the next from the
    /// back (high 32 bits): one atomic word, changed by compare-and-exchange.
    private let ends: Atomic<Int>

    package init(count: Int) {
      ends = Atomic(count << 32)
    }

    /// The position in the schedule of a rule no thread has taken yet, from the front or the
    /// back; nil when all have been taken.
    package func take(fromFront: Bool) -> Int? {
      var current = ends.load(ordering: .relaxed)
      while true {
        let (front, back) = (current & 0xFFFF_FFFF, current >> 32)
        guard front < back else { return nil }
        let next = fromFront ? current + 1 : current - (1 << 32)
        let (exchanged, original) = ends.compareExchange(
          expected: current, desired: next, ordering: .acquiringAndReleasing)
        if exchanged { return fromFront ? front : back - 1 }
        current = original
      }
    }
  }
}
