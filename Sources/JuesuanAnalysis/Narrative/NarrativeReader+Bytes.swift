import JuesuanModel

// The byte helpers of the narrative reader: words and spaces at UTF-8 offsets of the paragraph.
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

  /// Whether `pattern` is written at `offset` (no allocation).
  func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
    guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
    var index = 0
    while index < pattern.count {
      if bytes[offset + index] != pattern[index] { return false }
      index += 1
    }
    return true
  }
}
