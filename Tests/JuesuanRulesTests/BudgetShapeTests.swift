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

  @Test("plain b03: an item of the 财政拨款 list changed is pointed at by the cell stream of its unread table")
  func listItemAgainstCellStream() throws {
    let text = try WildFixture.plain("b03")
    func pointed(_ text: String) -> [Finding] {
      findings(text).filter { $0.code == "sum/narrative-breakdown" && $0.severity == .warning }
    }
    #expect(pointed(text).isEmpty)
    // Items 1, 7 and 26 of the list: one more, one less, two digits swapped.
    for (item, figure, changed) in [
      ("专项普查活动（项）”科目", "43.83", "44.83"), ("公共法律服务（项）”科目", "30.00", "29.00"),
      ("城管执法（项）”科目", "652.27", "625.27"),
    ] {
      let stated = item + figure + "万元"
      let offset = text.utf8.distance(from: text.startIndex, to: try #require(text.range(of: stated)).lowerBound)
      let changedText = text.replacingOccurrences(of: stated, with: item + changed + "万元")
      let found = pointed(changedText)
      // A list that falls short of its whole is itself a warning, at its opening line.
      let source = SourceText(text)
      let atItem = found.filter { source.line(ofUTF8Offset: $0.range.lowerBound) == source.line(ofUTF8Offset: offset) }
      #expect(atItem.count == 1 && found.count <= 2)
      // The fix replaces the figure, not its unit.
      let edit = try #require(atItem.first?.fixes.first?.edits.first)
      #expect(edit.newText == figure)
      var fixed = Array(changedText.utf8)
      fixed.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
      #expect(String(decoding: fixed, as: UTF8.self) == text)
    }
  }

  @Test("layout b03: a 类 name one character short still reads its row, and no sum fails")
  func shortenedNameStillRead() throws {
    let text = try WildFixture.layout("b03")
    let row = "212             城乡社区支出           154,369,326   154,369,326   0   0   0"
    #expect(text.contains(row))
    // The codes in columns of their own ("212   01   01") place the page's rows by themselves.
    let planted = text.replacingOccurrences(of: row, with: row.replacingOccurrences(of: "城乡社区支出", with: "城乡社区支"))
    let report = ReportParser.parse(SourceText(planted))
    let income = try #require(report.tables.first { $0.kind == .income })
    #expect(income.rows.first { $0.code == "212" }?.cells.first??.value == Amount(parsing: "154369326"))
    #expect(!findings(planted).contains { $0.code.hasPrefix("sum/") && $0.severity != .information })
  }

  @Test("a row whose figures were not read counts in no sum, as no zero")
  func unreadRowCountsInNoSum() throws {
    let text = """
      # 2023年度部门决算

      一般公共预算财政拨款支出决算表
      单位：万元
      科目编码 科目名称 合计 基本支出 项目支出
      合计 100.00 90.00 10.00
      201 一般公共服务支出
      20103 政府办公厅（室）及相关机构事务 100.00 90.00 10.00
      2010301 行政运行 100.00 90.00 10.00

      """
    let report = ReportParser.parse(SourceText(text))
    let table = try #require(report.tables.first { $0.kind == .generalBudget })
    #expect(table.rows.first { $0.code == "201" }?.hasUnreadFigures == true)
    #expect(!findings(text).contains { $0.code.hasPrefix("sum/") })
  }

  @Test("a whole-yuan table's sum: shown and fixed as its cells write figures, no decimals, with separators")
  func wholeYuanSumFix() throws {
    let text = """
      2024年部门财务收支预算总表
      单位：元
      项目\t金额\t项目\t预算数
      一、财政拨款收入\t1,000,000\t一、一般公共服务支出\t600,000
      二、事业收入\t0\t二、教育支出\t400,000
      收入总计\t1,100,000\t支出总计\t1,000,000

      """
    let found = try #require(findings(text).first { $0.code == "sum/balance" })
    #expect(found.message.rendered().hasPrefix("收入总计（金额） 1,100,000 ≠ 1,000,000 + 0 = 1,000,000，差 100,000"))
    #expect(found.fixes.first?.edits.map(\.newText) == ["1,000,000"])
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
    #expect(found.contains { $0.message.rendered().contains("189,677,551 ≠ 189,767,551") })
  }

  @Test("a table's second page placed a column off: its rows are left unplaced, not read as blank totals")
  func secondPageOffByAColumn() throws {
    // The 收入预算总表 of a published budget as the PDF reader wrote it: the second page's header
    // sits differently, and its rows' figures came out under 财政拨款收入 and 事业收入.
    let text = """
      上海市普陀区2025年区级部门预算

      \u{0C}                                            2025年部门收入预算总表

      编制部门：上海市普陀区财政局                                                                                                    单位：元

                              项目                                                         收入预算

      功能分类科目编码                                                                                         事业单位
                                功能分类科目名称                       合计         财政拨款收入         事业收入                        其他收入
        类    款     项                                                                                   经营收入
       201             一般公共服务支出                              22,186,440.80  22,186,440.80
       201   06        财政事务                                  22,186,440.80  22,186,440.80
       201   06    01  行政运行                                  16,231,840.80  16,231,840.80
       201   06    02  一般行政管理事务                                 100,000.00   100,000.00
       201   06    07  信息化建设                                  1,666,600.00  1,666,600.00
       201   06    08  财政委托业务支出                               4,188,000.00  4,188,000.00
       208             社会保障和就业支出                              3,508,644.00  3,508,644.00
       208   05        行政事业单位养老支出                             3,508,644.00  3,508,644.00
       208   05    01  行政单位离退休                                  877,080.00   877,080.00
       208   05    05  机关事业单位基本养老保险缴费支出                       1,748,327.00  1,748,327.00
       208   05    06  机关事业单位职业年金缴费支出                           873,617.00   873,617.00
       208   05    99  其他行政事业单位养老支出                               9,620.00     9,620.00
      \u{0C}                       项目                                                         收入预算

      功能分类科目编码                                                                                         事业单位
                                功能分类科目名称                       合计        财政拨款收入          事业收入                        其他收入
       类     款     项                                                                                   经营收入
       210             卫生健康支出                                  782,164.00    782,164.00
       210   11        行政事业单位医疗                                782,164.00    782,164.00
       210   11    01  行政单位医疗                                  782,164.00    782,164.00
       221             住房保障支出                                 4,736,957.00  4,736,957.00
       221   02        住房改革支出                                 4,736,957.00  4,736,957.00
       221   02    01  住房公积金                                  2,049,197.00  2,049,197.00
       221   02    03  购房补贴                                   2,687,760.00  2,687,760.00
                             合计                              31,214,205.80  31,214,205.80
      """
    #expect(findings(text).filter { $0.code == "sum/row-total" || $0.code == "sum/column-total" }.isEmpty)
    let table = try #require(ReportParser.parse(SourceText(text)).table(.income))
    let shifted = try #require(table.rows.first { $0.code == "2101101" })
    #expect(!shifted.isPositional)
    #expect(table.rows.first { $0.code == "2010601" }?.isPositional == true)
  }
}
