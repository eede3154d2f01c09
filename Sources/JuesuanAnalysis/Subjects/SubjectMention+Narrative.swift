import JuesuanCatalogue
import JuesuanModel

// The subject names of the narrative: "2010301-行政运行" pairs and "名称（款）" names.
extension SubjectMention {
  /// What a mention needs: a dash ("2010301-") or the end of a level marker ("（款）", "(项)"),
  /// looked for in one pass: - (2D), － (EF BC 8D), — (E2 80 94), or ) / ） (29 / EF BC 89) after
  /// 类 (E7 B1 BB), 款 (E6 AC BE) or 项 (E9 A1 B9).
  private static func hasMentionSign(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      func follows(level end: Int) -> Bool {
        guard end >= 3 else { return false }
        let (lead, second, third) = (bytes[end - 3], bytes[end - 2], bytes[end - 1])
        return (lead, second, third) == (0xE7, 0xB1, 0xBB) || (lead, second, third) == (0xE6, 0xAC, 0xBE)
          || (lead, second, third) == (0xE9, 0xA1, 0xB9)
      }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x2D: return true
        case 0x29: if follows(level: index) { return true }
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC:
          if bytes[index + 2] == 0x8D || (bytes[index + 2] == 0x89 && follows(level: index)) { return true }
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x94: return true
        default: break
        }
        // A continuation byte is none of these: each scalar is passed over whole
        // (`UTF8Text.length(ofLead:)`, written here: another module's function is not inlined).
        index += byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      }
      return false
    }
  }

  /// "2010301-行政运行" pairs and "名称（款）" names of one paragraph.
  package static func narrativeMentions(_ paragraph: Paragraph) -> [SubjectMention] {
    // Most paragraphs hold neither a dash after a code nor a level marker: skip them unread.
    guard hasMentionSign(paragraph.utf8) else { return [] }
    if let scalars = UTF8Text.scalarsStandingAlone(paragraph.utf8[...]) {
      return mentions(in: scalars.map { (char: $0.scalar, offset: $0.offset) }, paragraph)
    }
    var characters: [(char: Character, offset: Int)] = []
    var offset = 0
    for character in paragraph.text {
      characters.append((character, offset))
      offset += character.utf8.count
    }
    return mentions(in: characters, paragraph)
  }

  /// Where a name ends: punctuation, quotes, title marks and spaces.
  private static func isStop<Glyph: TextGlyph>(_ char: Glyph) -> Bool {
    char == "，" || char == "。" || char == "；" || char == "：" || char == "、" || char == "," || char == ";"
      || char == ":" || char == "！" || char == "？" || char == " " || char == "\t" || char == "“" || char == "”"
      || char == "《" || char == "》"
  }

  private static func isDash<Glyph: TextGlyph>(_ char: Glyph) -> Bool { char == "-" || char == "－" || char == "—" }

  /// A Chinese or ASCII numeral of an enumerator ("（一）", "(2)").
  private static func isNumeral<Glyph: TextGlyph>(_ char: Glyph) -> Bool {
    char.isASCIIDigit || char == "一" || char == "二" || char == "三" || char == "四" || char == "五" || char == "六"
      || char == "七" || char == "八" || char == "九" || char == "十"
  }

  /// The mentions of a paragraph read as `characters` (each with its offset in the text).
  private static func mentions<Glyph: TextGlyph>(
    in characters: [(char: Glyph, offset: Int)], _ paragraph: Paragraph
  ) -> [SubjectMention] {
    var result: [SubjectMention] = []
    func text(_ range: Range<Int>) -> String {
      let textEnd = range.upperBound < characters.count ? characters[range.upperBound].offset : paragraph.utf8.count
      return paragraph.text(in: characters[range.lowerBound].offset..<textEnd)
    }
    func add(_ code: String?, _ start: Int, _ end: Int, _ place: Place) {
      guard end > start else { return }
      let textEnd = end < characters.count ? characters[end].offset : paragraph.utf8.count
      let range = paragraph.sourceRange(ofTextRange: characters[start].offset..<textEnd)
      result.append(
        SubjectMention(code: code, name: text(start..<end), range: range, place: place, isReplaceable: true))
    }
    let markers: [(text: [Glyph], digits: Int)] = [
      (["（", "类", "）"], 3), (["（", "款", "）"], 5), (["（", "项", "）"], 7), (["(", "类", ")"], 3), (["(", "款", ")"], 5),
      (["(", "项", ")"], 7),
    ]
    func marker(endingAt end: Int) -> (text: [Glyph], digits: Int)? {
      // Every marker ends with a closing parenthesis: most characters are ruled out at once.
      guard end > 0, end <= characters.count, characters[end - 1].char == "）" || characters[end - 1].char == ")"
      else { return nil }
      return markers.first { marker in
        end >= marker.text.count
          && zip(characters[(end - marker.text.count)..<end], marker.text).allSatisfy { $0.char == $1 }
      }
    }
    var index = 0
    while index < characters.count {
      let char = characters[index].char
      // code-name: 3/5/7 ASCII digits, a dash, a name up to a digit, space or punctuation.
      if char.isASCIIDigit, index == 0 || !characters[index - 1].char.isASCIIDigit {
        var end = index
        while end < characters.count, characters[end].char.isASCIIDigit { end += 1 }
        if [3, 5, 7].contains(end - index), end < characters.count, isDash(characters[end].char),
          index == 0 || characters[index - 1].char != "."
        {
          let code = text(index..<end)
          guard SubjectCatalogue.level(ofCode: code) != nil else {
            index = end
            continue
          }
          var nameEnd = end + 1
          while nameEnd < characters.count, !isStop(characters[nameEnd].char),
            !characters[nameEnd].char.isASCIIDigit
          {
            nameEnd += 1
          }
          var trimmed = nameEnd
          while trimmed > end + 1, characters[trimmed - 1].char == "万" || characters[trimmed - 1].char == "元" {
            trimmed -= 1
          }
          var kept = trimmed
          if let found = marker(endingAt: kept) { kept -= found.text.count }
          if kept > end + 1, characters[(end + 1)..<kept].contains(where: { $0.char.isLetterBeyondASCII }) {
            add(code, end + 1, kept, .narrativeCode)
          }
          index = nameEnd
          continue
        }
        index = end
        continue
      }
      // name（款）: the name runs back to punctuation, a digit or the previous marker.
      if let found = marker(endingAt: index + 1) {
        let nameEnd = index + 1 - found.text.count
        var start = nameEnd
        while start > 0, !isStop(characters[start - 1].char), marker(endingAt: start) == nil,
          !characters[start - 1].char.isASCIIDigit,
          characters[start - 1].char != "." && characters[start - 1].char != "．"
        {
          start -= 1
        }
        if start < nameEnd, characters[start].char == "（" || characters[start].char == "(",
          let close = characters[start..<min(nameEnd, start + 5)].firstIndex(where: { $0.char == "）" || $0.char == ")" }
          ),
          characters[(start + 1)..<close].allSatisfy({ isNumeral($0.char) })
        {
          start = close + 1
        }
        if nameEnd > start, !(start > 0 && isDash(characters[start - 1].char)) {
          add(nil, start, nameEnd, .narrativeMarker(digits: found.digits))
        }
      }
      index += 1
    }
    return result
  }
}
