import JuesuanModel
import JuesuanTestSupport
import Testing

/// After an edit, the segmenter searches only the lines the edit changed; what it finds must be
/// what a search of the whole text finds.
@Suite("Report segmentation after an edit")
struct SegmenterTests {
  @Test("common start and end of two byte arrays, as a byte-by-byte scan finds them")
  func commonEnds() {
    var random = SeededGenerator(state: 9)
    for _ in 0..<300 {
      let base = (0..<Int.random(in: 0..<9000, using: &random)).map { _ in UInt8.random(in: 0x61...0x63, using: &random)
      }
      var other = base
      let at = Int.random(in: 0...other.count, using: &random)
      let cut = Int.random(in: 0...min(5, other.count - at), using: &random)
      other.replaceSubrange(at..<(at + cut), with: (0..<Int.random(in: 0..<4, using: &random)).map { _ in 0x61 })
      let (prefix, suffix) = UTF8Text.commonEnds(of: base, and: other)
      var expectedPrefix = 0
      while expectedPrefix < min(base.count, other.count), base[expectedPrefix] == other[expectedPrefix] {
        expectedPrefix += 1
      }
      var expectedSuffix = 0
      while expectedSuffix < min(base.count, other.count) - expectedPrefix,
        base[base.count - expectedSuffix - 1] == other[other.count - expectedSuffix - 1]
      {
        expectedSuffix += 1
      }
      #expect(prefix == expectedPrefix && suffix == expectedSuffix, "\(base.count) \(other.count) at \(at)")
    }
  }

  @Test("random edits of the three corpus reports in one file: the candidates and parts of a full search")
  func incrementalEqualsFull() throws {
    var bytes = try Array(["000", "001", "002"].map(Corpus.text).joined(separator: "\n").utf8)
    var random = SeededGenerator(state: 21)
    let insertions = ["目录", "目录\n", "\n", "\r\n", "\r", "第一部分 部门概况\n", "项目", "录", "一"]
    var earlier = ReportSegmenter.parts(of: SourceText(decoding: bytes), reusing: nil)
    for step in 0..<300 {
      var position = Int.random(in: 0...bytes.count, using: &random)
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
      if random.chance(1, in: 2) {
        bytes.insert(contentsOf: Array(random.pick(insertions).utf8), at: position)
      } else {
        var end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        bytes.removeSubrange(position..<end)
      }
      let source = SourceText(decoding: bytes)
      let incremental = ReportSegmenter.parts(of: source, reusing: earlier.candidates)
      let full = ReportSegmenter.parts(of: source, reusing: nil)
      #expect(incremental.candidates.lines == full.candidates.lines, "step \(step)")
      #expect(incremental.parts == full.parts, "step \(step)")
      earlier = incremental
    }
  }
}
