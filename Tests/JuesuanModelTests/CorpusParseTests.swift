import Foundation
import JuesuanModel
import JuesuanTestSupport
import Testing

extension Corpus {
  /// Corpus report `id` ("000"), parsed.
  static func report(_ id: String) throws -> Report {
    ReportParser.parse(SourceText(decoding: Array(try Data(contentsOf: url(id)))))
  }
}

@Suite("Parsing the corpus")
struct CorpusParseTests {
  @Test("a table of contents is no outline: its entries, page numbers and all, are skipped")
  func tableOfContents() throws {
    let text =
      "2023年度某某局部门决算\n\n目  录\n\n第一部分 部门概况\t3\n一、部门主要职责.....\t3\n"
      + "二、收入支出决算总表\t6\n\n第一部分 部门概况\n\n一、部门主要职责\n\n负责本区的公共服务。\n"
    let source = SourceText(text)
    let report = ReportParser.parse(source)
    #expect(report.headings.map(\.text) == ["第一部分 部门概况", "一、部门主要职责"])
    #expect(report.headings.allSatisfy { source.line(ofUTF8Offset: $0.range.lowerBound) >= 8 })
    #expect(report.tables.isEmpty, "a contents entry naming a table opens none")
    let corpus = try Corpus.report("000")
    let firstHeading = try #require(corpus.headings.first)
    #expect(corpus.source.line(ofUTF8Offset: firstHeading.range.lowerBound) > 29, "000's contents end at line 30")
  }

  @Test("000 (TSV, pages split mid-row): tables, rows, values")
  func report000() throws {
    let report = try Corpus.report("000")
    #expect(report.year == 2023)
    #expect(report.unitName == "福州市晋安区人民政府办公室")
    #expect(
      report.tables.map(\.kind.rawValue) == ["01", "02", "03", "04", "05", "06", "07", "08", "09", "perf", "perf"])
    let general = try #require(report.table(.generalBudget))
    #expect(general.rows.filter { $0.code != nil }.count == 32)
    let row = try #require(general.row(code: "2210203"))
    #expect(row.name == "购房补贴")
    #expect(row.cells.first??.amount == Amount(parsing: "33.93"))
    // 03 page 3: "144." + "62" split by a page break — the row is marked damaged, not misread.
    let expenditure = try #require(report.table(.expenditure))
    let split = try #require(expenditure.row(code: "2080501"))
    #expect(split.isDamaged)
    // The split code cells "2011 | 399" read as 2011399.
    #expect(expenditure.row(code: "2011399") != nil)
    let fiscal = try #require(report.table(.fiscalSummary))
    let security = try #require(fiscal.panels[1].rows.first { $0.label == "公共安全支出" })
    #expect(
      security.cells.count >= 2 && security.cells[0] == nil && security.cells[1]?.amount == Amount(parsing: "13.98"))
    #expect(report.table(.governmentFund)?.hasNoData == true)
    #expect(report.tables.allSatisfy { $0.unit == nil }, "000 has no 单位 line anywhere")
  }

  @Test("001 (space-aligned, names and codes wrapped over lines)")
  func report001() throws {
    let report = try Corpus.report("001")
    #expect(report.unitName == "安阳市北关区便民服务中心")
    #expect(Set(report.tables.map(\.kind)).isSuperset(of: Table.Kind.standard))
    for kind in [Table.Kind.income, .expenditure] {
      let table = try #require(report.table(kind))
      let row = try #require(table.row(code: "2010399"))
      #expect(row.name == "其他政府办公厅（室）及相关机构事务支出")
      #expect(row.cells.count == table.panels[0].columns.count)
      #expect(row.isPositional)
    }
    let income = try #require(report.table(.income))
    #expect(
      income.row(code: "2010399")?.cells.allSatisfy {
        $0?.amount == Amount(parsing: "5.00") || $0?.amount?.isZero == true
      } == true)
    #expect(income.row(code: "2010399")?.cells.prefix(2).allSatisfy { $0?.amount == Amount(parsing: "5.00") } == true)
    let basic = try #require(report.table(.basicExpenditure))
    #expect(basic.row(code: "30108")?.name == "机关事业单位基本养老保险费")
    #expect(basic.row(code: "30108")?.cells.first??.amount == Amount(parsing: "9.42"))
    #expect(basic.row(code: "302")?.cells.first??.amount == Amount(parsing: "7.25"))
    let sangong = try #require(report.table(.sangong))
    #expect(sangong.panels[0].columns.map(\.title) == ["预算数", "决算数"])
    let reception = try #require(sangong.rows.first { $0.label == "公务接待费" })
    #expect(reception.cells.map { $0?.amount } == [Amount(parsing: "0.39"), Amount(parsing: "0.05")])
  }

  @Test("002 (Markdown headings, <b> tags, TSV)")
  func report002() throws {
    let report = try Corpus.report("002")
    #expect(report.year == 2023)
    #expect(report.unitName == "长治市上党区人民政府办公室")
    #expect(Set(report.tables.map(\.kind)).isSuperset(of: Table.Kind.standard))
    let expenditure = try #require(report.table(.expenditure))
    let total = try #require(expenditure.rows.first { $0.isTotalRow })
    #expect(
      total.cells.prefix(3).map { $0?.amount } == [
        Amount(parsing: "1,654.78"), Amount(parsing: "622.19"), Amount(parsing: "1,032.60"),
      ])
    #expect(report.tables.filter { Table.Kind.standard.contains($0.kind) }.allSatisfy { $0.unit == "万元" })
    // "附件：二级项目绩效自评表" (then a heading) names the attached tables; it opens none.
    #expect(!report.tables.contains { $0.title.hasPrefix("附件") })
    #expect(report.paragraphs.contains { $0.text.contains("附件：二级项目绩效自评表") })
    #expect(report.tables.filter { $0.kind == .selfEvaluation }.allSatisfy { !$0.rows.isEmpty })
  }

  @Test("narrative numbers keep their units across hard wraps")
  func wrappedNumbers() throws {
    let report = try Corpus.report("001")
    let paragraph = try #require(report.paragraphs.first { $0.text.contains("基本支出 157.25") })
    let number = try #require(paragraph.numbers.first { $0.value == Amount(parsing: "157.25") })
    #expect(number.unit == .tenThousandYuan)
    #expect(
      report.source.line(ofUTF8Offset: number.range.lowerBound)
        != report.source.line(ofUTF8Offset: number.range.upperBound - 1))
  }
}

@Suite("Parsing odd input never fails")
struct RobustParseTests {
  @Test(
    "odd documents parse",
    arguments: [
      "", "\u{FEFF}", "\n\n\n", "一般公共预算财政拨款支出决算表", "201\t一般公共服务支出\t10.00\n",
      "| 科目编码 | 科目名称 | 合计 |\n| --- | --- | ---: |\n| 201 | 一般公共服务支出 | 1,2,3 |\n",
      "支出决算表\n\t\t\t\n\t\t\n", "支出决算表\n2011\t399\n-\t—\t１２３.４５\n", "\u{0}\u{1}\r\r\n\r",
    ])
  func odd(_ text: String) {
    let report = ReportParser.parse(SourceText(text))
    #expect(report.source.bytes.count == text.utf8.count)
  }

  @Test("a table of 10 000 rows and a 1 MB line parse in linear time")
  func large() {
    var text = "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    for index in 0..<10_000 { text += "2010301\t行政运行\(index)\t1.00\t1.00\t\n" }
    text += String(repeating: "长", count: 350_000) + "\n"
    let report = ReportParser.parse(SourceText(text))
    #expect(report.table(.generalBudget)?.rows.filter { $0.code != nil }.count == 10_000)
  }
}
