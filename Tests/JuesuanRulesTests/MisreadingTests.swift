import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// A reading that does not hold together is said (table/unparsed) and never becomes an error.
@Suite("Misreadings are refused, never reported as errors")
struct MisreadingTests {
  /// A 05 table whose arithmetic holds, with the narrative that cites it.
  static let rows: [(code: String, name: String, cells: [String])] = [
    ("201", "一般公共服务支出", ["30.00", "20.00", "10.00"]),
    ("20103", "政府办公厅（室）及相关机构事务", ["30.00", "20.00", "10.00"]),
    ("2010301", "行政运行", ["20.00", "20.00", ""]),
    ("2010350", "事业运行", ["10.00", "", "10.00"]),
    ("208", "社会保障和就业支出", ["12.50", "12.50", ""]),
    ("20805", "行政事业单位养老支出", ["12.50", "12.50", ""]),
    ("2080505", "机关事业单位基本养老保险缴费支出", ["8.20", "8.20", ""]),
    ("2080506", "机关事业单位职业年金缴费支出", ["4.30", "4.30", ""]),
    ("", "合计", ["42.50", "32.50", "10.00"]),
  ]

  static func text(_ rows: [(code: String, name: String, cells: [String])]) -> String {
    var out = "2023年度某某局部门决算\n\n一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    for row in rows { out += "\(row.code)\t\(row.name)\t\(row.cells.joined(separator: "\t"))\n" }
    return out + "\n（一）2010301-行政运行20.00万元。\n"
  }

  private func findings(_ text: String) -> [Finding] { Linter().lint(SourceText(text)).findings }

  private func errorsFromTables(_ findings: [Finding]) -> [Finding] {
    findings.filter { finding in
      finding.severity <= .warning
        && ["sum/", "xref/", "subject/"].contains { finding.code.hasPrefix($0) }
    }
  }

  @Test("the table as written: read, and nothing to report")
  func sound() {
    let found = findings(Self.text(Self.rows))
    #expect(errorsFromTables(found).isEmpty)
    #expect(!found.contains { $0.code == "table/unparsed" })
  }

  @Test("a column lost (every row's figures one column left): table/unparsed, no error")
  func columnShifted() {
    let shifted = Self.rows.map { row in (row.code, row.name, Array(row.cells.dropFirst()) + [""]) }
    let found = findings(Self.text(shifted))
    #expect(found.contains { $0.code == "table/unparsed" && $0.severity == .information })
    #expect(errorsFromTables(found).isEmpty, "\(errorsFromTables(found).map(\.message))")
  }

  @Test("codes paired one row off with their names and figures: table/unparsed, no error")
  func codesOneRowOff() {
    let codes = Self.rows.map(\.code)
    let offByRow = Self.rows.enumerated().map { index, row in
      (index == 0 ? "" : codes[index - 1], row.name, row.cells)
    }
    let found = findings(Self.text(offByRow))
    #expect(found.contains { $0.code == "table/unparsed" && $0.severity == .information })
    #expect(errorsFromTables(found).isEmpty, "\(errorsFromTables(found).map(\.message))")
  }

  @Test("one wrong figure in a sound reading is still an error, not a misreading")
  func oneWrongFigure() {
    var wrong = Self.rows
    wrong[2].cells[0] = "21.00"
    let found = findings(Self.text(wrong))
    #expect(!found.contains { $0.code == "table/unparsed" })
    #expect(found.contains { $0.code == "sum/row-total" && $0.severity == .error })
    #expect(found.contains { $0.code == "sum/code-hierarchy" && $0.severity == .error })
  }
}
