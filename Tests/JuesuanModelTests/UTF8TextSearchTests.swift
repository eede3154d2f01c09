import JuesuanModel
import JuesuanTestSupport
import Testing

/// `UTF8Text`'s `contains`/`range(of:)`/`lastRange(of:)`, which stand in for Foundation's (and the
/// grapheme-walking `Sequence.contains`) agree with a plain character-by-character reading.
@Suite("String search over UTF-8 bytes")
struct UTF8TextSearchTests {
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
        #expect(text.utf8Text.contains(needle) == (first != nil), "\(text) ⊇ \(needle) (false for \"\", as Foundation)")
        #expect(Substring(text).utf8Text.contains(needle) == (first != nil))
        let found = text.utf8Text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(found == first, "\(text).range(of: \(needle))")
        if let range = text.utf8Text.range(of: needle) { #expect(String(text[range]) == needle) }
        let last = text.utf8Text.lastRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(last == Self.reference(text, needle, last: true), "\(text).lastRange(of: \(needle))")
      }
    }
  }

  @Test("contains(anyOf:) is contains of some word")
  func anyOfAgreesWithEach() {
    for text in Self.texts {
      for count in 0...3 {
        for start in Self.needles.indices {
          let words = (0..<count).map { Self.needles[(start + $0) % Self.needles.count] }
          #expect(
            text.utf8Text.contains(anyOf: UTF8Text.Words(words)) == words.contains { text.utf8Text.contains($0) },
            "\(text) ⊇ any of \(words)")
          #expect(
            Substring(text).utf8Text.contains(anyOf: UTF8Text.Words(words))
              == words.contains { text.utf8Text.contains($0) })
        }
      }
    }
  }

  @Test("a character among a set of characters")
  func characterMembership() {
    #expect("，。；".utf8Text.contains(Character("。")))
    #expect(!"，。；".utf8Text.contains(Character("、")))
    #expect("≥≤=<>＝".utf8Text.contains(Character("＝")))
    #expect(!"一二三".utf8Text.contains(Character("四")))
  }

  @Test("a substring in the middle of a larger string")
  func substringBounds() {
    let text = "前缀合计后缀合计"
    let middle = text.dropFirst(3).dropLast(1)  // "计后缀合"
    #expect(String(middle) == "计后缀合")
    #expect(!middle.utf8Text.contains("合计"))
    #expect(middle.utf8Text.contains("后缀"))
    let range = middle.utf8Text.range(of: "缀合")
    #expect(range.map { String(middle[$0]) } == "缀合")
  }
}

/// `UTF8Text.firstOffset(of:in:from:before:)` finds what a byte-by-byte scan finds, wherever the pattern's
/// anchor byte (its last continuation byte) falls: at the window's edges, overlapping, repeated.
@Suite("Byte search")
struct UTF8TextByteSearchTests {
  static func reference(_ haystack: [UInt8], _ needle: [UInt8], from start: Int, before end: Int) -> Int? {
    guard !needle.isEmpty, start >= 0, start + needle.count <= end else { return nil }
    return (start...(end - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
  }

  @Test("agrees with a plain scan on random text of CJK, ASCII and partial characters")
  func agreesWithScan() {
    var random = SeededGenerator(state: 7)
    let pieces: [[UInt8]] =
      ["目", "录", "目录", "项目", "a", "\n", "1", "。", "录录"].map { Array($0.utf8) } + [
        [0xE7], [0x9B], [0xAE], [0xE7, 0x9B],
      ]
    let needles: [[UInt8]] =
      ["目", "目录", "录", "a", "a目", "。\n", "项目目录"].map { Array($0.utf8) } + [[0xAE], [0x9B, 0xAE]]
    for _ in 0..<400 {
      var haystack: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<24, using: &random) { haystack += random.pick(pieces) }
      for needle in needles {
        let start = Int.random(in: 0...haystack.count, using: &random)
        let end = Int.random(in: start...haystack.count, using: &random)
        #expect(
          UTF8Text.firstOffset(of: needle, in: haystack, from: start, before: end)
            == Self.reference(haystack, needle, from: start, before: end), "\(haystack) \(needle) \(start)..<\(end)")
        #expect(
          UTF8Text.firstOffset(of: needle, in: haystack)
            == Self.reference(haystack, needle, from: 0, before: haystack.count))
      }
    }
  }
}

/// `removingWhitespace()` and `trimmingWhitespace()` answer what the Character-level idioms they
/// replace answer, for every White_Space scalar and the characters around them in reports.
@Suite("Whitespace over UTF-8 bytes")
struct WhitespaceTests {
  static let spaces: [Unicode.Scalar] = (0...0x3001).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
  static let others: [String] = [
    "合", "计", "a", "1", "。", "😀", "\u{00A1}", "\u{2010}", "\u{300C}", "\u{1681}", "\u{205E}",
  ]

  @Test("the scalar test is Unicode's White_Space")
  func scalarTest() {
    for value in 0...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(scalar.isWhiteSpace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
    }
  }

  @Test("removing and trimming agree with filter and drop over characters")
  func agreesWithCharacters() {
    var random = SeededGenerator(state: 11)
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<Int.random(in: 0..<10, using: &random) {
        text += random.chance(1, in: 2) ? String(Character(random.pick(Self.spaces))) : random.pick(Self.others)
      }
      #expect(text.utf8Text.removingWhitespace() == text.filter { !$0.isWhitespace }, "\(Array(text.unicodeScalars))")
      #expect(Substring(text).utf8Text.removingWhitespace() == text.filter { !$0.isWhitespace })
      let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
      #expect(text.utf8Text.trimmingWhitespace() == trimmed, "\(Array(text.unicodeScalars))")
    }
  }
}

/// The byte-level `hasPrefix`/`hasSuffix` answer what the standard library's Character-level ones
/// answer, combining marks and keycaps included (the match must end on a Character boundary).
@Suite("Prefix and suffix over UTF-8 bytes")
struct PrefixSuffixTests {
  static let pieces = ["合", "计", "1", "\u{20E3}", "e", "\u{301}", "😀", "\u{FE0F}", "。", "\r", "\n", " ", "（", "一"]

  /// The standard library's answer, reached through a generic context our overloads do not shadow.
  static func reference<S: StringProtocol>(_ text: S, prefix: String) -> Bool { text.hasPrefix(prefix) }
  static func reference<S: StringProtocol>(_ text: S, suffix: String) -> Bool { text.hasSuffix(suffix) }

  @Test("agree with the standard library on random strings")
  func agreeWithStandardLibrary() {
    var random = SeededGenerator(state: 5)
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0..<6, using: &random)).map { _ in random.pick(Self.pieces) }.joined()
      let word = (0..<Int.random(in: 0..<4, using: &random)).map { _ in random.pick(Self.pieces) }.joined()
      #expect(
        text.utf8Text.hasPrefix(word) == Self.reference(text, prefix: word),
        "\(Array(text.unicodeScalars)) \(Array(word.unicodeScalars))")
      #expect(
        text.utf8Text.hasSuffix(word) == Self.reference(text, suffix: word),
        "\(Array(text.unicodeScalars)) \(Array(word.unicodeScalars))")
      let sub = ("x" + text + "y").dropFirst().dropLast()
      #expect(sub.utf8Text.hasPrefix(word) == Self.reference(sub, prefix: word))
      #expect(sub.utf8Text.hasSuffix(word) == Self.reference(sub, suffix: word))
    }
  }

  @Test("hasPrefix(anyOf:) is hasPrefix of some word, on random strings")
  func anyOfAgreesWithStandardLibrary() {
    var random = SeededGenerator(state: 7)
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0..<6, using: &random)).map { _ in random.pick(Self.pieces) }.joined()
      let words = (0..<Int.random(in: 0..<4, using: &random)).map { _ in
        (0..<Int.random(in: 0..<3, using: &random)).map { _ in random.pick(Self.pieces) }.joined()
      }
      #expect(
        text.utf8Text.hasPrefix(anyOf: UTF8Text.Words(words)) == words.contains { Self.reference(text, prefix: $0) },
        "\(Array(text.unicodeScalars)) \(words.map { Array($0.unicodeScalars) })")
      let sub = ("x" + text + "y").dropFirst().dropLast()
      #expect(
        sub.utf8Text.hasPrefix(anyOf: UTF8Text.Words(words)) == words.contains { Self.reference(sub, prefix: $0) })
    }
  }
}

@Suite("Bounded character count")
struct CharacterCountTests {
  @Test("hasAtMostCharacters(n) is count <= n, for texts of combining marks, emoji and CJK")
  func agreesWithCount() {
    var random = SeededGenerator(state: 3)
    let pieces = ["合", "e", "\u{301}", "👩‍👩‍👧", "\u{1F1E8}\u{1F1F3}", "\r\n", "1", "\u{20E3}", " "]
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0..<12, using: &random)).map { _ in random.pick(pieces) }.joined()
      for limit in 0...14 {
        #expect(
          text.utf8Text.hasAtMostCharacters(limit) == (text.count <= limit), "\(Array(text.unicodeScalars)) \(limit)")
      }
    }
  }
}
