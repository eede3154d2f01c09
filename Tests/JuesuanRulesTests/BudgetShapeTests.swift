import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// A published budget as `pdftotext -layout` wrote it (Tests/Fixtures/wild/b04…): the narrative's
/// totals held against its 收支总表, whose rows drop their blank fund columns at the end.
@Suite("Budget text shapes")
struct BudgetShapeTests {
  private func findings(_ text: String) -> [Finding] { Linter().lint(SourceText(text)).findings }

  @Test("a fund's 0 stated as 1: the 收支总表's dropped blank column is its zero")
  func fundAgainstDroppedBlankColumn() throws {
    let text = try WildFixture.layout("b04")
    let stated = "政府性基金拨款支出预算0万元"
    #expect(text.contains(stated))
    let clean = findings(text).filter { $0.code == "xref/narrative-number" }
    let planted = text.replacingOccurrences(of: stated, with: "政府性基金拨款支出预算1万元")
    let found = findings(planted).filter { $0.code == "xref/narrative-number" }
    #expect(found.count == clean.count + 1)
    let new = try #require(found.first { $0.message.rendered().contains("政府性基金拨款支出预算") })
    #expect(new.message.rendered().contains("1.00"))
  }
}
