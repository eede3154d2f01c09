import JuesuanModel
import Testing

/// The byte-level `contains`/`range(of:)`/`lastRange(of:)` that replace Foundation's (and the
/// grapheme-walking `Sequence.contains`) agree with a plain character-by-character reading.
@Suite("String search over UTF-8 bytes")
struct StringSearchTests {
  static let texts = [
    "", "合计", "本年收入合计 1,862.53 万元，较上年增加 327.51 万元。", "项目支出😀（类）", "a\r\nb", "（款）（款）",
    "其中：基本支出",
  ]
  static let needles = ["", "合计", "万元", "（款）", "😀", "\r\n", "。", "x", "其中：", "327.51 万元"]

  /// What the answer must be: the first/last character offset where `needle` starts.
  static func reference(_ text: String, _ needle: String, last: Bool) -> Int? {
    let characters = Array(text)
    let pattern = Array(needle)
    guard !pattern.isEmpty, pattern.count <= characters.count else { return nil }
    let starts = Array(0...(characters.count - pattern.count))
    return (last ? starts.reversed() : starts).first { Array(characters[$0..<($0 + pattern.count)]) == pattern }
  }

  @Test("contains, range(of:) and lastRange(of:) on strings and substrings")
  func agreesWithCharacters() {
    for text in Self.texts {
      for needle in Self.needles {
        let first = Self.reference(text, needle, last: false)
        #expect(text.contains(needle) == (first != nil), "\(text) ⊇ \(needle) (false for \"\", as Foundation)")
        #expect(Substring(text).contains(needle) == (first != nil))
        let found = text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(found == first, "\(text).range(of: \(needle))")
        if let range = text.range(of: needle) { #expect(String(text[range]) == needle) }
        let last = text.lastRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(last == Self.reference(text, needle, last: true), "\(text).lastRange(of: \(needle))")
      }
    }
  }

  @Test("a character among a set of characters")
  func characterMembership() {
    #expect("，。；".contains(Character("。")))
    #expect(!"，。；".contains(Character("、")))
    #expect("≥≤=<>＝".contains(Character("＝")))
    #expect(!"一二三".contains(Character("四")))
  }

  @Test("a substring in the middle of a larger string")
  func substringBounds() {
    let text = "前缀合计后缀合计"
    let middle = text.dropFirst(3).dropLast(1)  // "计后缀合"
    #expect(String(middle) == "计后缀合")
    #expect(!middle.contains("合计"))
    #expect(middle.contains("后缀"))
    let range = middle.range(of: "缀合")
    #expect(range.map { String(middle[$0]) } == "缀合")
  }

  @Test("line-number tokens resolve to the file's lines")
  func lineNumbers() {
    let message = "第 \(LineNumber.text(381)) 行；第 \(LineNumber.text(0))–\(LineNumber.text(9)) 行"
    #expect(LineNumber.resolving(message, lineOffset: 0) == "第 382 行；第 1–10 行")
    #expect(LineNumber.resolving(message, lineOffset: 2479) == "第 2861 行；第 2480–2489 行")
    #expect(LineNumber.resolving("没有行号", lineOffset: 5) == "没有行号")
    #expect(LineNumber.resolving("\u{E000}x\u{E001}", lineOffset: 5) == "\u{E000}x\u{E001}", "a stray mark stays")
  }
}
