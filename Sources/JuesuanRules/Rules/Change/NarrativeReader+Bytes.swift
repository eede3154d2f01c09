import JuesuanModel

// The byte helpers of the narrative reader: words, numbers and sentences at UTF-8 offsets of the
// paragraph, and the direction words.
extension NarrativeReader {

  /// Whether `word` is written at `offset`.
  package func has(_ word: String, at offset: Int) -> Bool { Self.has(word, at: offset, in: bytes) }

  /// Whether `word` is written at `offset` of `bytes`.
  static func has(_ word: String, at offset: Int, in bytes: [UInt8]) -> Bool {
    guard offset >= 0 else { return false }
    var index = offset
    for byte in word.utf8 {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
    }
    return true
  }

  /// Offsets of every occurrence of `word` in `range` (default: the whole paragraph).
  package func occurrences(of word: String, in range: Range<Int>? = nil) -> [Int] {
    Self.occurrences(of: Array(word.utf8), in: bytes, range: range ?? 0..<bytes.count)
  }

  /// Offsets of every occurrence of `pattern` in `range` of `bytes`, each after the last.
  /// - Complexity: O(n) in the range (a byte search).
  static func occurrences(of pattern: [UInt8], in bytes: [UInt8], range: Range<Int>) -> [Int] {
    var result: [Int] = []
    var index = range.lowerBound
    while let found = bytes.firstOffset(of: pattern, from: index, before: range.upperBound) {
      result.append(found)
      index = found + pattern.count
    }
    return result
  }

  /// Skips ASCII and ideographic spaces forward.
  package func skippingSpaces(from offset: Int) -> Int { Self.skippingSpaces(in: bytes, from: offset) }

  /// Skips ASCII and ideographic spaces of `bytes` forward from `offset`.
  static func skippingSpaces(in bytes: [UInt8], from offset: Int) -> Int {
    var index = offset
    while index < bytes.count {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if index + 2 < bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
        index += 3  // U+3000
      } else {
        break
      }
    }
    return index
  }

  /// Skips ASCII spaces backward from `offset` (exclusive end).
  package func skippingSpacesBackward(from offset: Int) -> Int {
    var index = offset
    while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
    return index
  }

  /// The number that starts at `offset`, if any.
  package func number(startingAt offset: Int) -> Paragraph.Number? {
    paragraph.numbers.first { $0.textRange.lowerBound == offset }
  }

  /// The number ending right before `offset` (spaces allowed), if any.
  package func number(endingBefore offset: Int) -> Paragraph.Number? {
    let end = skippingSpacesBackward(from: offset)
    return paragraph.numbers.first { $0.textRange.upperBound == end }
  }

  /// Range of the digits of a number (without its unit), for edits that replace the value only.
  package func digitsRange(of number: Paragraph.Number) -> Range<Int> {
    var end = number.textRange.lowerBound
    while end < number.textRange.upperBound,
      (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E || bytes[end] == 0x2C || bytes[end] == 0x2D
    {
      end += 1
    }
    return number.textRange.lowerBound..<end
  }

  /// The sentences of `bytes`, split after 。！？ and at the end (not at ；).
  /// - Complexity: O(n) in the paragraph's length.
  static func sentences(of bytes: [UInt8]) -> [Range<Int>] { Paragraph.sentences(of: bytes, endingAtSemicolons: false) }

  /// - Complexity: O(log sentences): the sentences are sorted and disjoint.
  func sentence(containing offset: Int) -> Range<Int> {
    var low = 0
    var high = sentences.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let sentence = sentences[mid]
      if sentence.contains(offset) { return sentence }
      if offset < sentence.lowerBound { high = mid - 1 } else { low = mid + 1 }
    }
    return 0..<bytes.count
  }

  /// The direction words as bytes, with their direction (built once).
  private static let directionPatterns: [(bytes: [UInt8], text: String, isIncrease: Bool)] =
    increaseWords.map { (Array($0.utf8), $0, true) } + decreaseWords.map { (Array($0.utf8), $0, false) }
  private static let residueWords: Set<String> = Set(increaseWords + decreaseWords)
  private static let openFull: [UInt8] = Array("（".utf8)
  private static let closeFull: [UInt8] = Array("）".utf8)

  /// Whether the three bytes spell the first character of a direction word: 增 (E5 A2 9E),
  /// 减 (E5 87 8F), 上 (E4 B8 8A), 下 (E4 B8 8B) or 降 (E9 99 8D).
  @inline(__always)
  private static func isDirectionLead(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    switch (lead, second) {
    case (0xE5, 0xA2): third == 0x9E
    case (0xE5, 0x87): third == 0x8F
    case (0xE4, 0xB8): third == 0x8A || third == 0x8B
    case (0xE9, 0x99): third == 0x8D
    default: false
    }
  }

  /// The first offset at or after `offset` where a direction word's first character is written
  /// (`bytes.count` when there is none): where `directionWord(at:)` can answer.
  /// - Complexity: O(n) in the bytes skipped.
  func nextDirectionCandidate(from offset: Int) -> Int {
    bytes.withUnsafeBufferPointer { bytes in
      var index = max(0, offset)
      while index + 2 < bytes.count {
        if Self.isDirectionLead(bytes[index], bytes[index + 1], bytes[index + 2]) { return index }
        index += UTF8Scalars.length(ofLead: bytes[index])
      }
      return bytes.count
    }
  }

  /// A direction word at `offset`, with a template alternative "（减少）" right after it.
  /// - Complexity: O(1): a few byte comparisons, no allocation unless a word is found.
  func directionWord(at offset: Int) -> Word? {
    guard offset >= 0, offset + 3 <= bytes.count,
      Self.isDirectionLead(bytes[offset], bytes[offset + 1], bytes[offset + 2])
    else {
      return nil
    }
    for pattern in Self.directionPatterns where matches(pattern.bytes, at: offset) {
      let end = offset + pattern.bytes.count
      var residue: Range<Int>?
      let openLength = matches(Self.openFull, at: end) ? 3 : (end < bytes.count && bytes[end] == 0x28 ? 1 : 0)
      if openLength > 0 {
        var close = end + openLength
        let limit = min(bytes.count, end + 24)
        while close < limit, !matches(Self.closeFull, at: close), bytes[close] != 0x29 { close += 1 }
        if close < limit {
          let inner = String(decoding: bytes[(end + openLength)..<close], as: UTF8.self)
          if Self.residueWords.contains(inner) {
            residue = end..<(close + (bytes[close] == 0x29 ? 1 : 3))
          }
        }
      }
      return Word(text: pattern.text, range: offset..<end, isIncrease: pattern.isIncrease, residue: residue)
    }
    return nil
  }

  /// Whether `pattern` is written at `offset` (no allocation).
  private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
    guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
    var index = 0
    while index < pattern.count {
      if bytes[offset + index] != pattern[index] { return false }
      index += 1
    }
    return true
  }
}
