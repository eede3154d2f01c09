import Foundation
import JuesuanModel
import JuesuanRules
import Testing

/// A deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Robustness: mangled drafts never crash the linter")
struct RobustnessTests {
  static let corpus: [[UInt8]] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Corpus")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
      (try? Data(contentsOf: folder.appendingPathComponent(name))).map { Array($0) }
    }
  }()

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
  func mangledDrafts(batch: Int) {
    let linter = Linter()
    // scripts/fuzz.sh raises the count (JUESUAN_FUZZ_ITERATIONS per batch) for longer runs.
    let perBatch = UInt64(ProcessInfo.processInfo.environment["JUESUAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 100)
    let base = UInt64(ProcessInfo.processInfo.environment["JUESUAN_FUZZ_SEED"].flatMap(Int.init) ?? 0)
    for seed in (base + UInt64(batch) * perBatch)..<(base + UInt64(batch + 1) * perBatch) {
      let source = SourceText(decoding: Self.mangled(seed: seed))
      let result = linter.lint(source)
      for finding in result.findings {
        #expect(finding.range.lowerBound >= 0 && finding.range.upperBound <= source.bytes.count, "seed \(seed)")
        for edit in finding.fixes.flatMap(\.edits) {
          #expect(edit.range.lowerBound >= 0 && edit.range.upperBound <= source.bytes.count, "seed \(seed)")
        }
        _ = source.lineRange(of: finding.range)
      }
    }
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
