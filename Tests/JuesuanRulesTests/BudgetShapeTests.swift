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

  @Test("a 类 code written again with its 款 and 项 on lines of their own: no sum error, no name error")
  func splitCodesAreNoErrors() {
    let text = """
      # 2025年部门预算

      2025年部门收入预算总表
      单位：元

      功能分类科目编码
      功能分类科目名称
      合计
      财政拨款收入

      201

      一般公共服务支出

      82,096,797.42 82,096,797.42

      201

      03

      政府办公厅（室）及相关机构事务

      82,096,797.42 82,096,797.42

      201

      03

      01

      行政运行

      12,029,501.84 12,029,501.84

      201

      03

      50

      事业运行

      70,067,295.58 70,067,295.58

      合计

      82,096,797.42 82,096,797.42
      """
    let errors = findings(text).filter { $0.severity == .error || $0.severity == .warning }
    #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message.rendered())" })")
  }
}
