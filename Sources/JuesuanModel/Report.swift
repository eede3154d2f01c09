/// A draft final-accounts report read into a model: where its parts, tables and statements are,
/// each with the byte range it came from. Built by `ReportParser`; rules only read it.
package struct Report: Sendable, Equatable {
  /// What the report is: a final account (决算) or a budget (预算), of a department or of a unit.
  package enum Kind: String, Sendable, CaseIterable {
    case departmentFinal = "部门决算"
    case unitFinal = "单位决算"
    case departmentBudget = "部门预算"
    case unitBudget = "单位预算"

    package var isBudget: Bool { self == .departmentBudget || self == .unitBudget }
  }

  package var source: SourceText
  /// From the title and the tables' titles (`ReportParser`).
  package var kind = Kind.departmentFinal
  /// The report year ("2023年度…部门决算" → 2023), nil when the title does not say.
  package var year: Int?
  package var yearRange: Range<Int>?
  /// The unit (部门/单位) as the cover or a 部门： line names it.
  package var unitName: String?
  package var unitNameRange: Range<Int>?
  package var headings: [Heading]
  package var tables: [Table]
  package var paragraphs: [Paragraph]
  /// The self-evaluation tables, read again from their lines (`SelfEvaluation.all(in:)`).
  package var selfEvaluations: [SelfEvaluation] = []
  /// Regions that look like tables but could not be read.
  package var unreadRegions: [UnreadRegion]
  /// The lines of the table of contents (目录), trimmed: neither headings nor prose, but text that
  /// names the report's year and parts all the same.
  package var contentsEntries: [Range<Int>] = []
  /// The lines the parse read, kept so that the parse after an edit takes the lines the edit did
  /// not touch from them (`ParseMemo.lines(of:)`) rather than reading every line again.
  var lines: [Line] = []

  package init(
    source: SourceText, year: Int? = nil, yearRange: Range<Int>? = nil, unitName: String? = nil,
    unitNameRange: Range<Int>? = nil, headings: [Heading] = [], tables: [Table] = [], paragraphs: [Paragraph] = [],
    unreadRegions: [UnreadRegion] = []
  ) {
    self.source = source
    self.year = year
    self.yearRange = yearRange
    self.unitName = unitName
    self.unitNameRange = unitNameRange
    self.headings = headings
    self.tables = tables
    self.paragraphs = paragraphs
    self.unreadRegions = unreadRegions
  }

  /// The first table of `kind`, if recognised.
  package func table(_ kind: Table.Kind) -> Table? { tables.first { $0.kind == kind } }

  /// Each table's notes (注：…) read as a paragraph, for the rules that read prose.
  /// - Complexity: O(size of the notes).
  package var noteParagraphs: [Paragraph] {
    tables.filter { !$0.noteRanges.isEmpty }.map { Paragraph(segmentRanges: $0.noteRanges, in: source) }
  }
}

/// A heading: a part (第三部分 …), a numbered section (一、…, （一）…) or a Markdown heading.
package struct Heading: Sendable, Hashable {
  package enum Level: Int, Sendable, Hashable, Comparable {
    case part = 1
    case section = 2
    case subsection = 3
    package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  package var text: String
  package var level: Level
  package var range: Range<Int>

  package init(text: String, level: Level, range: Range<Int>) {
    self.text = text
    self.level = level
    self.range = range
  }
}

/// A region the parser saw as tabular but could not read.
package struct UnreadRegion: Sendable, Hashable {
  package var range: Range<Int>
  package var reason: String

  package init(range: Range<Int>, reason: String) {
    self.range = range
    self.reason = reason
  }
}
