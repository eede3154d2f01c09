import JuesuanAnalysis
import JuesuanModel

/// Narrative figures as the rules that compare them with tables read and rewrite them.
enum NarrativeFigures {
  /// The paragraph text without whitespace, half-width parentheses made full-width, quotes
  /// removed, each 元/万元 amount replaced by § and every other number by ¤; and where each
  /// number's mark sits.
  /// - Complexity: O(n) in the paragraph.
  static func normalizedText(_ paragraph: Paragraph) -> ([NarrativeBinder.Glyph], [Int?]) {
    var chars: [NarrativeBinder.Glyph] = []
    // At most one glyph per byte: the array never grows.
    chars.reserveCapacity(paragraph.utf8.count)
    var positions = [Int?](repeating: nil, count: paragraph.numbers.count)
    // The numbers with a unit, in order, as (start, end, is an amount).
    let numbers = paragraph.numbers.enumerated().compactMap { index, number -> (Int, Range<Int>, Bool)? in
      switch number.unit {
      case .none: nil
      case .tenThousandYuan, .yuan: (index, number.textRange, true)
      case .percent: (index, number.textRange, false)
      }
    }
    var next = 0
    paragraph.utf8.withUnsafeBufferPointer { bytes in
      var offset = 0
      while offset < bytes.count {
        let (character, length) = UTF8Text.scalar(in: bytes, at: offset)
        defer { offset += length }
        while next < numbers.count, numbers[next].1.upperBound <= offset { next += 1 }
        if next < numbers.count, numbers[next].1.contains(offset) {
          if offset == numbers[next].1.lowerBound {
            positions[numbers[next].0] = chars.count
            chars.append(numbers[next].2 ? NarrativeBinder.amountMark : NarrativeBinder.otherNumberMark)
          }
          continue
        }
        switch character {
        case "０"..."９": chars.append(Unicode.Scalar(character.value - 0xFF10 + 0x30) ?? character)
        case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
        case "(": chars.append("（")
        case ")": chars.append("）")
        // No White_Space scalar lies above U+3000: CJK text is kept without asking.
        default: if character.value > 0x3000 || !character.isWhiteSpace { chars.append(character) }
        }
      }
    }
    return (chars, positions)
  }

  /// The source range of the figure itself ("1,862.53"), without its unit; a figure written with
  /// another thousands separator ("1，000.00", "1 200.00") to its last group's end.
  static func digitRange(of number: Paragraph.Number, in source: SourceText) -> Range<Int> {
    let start = number.range.lowerBound
    var end = NarrativeScanner.figureEnd(in: source.bytes, from: start, limit: number.range.upperBound)
    if let joined = NarrativeScanner.joinedGroupEnd(in: source.bytes, from: end, limit: number.range.upperBound) {
      end = joined
    }
    return end > start ? start..<end : number.range
  }

  /// `value` with two decimals, with thousands separators when the original had them.
  static func written(_ value: Amount, like original: String) -> String {
    let plain = value.formatted(decimals: 2)
    guard original.utf8Text.contains(",") else { return plain }
    let negative = plain.utf8Text.hasPrefix("-")
    let body = negative ? String(plain.dropFirst()) : plain
    let parts = body.split(separator: ".", maxSplits: 1)
    var whole = Array(parts[0])
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + String(whole.suffix(3)) + grouped
      whole.removeLast(3)
    }
    grouped = String(whole) + grouped
    return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
  }
}
