import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel
import JuesuanTestSupport
import Testing

/// A final's 一般公共预算财政拨款支出 explained 项 by 项, read as its opening's figures and each
/// item's budget and actual.
@Suite("Itemized spending")
struct ItemizedSpendingTests {
  private func list(_ text: String) -> ItemizedSpending { analysisView(ItemizedSpending.self, of: text) }

  private func figures(_ numbers: [Paragraph.Number?]) -> [String] {
    numbers.map { $0?.value.formatted(decimals: 2) ?? "·" }
  }

  @Test("001: seven items, the seventh's figures in the paragraph after its name (a page break)")
  func corpus001() throws {
    let read = list(try Corpus.text("001"))
    #expect(figures([read.budgets[.initial], read.actual]) == ["317.05", "162.25"])
    #expect(
      figures(read.items.map { $0.budgets[.initial] }) == ["211.44", "83.65", "1.76", "6.80", "3.20", "3.00", "7.20"])
    #expect(figures(read.items.map(\.actual)) == ["136.53", "5.00", "1.39", "9.42", "3.01", "2.75", "9.15"])
  }

  @Test("wild 02: the opening split from its 其中 by the reason; 年初 0, the items' 全年预算")
  func wild02() throws {
    let read = list(try WildFixture.layout("02"))
    #expect(figures([read.budgets[.initial], read.budgets[.annual], read.actual]) == ["0.00", "321.02", "307.82"])
    #expect(read.items.count == 9 && read.allState(.annual) && !read.allState(.initial) && read.allStateActuals)
  }

  @Test("other wording: 年初预算数为, 决算数为")
  func wording() {
    let read = list(
      """
      # 2023年度部门决算

      ## 五、一般公共预算财政拨款支出决算情况说明

      一般公共预算财政拨款支出年初预算数为 30.00 万元，决算数为 28.00 万元。其中：

      1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算数为 20.00 万元，决算数为 19.00 万元。

      2. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算数为 10.00 万元，决算数为 9.00 万元。

      ## 六、一般公共预算财政拨款基本支出决算情况说明

      1. 人员经费年初预算数为 5.00 万元，决算数为 5.00 万元。
      """)
    #expect(figures([read.budgets[.initial], read.actual]) == ["30.00", "28.00"])
    #expect(figures(read.items.map { $0.budgets[.initial] }) == ["20.00", "10.00"])
    #expect(figures(read.items.map(\.actual)) == ["19.00", "9.00"])
  }
}
