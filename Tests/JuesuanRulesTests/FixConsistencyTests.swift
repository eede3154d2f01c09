import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// A fix of a figure leaves the text consistent: applied alone, it removes its finding and the
/// check finds nothing it did not find before (a percentage worked out from the corrected figure
/// is corrected with it; a total that agrees with another sum is not "fixed" into disagreement).
@Suite("Fixes leave the text consistent")
struct FixConsistencyTests {
  /// (code, line) of each error and warning, counted.
  static func signature(_ result: LintResult) -> [String: Int] {
    var counts: [String: Int] = [:]
    for finding in result.findings where finding.severity <= .warning {
      counts["\(finding.code)@\(result.source.line(ofUTF8Offset: finding.range.lowerBound))", default: 0] += 1
    }
    return counts
  }

  static func applying(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      result.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
    }
    return result
  }

  @Test(
    "each sum/xref/change fix on the corpus, applied alone, removes its finding and adds none",
    arguments: ["000", "001", "002"])
  func corpusFixes(_ id: String) throws {
    let bytes = Array(try Corpus.text(id).utf8)
    let linter = Linter()
    let before = linter.lint(SourceText(decoding: bytes))
    let baseline = Self.signature(before)
    let fixable = before.findings.filter { finding in
      ["sum", "xref", "change"].contains(finding.code.split(separator: "/").first.map(String.init) ?? "")
        && finding.severity <= .warning && finding.fixes.contains { !$0.title.hasPrefix("忽略") }
    }
    #expect(!fixable.isEmpty, "the corpus report has figure fixes to try")
    for finding in fixable {
      let fix = try #require(finding.fixes.first { !$0.title.hasPrefix("忽略") })
      let after = linter.lint(SourceText(decoding: Self.applying(fix.edits, to: bytes)))
      let signature = Self.signature(after)
      let key = "\(finding.code)@\(before.source.line(ofUTF8Offset: finding.range.lowerBound))"
      #expect(signature[key, default: 0] < baseline[key, default: 0], "\(id) \(key): “\(fix.title)” keeps its finding")
      let gained = signature.filter { $0.value > baseline[$0.key, default: 0] }.map(\.key)
      #expect(gained.isEmpty, "\(id) \(key): “\(fix.title)” adds \(gained)")
    }
  }
}
