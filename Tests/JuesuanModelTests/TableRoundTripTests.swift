import JuesuanModel
import Testing

/// A table written by the tests in each shape a report arrives in, read back.
struct SampleTable {
  var kind: Table.Kind
  var title: String
  var columns: [String]
  var rows: [(code: String?, name: String, cells: [String?])]

  /// A 05 table whose arithmetic holds: 类 = Σ 款 = Σ 项, 合计 = 基本 + 项目, 合计 row = Σ 类.
  static let general = SampleTable(
    kind: .generalBudget, title: "一般公共预算财政拨款支出决算表", columns: ["合计", "基本支出", "项目支出"],
    rows: [
      ("201", "一般公共服务支出", ["30.00", "20.00", "10.00"]),
      ("20103", "政府办公厅（室）及相关机构事务", ["30.00", "20.00", "10.00"]),
      ("2010301", "行政运行", ["20.00", "20.00", nil]),
      ("2010350", "事业运行", ["10.00", nil, "10.00"]),
      ("208", "社会保障和就业支出", ["12.50", "12.50", nil]),
      ("20805", "行政事业单位养老支出", ["12.50", "12.50", nil]),
      ("2080505", "机关事业单位基本养老保险缴费支出", ["8.20", "8.20", nil]),
      ("2080506", "机关事业单位职业年金缴费支出", ["4.30", "4.30", nil]),
      (nil, "合计", ["42.50", "32.50", "10.00"]),
    ])

  /// The rows as the reader should give them: code, name, figures (trailing blanks dropped).
  var expected: [String] {
    rows.map { row in
      var cells = row.cells
      while cells.last == .some(nil) { cells.removeLast() }
      return "\(row.code ?? "-") \(row.name) [\(cells.map { $0 ?? "·" }.joined(separator: ", "))]"
    }
  }

  /// Tab-separated rows under a one-line header.
  var tsv: String {
    var out = "\(title)\n单位：万元\n科目编码\t科目名称\t\(columns.joined(separator: "\t"))\n"
    for row in rows {
      out += "\(row.code ?? "")\t\(row.name)\t\(row.cells.map { $0 ?? "" }.joined(separator: "\t"))\n"
    }
    return out
  }

  /// What `pdftotext -layout` makes of the table: a header wrapped over lines (each title split
  /// in two), a 栏次 row, figures right-aligned under their titles, names of more than `wrap`
  /// characters wrapped around their code line, and a page break after `breakAfter` rows where
  /// every column sits `shift` characters further left (and the header is repeated or not).
  func aligned(
    wrap: Int = 8, breakAfter: Int? = nil, shift: Int = 3, repeatHeader: Bool = false, lineNumbers: Bool = true
  )
    -> String
  {
    let nameStart = 10
    let firstEnd = 40
    let width = 12
    func pad(_ line: inout String, to column: Int) {
      let count = line.unicodeScalars.count
      if count < column { line += String(repeating: " ", count: column - count) } else { line += " " }
    }
    func header(offset: Int) -> String {
      var top = String(repeating: " ", count: 14) + "项目\n"
      var upper = ""
      var lower = ""
      for (index, title) in columns.enumerated() {
        let end = firstEnd + index * width - offset
        let half = title.unicodeScalars.count / 2
        let head = String(title.unicodeScalars.prefix(max(1, half)))
        let tail = String(title.unicodeScalars.dropFirst(max(1, half)))
        pad(&upper, to: end - head.unicodeScalars.count)
        upper += head
        if !tail.isEmpty {
          pad(&lower, to: end - tail.unicodeScalars.count)
          lower += tail
        }
      }
      let names = "科目编码  科目名称"
      top +=
        names + String(upper.unicodeScalars.dropFirst(min(upper.unicodeScalars.count, names.unicodeScalars.count)))
        + "\n"
      top += lower + "\n"
      if lineNumbers {
        var numbers = "栏次"
        for index in columns.indices {
          pad(&numbers, to: firstEnd + index * width - offset - 1)
          numbers += String(index + 1)
        }
        top += numbers + "\n"
      }
      return top
    }
    var out = "\(String(repeating: " ", count: 12))\(title)\n\(String(repeating: " ", count: 40))单位：万元\n"
    out += header(offset: 0)
    var offset = 0
    for (index, row) in rows.enumerated() {
      if let breakAfter, index == breakAfter {
        offset = shift
        out += "\u{0C}" + (repeatHeader ? header(offset: offset) : "")
      }
      let name = row.name
      let scalars = Array(name.unicodeScalars)
      var above = ""
      var anchorName = name
      var below = ""
      if scalars.count > wrap, row.code != nil {
        // Centred in its cell: the first piece above the code line, the rest on it and below.
        above = String(String.UnicodeScalarView(scalars.prefix(wrap)))
        let rest = Array(scalars.dropFirst(wrap))
        anchorName = ""
        below = String(String.UnicodeScalarView(rest))
      }
      if !above.isEmpty { out += String(repeating: " ", count: nameStart - offset) + above + "\n" }
      var line = row.code ?? String(repeating: " ", count: 4)
      pad(&line, to: nameStart - offset)
      line += anchorName
      for (column, cell) in row.cells.enumerated() {
        guard let cell else { continue }
        pad(&line, to: firstEnd + column * width - offset - cell.count)
        line += cell
      }
      out += line + "\n"
      if !below.isEmpty { out += String(repeating: " ", count: nameStart - offset) + below + "\n" }
    }
    return out + "注：本表反映部门本年度一般公共预算财政拨款支出情况。\n"
  }

  /// What plain `pdftotext` makes of it: one cell per line, column by column (codes, then
  /// names, then the figures row by row), 合计 after its figures.
  var stream: String {
    var out = "\(title)\n单位：万元\n项目\n科目编码\n"
    for row in rows where row.code != nil { out += "\(row.code ?? "")\n\n" }
    out += columns.joined(separator: "\n\n") + "\n科目名称\n"
    for row in rows where row.code != nil { out += row.name + "\n" }
    for row in rows {
      for cell in row.cells { if let cell { out += "\n\(cell)\n" } }
    }
    return out + "合计\n注：本表反映部门本年度一般公共预算财政拨款支出情况。\n"
  }
}

@Suite("One table in every shape reads back the same")
struct TableRoundTripTests {
  private func read(_ text: String, _ kind: Table.Kind) throws -> Table {
    try #require(ReportParser.parse(SourceText(text)).table(kind))
  }

  private func rows(_ table: Table) -> [String] {
    table.rows.map { row in
      "\(row.code ?? "-") \(row.name) [\(row.cells.map { $0?.amount?.formatted(decimals: 2) ?? "·" }.joined(separator: ", "))]"
    }
  }

  @Test("TSV: the model, every identity holding")
  func tsv() throws {
    let table = try read(SampleTable.general.tsv, .generalBudget)
    #expect(rows(table) == SampleTable.general.expected)
    #expect(table.reading.status == .read)
    #expect(table.reading.failed == 0 && table.reading.held > 10)
  }

  @Test(
    "-layout: wrapped header, 栏次 row, names wrapped around their row, a page break with or without the header",
    arguments: [(nil as Int?, false), (4, false), (4, true), (6, false)])
  func aligned(breakAfter: Int?, repeatHeader: Bool) throws {
    let text = SampleTable.general.aligned(breakAfter: breakAfter, repeatHeader: repeatHeader)
    let table = try read(text, .generalBudget)
    #expect(rows(table) == SampleTable.general.expected, "\(text)")
    #expect(table.reading.status == .read)
    #expect(table.rows.allSatisfy { $0.isPositional })
  }

  @Test("a cell stream: the same codes and figures (names not judged), or not read; never another table")
  func stream() throws {
    let table = try read(SampleTable.general.stream, .generalBudget)
    if table.reading.status == .unread {
      #expect(table.rows.isEmpty)
      return
    }
    let expected = SampleTable.general.expected.map { line in
      // Names do not survive a stream: compare codes and figures.
      line.split(separator: " ", maxSplits: 1).first.map(String.init)! + " "
        + (line.split(separator: "[").last.map { "[" + $0 } ?? "")
    }
    let read = rows(table).map { line in
      line.split(separator: " ", maxSplits: 1).first.map(String.init)! + " "
        + (line.split(separator: "[").last.map { "[" + $0 } ?? "")
    }
    #expect(read == expected)
    #expect(table.rows.allSatisfy { $0.isNameUncertain })
  }

  @Test("a misreading is refused: figures a column off, or codes a row off, leave the table unread")
  func misreadingsRefused() throws {
    // A column lost: every row's figures moved one column left.
    var shifted = SampleTable.general
    shifted.rows = shifted.rows.map { row in (row.code, row.name, Array(row.cells.dropFirst()) + [nil]) }
    let columnOff = try read(shifted.tsv, .generalBudget)
    #expect(columnOff.reading.status == .unread)
    #expect(columnOff.rows.isEmpty)

    var offByRow = SampleTable.general
    let codes = offByRow.rows.map(\.code)
    offByRow.rows = offByRow.rows.enumerated().map { index, row in
      (index == 0 ? nil : codes[index - 1], row.name, row.cells)
    }
    let rowOff = try read(offByRow.tsv, .generalBudget)
    #expect(rowOff.reading.status == .unread, "\(rowOff.reading)")
  }
}

/// The side-by-side tables written as `pdftotext -layout` lays them out.
@Suite("Side-by-side tables in the aligned shape read back the same")
struct SideBySideRoundTripTests {
  /// `text` padded with spaces to `column` (at least one space when it is already there).
  private func pad(_ text: inout String, to column: Int) {
    let count = text.unicodeScalars.count
    text += String(repeating: " ", count: max(count < column ? column - count : 1, 0))
  }

  @Test("06 in three groups (national template): every code with its name and figure, both totals")
  func economicGroups() throws {
    let groups: [[(String, String, String)]] = [
      [
        ("301", "工资福利支出", "90.00"), ("30101", "基本工资", "60.00"), ("30102", "津贴补贴", "30.00"),
        ("303", "对个人和家庭的补助", "5.00"), ("30302", "退休费", "5.00"),
      ],
      [("302", "商品和服务支出", "12.00"), ("30201", "办公费", "7.00"), ("30217", "公务接待费", "5.00")],
      [("310", "资本性支出", "3.00"), ("31002", "办公设备购置", "3.00")],
    ]
    var text = "一般公共预算财政拨款基本支出决算表\n" + String(repeating: " ", count: 90) + "单位：万元\n"
    var header = ""
    for group in 0..<3 {
      pad(&header, to: group * 40)
      header += "科目编码"
      pad(&header, to: group * 40 + 10)
      header += "科目名称"
      pad(&header, to: group * 40 + 32)
      header += "决算数"
    }
    text += header + "\n"
    for index in 0..<(groups.map(\.count).max() ?? 0) {
      var line = ""
      for (group, rows) in groups.enumerated() where index < rows.count {
        let (code, name, amount) = rows[index]
        pad(&line, to: group * 40)
        line += code
        pad(&line, to: group * 40 + 10)
        line += name
        pad(&line, to: group * 40 + 37 - amount.count)
        line += amount
      }
      text += line + "\n"
    }
    var totals = "      人员经费合计"
    pad(&totals, to: 37 - 5)
    totals += "95.00"
    pad(&totals, to: 86)
    totals += "公用经费合计"
    pad(&totals, to: 117 - 5)
    totals += "15.00"
    text += totals + "\n注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。\n"
    let table = try #require(ReportParser.parse(SourceText(text)).table(.basicExpenditure))
    let read = table.rows.map {
      "\($0.code ?? "-") \($0.name) \($0.cells.first??.amount?.formatted(decimals: 2) ?? "·")"
    }
    let expected =
      groups[0].map { "\($0.0) \($0.1) \($0.2)" } + ["- 人员经费合计 95.00"]
      + (groups[1] + groups[2]).map { "\($0.0) \($0.1) \($0.2)" } + ["- 公用经费合计 15.00"]
    #expect(read.sorted() == expected.sorted(), "\(text)")
    #expect(table.reading.status == .read)
    #expect(table.reading.failed == 0 && table.reading.held >= 6)
  }

  @Test("01 as two halves with 行次 columns: labels, line numbers skipped, figures on their side")
  func summaryHalvesWithLineNumbers() throws {
    let left = [
      ("一、一般公共预算财政拨款收入", "1", "100.00"), ("本年收入合计", "7", "100.00"),
      ("年初结转和结余", "8", "10.00"), ("总计", "9", "110.00"),
    ]
    let right = [
      ("一、一般公共服务支出", "10", "95.00"), ("二、外交支出", "11", ""), ("本年支出合计", "12", "95.00"),
      ("年末结转和结余", "13", "15.00"), ("总计", "14", "110.00"),
    ]
    var text = "收入支出决算总表\n" + String(repeating: " ", count: 70) + "单位：万元\n"
    var header = "项目"
    pad(&header, to: 28)
    header += "行次"
    pad(&header, to: 40)
    header += "金额"
    pad(&header, to: 48)
    header += "项目"
    pad(&header, to: 76)
    header += "行次"
    pad(&header, to: 86)
    header += "决算数"
    text += header + "\n"
    for index in 0..<max(left.count, right.count) {
      var line = ""
      if index < left.count {
        line += left[index].0
        pad(&line, to: 29)
        line += left[index].1
        pad(&line, to: 44 - left[index].2.count)
        line += left[index].2
      }
      pad(&line, to: 48)
      line += right[index].0
      pad(&line, to: 77)
      line += right[index].1
      if !right[index].2.isEmpty {
        pad(&line, to: 92 - right[index].2.count)
        line += right[index].2
      }
      text += line + "\n"
    }
    let table = try #require(ReportParser.parse(SourceText(text)).table(.summary))
    func rows(_ panel: Int) -> [String] {
      table.panels[panel].rows.map { "\($0.label) \($0.cells.compactMap { $0?.amount?.formatted(decimals: 2) })" }
    }
    #expect(rows(0) == left.map { "\(Table.normalizedLabel($0.0)) [\"\($0.2)\"]" })
    #expect(rows(1) == right.map { "\(Table.normalizedLabel($0.0)) \($0.2.isEmpty ? "[]" : "[\"\($0.2)\"]")" })
    #expect(table.reading.status == .read && table.reading.failed == 0)
  }
}
