import Foundation
import JuesuanModel
import JuesuanTestSupport
import Testing

/// The scalars a scan may read in place of `Character`s (`UTF8Text.standsAlone`) do what
/// Characters would: each is a Character of its own next to any other, none equals another, and
/// NFC keeps each, so texts of them are equal exactly when their bytes are.
@Suite("Scalars that stand alone")
struct UTF8TextScalarTests {
  private static let alone: [Unicode.Scalar] = (0...0x10FFFF).compactMap { value in
    Unicode.Scalar(value).flatMap { UTF8Text.standsAlone($0) ? $0 : nil }
  }

  @Test("no two of them are equal as Characters, and each keeps its letter, number and space properties")
  func distinct() {
    var seen = Set<Character>()
    let failing = Self.alone.filter { scalar in
      let character = Character(scalar)
      return !seen.insert(character).inserted || character.isLetter != scalar.properties.isAlphabetic
        || character.isNumber != (scalar.properties.numericType != nil)
        || character.isWhitespace != scalar.properties.isWhitespace
    }
    #expect(failing.isEmpty, "\(failing.prefix(10).map { String($0.value, radix: 16) })")
  }

  @Test("runs of them are one Character per scalar")
  func oneCharacterEach() {
    let partners: [Unicode.Scalar] = ["a", "\n", "\t", "中", "，", "\u{3000}", "\u{FFFD}", "≥", "❤", "À", "α"]
    let failing = Self.alone.filter { scalar in
      partners.contains { (String(scalar) + String($0)).count != 2 || (String($0) + String(scalar)).count != 2 }
    }
    #expect(failing.isEmpty, "\(failing.prefix(10).map { String($0.value, radix: 16) })")
    var generator = SeededGenerator(state: 0x5EED)
    let runs = (0..<5_000).map { _ in
      var scalars = String.UnicodeScalarView()
      for _ in 0..<12 { scalars.append(Self.alone[Int.random(in: 0..<Self.alone.count, using: &generator)]) }
      return String(scalars)
    }
    #expect(runs.allSatisfy { $0.count == 12 })
  }

  @Test("NFC keeps each of them, and CR (which pairs with LF) is not one")
  func normalised() {
    let failing = Self.alone.filter {
      String($0).precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([$0]) == false
    }
    #expect(failing.isEmpty, "\(failing.prefix(10).map { String($0.value, radix: 16) })")
    #expect(!UTF8Text.standsAlone("\r"))
    #expect(UTF8Text.allStandAlone(Array("第一部分 部门概况（2023年度）≥ 95%\t￥1,234.56".utf8)))
    #expect(!UTF8Text.allStandAlone(Array("e\u{301}".utf8)))
    #expect(!UTF8Text.allStandAlone(Array("\r\n".utf8)))
  }
}
