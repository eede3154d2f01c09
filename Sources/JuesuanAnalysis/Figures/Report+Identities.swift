import JuesuanModel

extension Report {
  /// The identities of the tables whose total cell contains `offset` (or ends at it), for hover:
  /// a cell may total both its column and its row. Tables not around `offset` are not read.
  /// - Complexity: O(r²) in the rows of the table around `offset` (the code hierarchy's look-up).
  package func identities(totallingAt offset: Int) -> [TableIdentity] {
    var found: [TableIdentity] = []
    for table in tables where table.range.contains(offset) || table.range.upperBound == offset {
      let all = table.identities
      found += all.filter { comparison in
        let range = comparison.total.range
        return !comparison.total.text.isEmpty && (range.contains(offset) || range.upperBound == offset)
      }
    }
    return found
  }
}
