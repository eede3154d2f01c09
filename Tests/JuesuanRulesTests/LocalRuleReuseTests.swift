import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// After an edit, a local rule's findings on the lines and paragraphs the edit did not touch are
/// taken from the earlier check, moved (`LocalRule`): the result must be exactly a fresh check's.
@Suite("Local rules' findings reused after an edit")
struct LocalRuleReuseTests {
  /// The rules declared local. Each was reviewed: its findings on a line or paragraph depend on
  /// that unit's bytes alone. A rule added here needs the same review.
  @Test("the local rules are the reviewed ones")
  func reviewedRules() {
    let local = RuleRegistry.all.filter { $0 is any LocalRule.Type }.map { $0.description.code }
    #expect(
      local == ["text/placeholder", "text/wrong-term", "text/duplicate-phrase", "text/punctuation", "perf/rate-range"])
  }

  /// Edits that make and unmake findings of the local rules (half-width marks between Han
  /// characters, doubled marks, repeated phrases, wrong terms, placeholders), line breaks that
  /// move every later line, and deletions of whole lines, at random places of each corpus report. After each, the
  /// incremental check equals a fresh one: findings (ranges, fixes, messages), coverage.
  @Test("random edits of corpus reports: incremental findings equal a fresh check's", arguments: ["000", "001", "002"])
  func randomEdits(_ report: String) throws {
    let insertions = [
      "中,文", "。；", "，，", "决算数决算数", "国有资金经营预算", "\n", "\r\n", "（未闭合", "”", "部门(单位)", "反映反映",
      "××", "X万元", "【 】", "标“＊＊”的",
    ]
    try expectIncrementalLintsEqualFresh(of: report, defaultEdits: 10, defaultSeed: 20_261_206) { bytes, random in
      random.edit(&bytes, inserting: insertions, longestDeletion: 9, insertionShare: 2)
    }
  }

  /// An edit on the first line moves every later line by one: the punctuation findings after it
  /// are moved, with their fixes, and equal a fresh check's.
  @Test("a line inserted at the top moves the reused findings and fixes")
  func lineInsertedAtTop() throws {
    let text = try corpusText("002")
    let linter = Linter()
    let before = linter.lint(SourceText(text))
    let edited = SourceText("新的第一行,有半角逗号,在汉字之间。\n" + text)
    let after = linter.lint(edited, reusing: before)
    let fresh = Linter().lint(edited)
    let punctuation = after.findings.filter { $0.code == "text/punctuation" }
    #expect(punctuation.count == before.findings.filter { $0.code == "text/punctuation" }.count + 1)
    #expect(after.findings == fresh.findings)
    #expect(after.coverage == fresh.coverage)
  }
}
