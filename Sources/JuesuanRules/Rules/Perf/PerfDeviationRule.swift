import JuesuanAnalysis
import JuesuanModel

/// A 偏差度 of −100 % says nothing was done, so the row's 实际完成值 is 0: taken against the target,
/// (A − T) ÷ T = −100 % only when A is 0; taken in points against a 100 % target, A − 100 = −100
/// only then too.
struct PerfDeviationRule: Rule {
  static let description = RuleDescription(
    code: "perf/deviation",
    summary: "绩效自评表中偏差度为 −100% 的指标，实际完成值应为 0。",
    rationale: """
      偏差度为 −100% 即完全未完成：无论按（实际完成值 − 年度指标值）÷ 年度指标值计算，还是按百分点对 100% 的目标计算，\
      实际完成值都只能是 0。实际完成值写有大于 0 的数而偏差度为 −100%，两者必有一错。偏差度的算法各地不一，\
      其余取值无法确证，不核对；表格读取受损（行列可能错位）时不检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(Self.table(actual: "0%", deviation: "-100.00")),
      .init(Self.table(actual: "95%", deviation: "0.00")),
      .init(Self.table(actual: "未开展", deviation: "-100.00")),
    ],
    triggeringExamples: [
      .init(Self.table(actual: "⟦5%⟧", deviation: "-100.00")),
      .init(Self.table(actual: "⟦≥1%⟧", deviation: "-100")),
    ], kinds: RuleDescription.finals)

  func check(_ report: Report, context: inout RuleContext) {
    for evaluation in report.selfEvaluations where EvaluationScoring.damage(of: evaluation) == nil {
      for indicator in evaluation.indicators {
        guard let deviation = indicator.deviation, deviation.value.isSameValue(as: Self.nothingDone),
          let actualRange = indicator.actualRange, let actual = IndicatorMeasure(indicator.actual)?.value
        else { continue }
        context.ran()
        guard actual.tenThousandths > 0 else { continue }
        let name = indicator.level3.isEmpty ? "该指标" : indicator.level3
        context.report(
          actualRange,
          "“\(name)”偏差度 \(deviation.text) 即完全未完成，实际完成值应为 0，表中却为 \(indicator.actual)：两者必有一错",
          related: [Finding.Related(range: deviation.range, message: "偏差度 \(deviation.text)")])
      }
    }
  }

  private static let nothingDone = Amount(tenThousandths: -100 * Amount.scale)

  /// A project self-evaluation table (TSV) with a 偏差度 column: one indicator whose 实际完成值
  /// and 偏差度 are given.
  private static func table(actual: String, deviation: String) -> String {
    """
    2023年度部门决算
    项目支出绩效自评表
    (2023年度)
    项目名称\t\t示例平台建设项目
    项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
    \t年度资金总额\t40.00\t40.00\t0.00\t10\t0.00\t0
    绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差度\t偏差原因分析及改进措施
    \t产出指标\t数量指标\t设备购置数量\t=2台\t0台\t50\t0\t-100.00\t项目未开展
    \t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t\(actual)\t40\t0\t\(deviation)\t项目未开展
    总分\t\t\t\t\t100\t0\t

    """
  }
}
