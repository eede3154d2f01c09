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

  @Test("a planted 收入总计 in a side-by-side 财政拨款收支总表: the reading keeps its rows apart and the sum fails")
  func plantedTotalKeepsTheReading() {
    let text = """
      上海市普陀区2025年区级部门预算

      \u{0C}                                   2025年部门财政拨款收支预算总表
      编制部门：上海市普陀区人民政府万里街道办事处                                                                     单位：元

               财政拨款收入                                          财政拨款支出

          项目            预算数                    项目      合计           一般公共预算         政府性基金预算   国有资本经营预算

      一、一般公共预算资金        189,767,551 一、一般公共服务支出          3,296,600      3,296,600

      二、政府性基金                         二、公共安全支出          2,878,025      2,878,025

      三、国有资本经营预算                      三、教育支出              250,000        250,000

                                      四、科学技术支出            100,000        100,000

                                      五、文化旅游体育与传媒支出       200,000        200,000

                                      六、社会保障和就业支出      16,091,895     16,091,895

                                      七、卫生健康支出          3,216,973      3,216,973

                                      八、城乡社区支出        154,369,326    154,369,326

                                      九、住房保障支出          9,364,732      9,364,732




         收入总计           189,767,551        支出总计       189,767,551    189,767,551
      """
    #expect(findings(text).filter { $0.code.hasPrefix("sum/") }.isEmpty)
    // With the total wrong, a reading that runs 二、政府性基金 into 二、公共安全支出 forms no
    // 收入 side to check; it must not be preferred.
    let planted = text.replacingOccurrences(of: "收入总计           189,767,551", with: "收入总计           189,677,551")
    #expect(planted != text)
    let found = findings(planted).filter { $0.code == "sum/balance" }
    #expect(found.contains { $0.message.rendered().contains("189677551.00 ≠ 189767551.00") })
  }
}
