import JuesuanAnalysis
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// After an edit, the check of the report reads again only the paragraphs the edit touched: the
/// narrative readers of the others are the earlier lint's, moved (`EarlierReaders`).
@Suite("Narrative readers reused after an edit")
struct NarrativeReuseTests {
  /// Whether two byte arrays are one storage (a reader moved, not read again).
  static func sameStorage(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
  }

  @Test("a one-character edit in a paragraph: every other paragraph's reader is moved, its own read again")
  func readersMoved() throws {
    let text = try corpusText("002")
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let earlier = try #require(before.parts.first)
    // The first paragraph with a change statement, edited in the middle of its text.
    let target = try #require(
      earlier.readers.filter { !$0.changes.isEmpty }.min {
        $0.paragraph.range.lowerBound < $1.paragraph.range.lowerBound
      })
    var bytes = Array(text.utf8)
    let offset = target.paragraph.range.lowerBound + 3
    bytes.insert(contentsOf: Array("一".utf8), at: offset)
    let after = linter.lint(SourceText(decoding: bytes), reusing: before)
    let part = try #require(after.parts.first)
    let fresh = try #require(Linter().lint(SourceText(decoding: bytes)).parts.first)
    let freshReaders = Dictionary(fresh.readers.map { ($0.paragraph.range.lowerBound, $0) }) { first, _ in first }
    #expect(part.readers.count == fresh.readers.count)
    var moved = 0
    for reader in part.readers {
      let start = reader.paragraph.range.lowerBound
      // What a reader moved from the earlier lint holds is what a fresh one reads.
      let read = try #require(freshReaders[start], "paragraph at \(start)")
      #expect(reader.paragraph == read.paragraph)
      #expect(reader.sentences == read.sentences)
      #expect(reader.changes.map(\.delta) == read.changes.map(\.delta), "paragraph at \(start)")
      #expect(reader.changes.map(\.current) == read.changes.map(\.current), "paragraph at \(start)")
      #expect(reader.rates.map(\.rate) == read.rates.map(\.rate), "paragraph at \(start)")
      #expect(reader.rates.map(\.budgets) == read.rates.map(\.budgets), "paragraph at \(start)")
      #expect(reader.rates.map(\.actuals) == read.rates.map(\.actuals), "paragraph at \(start)")
      #expect(reader.shares.map(\.share) == read.shares.map(\.share), "paragraph at \(start)")
      #expect(reader.shares.map(\.whole) == read.shares.map(\.whole), "paragraph at \(start)")
      #expect(reader.shares.map(\.part) == read.shares.map(\.part), "paragraph at \(start)")
      #expect(reader.percentChanges.map(\.percent) == read.percentChanges.map(\.percent), "paragraph at \(start)")
      #expect(reader.percentChanges.map(\.current) == read.percentChanges.map(\.current), "paragraph at \(start)")
      #expect(reader.percentChanges.map(\.previous) == read.percentChanges.map(\.previous), "paragraph at \(start)")
      let reused = earlier.readers.contains { Self.sameStorage($0.bytes, reader.bytes) }
      if reader.paragraph.range.contains(offset) {
        #expect(!reused, "the edited paragraph is read again")
      } else {
        #expect(reused, "paragraph at \(start) moved, not read again")
        moved += 1
      }
    }
    #expect(moved == part.readers.count - 1)
    #expect(after.findings.map(\.message) == Linter().lint(SourceText(decoding: bytes)).findings.map(\.message))
  }
}
