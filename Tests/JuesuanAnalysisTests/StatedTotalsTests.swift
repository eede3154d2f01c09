import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel
import JuesuanTestSupport
import Testing

/// The totals the narrative states, read as facts: each label's figure once, a longer name not
/// read as the shorter one inside it, other years' and comparisons' figures left out.
@Suite("Stated totals")
struct StatedTotalsTests {
  private func totals(_ text: String) -> StatedTotals { analysisView(StatedTotals.self, of: text) }

  private func values(_ totals: StatedTotals, _ total: StatedTotals.Total) -> [String] {
    totals.statements(of: total).map { $0.number.value.formatted(decimals: 2) }
  }

  @Test("a budget's seven totals, the longest name claiming its text")
  func budget() {
    let stated = totals(
      """
      # 2025年部门预算

      2025年，某某委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元。支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。财政拨款支出预算中，一般公共预算拨款支出预算37,151.47万元；政府性基金拨款支出预算0万元；国有资本经营预算拨款支出预算0万元。
      """)
    #expect(values(stated, .income) == ["37151.47"])
    #expect(values(stated, .expenditure) == ["37151.47"])
    #expect(values(stated, .fiscalIncome) == ["37151.47"])
    #expect(values(stated, .fiscalExpenditure) == ["37151.47"])
    #expect(values(stated, .generalBudget) == ["37151.47"])
    #expect(values(stated, .governmentFund) == ["0.00"])
    #expect(values(stated, .stateCapital) == ["0.00"])
    #expect(!stated.tablesStateThem)
  }

  @Test("a budget's totals by other names: 收支总预算 states both, 收入预算总额 and 支出预算总额 one each")
  func budgetTotalNames() {
    let stated = totals(
      """
      # 2024年部门预算

      某某局2024年收支总预算1,200.00万元。收入预算总额1,200.00万元，其中：一般公共预算拨款收入1,000.00万元。支出预算总额1,200.00万元，其中：基本支出800.00万元，项目支出400.00万元。
      """)
    #expect(values(stated, .income) == ["1200.00", "1200.00"])
    #expect(values(stated, .expenditure) == ["1200.00", "1200.00"])
  }

  @Test("收入支出总计 states both totals; 财政拨款收入支出总计 the fiscal ones, not 支出总计")
  func finalTotals() {
    let stated = totals(
      """
      # 2024年度部门决算

      本部门2024年度收入支出总计9859.38万元。本部门2024年度财政拨款收入支出总计9746.50万元。
      """)
    #expect(values(stated, .income) == ["9859.38"])
    #expect(values(stated, .expenditure) == ["9859.38"])
    #expect(values(stated, .fiscalExpenditure) == ["9746.50"])
  }

  @Test("another year's or last year's total is not this year's")
  func otherYears() {
    let stated = totals(
      """
      # 2025年部门预算

      2024年收入预算100.00万元。比上年收入预算80.00万元增加20.00万元。本部门收入预算120.00万元。
      """)
    #expect(values(stated, .income) == ["120.00"])
  }

  @Test("a budget's 三公 statements: the total after 预算数为, each item once")
  func sangong() {
    let stated = totals(
      """
      # 2024年部门预算

      2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：（一）因公出国（境）费0万元，比2023年预算持平。（二）公务用车购置及运行费46.56万元。其中：公务用车购置费25万元；公务用车运行费21.56万元。（三）公务接待费1.35万元。
      """)
    #expect(values(stated, .sangong) == ["47.91"])
    #expect(values(stated, .sangongAbroad) == ["0.00"])
    #expect(values(stated, .sangongVehicles) == ["46.56"])
    #expect(values(stated, .sangongPurchase) == ["25.00"])
    #expect(values(stated, .sangongRunning) == ["21.56"])
    #expect(values(stated, .sangongReception) == ["1.35"])
  }

  @Test(
    "a final's 三公 figures: after 支出, 支出决算为 or 决算为, the parts by their spending; not a budget, a sub-item or other funds"
  )
  func finalSangong() {
    let stated = totals(
      """
      # 2023年度部门决算

      ## 七、一般公共预算财政拨款“三公”经费支出决算情况说明

      2023 年度一般公共预算拨款“三公”经费支出 42.41 万元，完成全年预算的 65.86%。

      （一）因公出国（境）费决算为 0.00 万元，完成预算的 0.00%。

      （二）公务用车购置及运行费支出 42.41 万元，较上年减少 17.73 万元。其中：公务用车购置支出为 27.19 万元；公务用车运行维护费支出 15.22 万元。

      3.公务接待费预算为 1.00 万元，支出决算为 0.39 万元。其中：国内公务接待费 0.39 万元（含外宾接待费 0.00 万元），其他国内公务接待费 0.39 万元。

      “三公”经费（含其他资金）支出 50.00 万元。

      ## 八、机关运行经费支出情况说明

      机关运行经费支出 80.00 万元，其中：公务用车运行维护费支出 5.00 万元。
      """)
    #expect(values(stated, .sangong) == ["42.41"])
    #expect(values(stated, .sangongAbroad) == ["0.00"])
    #expect(values(stated, .sangongVehicles) == ["42.41"])
    #expect(values(stated, .sangongPurchase) == ["27.19"])
    // The 机关运行经费 section's 公务用车运行维护费 is an economic item of another total.
    #expect(values(stated, .sangongRunning) == ["15.22"])
    // "公务接待费预算为 1.00" is the budget, the figure after 支出决算为 the final's; the 国内 and
    // 其他国内 parts are not the whole.
    #expect(values(stated, .sangongReception) == ["0.39"])
  }

  @Test("the parts of 公务接待费 its explanation names: 外宾, 国内 and 其他国内, each read once")
  func receptionParts() throws {
    let text = try Corpus.text("001")
    let stated = totals(text)
    #expect(values(stated, .sangongReception).allSatisfy { $0 == "0.00" } && !values(stated, .sangongReception).isEmpty)
    #expect(values(stated, .receptionForeign) == ["0.00"])
    #expect(values(stated, .receptionOtherDomestic) == ["0.00"])
    #expect(values(stated, .receptionDomestic).isEmpty)
    #expect(!stated.tablesState(.receptionForeign))
    let wild = totals(
      """
      # 2024年度部门决算

      ## 六、一般公共预算财政拨款“三公”经费支出决算情况说明

      公务接待费支出 0.39 万元。国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。
      """)
    #expect(values(wild, .receptionDomestic) == ["0.39"])
    #expect(values(wild, .receptionForeign) == ["0.00"])
  }
}
