extension SubjectCatalogue {
  /// How a name written for a code compares with the catalogue.
  package enum NameVerdict: Sendable, Hashable {
    /// The official name in the report's edition (or a later one: then our edition span, not the report, is off).
    case official
    /// A name the code carried in an earlier edition; `current` is the name of the report's edition.
    case outdated(current: Entry, formerSpan: ClosedRange<Int>)
    /// A near miss of the official name: one or two characters off, or a word dropped or added.
    /// `difference` says what differs, in Chinese ("少了“缴”字", "“构”应为“购”").
    case closeVariant(official: Entry, difference: String)
    /// Some other name.
    case mismatch(official: Entry)
    /// The code is not in the catalogue.
    case unknownCode
  }

  /// Judges `name` written for `code` in a report of `year` (nil: the newest edition). Names are compared after
  /// `normalizedName(_:)`; nothing else is forgiven (a "支出" added or dropped is a variant, not the name).
  ///
  /// A written name that is another code's official name is a `mismatch`, not a `closeVariant`, however close
  /// (水费 for 电费 is the wrong line, not a typo).
  /// - Complexity: O(m·n) in the lengths of the two names.
  package func judge(name: String, code: String, year: Int?) -> NameVerdict {
    guard let official = entry(code: code, year: year) else { return .unknownCode }
    let written = Self.normalizedName(name)
    let expected = Self.normalizedName(official.name)
    if written == expected { return .official }
    for former in history(code: code) where former != official && Self.normalizedName(former.name) == written {
      if former.editions.upperBound < official.editions.lowerBound {
        return .outdated(current: official, formerSpan: former.editions)
      }
      return .official
    }
    let isOtherSubject = entries(named: written).contains {
      $0.code != code && $0.classification == official.classification
    }
    if !isOtherSubject, let difference = Self.closeDifference(written: written, official: expected) {
      return .closeVariant(official: official, difference: difference)
    }
    return .mismatch(official: official)
  }

  /// The difference between a written name and the official one when they are close, described in Chinese; nil
  /// when they are not close. Close means at most two single-character edits (and at most half the official
  /// name's characters), or one run of up to four characters dropped or added (less than half the name).
  static func closeDifference(written: String, official: String) -> String? {
    let lhs = Array(written)
    let rhs = Array(official)
    guard !lhs.isEmpty else { return nil }
    let runs = editRuns(from: lhs, to: rhs)
    let distance = runs.reduce(0) { $0 + max($1.written.count, $1.official.count) }
    let isSingleIndel = runs.count == 1 && (runs[0].written.isEmpty || runs[0].official.isEmpty)
    let isSmallEdit = (1...2).contains(distance) && distance * 2 <= rhs.count
    let isWordChange = isSingleIndel && distance <= 4 && distance * 2 < rhs.count
    guard isSmallEdit || isWordChange else { return nil }
    return runs.map(\.description).joined(separator: "，")
  }

  /// A maximal run of differing characters in an alignment of a written name with the official one.
  struct EditRun: Sendable, Hashable, CustomStringConvertible {
    var written: [Character]
    var official: [Character]

    /// "少了“工业”二字", "多了“支出”二字", "“招”应为“接”".
    var description: String {
      if written.isEmpty { return "少了“\(String(official))”\(Self.characterCount(official.count))" }
      if official.isEmpty { return "多了“\(String(written))”\(Self.characterCount(written.count))" }
      return "“\(String(written))”应为“\(String(official))”"
    }

    private static func characterCount(_ count: Int) -> String {
      let numerals = ["", "", "二", "三", "四", "五", "六", "七", "八", "九"]
      return count < numerals.count ? "\(numerals[count])字" : "\(count)个字"
    }
  }

  /// The differing runs of a minimal (Levenshtein) alignment of `lhs` (written) with `rhs` (official).
  /// - Complexity: O(m·n) time and space.
  static func editRuns(from lhs: [Character], to rhs: [Character]) -> [EditRun] {
    let rows = lhs.count + 1
    let columns = rhs.count + 1
    var cost = [Int](repeating: 0, count: rows * columns)
    for i in 0..<rows { cost[i * columns] = i }
    for j in 0..<columns { cost[j] = j }
    for i in 1..<rows {
      for j in 1..<columns {
        let substitution = cost[(i - 1) * columns + j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
        let deletion = cost[(i - 1) * columns + j] + 1
        let insertion = cost[i * columns + j - 1] + 1
        cost[i * columns + j] = min(substitution, deletion, insertion)
      }
    }
    // Walk back from the end, collecting differing characters into runs.
    var runs: [EditRun] = []
    var current = EditRun(written: [], official: [])
    func flush() {
      if !current.written.isEmpty || !current.official.isEmpty { runs.append(current) }
      current = EditRun(written: [], official: [])
    }
    var i = lhs.count
    var j = rhs.count
    while i > 0 || j > 0 {
      let here = cost[i * columns + j]
      if i > 0, j > 0, lhs[i - 1] == rhs[j - 1], here == cost[(i - 1) * columns + j - 1] {
        flush()
        i -= 1
        j -= 1
      } else if i > 0, j > 0, here == cost[(i - 1) * columns + j - 1] + 1 {
        current.written.insert(lhs[i - 1], at: 0)
        current.official.insert(rhs[j - 1], at: 0)
        i -= 1
        j -= 1
      } else if i > 0, here == cost[(i - 1) * columns + j] + 1 {
        current.written.insert(lhs[i - 1], at: 0)
        i -= 1
      } else {
        current.official.insert(rhs[j - 1], at: 0)
        j -= 1
      }
    }
    flush()
    return runs.reversed()
  }
}
