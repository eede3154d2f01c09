import Foundation
import JuesuanCatalogue
import JuesuanModel
import JuesuanRules
import Testing

/// The self-evaluation model (项目支出绩效自评表) and the perf/*, xref/narrative-conflict,
/// text/foreign-content and text/punctuation rules on the corpus reports, plus mutations of the
/// tables that add up (each 得分 and each 执行数 changed once).
@Suite("Perf rules")
struct PerfRulesTests {
  private func corpus(_ id: String) throws -> String { try corpusText(id) }

  /// Findings of one rule only, without the parser (the perf rules read the source themselves).
  private func run(_ code: String, on text: String, parsed: Bool = true) throws -> [Finding] {
    let rule = try #require(RuleRegistry.all.first { $0.description.code == code })
    let source = SourceText(text)
    // Unparsed: the self-evaluations alone (what the perf/* rules read), much faster to build.
    var report = parsed ? ReportParser.parse(source) : Report(source: source)
    if !parsed { report.selfEvaluations = SelfEvaluation.all(in: source) }
    report.year = 2023
    var context = RuleContext(report: report, configuration: Configuration(), catalogue: .bundled)
    context.start(rule, severity: rule.description.defaultSeverity)
    rule.init().check(report, context: &context)
    return context.findings
  }

  private func lines(_ found: [Finding], in text: String) -> [Int] {
    let source = SourceText(text)
    return found.map { source.line(ofUTF8Offset: $0.range.lowerBound) + 1 }
  }

  private func replacing(_ range: Range<Int>, with newText: String, in text: String) -> String {
    var bytes = Array(text.utf8)
    bytes.replaceSubrange(range, with: Array(newText.utf8))
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("000: the project self-evaluation table is read whole: funds block, every indicator, 总分")
  func reads000() throws {
    let text = try corpus("000")
    let source = SourceText(text)
    let evaluations = SelfEvaluation.all(in: source)
    #expect(evaluations.count == 2)
    let project = try #require(evaluations.first)
    #expect(project.title == "项目支出绩效自评表")
    #expect(project.year == 2023)
    #expect(project.projectName == "2022年省级数字人民币试点奖补资金")
    #expect(project.fundsColumns == [.initialBudget, .annualBudget, .executed, .points, .rate, .score])
    #expect(project.funds.map(\.label) == ["年度资金总额", "其中:当年财政拨款", "其他资金"])
    let funds = try #require(project.fundsTotal)
    #expect(funds.line + 1 == 665)
    #expect(funds[.initialBudget]?.text == "0.00")
    #expect(funds[.annualBudget]?.text == "50.00")
    #expect(funds[.executed]?.text == "45.50")
    #expect(funds[.points]?.text == "10")
    #expect(funds[.rate]?.text == "91.00")
    #expect(funds[.score] == nil)
    #expect(source.text(in: try #require(funds[.executed]).range) == "45.50")
    #expect(
      project.indicators.map(\.level3) == [
        "参与项目实施的本单位人员数(人)", "数字人民币商户开户数(个)", "数字人民币交易量完成情况（亿元）", "试点奖补资金发放准确率",
        "试点奖补资金发放及时率", "数字人民币钱包开立数（万个）", "参与乡镇（街道满意度）",
      ])
    #expect(project.indicators.map { $0.line + 1 } == [671, 672, 674, 675, 676, 677, 678])
    #expect(project.indicators.map { $0.points?.text ?? "" } == ["10", "10", "10", "10", "10", "30", "10"])
    #expect(project.indicators.map { $0.score?.text ?? "" } == ["10", "10", "10", "10", "10", "30", "10"])
    #expect(project.indicators.map(\.target) == ["=3人", "=2500个", "=80 亿元", "≥95%", "≥95%", "=18 万个", "≥85%"])
    #expect(project.indicators.map(\.actual) == ["3", "2676", "140.36", "100", "100", "19.08", "100"])
    #expect(project.indicators[0].level1 == "成本指标")
    #expect(project.indicators[0].level2 == "经济成本指标")
    let total = try #require(project.total)
    #expect(total.line + 1 == 679)
    #expect(total.points?.text == "100")
    #expect(total.score?.text == "100")
    #expect(project.proseLines.lowerBound + 1 == 680)

    // The parser's table (opened by the heading "一、项目支出绩效自评表") reads the same.
    let table = try #require(ReportParser.parse(source).tables.first { $0.kind == .selfEvaluation })
    let read = try #require(SelfEvaluation.read(table, source: source))
    #expect(read.total?.line == total.line)
    #expect(read.indicators.count == project.indicators.count)

    let department = evaluations[1]
    #expect(department.isDepartmentWide)
    #expect(department.year == 2023)
    #expect(department.funds.map(\.label) == ["合计", "财政资金小计", "①中央财政资金", "②省级财政资金", "③地方财政资金", "其他资金小计"])
    #expect(department.fundsTotal?[.rate]?.text == "84.5000")
    #expect(department.fundsTotal?[.executed]?.text == "1869.08")
    #expect(department.indicators.count == 7)
    #expect(department.total == nil)
  }

  @Test("001 and 002: wrapped and shifted tables are read, their totals recomputed as the reviewer did")
  func reads001And002() throws {
    let first = SelfEvaluation.all(in: SourceText(try corpus("001")))
    #expect(first.count == 3)
    #expect(first.map { $0.total?.score?.text ?? "" } == ["96.56", "85.87", "0"])
    let purchase = first[1]
    #expect(purchase.projectName == "采购政务服务自动化设备项目")
    #expect(purchase.fundsTotal?[.executed]?.text == "5")
    #expect(purchase.fundsTotal?[.rate]?.text == "5.68")
    #expect(purchase.fundsTotal?[.score]?.text == "0.57")
    #expect(purchase.indicators.contains { $0.level3 == "采购成本节约率" && $0.actual == "0.05%" })
    #expect(purchase.indicators.filter(\.isManagement).count == 4)
    let second = SelfEvaluation.all(in: SourceText(try corpus("002")))
    #expect(second.count == 12)
    #expect(second.allSatisfy { $0.year == 2023 && $0.total?.score != nil && $0.fundsTotal?[.executed] != nil })
    #expect(second[0].fundsTotal?[.executed]?.text == "39.586")
    #expect(second[0].fundsTotal?[.rate]?.text == "78.39")
  }

  @Test("corpus: the attachment totals that do not add up are information only, with the reviewer's sums")
  func corpusTotals() throws {
    let text001 = try corpus("001")
    let found001 = try run("perf/score-total", on: text001)
    #expect(found001.allSatisfy { $0.severity == .information })
    #expect(Set(lines(found001, in: text001)) == [820, 1023])
    #expect(found001.contains { $0.message.rendered().contains("= 97.95") })
    #expect(found001.contains { $0.message.rendered().contains("= 90.87") })
    let text002 = try corpus("002")
    let found002 = try run("perf/score-total", on: text002)
    #expect(found002.allSatisfy { $0.severity == .information })
    #expect(lines(found002, in: text002) == [601, 668, 884, 999])
    #expect(try run("perf/score-total", on: try corpus("000")).isEmpty)
    // 000's funds row has a 分值 but no 得分.
    let text000 = try corpus("000")
    let range = try run("perf/score-range", on: text000)
    #expect(lines(range, in: text000) == [665])
    #expect(range.first?.severity == .warning)
    // The table and report rates agree (84.5000 is right).
    #expect(try run("perf/execution-rate", on: text000).isEmpty)
    #expect(try run("perf/execution-rate", on: text002).isEmpty)
  }

  @Test("two indicator names that start at one place: the longer is read, in every run")
  func overlappingIndicatorNames() throws {
    let table = """
      2023年度部门决算
      项目支出绩效自评表
      (2023年度)
      项目名称\t\t示例培训项目
      项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
      \t年度资金总额\t50.00\t50.00\t50.00\t10\t100.00\t10
      绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
      \t满意度指标\t服务对象满意度指标\t群众满意\t95%\t95%\t40\t40\t
      \t满意度指标\t服务对象满意度指标\t群众满意达\t96%\t96%\t50\t50\t
      总分\t\t\t\t\t100\t100\t

      """
    let text = table + "\n项目实施后群众满意达97%。\n"
    let found = try run("xref/narrative-conflict", on: text)
    #expect(found.map(\.message) == ["正文称“群众满意达”为 97%，自评表的实际完成值却是 96%"])
  }

  @Test("corpus: narrative conflicts and foreign content at the reviewer's lines")
  func corpusNarrative() throws {
    let text000 = try corpus("000")
    let text001 = try corpus("001")
    let text002 = try corpus("002")
    #expect(lines(try run("xref/narrative-conflict", on: text000), in: text000).isEmpty)
    #expect(lines(try run("xref/narrative-conflict", on: text001), in: text001) == [1494])
    #expect(lines(try run("xref/narrative-conflict", on: text002), in: text002) == [886])
    #expect(lines(try run("text/foreign-content", on: text000), in: text000) == [790, 792])
    #expect(lines(try run("text/foreign-content", on: text001), in: text001).isEmpty)
    #expect(lines(try run("text/foreign-content", on: text002), in: text002) == [1004])
    #expect(try run("perf/target-count", on: text000).isEmpty)
    #expect(try run("perf/target-count", on: text002).isEmpty)
    #expect(try run("perf/grade", on: text002).isEmpty)
  }

  @Test("corpus: punctuation findings are information, the doubled marks are found")
  func corpusPunctuation() throws {
    let text001 = try corpus("001")
    let found = try run("text/punctuation", on: text001)
    #expect(found.allSatisfy { $0.severity == .information })
    #expect(lines(found, in: text001).contains(1443))
    let text000 = try corpus("000")
    #expect(lines(try run("text/punctuation", on: text000), in: text000).contains(520))
  }

  @Test("mutation: each 得分 of a table that adds up, changed once, is reported")
  func mutatedScores() throws {
    let text = try corpus("002")
    let source = SourceText(text)
    let intact = SelfEvaluation.all(in: source).filter { evaluation in
      guard let total = evaluation.total?.score else { return false }
      let rows = evaluation.scoredRows
      guard rows.allSatisfy({ $0.score != nil }) else { return false }
      let points =
        Amount.sum(rows.compactMap(\.points).map(\.value))
        + (evaluation.fundsColumns.contains(.points) ? .zero : Amount(hundredths: 1000))
      return Amount.sum(rows.compactMap(\.score).map(\.value)).isSameValue(as: total.value)
        && points.isSameValue(as: Amount(hundredths: 10_000))
    }
    #expect(intact.count >= 6)
    var mutations = 0
    for evaluation in intact {
      for row in evaluation.scoredRows {
        let score = try #require(row.score)
        let changed = (score.value - Amount(hundredths: 50)).formatted(decimals: 2)
        let mutated = replacing(score.range, with: changed, in: text)
        let found = try run("perf/score-total", on: mutated, parsed: false)
        #expect(found.contains { $0.severity == .error }, "得分 \(score.text) → \(changed) at line \(row.line + 1)")
        mutations += 1
      }
    }
    #expect(mutations >= 60)
  }

  @Test("mutation: each 执行数 changed once is reported as a wrong execution rate")
  func mutatedExecution() throws {
    for id in ["000", "002"] {
      let text = try corpus(id)
      for evaluation in SelfEvaluation.all(in: SourceText(text)) {
        for row in evaluation.funds {
          guard let executed = row[.executed], let budget = row[.annualBudget], !budget.value.isZero, row[.rate] != nil
          else { continue }
          // A fifth less (or 1.37 where nothing was spent): beyond any rounding of the inputs.
          let changed =
            executed.value.isZero
            ? "1.37" : Amount(tenThousandths: executed.value.tenThousandths * 4 / 5).formatted(decimals: 2)
          let found = try run(
            "perf/execution-rate", on: replacing(executed.range, with: changed, in: text), parsed: false)
          #expect(
            found.contains { $0.severity == .error }, "\(id) 执行数 \(executed.text) → \(changed) at line \(row.line + 1)")
        }
      }
    }
  }

  @Test("001: a source of funds without 分值 and 得分 is read, and its 执行率 checked")
  func unscoredFundsRow() throws {
    let text = try corpus("001")
    let evaluation = try #require(SelfEvaluation.all(in: SourceText(text)).first)
    let row = try #require(evaluation.funds.first { $0.label == "政府预算资金" })
    #expect(row[.annualBudget]?.text == "162.25" && row[.executed]?.text == "162.25" && row[.rate]?.text == "100%")
    #expect(row[.points] == nil && row[.score] == nil)
    let rate = try #require(row[.rate])
    let found = try run("perf/execution-rate", on: replacing(rate.range, with: "105%", in: text), parsed: false)
    #expect(found.map(\.range.lowerBound) == [rate.range.lowerBound])
  }

  @Test("mutation: a value of a row whose 偏差度 is 0, changed once, contradicts it (001, its target moved by PDF export)")
  func mutatedDeviation() throws {
    let text = try corpus("001")
    let evaluation = try #require(SelfEvaluation.all(in: SourceText(text)).first { $0.lines.contains(820) })
    #expect(try run("perf/deviation", on: text, parsed: false).isEmpty)
    var mutations = 0
    for indicator in evaluation.indicators {
      guard indicator.deviation?.value.isZero == true, let actual = indicator.actualRange,
        let moved = indicator.unplacedRange, indicator.actual == indicator.unplacedValue,
        let percent = Int(indicator.actual.dropLast())
      else { continue }
      for range in [actual, moved] {
        // "100%" → "90%", "95%" → "85%": the two values differ, the 偏差度 still says 0.
        let mutated = replacing(range, with: "\(percent - 10)%", in: text)
        let found = try run("perf/deviation", on: mutated, parsed: false)
        #expect(found.count == 1, "line \(indicator.line + 1)")
        mutations += 1
      }
    }
    #expect(mutations >= 14)
  }

  @Test("a self-evaluation of another year is foreign content")
  func otherYear() throws {
    let text = "2023年度部门决算\n项目支出绩效自评表\n(2022年度)\n项目名称\t\t示例\n总分\t\t100\t100\n"
    #expect(try run("text/foreign-content", on: text).count == 1)
  }

  @Test("a quote closed on the next line, numbers, codes and URLs are not punctuation errors")
  func punctuationTraps() throws {
    let text = """
      2023年度部门决算
      按照“谁用款、谁评价”的原则，根据《关于开展
      2023年度单位自评的通知》（榕晋财〔2024〕36号）开展评价。
      收入总计1,862.53万元，网址 http://a.b/c?x=1,y=2。
      代码A1,B2;C3:D4。Project (demo) done。

      """
    #expect(try run("text/punctuation", on: text).isEmpty)
  }
}

@Suite("Self-evaluation golden dumps")
struct SelfEvaluationDumpTests {
  static func corpus(_ id: String) throws -> String { try corpusText(id) }

  @Test("001: a space-separated, wrapped table (names over lines, 资金管理情况 block, 偏差度 column)")
  func wrapped001() throws {
    let evaluations = SelfEvaluation.all(in: SourceText(try Self.corpus("001")))
    #expect(
      evaluations[1].debugDump() == """
        自评表 L821 “项目支出绩效自评情况表” 2023年度 项目：采购政务服务自动化设备项目
          资金 [年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分]
            L848 年度资金总额 [83.65, 88.05, 5, 10, 5.68, 0.57]
            L850 财政拨款 [83.65, 88.05, 5, ·, 5.68, ·]
          管理 L874 资金管理情况 安排科学性 |  →  | 5/5
          管理 L876 资金管理情况 拨付合规性 |  →  | 5/5
          管理 L878 资金管理情况 使用规范性 |  →  | 5/5
          管理 L884 资金管理情况 预算绩效管理情况 |  →  | 5/5
          指标 L909 采购成本节约率 | ≥0.05% → 0.05% | 5/5
          指标 L918 设备购置总成本 | ≤83.65万元 → 5万元 | 5/5
          指标 L931 设备采购数量 | =112套 → 112套 | 10/10
          指标 L940 购置的设备合格率 | ≥95% → 100% | 5/5
          指标 L942 设备利用率 | ≥95% → 100% | 10/10
          指标 L955 采购计划完成时间2023年9月前 |  → 6% | 5/0.3
          指标 L965 工作效率提升情况 |  → 100% (100%?) | 5/5
          指标 L975 对保障各项业务工作正常开展，促进公共服务效率的提升 |  → 100% (100%?) | 5/5
          指标 L984 对单位履职、促进事业发展的持续影 |  → 100% (100%?) | 5/5
          指标 L992 对项目单位业务管理水平的提升或影响程度 |  → 100% (100%?) | 5/5
          指标 L1000 设备的投入运行对行业管理水平的持续影响程度 |  → 100% (100%?) | 5/5
          指标 L1006 对减少污染排放量的影响程度 |  → 95% (95%?) | 2/2
          指标 L1016 服务对象满意度指标 |  → 95% (95%?) | 3/3
          指标 L1021 直接服务对象满意度 |  → 100% (100%?) | 5/5
          总分 L1023 100/85.87

        """)
  }

  @Test("002: a Markdown-titled TSV table (目标申报数 and 预算编制数, 年初 and 调整后 指标值, grade in the 总分 row)")
  func tabbed002() throws {
    let evaluations = SelfEvaluation.all(in: SourceText(try Self.corpus("002")))
    #expect(
      evaluations[0].debugDump() == """
        自评表 L572 “区政府办业务费项目支出绩效自评表” 2023年度 项目：区政府办业务费
          资金 [目标申报数 | 年初预算数 | 全年预算数 | 全年执行数 | 结余 | 执行率 | 得分]
            L580 资金总额: [50.5, 50.5, 50.5, 39.586, 10.914, 78.39, 7.84]
            L581 市县区财政资金 [50.5, 50.5, 50.5, 39.586, 10.914, 78.39, 7.84]
          指标 L585 产出指标/数量指标 业务培训次数 | ≥1次 → ≥3次 | 5/5
          指标 L586 产出指标/数量指标 会议次数 | ≥2次 → ≥9次 | 5/5
          指标 L587 产出指标/数量指标 办公设备购置数量 | ≥42件 → ≥42件 | 5/5
          指标 L588 产出指标/数量指标 复印纸购置数量 | =40箱 → =40箱 | 5/5
          指标 L589 产出指标/质量指标 业务培训通过率 | =100% → =100% | 2/2
          指标 L590 产出指标/质量指标 办公耗材及设备购置验收合格率 | =100% → =100% | 3/3
          指标 L591 产出指标/质量指标 会议召开方案符合度 | =100% → =100% | 3/3
          指标 L592 产出指标/质量指标 政府采购规范性 | 规范 → 达成预期指标 | 2/2
          指标 L593 产出指标/时效指标 业务培训时间 | 2023年1月-12月 → 达成预期指标 | 5/5
          指标 L594 产出指标/时效指标 办公耗材及设备购置时间 | 2023年6月-7月 → 达成预期指标 | 3/3
          指标 L595 产出指标/时效指标 会议召开及时性 | 及时 → 达成预期指标 | 2/2
          指标 L596 产出指标/成本指标 区政府办业务成本 | ≤50.5万元 → ≤39.59万元 | 10/10
          指标 L597 效益指标/社会效益指标 区政府办工作正常运转 | 保障 → 达成预期指标 | 10/10
          指标 L598 效益指标/社会效益指标 区政府办临时人员工作积极性 | 提高 → 达成预期指标 | 10/10
          指标 L599 满意度指标/服务对象满意度指标 临时人员满意度 | ≥95% → ≥90% | 5/4
          指标 L600 满意度指标/服务对象满意度指标 群众满意度 | ≥95% → ≥90% | 5/4.7
          总分 L601 ·/96.54 优

        """)
  }
}
