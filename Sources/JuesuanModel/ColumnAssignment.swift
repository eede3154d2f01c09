/// Places figures in a table's columns by where they sit: each figure to a column, one to one and
/// left to right, at the least total distance between their middles.
enum ColumnAssignment {
  /// The target index of each item, allowing for the figures to sit off their titles by the same
  /// amount throughout (right-aligned figures under centred titles do): the assignment of least
  /// cost over every such shift up to `maximumShift` either way (the smallest shift on a tie).
  /// - Complexity: O(shifts × items × targets).
  static func assign(_ items: [Int], to targets: [Int], maximumShift: Int) -> [Int]? {
    guard items.count < targets.count, !items.isEmpty else { return assign(items, to: targets) }
    var best: (cost: Int, shift: Int, result: [Int])?
    for shift in -maximumShift...maximumShift {
      let shifted = targets.map { $0 + shift }
      guard let result = assign(items, to: shifted) else { continue }
      let cost = zip(items, result).reduce(0) { $0 + abs($1.0 - shifted[$1.1]) }
      if best == nil || cost < best?.cost ?? 0 || cost == best?.cost && abs(shift) < abs(best?.shift ?? 0) {
        best = (cost, shift, result)
      }
    }
    return best?.result
  }

  /// The target index of each item. `items` and `targets` are (doubled) middles, ascending; nil
  /// when there are more items than targets.
  /// - Complexity: O(items × targets).
  static func assign(_ items: [Int], to targets: [Int]) -> [Int]? {
    let m = items.count
    let n = targets.count
    guard m <= n else { return nil }
    guard m > 0 else { return [] }
    if m == n { return Array(0..<n) }
    // cost[i][j]: the least cost of placing items[..<i] among targets[..<j].
    let unreachable = Int.max / 4
    var cost = [[Int]](repeating: [Int](repeating: unreachable, count: n + 1), count: m + 1)
    for j in 0...n { cost[0][j] = 0 }
    for i in 1...m {
      for j in i...n {
        let skip = cost[i][j - 1]
        let take = cost[i - 1][j - 1] + abs(items[i - 1] - targets[j - 1])
        cost[i][j] = min(skip, take)
      }
    }
    // Back from the end: where each item was taken.
    var result = [Int](repeating: 0, count: m)
    var i = m
    var j = n
    while i > 0 {
      if j > i, cost[i][j] == cost[i][j - 1] {
        j -= 1
      } else {
        result[i - 1] = j - 1
        i -= 1
        j -= 1
      }
    }
    return result
  }

  /// Groups spans that overlap (directly or through others) into columns, left to right; nil
  /// when a column would hold two spans of one line (`lines[i]` the line of `spans[i]`), which
  /// means the spans do not line up.
  /// - Complexity: O(n log n).
  static func clusters(_ spans: [Range<Int>], lines: [Int]) -> [[Int]]? {
    let order = spans.indices.sorted { spans[$0].lowerBound < spans[$1].lowerBound }
    var clusters: [[Int]] = []
    var end = Int.min
    for index in order {
      if clusters.isEmpty || spans[index].lowerBound >= end {
        clusters.append([index])
        end = spans[index].upperBound
      } else {
        clusters[clusters.count - 1].append(index)
        end = max(end, spans[index].upperBound)
      }
    }
    for cluster in clusters where Set(cluster.map { lines[$0] }).count != cluster.count { return nil }
    return clusters
  }
}
