/// A narrative paragraph: hard-wrapped lines joined into one text, with a map back to the source
/// so that anything found in the joined text ("1,862.53 万" / "元" split over lines) has a range.
package struct Paragraph: Sendable, Equatable {
  /// A number in the prose with its unit.
  package struct Number: Sendable, Hashable {
    package enum Unit: String, Sendable, Hashable {
      case tenThousandYuan = "万元"
      case yuan = "元"
      case percent = "%"
      case none = ""
    }

    package var value: Amount
    package var unit: Unit
    /// Offsets in `Paragraph.text` (UTF-8), the number and its unit.
    package var textRange: Range<Int>
    /// Source byte range of the number and its unit.
    package var range: Range<Int>

    package init(value: Amount, unit: Unit, textRange: Range<Int>, range: Range<Int>) {
      self.value = value
      self.unit = unit
      self.textRange = textRange
      self.range = range
    }
  }

  /// A piece of the joined text and where it starts in the source.
  package struct Segment: Sendable, Hashable {
    package var textOffset: Int
    package var sourceOffset: Int
    package var length: Int
  }

  /// The joined text (line breaks and the blank lines of PDF export removed).
  package var text: String
  /// The joined text as UTF-8, for byte-offset work.
  package var utf8: [UInt8]
  package var segments: [Segment]
  /// Source range from the first to the last line.
  package var range: Range<Int>
  package var numbers: [Number]
  /// The heading this paragraph stands under (nearest before it), if any.
  package var headingIndex: Int?

  package init(segments: [(text: String, sourceOffset: Int)], headingIndex: Int? = nil) {
    var joined: [UInt8] = []
    var pieces: [Segment] = []
    for segment in segments {
      let bytes = Array(segment.text.utf8)
      pieces.append(Segment(textOffset: joined.count, sourceOffset: segment.sourceOffset, length: bytes.count))
      joined += bytes
    }
    utf8 = joined
    text = String(decoding: joined, as: UTF8.self)
    self.segments = pieces
    let start = pieces.first?.sourceOffset ?? 0
    let end = pieces.last.map { $0.sourceOffset + $0.length } ?? start
    range = start..<end
    numbers = []
    self.headingIndex = headingIndex
    numbers = NarrativeScanner.numbers(in: self)
  }

  /// The paragraph joined from the bytes of `ranges` of `source` (its lines, in order): what
  /// `init(segments:)` makes of their texts.
  init(segmentRanges ranges: [Range<Int>], in source: SourceText) {
    var joined: [UInt8] = []
    joined.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
    var pieces: [Segment] = []
    pieces.reserveCapacity(ranges.count)
    for range in ranges {
      pieces.append(Segment(textOffset: joined.count, sourceOffset: range.lowerBound, length: range.count))
      joined += source.bytes[range]
    }
    utf8 = joined
    text = String(decoding: joined, as: UTF8.self)
    segments = pieces
    let start = pieces.first?.sourceOffset ?? 0
    let end = pieces.last.map { $0.sourceOffset + $0.length } ?? start
    range = start..<end
    numbers = []
    headingIndex = nil
    numbers = NarrativeScanner.numbers(in: self)
  }

  /// The source offset of a joined-text offset (the end of a segment maps to its source end).
  /// - Complexity: O(log segments).
  package func sourceOffset(ofTextOffset offset: Int) -> Int {
    guard !segments.isEmpty else { return range.lowerBound }
    var low = 0
    var high = segments.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if segments[mid].textOffset <= offset { low = mid } else { high = mid - 1 }
    }
    let segment = segments[low]
    return segment.sourceOffset + min(offset - segment.textOffset, segment.length)
  }

  /// The source range of a joined-text range; the end is the end of the last byte.
  package func sourceRange(ofTextRange range: Range<Int>) -> Range<Int> {
    let start = sourceOffset(ofTextOffset: range.lowerBound)
    guard range.upperBound > range.lowerBound else { return start..<start }
    let end = sourceOffset(ofTextOffset: range.upperBound - 1) + 1
    return start..<max(start, end)
  }

  /// The joined text of a byte range of it.
  package func text(in range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, utf8.count))
    let upper = max(lower, min(range.upperBound, utf8.count))
    return String(decoding: utf8[lower..<upper], as: UTF8.self)
  }

  /// Sentence ranges (joined-text offsets), split after 。！？； and at the end.
  package var sentenceRanges: [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    var index = 0
    let enders: [[UInt8]] = [Array("。".utf8), Array("！".utf8), Array("？".utf8), Array("；".utf8)]
    while index < utf8.count {
      // 。 starts with E3, ！？； with EF: other bytes need no comparison.
      if utf8[index] == 0xE3 || utf8[index] == 0xEF,
        let ender = enders.first(where: { utf8[index...].starts(with: $0) })
      {
        index += ender.count
        result.append(start..<index)
        start = index
      } else {
        index += 1
      }
    }
    if start < utf8.count { result.append(start..<utf8.count) }
    return result
  }
}
