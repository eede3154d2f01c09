import JuesuanModel
import JuesuanTestSupport
import Testing

/// Two real reports as `pdftotext` wrote them (Tests/Fixtures/wild): the `-layout` shape read by
/// where its words sit, the plain shape (one cell per line) read only where its arithmetic proves
/// the rows, and the contents pages never read as tables.
@Suite("Reading real PDF text shapes")
struct RealShapeTests {
  private func parse(_ text: String) -> Report { ReportParser.parse(SourceText(text)) }

  /// A row of `figures` ("" for a blank cell) with no source position, its columns certain when
  /// `placed`.
  private static func row(code: String?, name: String, _ figures: [String], placed: Bool) -> Table.Row {
    var row = Table.Row(
      code: code, codeRange: nil, name: name, nameRange: nil,
      cells: figures.map { $0.isEmpty ? nil : Table.Cell(amount: Amount(parsing: $0), text: $0, range: 0..<0) },
      range: 0..<0, line: 0)
    row.isPositional = placed
    return row
  }

  /// The rows of `table` as "code name [cells]" lines, for golden comparisons.
  private func rows(_ table: Table, panel: Int = 0) -> [String] {
    table.panels[panel].rows.map { row in
      let cells = row.cells.map { $0?.amount?.formatted(decimals: 2) ?? "·" }
      return "\(row.code ?? "-") \(row.name) [\(cells.joined(separator: ", "))]"
    }
  }

  @Test(
    "-layout, both reports: all nine tables read (08/09 without data), every identity holds", arguments: ["01", "02"])
  func layoutReadsEveryTable(id: String) throws {
    let report = parse(try WildFixture.layout(id))
    let standard = report.tables.filter { Table.Kind.standard.contains($0.kind) }
    #expect(standard.map(\.kind.rawValue) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"])
    for table in standard {
      #expect(table.reading.status != .unread, "\(table.kind.rawValue): \(table.reading.reason ?? "")")
      #expect(table.reading.failed == 0, "\(table.kind.rawValue) fails \(table.reading.failed) identities")
      #expect(table.rows.allSatisfy { !$0.isNameUncertain || $0.code == nil } || table.kind == .generalBudget)
    }
    #expect(report.table(.governmentFund)?.hasNoData == true)
    #expect(report.table(.stateCapital)?.hasNoData == true)
  }

  @Test("-layout 02: a wrong figure in 06 keeps the reading that places it, so its sums fail")
  func plantedFigureKeepsItsReading() throws {
    // 310 资本性支出 is 0.00 with its 款 listed. Written as 1.00 it fails two sums (its 款, and
    // 公用经费合计); a rival reading that runs 310 into its name forms neither and must not win.
    let text = try WildFixture.layout("02")
    let planted = text.replacingOccurrences(of: "310资本性支出                 0.00", with: "310资本性支出                 1.00")
    #expect(planted != text)
    let table = try #require(parse(planted).table(.basicExpenditure))
    let capital = try #require(table.rows.first { $0.code == "310" })
    #expect(capital.cells.first??.amount == Amount(parsing: "1.00"))
    #expect(table.reading.failed == 2)
    #expect(table.rows.count { $0.code?.hasPrefix("310") == true } == 10)
  }

  @Test("-layout 02: a page whose columns shifted is placed by the arithmetic: parents, children, 合计")
  func layoutShiftedPagePlaced() throws {
    let table = try #require(parse(try WildFixture.layout("02")).table(.expenditure))
    #expect(table.reading.status == .read, "\(table.reading.reason ?? "")")
    let read = rows(table)
    // 2.22 under 基本支出, not 项目支出: its parent 21011 has no 项目支出.
    #expect(read.contains("2101101 行政单位医疗 [2.22, 2.22, ·, ·, ·, ·]"))
    // 221 is placed by the 合计 row: the other 类' 基本支出 leave 29.42 of 105.58.
    #expect(read.contains("221 住房保障支出 [29.42, 29.42, ·, ·, ·, ·]"))
    #expect(read.contains("2210203 购房补贴 [11.72, 11.72, ·, ·, ·, ·]"))
  }

  @Test("a shifted row two placements fit is left open")
  func ambiguousRowStaysOpen() throws {
    // Two 类 with figures only in the 合计 column and one more: nothing says which.
    var table = Table(
      kind: .expenditure, title: "支出决算表", titleRange: 0..<0, range: 0..<0,
      panels: [
        Table.Panel(
          columns: [
            .init(title: "合计", role: .total), .init(title: "基本支出", role: .component),
            .init(title: "项目支出", role: .component),
          ],
          rows: [])
      ])
    var row = Table.Row(
      code: "201", codeRange: nil, name: "一般公共服务支出", nameRange: nil,
      cells: [
        Table.Cell(amount: Amount(parsing: "5.00"), text: "5.00", range: 0..<4),
        Table.Cell(amount: Amount(parsing: "5.00"), text: "5.00", range: 5..<9),
      ],
      range: 0..<9, line: 0)
    row.isPositional = false
    table.panels[0].rows = [row]
    let placed = table.placingOpenRows()
    #expect(placed.panels[0].rows[0].isPositional == false)
    #expect(placed.panels[0].rows[0].cells.count == 2)
  }

  @Test("a shifted row no placement adds up in takes its parent's columns, only when they fit its figures")
  func wrongRowMirrorsItsParent() throws {
    func row(_ code: String, _ figures: [String], placed: Bool) -> Table.Row {
      Self.row(code: code, name: code, figures, placed: placed)
    }
    let columns: [Table.Column] = [
      .init(title: "合计", role: .total), .init(title: "基本支出", role: .component),
      .init(title: "项目支出", role: .component),
    ]
    // 2101102's 合计 4.09 is not its 0.49 in any column: a wrong figure, not a reading to guess.
    let table = Table(
      kind: .expenditure, title: "支出决算表", titleRange: 0..<0, range: 0..<0,
      panels: [
        Table.Panel(
          columns: columns,
          rows: [
            row("21011", ["2.71", "2.71"], placed: true),
            row("2101101", ["2.22", "2.22"], placed: true),
            row("2101102", ["4.09", "0.49"], placed: false),
          ])
      ])
    let placed = table.placingOpenRows().panels[0].rows[2]
    #expect(placed.isPositional)
    #expect(placed.cells.map { $0?.text } == ["4.09", "0.49", nil], "its parent has only 基本支出")
    // A parent with figures in all three columns leaves two places for the second figure.
    var open = table
    open.panels[0].rows[0] = row("21011", ["2.71", "2.22", "0.49"], placed: true)
    #expect(open.placingOpenRows().panels[0].rows[2].isPositional == false)
  }

  @Test("numbered items placed together: only one choice makes every column add up to 支出总计")
  func itemsPlacedJointly() throws {
    func row(_ name: String, _ figures: [String], placed: Bool) -> Table.Row {
      Self.row(code: nil, name: name, figures, placed: placed)
    }
    let columns: [Table.Column] = [
      .init(title: "合计", role: .total), .init(title: "人员经费", role: .component),
      .init(title: "公用经费", role: .component), .init(title: "项目支出", role: .component),
    ]
    let table = Table(
      kind: .summary, title: "财务收支预算总表", titleRange: 0..<0, range: 0..<0,
      panels: [
        Table.Panel(
          columns: columns,
          rows: [
            row("一、一般公共服务支出", ["30.00", "10.00", "5.00", "15.00"], placed: true),
            row("二、科学技术支出", ["17.00", "17.00"], placed: false),
            row("三、卫生健康支出", ["8.00", "8.00"], placed: false),
            row("支出总计", ["55.00", "18.00", "5.00", "32.00"], placed: true),
          ])
      ])
    let rows = table.placingOpenRows().panels[0].rows
    #expect(rows.allSatisfy { $0.isPositional })
    #expect(rows[1].cells.map { $0?.text } == ["17.00", nil, nil, "17.00"], "科学技术 is all 项目支出")
    #expect(rows[2].cells.map { $0?.text } == ["8.00", "8.00", nil, nil], "卫生健康 is all 人员经费")
    // With the 总计 row's 人员经费 blank, no choice adds up: the rows stay open.
    var unproven = table
    unproven.panels[0].rows[3] = row("支出总计", ["55.00", "", "5.00", "32.00"], placed: true)
    #expect(unproven.placingOpenRows().panels[0].rows[1].isPositional == false)
  }

  @Test("-layout 01: the 收入 and 支出 halves of one line are two panels")
  func layoutSummaryHalves() throws {
    let table = try #require(parse(try WildFixture.layout("01")).table(.summary))
    #expect(
      rows(table).prefix(2) == ["- 一、一般公共预算财政拨款收入 [9746.50]", "- 二、政府性基金预算财政拨款收入 []"])
    #expect(rows(table).suffix(3) == ["- 使用非财政拨款结余 []", "- 年初结转和结余 [112.88]", "- 总计 [9859.38]"])
    #expect(rows(table, panel: 1).contains("- 十一、城乡社区支出 [3845.25]"))
    #expect(
      rows(table, panel: 1).suffix(4) == ["- 本年支出合计 [9759.38]", "- 结余分配 []", "- 年末结转和结余 [100.00]", "- 总计 [9859.38]"])
  }

  @Test("-layout 04: 支出 wrapped labels joined, figures under their fund columns")
  func layoutFiscalSummary() throws {
    let table = try #require(parse(try WildFixture.layout("01")).table(.fiscalSummary))
    #expect(table.panels[1].columns.map(\.title) == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
    #expect(rows(table, panel: 1).contains("- 二十二、灾害防治及应急管理支出 []"))
    #expect(rows(table, panel: 1).contains("- 十一、城乡社区支出 [3832.36, 3832.36]"))
  }

  @Test("-layout 05: names wrapped above and below their code, a page break, the 合计 row at the bottom")
  func layoutCentredNames() throws {
    let table = try #require(parse(try WildFixture.layout("01")).table(.generalBudget))
    let read = rows(table)
    #expect(read.first == "208 社会保障和就业支出 [754.75, 754.75, 0.00]")
    #expect(read.contains("2080505 机关事业单位基本养老保险缴费支出 [446.11, 446.11, 0.00]"))
    #expect(read.contains("2200199 其他自然资源事务支出 [45.00, 0.00, 45.00]"))
    #expect(read.contains("22102 住房改革支出 [461.08, 461.08, 0.00]"), "the row after the page break")
    #expect(read.last == "- 合计 [9746.50, 5364.75, 4381.74]")
    // A name between two rows whose own lines hold none could end either: it is not judged.
    let uncertain = table.rows.filter(\.isNameUncertain).compactMap(\.code)
    #expect(uncertain == ["2120101", "21202"])
  }

  @Test("-layout 03: a blank 基本支出 leaves 202.24 under 项目支出, by where it sits")
  func layoutBlankCell() throws {
    let table = try #require(parse(try WildFixture.layout("02")).table(.expenditure))
    #expect(rows(table).contains("2013999 其他社会工作事务支出 [202.24, ·, 202.24]"))
  }

  @Test("-layout 06: two side-by-side groups, codes and names on different lines, totals of both")
  func layoutEconomicGroups() throws {
    let table = try #require(parse(try WildFixture.layout("01")).table(.basicExpenditure))
    let read = rows(table)
    #expect(read.prefix(2) == ["301 工资福利支出 [4816.14]", "30101 基本工资 [537.64]"])
    #expect(read.contains("30207 邮电费 [8.05]"))
    #expect(read.contains("310 资本性支出 [39.76]"))
    #expect(read.contains("31007 信息网络及软件购置更新 [0.00]"))
    #expect(read.contains("- 人员经费合计 [4884.09]"))
    #expect(read.last == "- 公用经费合计 [480.66]")
    #expect(table.rows.filter { $0.code != nil }.count == 65)
  }

  @Test("-layout 07: one row of twelve figures, 预算数 and 决算数 per item")
  func layoutSangongRow() throws {
    let table = try #require(parse(try WildFixture.layout("01")).table(.sangong))
    #expect(table.panels[0].columns.map(\.title) == ["预算数", "决算数"])
    #expect(
      rows(table) == [
        "- 合计 [2.85, 0.39]", "- 因公出国（境）费 [0.00, 0.00]", "- 公务用车购置及运行费 [0.00, 0.00]",
        "- 公务用车购置费 [0.00, 0.00]", "- 公务用车运行维护费 [0.00, 0.00]", "- 公务接待费 [2.85, 0.39]",
      ])
  }

  @Test("contents without page numbers: entries are neither tables nor headings; the body starts at its repeat")
  func contentsWithoutPageNumbers() throws {
    for text in [try WildFixture.layout("01"), try WildFixture.plain("01")] {
      let report = parse(text)
      let firstTable = try #require(report.tables.first)
      #expect(report.source.line(ofUTF8Offset: firstTable.titleRange.lowerBound) > 100)
      let firstHeading = try #require(report.headings.first)
      #expect(firstHeading.text.contains("第一部分"))
      #expect(report.source.line(ofUTF8Offset: firstHeading.range.lowerBound) > 35)
    }
  }

  @Test("plain: a line that ends at ； goes on into the next, unless that opens a list item")
  func clauseAtLineEnd() throws {
    let report = parse(try WildFixture.plain("01"))
    // "…其他对个人和家庭的补助支出；" ends a line; "公用经费 480.66 万元…" goes on with the sentence.
    let basic = try #require(report.paragraphs.first { $0.text.contains("基本支出 5377.64 万元。其中：人员") })
    #expect(basic.text.contains("公用经费 480.66 万元"))
    let items = parse("2023年度支出情况如下：\n1、办公费 1.00 万元；\n2、印刷费 2.00 万元；\n（三）差旅费 3.00 万元。\n")
    #expect(items.paragraphs.map(\.text) == ["2023年度支出情况如下：", "1、办公费 1.00 万元；", "2、印刷费 2.00 万元；", "（三）差旅费 3.00 万元。"])
  }

  @Test("plain: a stream is read where its arithmetic proves the rows, and not read otherwise")
  func plainStreams() throws {
    let report = parse(try WildFixture.plain("01"))
    func status(_ kind: Table.Kind) -> Table.Reading.Status? { report.table(kind)?.reading.status }
    #expect(status(.summary) == .unread)
    #expect(status(.fiscalSummary) == .unread)
    #expect(status(.basicExpenditure) == .unread)
    #expect(status(.income) == .partlyRead, "only its 合计 column is proven")
    // 三公: twelve figures in the template's order, the note between the fifth and the sixth.
    let sangong = try #require(report.table(.sangong))
    #expect(sangong.reading.status == .read, "\(sangong.reading.reason ?? "")")
    #expect(
      rows(sangong) == [
        "- 合计 [2.85, 0.39]", "- 因公出国（境）费 [0.00, 0.00]", "- 公务用车购置及运行费 [0.00, 0.00]",
        "- 公务用车购置费 [0.00, 0.00]", "- 公务用车运行维护费 [0.00, 0.00]", "- 公务接待费 [2.85, 0.39]",
      ])
    let general = try #require(report.table(.generalBudget))
    #expect(general.reading.status == .read, "codes in catalogue order pair with the figures row by row")
    #expect(
      general.row(code: "2101101")?.cells.map { $0?.amount?.formatted(decimals: 2) } == ["40.35", "40.35", "0.00"])
    #expect(
      report.tables.filter { $0.kind != .sangong }.flatMap(\.rows).allSatisfy { $0.isNameUncertain },
      "no name of a stream is judged (三公's items are named by their place, not read)")
    for table in report.tables where table.reading.status == .unread { #expect(table.rows.isEmpty) }
  }

  @Test("plain 三公: read only when one pairing of its figures with the items adds up")
  func plainSangong() throws {
    func sangong(_ figures: [String]) -> Table? {
      let head =
        ["财政拨款“三公”经费支出决算表", "单位：万元", "合计", "因公出国", "（境）费", "公务用车购置及运行费", "小计", "购置费", "运行费", "公务接待费"]
        + Array(repeating: ["预算数", "决算数"], count: 6).flatMap { $0 }
      let body = figures.prefix(5) + ["注：本表反映部门本年度“三公”经费支出预决算情况。"] + figures.dropFirst(5)
      return parse((head + body).joined(separator: "\n\n") + "\n").table(.sangong)
    }
    let figures = ["12.00", "10.00", "2.00", "1.00", "6.00", "5.00", "4.00", "3.00", "2.00", "2.00", "4.00", "4.00"]
    let read = try #require(sangong(figures))
    #expect(read.reading.status == .read)
    #expect(rows(read).first == "- 合计 [12.00, 10.00]")
    #expect(rows(read).last == "- 公务接待费 [4.00, 4.00]")
    // One figure changed: no pairing adds up, so nothing is read (and no sum is reported).
    var changed = figures
    changed[11] = "4.50"
    let unread = try #require(sangong(changed))
    #expect(unread.reading.status == .unread)
    #expect(unread.rows.isEmpty)
    // A whole number among the figures may be a column number: not paired, not read.
    var whole = figures
    whole[3] = "1"
    #expect(sangong(whole)?.reading.status == .unread)
  }

  @Test("plain budget 01: rows all blank while the text writes figures is not a table of zeros")
  func blankRowsBesideFiguresAreUnread() throws {
    let report = parse(
      """
      # 2025年部门预算

      \u{0C}2025年部门财务收支预算总表
      编制部门：上海市普陀区商务委员会

      单位：元

      本年收入
      项目

      本年支出
      预算数

      项目

      预算数

      一、财政拨款收入

      371,514,655.00 一、一般公共服务支出

      21,601,733.00

      1. 一般公共预算资金

      371,514,655.00 二、科学技术支出

      17,200,000.00

      2. 政府性基金

      三、社会保障和就业支出

      3. 国有资本经营预算

      四、卫生健康支出

      二、事业收入

      五、资源勘探工业信息等支出

      293,810,000.00

      三、事业单位经营收入

      六、商业服务业等支出

      31,364,000.00

      四、其他收入

      七、住房保障支出

      2,849,034.00

      收入总计

      371,514,655.00

      支出总计

      3,808,085.00
      881,803.00

      371,514,655.00

      """)
    let table = try #require(report.table(.summary))
    #expect(table.reading.status == .unread)
    #expect(table.reading.reason?.rendered().contains("未能对应到各行") == true)
  }

  @Test("a leading-zero integer (\"03\") in a table row is a code fragment, never an amount")
  func leadingZeroIsNoAmount() throws {
    let report = parse("收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\n201\t一般公共服务支出\t03\t5.00\n")
    let table = try #require(report.table(.income))
    let cells = table.rows.first { $0.code == "201" }?.cells ?? []
    #expect(!cells.contains { $0?.amount == Amount(parsing: "3") })
  }

  @Test("a 三公 table whose rows name none of its items is not read")
  func sangongWithoutItemsIsUnread() throws {
    let garbled = parse("部门“三公”经费和机关运行经费预算表\n单位：万元\n项目\t预算数\n合计\t1.00\n购置费运行费\t171.01\n")
    #expect(try #require(garbled.table(.sangong)).reading.status == .unread)
    let whole = parse(
      "部门“三公”经费和机关运行经费预算表\n单位：万元\n项目\t预算数\n合计\t1.00\n因公出国（境）费\t0.00\n公务用车购置及运行费\t0.00\n公务接待费\t1.00\n")
    #expect(try #require(whole.table(.sangong)).reading.status != .unread)
  }

  @Test("a page's repeated header with its 合计 beside 类 款 项 and \"合计\" alone below: the row above stays whole")
  func repeatedTotalLabelAlone() throws {
    let report = parse(
      "收入决算表\n单位：万元\n项目\t\t\t本年收入合计\t财政拨款收入\n类\t款\t项\t合计\t\n"
        + "合计\t\t\t10.00\t10.00\n201\t\t\t一般公共服务支出\t5.00\t5.00\n210\t\t\t卫生健康支出\t5.00\t5.00\n"
        + "\u{0C}收入决算表\n项目\t\t\t本年收入合计\t财政拨款收入\n类\t款\t项\t10. 00\t10. 00\n合计\t\t\t\t\n"
        + "21011\t行政事业单位医疗\t\t\t5.00\t5.00\n")
    let table = try #require(report.table(.income))
    #expect(table.damage.isEmpty)
    let row = try #require(table.rows.first { $0.code == "210" })
    #expect(row.isPositional && !row.hasBrokenCell)
  }

  @Test("\"10.00 万 元\" (letter-spaced PDF text) is one amount in 万元, its unit whole")
  func spacedUnit() throws {
    let report = parse("财政业务费 10.00 万 元，信息化系统日常维护费 166.66 万 元。\n")
    let paragraph = try #require(report.paragraphs.first)
    #expect(paragraph.numbers.map(\.unit) == [.tenThousandYuan, .tenThousandYuan])
    #expect(paragraph.numbers.map { paragraph.text(in: $0.textRange) } == ["10.00 万 元", "166.66 万 元"])
  }

  @Test("a thousands separator other than \",\" joins its groups: \"1，000.00\", \"预算 1 200.00 万元\"")
  func otherThousandsSeparators() throws {
    func amounts(_ text: String) throws -> [String] {
      let paragraph = try #require(parse(text + "\n").paragraphs.first)
      return paragraph.numbers.map {
        "\($0.value.formatted(decimals: $0.value.decimals))|\(paragraph.text(in: $0.textRange))"
      }
    }
    #expect(try amounts("本年支出合计1，000.00万元，其中：基本支出600.00万元。") == ["1000.00|1，000.00万元", "600.00|600.00万元"])
    #expect(try amounts("2025年收入预算 1 200.00 万元，增长 20.00 %。") == ["1200.00|1 200.00 万元", "20.00|20.00 %"])
    #expect(try amounts("收入预算：12 345.67万元。") == ["12345.67|12 345.67万元"])
    #expect(try amounts("收入总计１，８６２．５３万元。") == ["1862.53|１，８６２．５３万元"])
    // A number before a space is no thousands when a word runs into it, when the group is no
    // amount, or when a clause ends between them.
    #expect(try amounts("项目1 200.00万元，项目2 300.00万元。") == ["1|1", "200.00|200.00万元", "2|2", "300.00|300.00万元"])
    #expect(try amounts("共 3 200.00 人次。") == ["3|3", "200.00|200.00"])
    #expect(try amounts("分别为 1，20.00万元。") == ["1|1", "20.00|20.00万元"])
    #expect(try amounts("增长 5%，200.00万元。") == ["5|5%", "200.00|200.00万元"])
  }

  @Test("the lines above a table's title that name its unit (\"公开01表\" / \"单位：元\") are the table's")
  func unitAboveTitle() throws {
    let summary =
      "收入支出决算总表\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t1000000.00\t一、一般公共服务支出\t32\t1000000.00\n"
      + "本年收入合计\t9\t1000000.00\t本年支出合计\t35\t1000000.00\n"
    let income = "收入决算表\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\n\t合计\t100.00\t100.00\n201\t一般公共服务支出\t100.00\t100.00\n"
    // The next table's unit right under a table's last row is the next table's.
    let report = parse("某局2023年度部门决算\n\n公开01表\n单位：元\n" + summary + "公开02表\n金额单位：万元\n" + income)
    #expect(report.tables.map(\.kind) == [.summary, .income])
    #expect(report.tables.map(\.unit) == ["元", "万元"])
    #expect(report.paragraphs.allSatisfy { !$0.text.utf8Text.contains("单位") })
    let summaryTable = try #require(report.table(.summary))
    #expect(report.source.text(in: summaryTable.range).utf8Text.hasPrefix("公开01表"))
    // Not across a blank line, and not a line that says more than a unit.
    let apart = parse("某局2023年度部门决算\n\n单位：元\n\n" + summary)
    #expect(apart.table(.summary)?.unit == nil)
    let sentence = parse("某局2023年度部门决算\n\n本表金额单位：元。\n" + summary)
    #expect(sentence.table(.summary)?.unit == nil)
  }

  @Test("a page number between the lines of a sentence is no part of it", arguments: ["12", "- 12 -", "第 12 页"])
  func pageNumberInsideSentence(mark: String) throws {
    let report = parse("政府采购支出总额10.00万元，其中：货物支出6.00万元、工程支出1.00万元、服务支出\n\n\(mark)\n\n\u{0C}3.00万元。\n")
    let paragraph = try #require(report.paragraphs.first)
    #expect(report.paragraphs.count == 1)
    #expect(paragraph.numbers.map(\.value) == ["10.00", "6.00", "1.00", "3.00"].compactMap(Amount.init(parsing:)))
  }

  @Test("a fragment under a page's repeated 合计 is that line's: the row before the page break stays whole")
  func fragmentUnderRepeatedTotal() throws {
    // corpus 000's 支出决算表: its total repeated under the next page's header, a stray "6" below it.
    let header = "项目\t\t\t本年支出合计\t基本支出\t项目支出\n支出功能分类 科目编码\t科目名称\t\t\t\n类\t款\t项\t合计\t\t\n"
    let report = parse(
      "支出决算表\n" + header + "\t\t\t25.30\t25.30\t\n210\t\t\t卫生健康支出\t25.30\t25.30\t\n"
        + "21011\t\t\t行政事业单位医疗\t25.30\t25.30\t\n2101101\t\t\t行政单位医疗\t21.76\t21.76\t\n\n支出决算表\n\n" + header
        + "\t\t\t25.30\t25.30\t\n\t\t\t\t6\t\n2101102\t\t\t事业单位医疗\t3.54\t3.54\t\n")
    let table = try #require(report.table(.expenditure))
    #expect(table.damage.count == 1)
    let row = try #require(table.rows.first { $0.code == "2101101" })
    #expect(row.isPositional && !row.hasBrokenCell)
  }

  @Test("a running header atop a table's next page is no part of the row before the page break")
  func runningHeaderInTable() throws {
    let report = parse(
      "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区人民政府办公室\n\n                               2025年部门收入预算总表\n编制部门：上海市普陀区人民政府办公室                                                           单位：元\n\n                       项目                                     收入预算\n\n功能分类科目编码                                                                   事业单位\n                        功能分类科目名称         合计           财政拨款收入        事业收入          其他收入\n类     款    项                                                               经营收入\n\n208             社会保障和就业支出              4,213,779.28 4,213,779.28\n208   05        行政事业单位养老支出             4,213,779.28 4,213,779.28\n\n208   05   01   行政单位离退休                1,554,220.00 1,554,220.00\n208   05   05   机关事业单位基本养老保险缴费支出       1,763,159.52 1,763,159.52\n\n208   05   06   机关事业单位职业年金缴费支出           881,579.76    881,579.76\n\n208   05   99   其他行政事业单位养老支出              14,820.00     14,820.00\n\u{0C}                              上海市普陀区2025年区级部门预算\n\n210             卫生健康支出       1,097,073.43 1,097,073.43\n210   11        行政事业单位医疗     1,097,073.43 1,097,073.43\n\n210   11   01   行政单位医疗         782,855.28   782,855.28\n\n210   11   02   事业单位医疗         314,218.15   314,218.15\n\n                       合计    5,310,852.71  5,310,852.71\n"
    )
    let table = try #require(report.table(.income))
    #expect(table.rows.first { $0.code == "2080599" }?.label == "其他行政事业单位养老支出")
  }

  @Test("a footer between a table's rows (\"第 8 页 共 23 页\", \"- 7 -\") is no row")
  func footerInTable() throws {
    for footer in ["第 8 页 共 23 页", "- 7 -"] {
      let report = parse(
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t90.00\t10.00\n"
          + "201\t一般公共服务支出\t100.00\t90.00\t10.00\n\n\(footer)\n\u{0C}20103\t政府办公厅（室）及相关机构事务\t100.00\t90.00\t10.00\n")
      let table = try #require(report.table(.generalBudget))
      #expect(table.rows.map(\.label) == ["合计", "一般公共服务支出", "政府办公厅（室）及相关机构事务"], "\(footer)")
    }
  }

  @Test("table titles listed with nothing but headings under them name tables, they are none")
  func contentsWithoutHeading() throws {
    let report = parse(
      "# 2023年度示范局部门决算\n\n第一部分 部门概况\n第二部分 2023年度部门决算表\n一、收入决算表\n二、支出决算表\n第三部分 2023年度部门决算情况说明\n\n"
        + "收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t100.00\n")
    #expect(report.tables.map(\.kind) == [.income])
    #expect(report.tables.first?.rows.isEmpty == false)
  }

  @Test("the unit, however a table's header states it; the unit's name before 金额单位")
  func unitStatements() throws {
    let rows = "科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t100.00\n"
    for (header, unit) in [
      ("部门：示范局\t单位：人民币万元\n", "万元"), ("部门：示范局\t金额单位：万元\n", "万元"), ("部门：示范局\t单位:元\n", "元"),
    ] {
      let report = parse("# 2023年度部门决算\n\n收入决算表\n\(header)\(rows)")
      #expect(try #require(report.table(.income)).unit == unit, "\(header)")
      #expect(report.unitName == "示范局", "\(header)")
    }
    let inTitles = parse("收入决算表\n科目编码\t科目名称\t本年收入合计（万元）\n201\t一般公共服务支出\t100.00\n")
    #expect(try #require(inTitles.table(.income)).unit == "万元")
  }

  @Test("a code in 类, 款 and 项 columns of its own (\"201\t03\t01\") is one code")
  func codeInThreeColumns() throws {
    let report = parse(
      "一般公共预算财政拨款支出决算表\n单位：万元\n类\t款\t项\t科目名称\t合计\t基本支出\t项目支出\n\t\t\t合计\t100.00\t90.00\t10.00\n"
        + "201\t\t\t一般公共服务支出\t100.00\t90.00\t10.00\n201\t03\t\t政府办公厅（室）及相关机构事务\t100.00\t90.00\t10.00\n"
        + "201\t03\t01\t行政运行\t90.00\t90.00\t\n201\t03\t50\t事业运行\t10.00\t\t10.00\n")
    let table = try #require(report.table(.generalBudget))
    #expect(table.rows.compactMap(\.code) == ["201", "20103", "2010301", "2010350"])
    #expect(table.rows.first { $0.code == "2010350" }?.cells.first??.value == Amount(parsing: "10.00"))
  }

  @Test("a final's 支出决算表 under its year or unit name is table 03; longer names are not")
  func expenditureTitles() {
    let names: [(String, Table.Kind)] = [
      ("支出决算表", .expenditure), ("2023年度支出决算表", .expenditure), ("示范局2023年度支出决算表", .expenditure),
      ("2023年部门支出决算表", .expenditure), ("2023年度一般公共预算财政拨款基本支出决算表", .basicExpenditure),
      ("示范局2023年度专项资金项目支出决算表", .unknown),
    ]
    for (name, kind) in names {
      let report = parse("# 2023年度部门决算\n\n\(name)\n单位：万元\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t1.00\n")
      #expect(report.tables.map(\.kind) == [kind], "\(name)")
    }
  }

  @Test("the national template's budget tables are Shanghai's tables under other names")
  func nationalBudgetTitles() {
    let names: [(String, Table.Kind)] = [
      ("2024年部门收支总表", .summary), ("部门收入总表", .income), ("部门支出总表", .expenditure),
      ("财政拨款收支总表", .fiscalSummary), ("一般公共预算支出表", .generalBudget),
      ("一般公共预算基本支出表", .basicExpenditure), ("一般公共预算“三公”经费支出表", .sangong),
      ("政府性基金预算支出表", .governmentFund), ("国有资本经营预算支出表", .stateCapital), ("项目支出表", .unknown),
    ]
    for (name, kind) in names {
      let report = parse("# 2024年部门预算\n\n\(name)\n单位：万元\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t1.00\n")
      #expect(report.tables.map(\.kind) == [kind], "\(name)")
      #expect(report.tables.allSatisfy { $0.isBudget }, "\(name)")
      #expect(report.kind == .departmentBudget, "\(name)")
    }
    // A final's tables say 决算, and its summary is no budget's 收支总表.
    let final = parse("# 2023年度部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\n总计\t1.00\n")
    #expect(final.tables.map(\.kind) == [.summary] && final.kind == .departmentFinal)
  }

  @Test("a title's year in Chinese numerals or full-width digits is the report's year, and no part of its name")
  func titleYearInOtherDigits() {
    for title in ["长治市上党区人民政府办公室二〇二三年度部门决算", "长治市上党区人民政府办公室二零二三年度部门决算", "长治市上党区人民政府办公室２０２３年度部门决算"] {
      let report = parse("\(title)\n\n一、主要职能\n本部门2022年度机构改革后，职能如下。\n\n2023年度收入总计10.00万元。\n")
      #expect(report.year == 2023, "\(title)")
      #expect(report.unitName == "长治市上党区人民政府办公室", "\(title)")
    }
    // Chinese numerals that are no year ("一二三四"), and scripts mixed, are none.
    #expect(parse("某某局一二三四年度部门决算\n\n2023年度收入总计10.00万元。\n").year == 2023)
  }
}
