import JuesuanModel
import Testing

@Suite("SourceText: offsets and LSP positions")
struct SourceTextTests {
  @Test("CJK, surrogate pairs and CRLF convert both ways")
  func conversions() {
    let text = SourceText("合计\r\n😀收入1\n\r末")
    #expect(text.lineCount == 4)
    let emojiLine = text.byteRange(ofLine: 1)
    // "😀" is 4 UTF-8 bytes, 2 UTF-16 units, 1 UTF-32 unit.
    let afterEmoji = emojiLine.lowerBound + 4
    #expect(text.position(ofUTF8Offset: afterEmoji) == Position(line: 1, character: 2))
    #expect(text.position(ofUTF8Offset: afterEmoji, encoding: .utf32) == Position(line: 1, character: 1))
    #expect(text.position(ofUTF8Offset: afterEmoji, encoding: .utf8) == Position(line: 1, character: 4))
    #expect(text.utf8Offset(of: Position(line: 1, character: 2)) == afterEmoji)
    #expect(text.utf8Offset(of: Position(line: 1, character: 1)) == emojiLine.lowerBound, "inside a pair clamps back")
    #expect(text.text(ofLine: 0) == "合计")
    #expect(text.text(ofLine: 2) == "")
    #expect(text.text(ofLine: 3) == "末")
  }

  @Test("an edit keeps the line table a full scan would build, across every CR/LF split")
  func replacingMatchesFullScan() {
    // Short texts over the line-end alphabet, every range replaced by every short insertion:
    // "\r" then "\n" joining or splitting across the edit's edges are the cases that matter.
    let alphabet: [[UInt8]] = [[0x0D], [0x0A], Array("合".utf8), [0x61]]
    var texts: [[UInt8]] = [[]]
    for _ in 0..<4 { texts = texts.flatMap { text in alphabet.map { text + $0 } } + [[]] }
    let insertions: [[UInt8]] = [[], [0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0D], Array("x\r".utf8), Array("一".utf8)]
    var checked = 0
    for bytes in Set(texts) {
      let source = SourceText(String(decoding: bytes, as: UTF8.self))
      let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
      for lower in boundaries {
        for upper in boundaries where upper >= lower {
          for insertion in insertions {
            let edited = source.replacing(lower..<upper, with: insertion)
            let expected = SourceText(String(decoding: bytes[..<lower] + insertion + bytes[upper...], as: UTF8.self))
            #expect(edited == expected, "\(bytes) [\(lower), \(upper)) ← \(insertion)")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 10_000)
  }

  @Test("a BOM is an ordinary character of line 0")
  func byteOrderMark() {
    let text = SourceText("\u{FEFF}收入")
    #expect(text.position(ofUTF8Offset: 3) == Position(line: 0, character: 1))
  }

  @Test("positions past the end clamp")
  func clamping() {
    let text = SourceText("ab\ncd")
    #expect(text.utf8Offset(of: Position(line: 0, character: 99)) == 2)
    #expect(text.utf8Offset(of: Position(line: 9, character: 0)) == 5)
    #expect(text.utf8Offset(of: Position(line: -1, character: 0)) == 0)
  }

  @Test("invalid UTF-8 is repaired and flagged")
  func invalidUTF8() {
    let text = SourceText(decoding: [0xE5, 0x90, 0x88, 0xFF, 0x0A, 0x41])
    #expect(text.hadInvalidUTF8)
    #expect(text.string == "合\u{FFFD}\nA")
  }
}

@Suite("Amount parsing")
struct AmountTests {
  @Test(
    "numbers as reports write them",
    arguments: [
      ("1,862.53", 18_625_300 as Int64), ("-3.2", -32_000), ("(3.20)", -32_000), ("１２３.４５", 1_234_500), ("0", 0),
      ("13", 130_000), ("24.854", 248_540),
    ])
  func parses(_ text: String, _ expected: Int64) {
    #expect(Amount(parsing: text)?.tenThousandths == expected)
  }

  @Test("not numbers", arguments: ["1,2,3", "-", "—", "", "1.", ".5x", "12,34.5"])
  func rejects(_ text: String) {
    #expect(Amount(parsing: text) == nil)
  }
}
