import JuesuanCatalogue
import JuesuanModel

/// A subject name written in the report: a coded table row, a 类 label of 01/04, a "code-name" pair
/// in the narrative, or a name with a level marker ("行政事业单位离退休（款）").
package struct SubjectMention: Sendable {
  /// Where the name is written.
  package enum Place: Equatable, Sendable {
    case tableRow(Table.Kind)
    /// A 支出 label of 01/04 ("十四、资源勘探信息等支出"): a 类 named without its code.
    case categoryLabel
    /// "2010301-行政运行" in the narrative.
    case narrativeCode
    /// "事业运行（项）" in the narrative; `digits` is the level's code length.
    case narrativeMarker(digits: Int)
  }

  /// The code written with the name, nil for a name without one (a 类 label, a level marker).
  package var code: String?
  /// The name as written (whitespace kept).
  package var name: String
  /// Source range of the name.
  package var range: Range<Int>
  /// Where the name was found.
  package var place: Place
  /// True when `range` holds exactly the name on one line, so a fix may replace it.
  package var isReplaceable: Bool

  /// False for a table row the parser flagged (a cut cell, a row not aligned to its columns): its
  /// name may have picked up a neighbour's text.
  package var isClean = true

  /// True for a name in the narrative (not in a table).
  package var isNarrative: Bool {
    switch place {
    case .narrativeCode, .narrativeMarker: true
    default: false
    }
  }

  /// True when `written` is a strict prefix of `official` (a name cut by a page break or a cell edge).
  package static func isTruncation(_ written: String, of official: String) -> Bool {
    let lhs = SubjectCatalogue.normalizedName(written)
    let rhs = SubjectCatalogue.normalizedName(official)
    return !lhs.isEmpty && lhs.count < rhs.count && rhs.utf8Text.hasPrefix(lhs)
  }

  /// Every mention in the report, in document order; by mention, its index in `earlier` when it
  /// was moved from there: the tables and paragraphs the edit did not touch are not read again.
  /// - Complexity: O(n) in the rows and the narrative read, O(log n) for each element moved.
  package static func collect(_ report: Report, reusing earlier: EarlierMentions = EarlierMentions()) -> (
    [SubjectMention], [Int?]
  ) {
    var result: [(mention: SubjectMention, earlierIndex: Int?)] = []
    func reused(_ found: [(mention: SubjectMention, index: Int)]?) -> Bool {
      guard let found else { return false }
      result += found.map { ($0.mention, $0.index) }
      return true
    }
    let codedKinds: [Table.Kind] = [
      .income, .expenditure, .generalBudget, .basicExpenditure, .governmentFund, .stateCapital,
    ]
    for table in report.tables {
      let moved = earlier.moved(at: table.range, narrative: false) { report, range in
        report.tables.contains { $0.range == range && $0.kind == table.kind }
      }
      if reused(moved) { continue }
      if codedKinds.contains(table.kind) {
        for row in table.rows {
          // A name `normalizedName` leaves empty is all white space.
          // A name whose pieces could belong to the next row is not a name to judge.
          guard let code = row.code, let range = row.nameRange, !row.isNameUncertain,
            !row.name.unicodeScalars.allSatisfy(\.isWhiteSpace)
          else { continue }
          let mention = SubjectMention(
            code: code, name: row.name, range: range, place: .tableRow(table.kind),
            isReplaceable: replaceable(range, row.name, in: report.source),
            isClean: !row.isDamaged && row.isPositional)
          result.append((mention, nil))
        }
      } else if table.kind == .summary || table.kind == .fiscalSummary {
        for panel in table.panels.dropFirst() {
          for row in panel.rows where row.code == nil && !row.label.isEmpty {
            guard let range = labelRange(row, in: report.source) else { continue }
            let mention = SubjectMention(
              code: nil, name: row.label, range: range, place: .categoryLabel, isReplaceable: true)
            result.append((mention, nil))
          }
        }
      }
    }
    for paragraph in report.paragraphs {
      let moved = earlier.moved(at: paragraph.range, narrative: true) { report, range in
        report.hasParagraph(at: range, joinedLike: paragraph)
      }
      if reused(moved) { continue }
      result += narrativeMentions(paragraph).map { ($0, nil) }
    }
    let sorted = result.sorted { $0.mention.range.lowerBound < $1.mention.range.lowerBound }
    return (sorted.map(\.mention), sorted.map(\.earlierIndex))
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
    guard let found = UTF8Text.firstOffset(of: label, in: text) else { return nil }
    return (searched.lowerBound + found)..<(searched.lowerBound + found + label.count)
  }
}

extension SubjectMention {
  /// The catalogue code an unknown `mention.code` was meant to be: one whose official name is the
  /// name written and whose digits differ in at most two places — the only such code the report
  /// writes elsewhere with this name, or else the only such code in the catalogue.
  package static func intendedCode(
    of mention: SubjectMention, among mentions: [SubjectMention], catalogue: SubjectCatalogue
  )
    -> String?
  {
    guard let code = mention.code, !catalogue.contains(code: code) else { return nil }
    let name = SubjectCatalogue.normalizedName(mention.name)
    let close = Set(
      catalogue.entries(named: name).map(\.code).filter { candidate in
        candidate.count == code.count && zip(candidate, code).filter { $0 != $1 }.count <= 2
      })
    guard !close.isEmpty else { return nil }
    let written = close.filter { candidate in
      mentions.contains { $0.code == candidate && SubjectCatalogue.normalizedName($0.name) == name }
    }
    if written.count == 1 { return written.first }
    return close.count == 1 ? close.first : nil
  }
}
