import JuesuanAnalysis
import Synchronization

/// The order the rules of a report are checked in, on two threads: rules that read a view in
/// common (`Rule.reads`, with the views each is built from) form one group, checked in registry
/// order on one thread with one `AnalysisCache`, so that every view is built once and no cache is
/// shared between threads. Each thread takes the next group not yet taken: the groups of several
/// rules first, the largest first (they tend to be the longest), then the rules that share nothing,
/// in registry order. The findings are put back in registry order, so the order the groups ran in
/// never shows.
package struct RuleSchedule: Sendable {
  /// Indices into the rules, one array per group.
  package let groups: [[Int]]

  /// The schedule of `rules`.
  /// - Complexity: O(r · v) in the rules and the views they read.
  package init(_ rules: [any Rule.Type]) {
    // Union-find over the rules: two rules reading one view are joined.
    var parent = Array(rules.indices)
    func root(_ index: Int) -> Int {
      var index = index
      while parent[index] != index {
        parent[index] = parent[parent[index]]
        index = parent[index]
      }
      return index
    }
    var reader: [ObjectIdentifier: Int] = [:]
    for (index, rule) in rules.enumerated() {
      for view in AnalysisCache.closure(of: rule.reads) {
        let key = ObjectIdentifier(view)
        if let other = reader[key] { parent[root(index)] = root(other) } else { reader[key] = index }
      }
    }
    var byRoot: [Int: [Int]] = [:]
    for index in rules.indices { byRoot[root(index), default: []].append(index) }
    groups = byRoot.values.sorted { lhs, rhs in
      let shared = (lhs.count > 1, rhs.count > 1)
      if shared.0 != shared.1 { return shared.0 }
      if shared.0, lhs.count != rhs.count { return lhs.count > rhs.count }
      return lhs[0] < rhs[0]
    }
  }

  /// Hands out the groups, each once, to the threads that ask.
  final class Queue: Sendable {
    private let next = Atomic<Int>(0)

    /// The index of a group no thread has taken yet, nil when all have been.
    func take(of count: Int) -> Int? {
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      return index < count ? index : nil
    }
  }
}
