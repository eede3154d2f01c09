import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Synchronization
import Testing

/// After an edit that left the tables, self-evaluations, paragraphs or headings a rule reads as
/// they were, the rule is not run: its earlier findings are moved (`Rule.elements`). The result
/// must be exactly a fresh check's.
@Suite("Whole rules' findings reused after an edit that left what they read")
struct ElementReuseTests {
  /// The lint of `bytes` by `linter` reusing `previous`, and the codes of the rules it ran; its
  /// findings and coverage are expected to be a fresh lint's.
  static func lintAfterEdit(
    _ bytes: [UInt8], by linter: Linter, reusing previous: LintResult,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> (LintResult, Set<String>) {
    let source = SourceText(decoding: bytes)
    var timed = linter
    let run = Mutex<Set<String>>([])
    timed.ruleTimings = { code, _ in run.withLock { _ = $0.insert(code) } }
    let result = timed.lint(source, reusing: previous)
    let fresh = Linter().lint(source)
    #expect(result.findings == fresh.findings, sourceLocation: sourceLocation)
    #expect(result.coverage == fresh.coverage, sourceLocation: sourceLocation)
    return (result, run.withLock { $0 })
  }

  /// Digits typed into figures, words typed into sentences and titles, characters deleted: edits
  /// that keep the lines, so that elements far from them are reused, at random places of each
  /// corpus report. After each, the incremental check equals a fresh one.
  @Test("random edits within lines: incremental findings equal a fresh check's", arguments: ["000", "001", "002"])
  func randomEdits(_ report: String) throws {
    let insertions = [
      "1", "9", "0.", ",", "万元", "增长", "减少", "合计", "项目", "“三公”经费", "2022年", "％", "\t", "（", "”", "150%",
      "尾差",
    ]
    try expectIncrementalLintsEqualFresh(of: report, defaultEdits: 12, defaultSeed: 20_261_207) { bytes, random in
      var position = Int.random(in: 0..<bytes.count, using: &random)
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
      if random.chance(2, in: 3) {
        bytes.insert(contentsOf: Array(random.pick(insertions).utf8), at: position)
      } else {
        var end = position
        for _ in 0..<Int.random(in: 1...3, using: &random) where end < bytes.count && bytes[end] != 0x0A {
          end += UTF8Text.length(ofLead: bytes[end])
        }
        bytes.removeSubrange(position..<min(end, bytes.count))
      }
    }
  }

  /// A figure changed in a self-evaluation table: the rules reading only tables, paragraphs and
  /// headings are not run (their findings are the earlier ones), those reading evaluations are.
  @Test("an edit inside a self-evaluation table runs only the rules that read evaluations or the text")
  func evaluationEdit() throws {
    let text = try corpusText("002")
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let evaluation = try #require(before.report.selfEvaluations.first { !$0.funds.isEmpty })
    let row = try #require(evaluation.funds.last)
    let figure = try #require(row.figures.values.min { $0.range.lowerBound < $1.range.lowerBound })
    var bytes = Array(text.utf8)
    bytes.insert(UInt8(ascii: "7"), at: figure.range.lowerBound)
    let (after, run) = Self.lintAfterEdit(bytes, by: linter, reusing: before)
    #expect(run.contains("perf/funds-total") && run.contains("perf/execution-rate"))
    // sum/row-total goes through every table, self-evaluation tables too.
    #expect(run.contains("sum/row-total"))
    for code in [
      "xref/narrative-number", "sum/narrative-breakdown", "xref/table-mismatch", "subject/inconsistent-name",
    ] {
      #expect(!run.contains(code), "\(code) ran after an edit of a self-evaluation table")
    }
    // Rules that read the text elsewhere run after every edit.
    #expect(run.contains("text/year-mismatch") && run.contains("table/unparsed"))
    // What xref/narrative-number kept of its check moved with its findings: the next edit, in a
    // paragraph, takes its other paragraphs from it.
    let number = try #require(RuleRegistry.all.firstIndex { $0.description.code == "xref/narrative-number" })
    #expect(after.parts.first?.ruleMemos[number] != nil)
    let paragraph = try #require(after.report.paragraphs.first { $0.numbers.count >= 2 })
    bytes.insert(UInt8(ascii: "1"), at: paragraph.range.lowerBound)
    let (_, ranAgain) = Self.lintAfterEdit(bytes, by: linter, reusing: after)
    #expect(ranAgain.contains("xref/narrative-number"))
  }

  /// Typing in the table of contents, which few rules read (and in the unit's name on the cover,
  /// which every rule may): at random places of those lines in each corpus report, the
  /// incremental check equals a fresh one.
  @Test(
    "random edits of the contents and the cover's unit: incremental findings equal a fresh check's",
    arguments: ["000", "001", "002"])
  func contentsAndUnitEdits(_ report: String) throws {
    try expectIncrementalLintsEqualFresh(of: report, defaultEdits: 12, defaultSeed: 20_261_208) { bytes, random in
      let parsed = ReportParser.parse(SourceText(decoding: bytes))
      let targets = parsed.contentsEntries + [parsed.unitNameRange].compactMap { $0 }
      var position = Int.random(in: 0..<bytes.count, using: &random)
      if !targets.isEmpty { position = Int.random(in: random.pick(targets), using: &random) }
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
      if random.chance(2, in: 3) || position >= bytes.count || bytes[position] == 0x0A {
        bytes.insert(contentsOf: Array(random.pick(["1", "年", "。", "目录", "\t"]).utf8), at: position)
      } else {
        bytes.removeSubrange(position..<min(position + UTF8Text.length(ofLead: bytes[position]), bytes.count))
      }
    }
  }

  /// A title in the table of contents edited: only the rules that read the text run again.
  @Test("an edit of the contents runs only the rules that read the text")
  func contentsEdit() throws {
    let text = try corpusText("000")
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let entry = try #require(before.report.contentsEntries.first)
    var bytes = Array(text.utf8)
    // After the entry's first two characters ("一、"): inside its title.
    bytes.insert(UInt8(ascii: "1"), at: entry.lowerBound + 6)
    let (after, run) = Self.lintAfterEdit(bytes, by: linter, reusing: before)
    try #require(after.report.contentsEntries.count == before.report.contentsEntries.count)
    #expect(run.contains("text/year-mismatch"))
    for code in ["xref/narrative-number", "sum/narrative-breakdown", "sum/row-total", "xref/narrative-conflict"] {
      #expect(!run.contains(code), "\(code) ran after an edit of the contents")
    }
  }

  /// A paragraph edited: the sum rules, which read the paragraphs only for whether they explain
  /// a rounding step (`Report.explainsRounding`), run again only when that changed.
  @Test("an edit of a paragraph runs the sum rules only when it changes the rounding note")
  func roundingNoteEdit() throws {
    // Corpus report 002 with its rounding notes reworded.
    var text = try corpusText("002")
    for word in ["尾差", "尾数误差", "四舍五入", "尾数差异"] { text = text.replacingOccurrences(of: word, with: "差额") }
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let explained = before.report.explainsRounding
    try #require(!explained)
    let paragraph = try #require(before.report.paragraphs.first { $0.numbers.count >= 2 })
    let sumRules = ["sum/row-total", "sum/column-total", "sum/code-hierarchy", "sum/basic-expense", "sum/sangong"]
    for (inserted, explains) in [("1", false), ("尾差", true)] {
      var bytes = Array(text.utf8)
      bytes.insert(contentsOf: Array(inserted.utf8), at: paragraph.range.lowerBound)
      let (after, run) = Self.lintAfterEdit(bytes, by: linter, reusing: before)
      let explainsNow = after.report.explainsRounding
      #expect(explainsNow == explains)
      #expect(run.contains("xref/narrative-number"))
      for code in sumRules {
        #expect(run.contains(code) == explains, "\(code) after inserting “\(inserted)” into a paragraph")
      }
    }
  }

  /// Two paragraphs state the same figure against a cell the table's sums show wrong: the first
  /// reports the cell. An edit that stops the first from stating it leaves the second, whose
  /// earlier check is otherwise reusable, to report the cell; undoing it, the first again.
  @Test("a cell shown wrong by two paragraphs: after an edit of the first, xref/narrative-number equals a fresh check")
  func wrongCellShownTwice() throws {
    let table =
      "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t30.00\n30101\t基本工资\t12.00\n"
      + "30102\t津贴补贴\t20.00\n302\t商品和服务支出\t5.00\n30201\t办公费\t5.00\n\t人员经费合计\t30.00\n\t公用经费合计\t5.00\n\n"
    let first = "人员经费30.00万元，主要包括基本工资10.00万元、津贴补贴20.00万元。\n\n"
    let second = "本年人员经费30.00万元，包括基本工资10.00万元、津贴补贴20.00万元。\n"
    let texts = [
      table + first + second,
      table + first.replacingOccurrences(of: "基本工资", with: "基本工1资") + second,
      table + first + second,
    ]
    let linter = Linter()
    var previous = linter.lint(SourceText(texts[0]))
    let cell = "表中“30101 基本工资”为 12.00"
    #expect(previous.findings.filter { $0.message.rendered().hasPrefix(cell) }.count == 1)
    for text in texts.dropFirst() {
      let (incremental, _) = Self.lintAfterEdit(Array(text.utf8), by: linter, reusing: previous)
      #expect(incremental.findings.filter { $0.message.rendered().hasPrefix(cell) }.count == 1)
      previous = incremental
    }
  }

  /// A rule checked in parts (`Rule.partElements`) declares for each part what it reads, views
  /// included: together, what the whole rule reads; each, less.
  @Test("the parts of a rule read, together, what the rule reads")
  func partsCoverTheRule() {
    let schedule = RuleSchedule(RuleRegistry.all)
    let split = RuleRegistry.all.indices.filter { schedule.parts[$0].count > 1 }
    #expect(split.map { RuleRegistry.all[$0].description.code } == ["xref/narrative-conflict"])
    for index in split {
      let whole = schedule.elements[index]
      let parts = schedule.parts[index].compactMap { $0 }
      #expect(parts.count == schedule.parts[index].count)
      #expect(parts.reduce(ReportElements()) { $0.union($1) } == whole)
      #expect(parts.allSatisfy { $0 != whole })
    }
  }

  /// A line break moves the lines the messages cite: nothing is reused.
  @Test("an edit that adds a line runs every rule")
  func lineAdded() throws {
    let text = try corpusText("002")
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let evaluation = try #require(before.report.selfEvaluations.first)
    var bytes = Array(text.utf8)
    bytes.insert(contentsOf: Array("\n".utf8), at: evaluation.region.upperBound)
    let (_, run) = Self.lintAfterEdit(bytes, by: linter, reusing: before)
    #expect(run.contains("xref/narrative-number") && run.contains("sum/row-total"))
  }
}
