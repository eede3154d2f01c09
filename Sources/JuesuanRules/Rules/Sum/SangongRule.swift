import JuesuanAnalysis
import JuesuanModel

/// 三公: 合计 = 出国 + 用车 + 接待; 用车 = 购置 + 运行 (预算数 and 决算数).
struct SangongRule: Rule {
  static let description = RuleDescription(
    code: "sum/sangong",
    summary: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费。",
    rationale: "预算数与决算数两栏都检查。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t5.00\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n"
      )
    ],
    triggeringExamples: [
      // The 用车 row holds 运行费 too: the 运行维护费 row is the one below it.
      .init(
        "一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t8.00\t6.00\n1.因公出国（境）费\t0.00\t0.00\n2.公务用车购置及运行费\t5.00\t⟦4.00⟧\n其中：（1）公务用车购置费\t0.00\t0.00\n（2）公务用车运行维护费\t5.00\t3.00\n3.公务接待费\t3.00\t2.00\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t⟦6.00⟧\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t5.00\n因公出国（境）费\t\n公务用车购置及运行费\t3.00\n其中：公务用车购置费\t1.00\n公务用车运行维护费\t2.00\n公务接待费\t2.00\n"
      ),
    ])

  /// The paragraphs only for whether they explain a rounding step.
  static let elements: ReportElements? = [.tables, .evaluations, .roundingNote]

  func check(_ report: Report, context: inout RuleContext) {
    let rounding = report.explainsRounding
    for table in report.tables where table.kind == .sangong {
      for comparison in table.sangongIdentities() {
        context.check(comparison, roundingExplained: rounding)
      }
    }
  }
}
