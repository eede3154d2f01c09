/// Words grouped by their last glyph: `first(in:endingAt:)` answers what
/// `words.firstIndex { NarrativeBinder.ends(chars, end, with: $0) }` answers, comparing only the
/// words that end with the glyph before `end` (the backwards reading asks at every step).
struct SuffixIndex {
  private var byLast: [NarrativeBinder.Glyph: [Int]] = [:]
  private let words: [[NarrativeBinder.Glyph]]

  init(_ words: [[NarrativeBinder.Glyph]]) {
    self.words = words
    for (index, word) in words.enumerated() {
      guard let last = word.last else { continue }
      byLast[last, default: []].append(index)
    }
  }

  /// The index of the first word (in the order given) that `chars[..<end]` ends with.
  func first(in chars: [NarrativeBinder.Glyph], endingAt end: Int) -> Int? {
    guard end > 0, end <= chars.count, let candidates = byLast[chars[end - 1]] else { return nil }
    return candidates.first { NarrativeBinder.ends(chars, end, with: words[$0]) }
  }
}
