import JuesuanCatalogue
import JuesuanModel
import JuesuanRules
import Testing

/// xref/* and subject/* on snippets shaped like the corpus, the reviewer's traps included.
@Suite("Xref and subject rules")
struct XrefSubjectTests {
  private func findings(_ code: String, in text: String) -> [Finding] {
    Linter().lint(SourceText(text)).findings.filter { $0.code == code }
  }

  private func underlined(_ finding: Finding, in text: String) -> String {
    SourceText(text).text(in: finding.range)
  }

  private static let generalBudget = """
    一般公共预算财政拨款支出决算表
    科目编码\t科目名称\t合计\t基本支出\t项目支出
    \t合计\t162.25\t157.25\t5.00
    201\t一般公共服务支出\t136.53\t131.53\t5.00
    20103\t政府办公厅（室）及相关机构事务\t136.53\t131.53\t5.00
    2010350\t事业运行\t131.53\t131.53\t
    2010399\t其他政府办公厅（室）及相关机构事务支出\t5.00\t\t5.00
    208\t社会保障和就业支出\t25.76\t25.76\t
    20805\t行政事业单位养老支出\t25.76\t25.76\t
    2080502\t事业单位离退休\t25.76\t25.76\t

    """

  @Test("xref/narrative-number: a 项 named by its 类（类）款（款）项（项） chain, 支出决算 after 年初预算")
  func chainOfNames() throws {
    let text =
      "1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）事业运行（项）。年初预算为 211.44 万元，支出决算为\n136.53 万元，完成年初预算的 64.57%。\n\n"
      + Self.generalBudget
    let found = findings("xref/narrative-number", in: text)
    let finding = try #require(found.first)
    #expect(found.count == 1)
    #expect(underlined(finding, in: text) == "136.53")
    #expect(finding.message.rendered().contains("131.53"))
    #expect(finding.fixes.first?.edits.first?.newText == "131.53")
  }

  @Test("xref/narrative-number: 基本支出 against the 合计 row; the correct figures are silent")
  func basicExpenditure() throws {
    let wrong = "2023 年度一般公共预算财政拨款基本支出 162.25 万元。\n\n" + Self.generalBudget
    let finding = try #require(findings("xref/narrative-number", in: wrong).first)
    #expect(underlined(finding, in: wrong) == "162.25")
    let right = "2023 年度一般公共预算财政拨款基本支出 157.25 万元，项目支出 5.00 万元。\n\n" + Self.generalBudget
    #expect(findings("xref/narrative-number", in: right).isEmpty)
  }

  @Test("xref/narrative-number: previous-year figures, other funds and other years do not bind")
  func doesNotBindOtherFigures() {
    let text =
      "2023年度某单位部门决算\n\n"
      + "基本支出较上年决算数减少 45.76 万元。政府性基金预算财政拨款基本支出 0.00 万元。2022年度基本支出 100.00 万元。人员支出 3.00 万元。\n"
      + "（一）2010350-事业运行 131.53 万元，其中基本支出 100.00 万元，项目支出 31.53 万元。\n\n"
      + Self.generalBudget
    #expect(findings("xref/narrative-number", in: text).isEmpty)
  }

  @Test("xref/narrative-number: 三公 budget and actual, 外宾/国内接待 not taken for 公务接待费")
  func sangong() {
    let table =
      "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n## 情况说明\n\n"
    // Narrative first: a paragraph right after a table is read into the table by the parser.
    let text =
      "2023 年度“三公”经费财政拨款支出预算为 0.00 万元，支\n出决算为 0.00 万元。外宾接待支出 0.00 万元。其他国内公务接待支出 0.00 万元。\n\n"
      + table
    let found = findings("xref/narrative-number", in: text)
    #expect(found.count == 2)
    #expect(found.map(\.message).allSatisfy { $0.rendered().contains("三公") })
  }

  @Test("xref/narrative-number: a 0.01 gap is still reported, with both readings")
  func roundingGap() throws {
    let text = """
      2023年度财政拨款基本支出622.18万元，其中：

      一般公共预算财政拨款支出决算表
      科目编码\t科目名称\t合计\t基本支出\t项目支出
      \t合计\t622.19\t622.19\t

      """
    let finding = try #require(findings("xref/narrative-number", in: text).first)
    #expect(finding.message.rendered().contains("尾差"))
  }

  @Test("xref/narrative-number: items listed under 公用经费 are 06's; bare 类 names bind to their row")
  func listingAndBareNames() throws {
    let text = """
      2023年度某单位部门决算

      公用经费49.25万元，主要包括办公费1.97万元、公务接待费0.50万元、差旅费12.00万元。

      主要用于以下方面：一般公共服务支出 136.00 万元；社会保障和就业支出（类）25.76万元。

      一般公共预算财政拨款基本支出决算表
      科目编码\t科目名称\t决算数
      30201\t办公费\t1.97
      30211\t差旅费\t12.83
      30217\t公务接待费\t0.50
      \t公用经费合计\t49.25

      财政拨款“三公”经费支出决算表
      项目\t预算数\t决算数
      合计\t0.39\t0.90
      公务接待费\t0.39\t0.90

      一般公共预算财政拨款支出决算表
      科目编码\t科目名称\t合计\t基本支出\t项目支出
      \t合计\t162.29\t157.29\t5.00
      201\t一般公共服务支出\t136.53\t131.53\t5.00
      208\t社会保障和就业支出\t25.76\t25.76\t

      """
    let found = findings("xref/narrative-number", in: text)
    #expect(found.map { underlined($0, in: text) } == ["12.00", "136.00"])
  }

  @Test("subject/name-mismatch: a one-character variant is fixed; a truncated name is left alone")
  func nameMismatch() throws {
    let text = "一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n31001\t房屋建筑物构建\t1.00\n30227\t委托业务\t2.00\n"
    let found = findings("subject/name-mismatch", in: text)
    let finding = try #require(found.first)
    #expect(found.count == 1)
    #expect(underlined(finding, in: text) == "房屋建筑物构建")
    #expect(finding.fixes.first?.edits.first?.newText == "房屋建筑物购建")
    #expect(finding.fixes.first?.isSafe == true)
  }

  @Test("subject/outdated-name: an old 类 name in the 01 expenditure labels; a cut label is silent")
  func outdatedLabel() throws {
    let text =
      "收入支出决算总表\n项目\t行次\t金额\t项目\t行次\t决算数\n一、一般公共预算财政拨款收入\t1\t5.00\t十四、资源勘探信息等支出\t44\t\n\t\t\t二十、粮油物资储\t50\t\n"
    let found = findings("subject/outdated-name", in: text)
    let finding = try #require(found.first)
    #expect(found.count == 1)
    #expect(underlined(finding, in: text) == "资源勘探信息等支出")
    #expect(findings("subject/name-mismatch", in: text).isEmpty)
  }

  @Test("subject/unknown-code is information only; a known narrative code-name is silent")
  func unknownCode() {
    let known = "（六）2013405-华侨事务 0 万元，较上年决算数减少 1 万元。\n"
    #expect(findings("subject/unknown-code", in: known).isEmpty)
    #expect(findings("subject/name-mismatch", in: known).isEmpty)
    let unknown = "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n2010398\t自设科目\t1.00\n"
    #expect(findings("subject/unknown-code", in: unknown).allSatisfy { $0.severity == .information })
  }

  @Test("subject/name-mismatch in prose: the words after the name are not part of it")
  func narrativeNameRunsOn() {
    let text = "（一）2010301-行政运行年初预算为 100.00 万元。（二）2010302-一般行政管理事务支出 5.00 万元。\n\n201-\n"
    #expect(findings("subject/name-mismatch", in: text).isEmpty)
  }

  @Test("xref/table-mismatch compares the 一般公共预算 column of 04, not a blank 合计 cell")
  func fiscalSummaryColumn() {
    let text = """
      财政拨款收入支出决算总表
      项目\t金额\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款
      一、一般公共预算财政拨款\t13.98\t四、公共安全支出\t\t13.98\t

      一般公共预算财政拨款支出决算表
      科目编码\t科目名称\t合计\t基本支出\t项目支出
      \t合计\t13.98\t13.98\t
      204\t公共安全支出\t13.98\t13.98\t

      """
    #expect(findings("xref/table-mismatch", in: text).isEmpty)
  }
}
