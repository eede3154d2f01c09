import JuesuanCatalogue
import JuesuanModel

/// A subject name written in the report: a coded table row, a 类 label of 01/04, a "code-name" pair
/// in the narrative, or a name with a level marker ("行政事业单位离退休（款）").
struct SubjectMention {
  enum Place: Equatable {
    case tableRow(Table.Kind)
    /// A 支出 label of 01/04 ("十四、资源勘探信息等支出"): a 类 named without its code.
    case categoryLabel
    /// "2010301-行政运行" in the narrative.
    case narrativeCode
    /// "事业运行（项）" in the narrative; `digits` is the level's code length.
    case narrativeMarker(digits: Int)
  }

  var code: String?
  /// The name as written (whitespace kept).
  var name: String
  /// Source range of the name.
  var range: Range<Int>
  var place: Place
  /// True when `range` holds exactly the name on one line, so a fix may replace it.
  var isReplaceable: Bool

  /// "改为…": replace the written name with `name` (none where the name is wrapped over lines).
  func renameFixes(to name: String, title: String, isSafe: Bool) -> [Fix] {
    guard isReplaceable else { return [] }
    return [Fix(title: title, edits: [TextEdit(range: range, newText: name)], isSafe: isSafe, isPreferred: true)]
  }
  /// False for a table row the parser flagged (a cut cell, a row not aligned to its columns): its
  /// name may have picked up a neighbour's text.
  var isClean = true

  var isNarrative: Bool {
    switch place {
    case .narrativeCode, .narrativeMarker: true
    default: false
    }
  }

  /// The edition to compare names against: the configured one, else the report year.
  static func edition(_ report: Report, _ context: RuleContext) -> Int? {
    context.configuration.catalogueEdition ?? report.year
  }

  /// True when `written` is a strict prefix of `official` (a name cut by a page break or a cell edge).
  static func isTruncation(_ written: String, of official: String) -> Bool {
    let lhs = SubjectCatalogue.normalizedName(written)
    let rhs = SubjectCatalogue.normalizedName(official)
    return !lhs.isEmpty && lhs.count < rhs.count && rhs.hasPrefix(lhs)
  }

  /// Every mention in the report, in document order.
  /// - Complexity: O(n) in the rows and the narrative.
  static func collect(_ report: Report) -> [SubjectMention] {
    var result: [SubjectMention] = []
    let codedKinds: [Table.Kind] = [
      .income, .expenditure, .generalBudget, .basicExpenditure, .governmentFund, .stateCapital,
    ]
    for table in report.tables {
      if codedKinds.contains(table.kind) {
        for row in table.rows {
          guard let code = row.code, let range = row.nameRange,
            !SubjectCatalogue.normalizedName(row.name).isEmpty
          else { continue }
          result.append(
            SubjectMention(
              code: code, name: row.name, range: range, place: .tableRow(table.kind),
              isReplaceable: replaceable(range, row.name, in: report.source),
              isClean: !row.isDamaged && row.isPositional))
        }
      } else if table.kind == .summary || table.kind == .fiscalSummary {
        for panel in table.panels.dropFirst() {
          for row in panel.rows where row.code == nil && !row.label.isEmpty {
            guard let range = labelRange(row, in: report.source) else { continue }
            result.append(
              SubjectMention(code: nil, name: row.label, range: range, place: .categoryLabel, isReplaceable: true))
          }
        }
      }
    }
    for paragraph in report.paragraphs {
      result += narrativeMentions(paragraph)
    }
    return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  private static func replaceable(_ range: Range<Int>, _ name: String, in source: SourceText) -> Bool {
    guard !range.isEmpty, source.line(ofUTF8Offset: range.lowerBound) == source.line(ofUTF8Offset: range.upperBound - 1)
    else { return false }
    return source.text(in: range) == name
  }

  /// The source range of a label's text without its enumerator ("十四、").
  private static func labelRange(_ row: Table.Row, in source: SourceText) -> Range<Int>? {
    let searched = row.nameRange ?? row.range
    let text = Array(source.bytes[searched.clamped(to: 0..<source.bytes.count)])
    let label = Array(row.label.utf8)
    guard let found = text.firstOffset(of: label) else { return nil }
    return (searched.lowerBound + found)..<(searched.lowerBound + found + label.count)
  }

  private static let stops: Set<Character> = [
    "，", "。", "；", "：", "、", ",", ";", ":", "！", "？", " ", "\t", "“", "”", "《", "》",
  ]

  /// What a mention needs: a dash ("2010301-") or the end of a level marker ("（款）", "(项)").
  private static let mentionSigns = ["-", "－", "—", "类）", "款）", "项）", "类)", "款)", "项)"].map { Array($0.utf8) }

  /// "2010301-行政运行" pairs and "名称（款）" names of one paragraph.
  private static func narrativeMentions(_ paragraph: Paragraph) -> [SubjectMention] {
    // Most paragraphs hold neither a dash after a code nor a level marker: skip them unread.
    guard mentionSigns.contains(where: { paragraph.utf8.firstOffset(of: $0) != nil }) else { return [] }
    var characters: [(char: Character, offset: Int)] = []
    var offset = 0
    for character in paragraph.text {
      characters.append((character, offset))
      offset += character.utf8.count
    }
    var result: [SubjectMention] = []
    func add(_ code: String?, _ start: Int, _ end: Int, _ place: Place) {
      guard end > start else { return }
      let name = String(characters[start..<end].map(\.char))
      let textEnd = end < characters.count ? characters[end].offset : paragraph.utf8.count
      let range = paragraph.sourceRange(ofTextRange: characters[start].offset..<textEnd)
      result.append(SubjectMention(code: code, name: name, range: range, place: place, isReplaceable: true))
    }
    let markers: [(text: [Character], digits: Int)] = [
      (Array("（类）"), 3), (Array("（款）"), 5), (Array("（项）"), 7), (Array("(类)"), 3), (Array("(款)"), 5),
      (Array("(项)"), 7),
    ]
    func marker(endingAt end: Int) -> (text: [Character], digits: Int)? {
      // Every marker ends with a closing parenthesis: most characters are ruled out at once.
      guard end > 0, end <= characters.count, characters[end - 1].char == "）" || characters[end - 1].char == ")"
      else { return nil }
      return markers.first { marker in
        end >= marker.text.count && characters[(end - marker.text.count)..<end].map(\.char) == marker.text
      }
    }
    var index = 0
    while index < characters.count {
      let char = characters[index].char
      // code-name: 3/5/7 ASCII digits, a dash, a name up to a digit, space or punctuation.
      if char.isASCII, char.isNumber,
        index == 0 || !(characters[index - 1].char.isASCII && characters[index - 1].char.isNumber)
      {
        var end = index
        while end < characters.count, characters[end].char.isASCII, characters[end].char.isNumber { end += 1 }
        if [3, 5, 7].contains(end - index), end < characters.count, "-－—".contains(characters[end].char),
          index == 0 || characters[index - 1].char != "."
        {
          let code = String(characters[index..<end].map(\.char))
          guard SubjectCatalogue.level(ofCode: code) != nil else {
            index = end
            continue
          }
          var nameEnd = end + 1
          while nameEnd < characters.count, !stops.contains(characters[nameEnd].char),
            !(characters[nameEnd].char.isASCII && characters[nameEnd].char.isNumber)
          {
            nameEnd += 1
          }
          var trimmed = nameEnd
          while trimmed > end + 1, characters[trimmed - 1].char == "万" || characters[trimmed - 1].char == "元" {
            trimmed -= 1
          }
          var kept = trimmed
          if let found = marker(endingAt: kept) { kept -= found.text.count }
          if kept > end + 1, characters[(end + 1)..<kept].contains(where: { $0.char.isLetter && !$0.char.isASCII }) {
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
        while start > 0, !stops.contains(characters[start - 1].char), marker(endingAt: start) == nil,
          !(characters[start - 1].char.isASCII && characters[start - 1].char.isNumber),
          characters[start - 1].char != "." && characters[start - 1].char != "．"
        {
          start -= 1
        }
        if start < nameEnd, characters[start].char == "（" || characters[start].char == "(",
          let close = characters[start..<min(nameEnd, start + 5)].firstIndex(where: { $0.char == "）" || $0.char == ")" }
          ),
          characters[(start + 1)..<close].allSatisfy({ "一二三四五六七八九十0123456789".contains($0.char) })
        {
          start = close + 1
        }
        if nameEnd > start, !(start > 0 && "-－—".contains(characters[start - 1].char)) {
          add(nil, start, nameEnd, .narrativeMarker(digits: found.digits))
        }
      }
      index += 1
    }
    return result
  }
}
