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

  /// The paragraph's text and tables, which its copies share: a copy of a paragraph (the rules
  /// make many) counts one reference instead of four. Immutable; setting a property makes a new one.
  private final class Storage: Sendable {
    let text: String
    let utf8: [UInt8]
    let segments: [Segment]
    let numbers: [Number]

    init(text: String, utf8: [UInt8], segments: [Segment], numbers: [Number]) {
      self.text = text
      self.utf8 = utf8
      self.segments = segments
      self.numbers = numbers
    }
  }

  private var storage: Storage

  /// The joined text (line breaks and the blank lines of PDF export removed).
  package var text: String {
    get { storage.text }
    set { storage = Storage(text: newValue, utf8: storage.utf8, segments: storage.segments, numbers: storage.numbers) }
  }
  /// The joined text as UTF-8, for byte-offset work.
  package var utf8: [UInt8] {
    get { storage.utf8 }
    set { storage = Storage(text: storage.text, utf8: newValue, segments: storage.segments, numbers: storage.numbers) }
  }
  package var segments: [Segment] {
    get { storage.segments }
    set { storage = Storage(text: storage.text, utf8: storage.utf8, segments: newValue, numbers: storage.numbers) }
  }
  /// Source range from the first to the last line.
  package var range: Range<Int>
  package var numbers: [Number] {
    get { storage.numbers }
    set { storage = Storage(text: storage.text, utf8: storage.utf8, segments: storage.segments, numbers: newValue) }
  }
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
    self.init(utf8: joined, segments: pieces, headingIndex: headingIndex)
  }

  /// The paragraph joined from the bytes of `ranges` of `source` (its lines, in order): what
  /// `init(segments:)` makes of their texts.
  package init(segmentRanges ranges: [Range<Int>], in source: SourceText) {
    var joined: [UInt8] = []
    joined.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
    var pieces: [Segment] = []
    pieces.reserveCapacity(ranges.count)
    for range in ranges {
      pieces.append(Segment(textOffset: joined.count, sourceOffset: range.lowerBound, length: range.count))
      joined += source.bytes[range]
    }
    self.init(utf8: joined, segments: pieces, headingIndex: nil)
  }

  /// The paragraph of the joined text `utf8`, made of `segments`; its numbers are read.
  private init(utf8: [UInt8], segments: [Segment], headingIndex: Int?) {
    storage = Storage(text: String(decoding: utf8, as: UTF8.self), utf8: utf8, segments: segments, numbers: [])
    let start = segments.first?.sourceOffset ?? 0
    let end = segments.last.map { $0.sourceOffset + $0.length } ?? start
    range = start..<end
    self.headingIndex = headingIndex
    numbers = NarrativeScanner.numbers(in: self)
  }

  /// The same paragraph read from the same bytes `offset` bytes further on in the source.
  package func moved(by offset: Int) -> Paragraph {
    guard offset != 0 else { return self }
    var moved = self
    moved.range = range.shifted(by: offset)
    let segments = storage.segments.map { segment in
      Segment(textOffset: segment.textOffset, sourceOffset: segment.sourceOffset + offset, length: segment.length)
    }
    moved.storage = Storage(
      text: storage.text, utf8: storage.utf8, segments: segments, numbers: storage.numbers.map { $0.moved(by: offset) })
    return moved
  }

  package static func == (lhs: Paragraph, rhs: Paragraph) -> Bool {
    guard lhs.range == rhs.range, lhs.headingIndex == rhs.headingIndex else { return false }
    if lhs.storage === rhs.storage { return true }
    return lhs.text == rhs.text && lhs.utf8 == rhs.utf8 && lhs.segments == rhs.segments && lhs.numbers == rhs.numbers
  }

  /// The source offset of a joined-text offset (the end of a segment maps to its source end).
  /// - Complexity: O(log segments).
  package func sourceOffset(ofTextOffset offset: Int) -> Int {
    let segments = storage.segments
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
    let utf8 = storage.utf8
    let lower = max(0, min(range.lowerBound, utf8.count))
    let upper = max(lower, min(range.upperBound, utf8.count))
    return String(decoding: utf8[lower..<upper], as: UTF8.self)
  }

  /// Sentence ranges (joined-text offsets), split after 。！？； and at the end.
  /// - Complexity: O(n) in the paragraph.
  package var sentenceRanges: [Range<Int>] { Self.sentences(of: storage.utf8, endingAtSemicolons: true) }

  /// The sentences of `bytes` (valid UTF-8), split after 。！？ (and ； with
  /// `endingAtSemicolons`) and at the end.
  /// - Complexity: O(n) in the bytes.
  package static func sentences(of bytes: [UInt8], endingAtSemicolons: Bool) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      while index + 2 < bytes.count {
        // 。 is E3 80 82; ！ ？ ； are EF BC 81 / EF BC 9F / EF BC 9B.
        let (lead, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
        if (lead == 0xE3 && second == 0x80 && third == 0x82)
          || (lead == 0xEF && second == 0xBC
            && (third == 0x81 || third == 0x9F || (endingAtSemicolons && third == 0x9B)))
        {
          index += 3
          result.append(start..<index)
          start = index
        } else {
          // The marks start a scalar: the bytes inside one need no look.
          index += UTF8Text.length(ofLead: lead)
        }
      }
    }
    if start < bytes.count { result.append(start..<bytes.count) }
    return result
  }
}
