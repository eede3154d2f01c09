import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// Changes one amount of the clean sample at a time and requires a diagnostic (error or warning)
/// that points at the changed line — its range, or a related location on it.
@Suite("Mutation: every changed amount of a consistent report is noticed")
struct MutationTests {
  static let clean: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("samples/clean.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// Byte ranges of every amount: table cells and narrative figures (万元 and %).
  static func amountRanges(in report: Report) -> [Range<Int>] {
    var ranges = report.tables.flatMap { table in
      table.rows.flatMap { row in
        row.cells.compactMap { cell in cell?.amount == nil ? nil : cell?.range }
      }
    }.filter { range in
      // Not the 行次 column of label tables.
      !(report.source.text(in: range).allSatisfy(\.isNumber) && range.count <= 2)
    }
    for paragraph in report.paragraphs {
      for number in paragraph.numbers where number.unit == .tenThousandYuan || number.unit == .percent {
        let digits =
          number.range.lowerBound..<(number.range.lowerBound + number.value.formatted(decimals: 2).utf8.count)
        ranges.append(digits)
      }
    }
    return ranges
  }

  /// A text of `Tests/Fixtures/national`: the national template's narrative, written with every
  /// figure consistent.
  static func nationalFixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/national").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
  }

  @Test("at least 95 % of single-amount mutations are reported at the changed line")
  func mutations() throws {
    Self.expectNoticed(Self.clean, minimumAmounts: 80, atLeast: 0.95)
  }

  /// The national template's final-accounts narrative (收入、支出、财政拨款、一般公共预算 by 类 and 项,
  /// 基本支出, 三公 with its shares, 机关运行经费, 政府采购 with its 中小企业 shares, 车辆) around the
  /// clean sample's tables: 216 of its 221 figures are noticed.
  @Test("the national template's final narrative: at least 95 % of changed figures are reported at their line")
  func nationalTemplateMutations() throws {
    Self.expectNoticed(try Self.nationalFixture("final-template.md"), minimumAmounts: 150, atLeast: 0.95)
  }

  /// The same final with its tables as images: its narrative alone, figures against each other
  /// (96 of 98: the two missed are 因公出国（境）费's in the 三公 sentence, its budget tied to nothing,
  /// its actual reported where it is stated again).
  @Test("a final stated in narrative only: at least 95 % of changed figures are reported at their line")
  func finalNarrativeMutations() throws {
    let text = try Self.nationalFixture("final-template.md")
    let narrative =
      try #require(text.range(of: "## 第三部分")).lowerBound..<(try #require(text.range(of: "## 第四部分")).lowerBound)
    Self.expectNoticed("# 2023年度示范区示范局部门决算\n\n" + text[narrative], minimumAmounts: 90, atLeast: 0.95)
  }

  /// A budget whose tables are images: only its narrative's figures against each other (收支总体, 财政
  /// 拨款 by fund, 基本 and 项目支出 with their shares, "收入预算中：…" lists, 三公, 机关运行经费,
  /// 政府采购): 63 of 66 (the rest tie to nothing: 预留 amounts, 项目预算资金).
  @Test("a budget stated in narrative only: at least 90 % of changed figures are reported at their line")
  func budgetNarrativeMutations() throws {
    Self.expectNoticed(try Self.nationalFixture("budget-narrative.md"), minimumAmounts: 60, atLeast: 0.9)
  }

  /// Expects at least `bar` of the changes `mutate` makes to `text` to be noticed.
  static func expectNoticed(_ text: String, minimumAmounts: Int, atLeast bar: Double) {
    let (caught, total, missed) = mutate(text, minimumAmounts: minimumAmounts)
    let rate = Double(caught) / Double(max(1, total))
    #expect(
      rate >= bar, "caught \(caught) of \(total) (\(Int(rate * 100)) %); missed: \(missed.joined(separator: "; "))")
  }

  /// Adds 1.37 to each amount of `text` in turn (table cells, narrative 万元 and %), and counts the
  /// changes a finding (error or warning) at the changed line notices; `text` itself must be clean.
  static func mutate(_ text: String, minimumAmounts: Int) -> (caught: Int, total: Int, missed: [String]) {
    let source = SourceText(text)
    let report = ReportParser.parse(source)
    #expect(Linter().lint(report).findings.filter { $0.severity <= .warning }.isEmpty, "the sample is clean")
    let ranges = Self.amountRanges(in: report)
    #expect(ranges.count >= minimumAmounts, "\(ranges.count) amounts")
    var caught = 0
    var missed: [String] = []
    for range in ranges {
      let original = source.text(in: range)
      guard let value = Amount(parsing: original) else { continue }
      let mutated = (value + Amount(hundredths: 137)).formatted(decimals: 2)
      var bytes = source.bytes
      bytes.replaceSubrange(range, with: Array(mutated.utf8))
      let changed = SourceText(decoding: bytes)
      let line = changed.line(ofUTF8Offset: range.lowerBound)
      let findings = Linter().lint(changed).findings.filter { $0.severity <= .warning }
      let noticed = findings.contains { finding in
        ([finding.range] + finding.related.map(\.range)).contains { changed.line(ofUTF8Offset: $0.lowerBound) == line }
      }
      if noticed {
        caught += 1
      } else {
        missed.append("line \(line + 1): \(original) → \(mutated)")
      }
    }
    return (caught, ranges.count, missed)
  }

  @Test("a 款 with two digits swapped, under a 类 another sum confirms: named at its own line, with the fix")
  func transposedPartNamedAtItsLine() throws {
    let text = try WildFixture.layout("02")
    let written = "30107    绩效工资       10.16"
    #expect(text.contains(written))
    let planted = text.replacingOccurrences(of: written, with: "30107    绩效工资       11.06")
    let source = SourceText(planted)
    let findings = Linter().lint(source).findings.filter { $0.code == "sum/basic-expense" }
    let line = try #require(planted.components(separatedBy: "\n").firstIndex { $0.contains("绩效工资       11.06") })
    let atPart = try #require(findings.first { source.line(ofUTF8Offset: $0.range.lowerBound) == line })
    #expect(atPart.severity == .warning)
    #expect(atPart.message.rendered().hasPrefix("“30107 绩效工资”11.06 疑为数字颠倒"))
    #expect(atPart.fixes.first?.edits.map(\.newText) == ["10.16"])
  }

  @Test("a total stated after the report's own unit name is held against the table (and 财政拨款's against 04)")
  func totalAfterUnitName() throws {
    let text = try WildFixture.layout("02")
    let written = "中共上海市普陀区委社会工作部 2024 年度收入支出总计 307.82"
    #expect(text.contains(written))
    let clean = Linter().lint(SourceText(text)).findings.filter { $0.code == "xref/narrative-number" }
    let planted = text.replacingOccurrences(of: written, with: "中共上海市普陀区委社会工作部 2024 年度收入支出总计 370.82")
    let source = SourceText(planted)
    let found = Linter().lint(source).findings.filter { $0.code == "xref/narrative-number" }
    let line = try #require(planted.components(separatedBy: "\n").firstIndex { $0.contains("收入支出总计 370.82") })
    #expect(found.count == clean.count + 1)
    #expect(found.contains { source.line(ofUTF8Offset: $0.range.lowerBound) == line })
    // 01 states its 财政拨款收入支出总计 (04's 9746.50) after its name, not its 收入支出总计 (01's 9859.38).
    let other = try WildFixture.layout("01")
    #expect(other.contains("上海市普陀区规划和自然资源局 2024 年度财政拨款收入支"))
    #expect(
      !Linter().lint(SourceText(other)).findings.contains {
        $0.code == "xref/narrative-number" && $0.message.rendered().contains("收入支出总计")
      })
  }

  @Test("a 项's budget changed in a final's itemized 一般公共预算 spending: its items no longer add up")
  func itemizedBudgetChanged() throws {
    let text = try WildFixture.layout("02")
    func breakdowns(_ text: String) -> [Finding] {
      Linter().lint(SourceText(text)).findings.filter {
        $0.code == "sum/narrative-breakdown" && $0.message.rendered().contains("合计数 321.02")
      }
    }
    #expect(breakdowns(text).isEmpty)
    for (written, changed, severity) in [
      ("全年预算为 5.74 万元", "全年预算为 7.54 万元", Severity.error), ("全年预算为 2.29 万元", "全年预算为 1.29 万元", .warning),
    ] {
      #expect(text.contains(written))
      let found = breakdowns(text.replacingOccurrences(of: written, with: changed))
      #expect(found.map(\.severity) == [severity], "\(changed)")
    }
  }
  @Test("a planted percentage in 000: a kind's share of 中小企业 awards, a change % that fits neither direction")
  func percentagesTiedToOtherFigures() throws {
    let text = try Corpus.text("000")
    func found(_ text: String, _ code: String, on written: String) throws -> [Finding] {
      let source = SourceText(text)
      let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(written) })
      return Linter().lint(source).findings.filter {
        $0.code == code && source.line(ofUTF8Offset: $0.range.lowerBound) == line
      }
    }
    // The 政府采购 template: 货物 40.19 × 5% ≈ 2.01 万元, yet the 中小企业 were awarded 0.00.
    let goods = "货物采购授予中小企业合同金额占货物支出金额的 0%"
    #expect(try found(text, "change/share", on: goods).isEmpty)
    let awarded = text.replacingOccurrences(of: goods, with: "货物采购授予中小企业合同金额占货物支出金额的 5%")
    let share = try #require(try found(awarded, "change/share", on: "货物支出金额的 5%").first)
    #expect(share.message.rendered().contains("货物 40.19 × 5%"))
    // "减少 17.73 万元，增长 71.81%" is change/direction's (it fits an increase); 70.81% fits neither.
    let change = "较上年减少 17.73 万元，增长 71.81%"
    #expect(try found(text, "change/percent", on: change).isEmpty)
    let planted = text.replacingOccurrences(of: change, with: "较上年减少 17.73 万元，增长 70.81%")
    #expect(try found(planted, "change/percent", on: "增长 70.81%").count == 1)
  }
}
