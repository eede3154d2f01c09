import JuesuanAnalysis
import JuesuanModel
import JuesuanRules
import Testing

/// The narrative rules (change/*, explain/*, text/* on prose) on short paragraphs taken from the
/// corpus, including the reviewer's traps.
@Suite("Narrative rules")
struct NarrativeRulesTests {
  private func findings(_ code: String, in text: String) -> [Finding] {
    Linter().lint(SourceText(text)).findings.filter { $0.code == code }
  }

  private func underlined(_ finding: Finding, in text: String) -> String {
    SourceText(text).text(in: finding.range)
  }

  private func applyingFirstFix(_ finding: Finding, to text: String) -> String {
    var bytes = Array(text.utf8)
    for edit in (finding.fixes.first?.edits ?? []).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      bytes.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("the reader takes a second subject's own figure, not the previous Δ")
  func readsSecondSubject() {
    let text =
      "2023年度收入总计1,654.78万元，支出总计1,654.78万元。与上年相比，收入总计增加500.00万元，增长43.3%，支出总计增加500.00万元，增长43.3%。"
    let changes = NarrativeReader(Paragraph(segments: [(text: text, sourceOffset: 0)]), year: 2023).changes
    #expect(changes.count == 2)
    #expect(changes.allSatisfy { $0.current?.value == Amount(hundredths: 165_478) })
    #expect(findings("change/percent", in: text).isEmpty)
  }

  @Test("change/percent: divided by this year instead of last year, with a fix to the right value")
  func wrongPercent() throws {
    let text = "（十四）2101103-公务员医疗补助 23.76 万元，较上年决算数减少 2.79 万元，下降 25.84%。"
    let finding = try #require(findings("change/percent", in: text).first)
    #expect(underlined(finding, in: text) == "25.84%")
    #expect(finding.message.rendered().contains("2.79 ÷ 上年 26.55"))
    #expect(applyingFirstFix(finding, to: text).contains("下降 10.51%"))
  }

  @Test("change/percent allows the rounding of the written figures (71.81% from 17.73 ÷ 24.68)")
  func percentWithinRounding() {
    #expect(findings("change/percent", in: "运行费 42.41 万元，较上年增加 17.73 万元，增长 71.81%。").isEmpty)
    #expect(findings("change/percent", in: "机关运行经费支出 355.09 万元，比上年决算数减少 195.14 万元，降低 35.46%。").isEmpty)
  }

  @Test("change/zero-base: 增长100% from zero is reported, 下降100% to zero is not")
  func zeroBaseGrowth() {
    let growth = "(十八) 2013299-其他组织事务支出 0.75 万，较上年决算数增加 0.75 万元，增长 100%。"
    #expect(findings("change/zero-base", in: growth).count == 1)
    let decline = "(六) 2013405-华侨事务 0 万元，较上年决算数减少 1 万元，下降 100%。主要原因是无支出。"
    #expect(findings("change/zero-base", in: decline).isEmpty)
    #expect(findings("change/percent", in: decline).isEmpty)
  }

  @Test("change/zero-base: a zero 三公 budget makes every item's rate meaningless, until the next section")
  func zeroSangongBudget() {
    let text = """
      九、财政拨款“三公”经费支出决算情况说明

      2023年度“三公”经费财政拨款支出全年预算0万元，支出决算0万元，完成全年预算的0%。其中：

      因公出国（境）费支出0万元，完成全年预算的0%，与上年相同；

      公务接待费支出0万元，完成全年预算的0%，与上年相同。

      十、其他重要事项情况说明

      公务用车运行费支出 15.22 万元，完成全年预算的 47.13%。
      """
    let found = findings("change/zero-base", in: text)
    #expect(found.count == 3)
    #expect(found.allSatisfy { underlined($0, in: text) == "0%" })
  }

  @Test("change/zero-base: a share of a whole stated as 0 in the same paragraph; 0 of a non-zero whole is fine")
  func zeroShare() {
    let text =
      "政府采购支出总额 40.19 万元。授予中小企业合同金额 0.00 万元，占政府采购支出总额的 0.00%，其中：授予小微企业合同金额 0.00 万元，占授予中小企业合同金额的 0%。"
    let found = findings("change/zero-base", in: text)
    #expect(found.count == 1)
    #expect(found.first.map { underlined($0, in: text) } == "0%")
  }

  @Test("change/direction prefers flipping the word the percentage contradicts")
  func direction() throws {
    let text = "公务用车购置及运行费支出 42.41 万元；较上年减少 17.73 万元，增长 71.81%。"
    let finding = try #require(findings("change/direction", in: text).first)
    #expect(finding.fixes.first?.isPreferred == true)
    #expect(applyingFirstFix(finding, to: text).contains("增加 17.73 万元，增长 71.81%"))
  }

  @Test("change/execution-rate checks 决算 ÷ 预算 and leaves correct rates alone")
  func executionRate() {
    #expect(
      findings("change/execution-rate", in: "年初预算为 83.65 万元，支出决算为 5.00 万元，完成年初预算的 5.98%。").isEmpty)
    #expect(
      findings("change/execution-rate", in: "年初预算为 83.65 万元，支出决算为 5.00 万元，完成年初预算的 9.98%。").count == 1)
  }

  @Test("explain/missing: an empty reason, but not a reason that continues on the next line")
  func missingReason() {
    #expect(findings("explain/missing", in: "支出总计 1,862.53 万元，增加 327.51 万元，主要是：。").count == 1)
    let continued = "2023 年度机关运行经费支出 0.00 万元。主要原因是：我单\n\n位不是行政机关，没有机关运行经费支出。"
    #expect(findings("explain/missing", in: continued).isEmpty)
  }

  @Test("explain/non-explanation: the item's own name is no reason; a genuine cause is")
  func nonExplanation() {
    let restated = "(十六) 2210202-提租补贴 12.92 万元，较上年决算数减少 2.95 万元，下降 18.59%。主要原因是本单位提租补贴支出减少。"
    #expect(findings("explain/non-explanation", in: restated).count == 1)
    let genuine = "(十二) 2101101-行政单位医疗 21.76 万元，较上年决算数减少 4.47 万元，下降 17.04%。主要原因是行政（参公）人员医保费用减少。"
    #expect(findings("explain/non-explanation", in: genuine).isEmpty)
    #expect(findings("explain/non-explanation", in: "本年无因公出国（境）费支出，主要原因是：我部门无因公出国（境）费支出。").isEmpty)
  }

  @Test("text/template-residue resolves 减少（增加） by the figures")
  func residue() throws {
    let text = "“三公”经费支出 42.41 万元，完成全年预算的 65.86%；较上年减少（增加）17.73 万元，降低（增长）71.81%。"
    let found = findings("text/template-residue", in: text)
    #expect(found.count == 2)
    let first = try #require(found.first)
    #expect(first.fixes.first?.isPreferred == true)
    #expect(applyingFirstFix(first, to: text).contains("较上年增加17.73"))
  }

  @Test("text/template-residue offers both words, neither preferred, when the figures do not decide")
  func residueUndecided() throws {
    let finding = try #require(findings("text/template-residue", in: "比上年增加（减少）3.00 万元。").first)
    #expect(finding.fixes.filter { !$0.title.hasPrefix("忽略") }.count == 2)
    #expect(!finding.fixes.contains { $0.isPreferred })
  }

  @Test("text/placeholder ignores multiplication and Markdown bold")
  func placeholders() {
    #expect(findings("text/placeholder", in: "**绩效评价指标体系。**10×5.68% = 0.57，XXL 码。").isEmpty)
    #expect(findings("text/placeholder", in: "共计××万元，XX 项目，＊＊单位，【】。").count == 4)
  }

  @Test("text/duplicate-sentence ignores table rows whose cells repeat")
  func duplicateInTableRow() {
    let row = "\t提高政府办公效率的各项工作。\t\t\t提高政府办公效率的各项工作。\t"
    #expect(findings("text/duplicate-sentence", in: row).isEmpty)
  }

  @Test("text/year-mismatch leaves last year, document numbers, dates and ranges alone")
  func yearTraps() {
    let text = """
      2023年度部门决算

      主要原因是 2022 年未支出项目在 2023 年支出。依据（榕晋财（综）〔2024〕36号），于2024年6月25日完成。支付2020年-2022年养老金；平台于2021年10月20日开通，较2022年决算1,035.60万元增加62.85万元。
      """
    #expect(findings("text/year-mismatch", in: text).isEmpty)
  }

  @Test("change/share checks a list against the total of the paragraph before it")
  func listShares() {
    let text = "2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.70%；\n\n项目支出1,032.60万元，占比62.40%。"
    let found = findings("change/share", in: text)
    #expect(found.count == 1)
    #expect(found.first.map { underlined($0, in: text) } == "37.70%")
  }

  @Test("change/execution-rate accepts any of several 预算 figures (年初, 调整)")
  func severalBudgets() {
    let text = "年初预算100.00万元，调整预算120.00万元，支出决算110.00万元，完成调整预算的91.67%，主要原因是节约。"
    #expect(findings("change/execution-rate", in: text).isEmpty)
    #expect(findings("explain/missing", in: text).isEmpty)
  }

  @Test("text/count-mismatch reads the list after the count as well as before it")
  func countAfter() {
    #expect(findings("text/count-mismatch", in: "内设机构 3 个，包括：设办公室、\n\n督察室、投诉管理室。").isEmpty)
    #expect(findings("text/count-mismatch", in: "本单位设 4 个科室，分别是：办公室、财务科和业务科。").count == 1)
    #expect(findings("text/count-mismatch", in: "对 1 个项目评价，分别是 1 个、0 个、0 个、0 个。").isEmpty)
  }

  @Test("text/placeholder: 20XX年 is a placeholder, a URL's xx is not")
  func yearPlaceholder() {
    #expect(findings("text/placeholder", in: "20XX年度决算。").count == 1)
    #expect(findings("text/placeholder", in: "网址 www.xx.gov.cn，型号 AB2XX。").isEmpty)
  }
}
