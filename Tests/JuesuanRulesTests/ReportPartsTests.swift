import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Synchronization
import Testing

/// A file holding several reports is checked report by report, and an edit re-checks only the
/// report it touches (`Linter.lint(_:reusing:)`), with the very result of a full check.
@Suite("Several reports in one file; incremental lint")
struct ReportPartsTests {
  static let sampleFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")

  static func sample(_ name: String) throws -> String {
    try String(contentsOf: sampleFolder.appendingPathComponent(name), encoding: .utf8)
  }

  /// (line, code, severity) of each finding, lines counted in the whole text. (Messages that cite
  /// a line cite the file's line, which differs between a report alone and in the file.)
  static func keys(_ result: LintResult, _ source: SourceText, lineOffset: Int = 0) -> [String] {
    result.findings.map { "\(source.line(ofUTF8Offset: $0.range.lowerBound) + lineOffset)|\($0.code)|\($0.severity)" }
  }

  @Test("three corpus reports in one file: each is found and checked as if alone")
  func corpusConcatenated() throws {
    let texts = try ["000", "001", "002"].map(corpusText).map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
    let linter = Linter()
    var expected: [String] = []
    var lineOffset = 0
    for text in texts {
      let source = SourceText(text)
      let alone = linter.lint(source)
      #expect(alone.parts.count == 1, "a single report is never split")
      expected += Self.keys(alone, source, lineOffset: lineOffset)
      lineOffset += source.lineCount - 1
    }
    let whole = SourceText(texts.joined())
    let result = linter.lint(whole)
    #expect(result.parts.count == 3)
    #expect(Self.keys(result, whole).sorted() == expected.sorted())
    #expect(result.report.tables.count == texts.map { linter.lint(SourceText($0)).report.tables.count }.reduce(0, +))
    // A message citing a line of the last report cites the file's line, near the finding.
    let last = try #require(result.parts.last)
    let cited = try #require(
      result.findings.first { $0.code == "table/unparsed" && last.range.contains($0.range.lowerBound) })
    let numbers = cited.message.rendered().split(separator: "第 ").dropFirst().compactMap {
      Int($0.prefix { $0.isNumber })
    }
    let line = whole.line(ofUTF8Offset: cited.range.lowerBound) + 1
    #expect(!numbers.isEmpty && numbers.allSatisfy { $0 >= line && $0 < line + 100 }, "\(cited.message)")
  }

  @Test("a file of several reports hands over its first report's lint before the whole; an edit does not")
  func leadingReport() throws {
    let clean = try Self.sample("clean.md")
    let defective = try Self.sample("defective.md")
    let source = SourceText(defective + clean + defective)
    let linter = Linter()
    let handed = Mutex<[LintResult]>([])
    let whole = linter.lint(source, leading: { partial in handed.withLock { $0.append(partial) } })
    let leading = try #require(handed.withLock { $0.count == 1 ? $0.first : nil }, "handed over once")
    let first = try #require(whole.parts.first)
    #expect(leading.parts.count == 1 && leading.parts[0].range == first.range)
    let inFirst = whole.findings.filter { first.range.contains($0.range.lowerBound) }
    #expect(!inFirst.isEmpty)
    #expect(leading.findings.map(\.range) == inFirst.map(\.range))
    #expect(leading.findings.map(\.message) == inFirst.map(\.message), "placed, its lines cited as in the file")
    #expect(Self.keys(linter.lint(source), source) == Self.keys(whole, source), "the whole lint is unchanged")
    // An edit of one report checks that report alone: nothing to show before the whole.
    let edited = source.replacing(0..<0, with: Array("\n".utf8))
    handed.withLock { $0.removeAll() }
    _ = linter.lint(edited, reusing: whole, leading: { partial in handed.withLock { $0.append(partial) } })
    #expect(handed.withLock { $0.isEmpty })
    // A single report is the whole.
    _ = linter.lint(SourceText(clean), leading: { partial in handed.withLock { $0.append(partial) } })
    #expect(handed.withLock { $0.isEmpty })
  }

  @Test("samples pasted together split at each 第一部分 heading with its cover")
  func samplesConcatenated() throws {
    let clean = try Self.sample("clean.md")
    let defective = try Self.sample("defective.md")
    let source = SourceText(clean + defective + clean)
    let parts = ReportSegmenter.parts(of: source)
    #expect(parts.count == 3)
    #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == source.bytes.count)
    #expect(source.text(in: parts[1]).hasPrefix(defective.prefix(40)))
    #expect(Linter().lint(source).findings.count == Linter().lint(SourceText(defective)).findings.count)
  }

  @Test("the joined model of several reports points at the right text of the file")
  func joinedModel() throws {
    let clean = try Self.sample("clean.md")
    let defective = try Self.sample("defective.md")
    let source = SourceText(defective + clean + defective)
    let result = Linter().lint(source)
    #expect(result.parts.count == 3)
    let report = result.report
    #expect(report.tables.count == result.parts.map(\.report.tables.count).reduce(0, +))
    #expect(!report.tables.isEmpty && !report.paragraphs.isEmpty)
    for table in report.tables {
      #expect(source.text(in: table.titleRange).contains(table.kind == .unknown ? "" : "表"), "\(table.title)")
      for row in table.rows {
        #expect(source.line(ofUTF8Offset: row.range.lowerBound) == row.line, "\(row.name)")
        for cell in row.cells.compactMap({ $0 }) where !cell.isDamaged {
          #expect(source.text(in: cell.range) == cell.text, "\(row.name): \(cell.text)")
        }
      }
    }
    for paragraph in report.paragraphs {
      for number in paragraph.numbers {
        #expect(source.text(in: number.range).hasPrefix(paragraph.text(in: number.textRange).prefix(1)))
      }
      if let heading = paragraph.headingIndex {
        #expect(report.headings[heading].range.upperBound <= paragraph.range.lowerBound, "a heading above it")
      }
    }
  }

  @Test("a 目录 far down a report without tables in between does not split it")
  func partsWithoutTablesAreMerged() throws {
    let prose = String(repeating: "本部门全年认真履行职责，圆满完成各项工作任务。\n\n", count: 120)
    let clean = try Self.sample("clean.md")
    let source = SourceText(clean + prose + "2023年度\n某某局部门决算\n\n目录\n\n" + prose)
    #expect(ReportSegmenter.parts(of: source).count == 2, "the second 目录 is a candidate")
    #expect(Linter().lint(source).parts.count == 1, "but the part after it holds no table")
  }

  @Test("a 第一部分 line before tables without their own 收入支出决算总表 does not split a report")
  func partWithoutSummaryTable() throws {
    let clean = try Self.sample("clean.md")
    let lines = clean.split(separator: "\n", omittingEmptySubsequences: false)
    // Tables 05–09 of the sample (from the 05 title to the end of the tables), under a new cover.
    let first = try #require(lines.firstIndex { $0.hasSuffix("一般公共预算财政拨款支出决算表") })
    let tables = lines[first...].joined(separator: "\n")
    let source = SourceText(clean + "\n2023年度\n某某局部门决算\n\n第一部分 补充说明\n\n" + tables)
    #expect(ReportSegmenter.parts(of: source).count == 2, "the 第一部分 line is a candidate")
    let result = Linter().lint(source)
    #expect(result.parts.count == 1, "but its tables have no 01 of their own")
    #expect(!result.findings.contains { $0.code == "table/missing" })
  }

  @Test("SourceText.part equals the part's text read afresh", arguments: ["\n", "\r\n", "\r"])
  func sourcePart(newline: String) {
    let text = (0..<40).map { "第\($0)行：收入 1,234.56 万元" }.joined(separator: newline) + newline + "末行"
    let source = SourceText(text)
    for (first, last) in [(0, 5), (3, 20), (10, 41), (0, 41), (40, 41)] {
      let range = source.lineStarts[first]..<(last < source.lineCount ? source.lineStarts[last] : source.bytes.count)
      let part = source.part(range)
      let fresh = SourceText(source.text(in: range))
      #expect(part == fresh, "lines \(first)..<\(last)")
    }
  }

  /// Random edits (typing, deleting, pasting figures, removing a line) on three reports in one
  /// file; after each, the incremental lint equals a full one, and only touched reports are parsed.
  /// The samples pasted together (three reports, two of them the same), or a corpus report alone
  /// (long narrative sections whose readers an edit moves), edited at random.
  @Test("incremental lint equals a full lint after every random edit", arguments: ["samples", "002"])
  func incrementalEqualsFull(_ document: String) throws {
    let text =
      document == "samples"
      ? try Self.sample("clean.md") + Self.sample("defective.md") + Self.sample("clean.md") : try corpusText(document)
    var bytes = Array(text.utf8)
    let defaultEdits = document == "samples" ? 40 : 12
    let edits = Int(ProcessInfo.processInfo.environment["JUESUAN_INCREMENTAL_EDITS"] ?? "") ?? defaultEdits
    let seed = UInt64(ProcessInfo.processInfo.environment["JUESUAN_FUZZ_SEED"] ?? "") ?? 20_261_125
    var random = SeededGenerator(state: seed)
    let insertions = ["1", "0", ".", "万元", "增长", "合计", "\n", "。", "目录\n", "  ", "\t", "2010301"]
    let parses = Mutex(0)
    var linter = Linter()
    linter.ruleTimings = { code, _ in if code == "(parse)" { parses.withLock { $0 += 1 } } }
    var previous = linter.lint(SourceText(decoding: bytes))
    for step in 0..<edits {
      random.edit(&bytes, inserting: insertions, longestDeletion: 12)
      let source = SourceText(decoding: bytes)
      parses.withLock { $0 = 0 }
      let incremental = linter.lint(source, reusing: previous)
      let parsed = parses.withLock { $0 }
      let full = Linter().lint(source)
      #expect(incremental.findings == full.findings, "step \(step), seed \(seed)")
      #expect(incremental.parts.map(\.range) == full.parts.map(\.range), "step \(step), seed \(seed)")
      #expect(incremental.coverage == full.coverage, "step \(step), seed \(seed)")
      let (model, fullModel) = (incremental.report, full.report)
      #expect(model.tables == fullModel.tables, "step \(step), seed \(seed)")
      #expect(model.paragraphs.map(\.range) == fullModel.paragraphs.map(\.range), "step \(step)")
      #expect(model == fullModel, "step \(step), seed \(seed)")
      if full.parts.count == 3, previous.parts.count == 3 {
        #expect(parsed <= 2, "step \(step): an edit re-parses the report it touches (and a merge candidate)")
      }
      previous = incremental
    }
  }
}
