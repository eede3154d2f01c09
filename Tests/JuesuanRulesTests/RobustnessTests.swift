import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

@Suite("Robustness: mangled drafts never crash the linter")
struct RobustnessTests {
  static let corpus: [[UInt8]] = Corpus.allBytes()

  static let fragments: [[UInt8]] =
    [
      "\r", "\r\n", "\0", "\t", "\t\t\t", "|", "| --- |", "—", "-", "1,2,3", "１２３.４５", "(3.20)", "万元", "%",
      "增长100%", "较上年减少", "主要原因是", "合计", "2010301", "201", "30217", "\u{FFFD}", "😀", "〔2024〕", "××",
      "<!-- juesuan-disable -->", "<!-- juesuan-enable", "<b>", "### ", "一般公共预算财政拨款支出决算表\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xE5, 0x90], [0xF0, 0x9F]]

  /// Cuts, duplicates and splices the corpus with hostile fragments.
  static func mangled(seed: UInt64) -> [UInt8] {
    var random = SeededGenerator(state: seed)
    guard let base = corpus.randomElement(using: &random) else { return [] }
    let start = Int.random(in: 0..<base.count, using: &random)
    let length = Int.random(in: 0...min(6000, base.count - start), using: &random)
    var bytes = Array(base[start..<(start + length)])
    for _ in 0..<Int.random(in: 1...40, using: &random) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: bytes.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
      case 1 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...50, using: &random))
        bytes.removeSubrange(min(position, end)..<end)
      case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
      default:
        let end = min(bytes.count, position + Int.random(in: 0...200, using: &random))
        bytes.insert(contentsOf: bytes[min(position, end)..<end], at: min(position, end))
      }
    }
    return bytes
  }

  @Test("the corpus is there to mangle")
  func corpusPresent() {
    #expect(Self.corpus.count == 3)
  }

  @Test("400 mangled drafts: lint finishes; every range and fix stays inside the text", arguments: 0..<4)
  func mangledDrafts(batch: Int) async {
    let linter = Linter()
    // scripts/fuzz.sh runs this for minutes instead (see FuzzBudget for the environment it reads).
    await FuzzBudget(defaultIterations: 100).run("drafts", lane: batch, of: 4) { seed in
      Self.lintAndCheck(Self.mangled(seed: seed), linter: linter, "seed \(seed)")
    }
  }

  /// Parses and lints `bytes`; every range of the model, every finding and every fix edit lies
  /// inside the text.
  static func lintAndCheck(_ bytes: [UInt8], linter: Linter, _ label: String) {
    let source = SourceText(decoding: bytes)
    let report = ReportParser.parse(source)
    let inside = { (range: Range<Int>) in range.lowerBound >= 0 && range.upperBound <= source.bytes.count }
    #expect(report.headings.allSatisfy { inside($0.range) }, "\(label)")
    #expect(report.unreadRegions.allSatisfy { inside($0.range) }, "\(label)")
    for table in report.tables {
      #expect(inside(table.range) && inside(table.titleRange), "\(label)")
      for row in table.rows {
        #expect(inside(row.range) && row.cells.allSatisfy { $0.map { inside($0.range) } ?? true }, "\(label)")
      }
    }
    let result = linter.lint(source)
    for finding in result.findings {
      #expect(finding.range.lowerBound >= 0 && finding.range.upperBound <= source.bytes.count, "\(label)")
      for edit in finding.fixes.flatMap(\.edits) {
        #expect(edit.range.lowerBound >= 0 && edit.range.upperBound <= source.bytes.count, "\(label)")
      }
      _ = source.lineRange(of: finding.range)
    }
  }

  static let regressionFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz-regressions/drafts")

  static let regressions: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: regressionFolder.path)) ?? []).filter { !$0.hasPrefix(".") }
    .sorted()

  @Test(
    "every draft a fuzz run ever broke (Tests/Fixtures/fuzz-regressions/drafts) lints cleanly", arguments: regressions)
  func regression(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.regressionFolder.appendingPathComponent(name)))
    Self.lintAndCheck(bytes, linter: Linter(), name)
  }

  @Test("huge and degenerate inputs: one 1 MB line, 10 000 blank lines, deep nesting of brackets")
  func degenerate() {
    let linter = Linter()
    for text in [
      String(repeating: "支出", count: 500_000), String(repeating: "\n", count: 10_000),
      String(repeating: "（", count: 20_000) + String(repeating: "）", count: 20_000),
      String(repeating: "1,", count: 50_000), String(repeating: "\t", count: 100_000),
    ] {
      let result = linter.lint(SourceText(text))
      #expect(result.findings.allSatisfy { $0.range.upperBound <= text.utf8.count })
    }
  }
}
