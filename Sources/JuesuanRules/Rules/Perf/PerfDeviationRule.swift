import JuesuanAnalysis
import JuesuanModel

/// A row's 偏差度 agrees with its values however the province works it out: −100 % says nothing
/// was done, so the 实际完成值 is 0 (taken against the target, (A − T) ÷ T = −100 % only when A is
/// 0; taken in points against a 100 % target, A − 100 = −100 only then too); 0 says the target was
/// met; and a 实际完成值 equal to the target leaves no deviation.
struct PerfDeviationRule: Rule {
  static let description = RuleDescription(
    code: "perf/deviation",
    summary: "绩效自评表中偏差度与指标值相符：偏差度 −100% 时实际完成值为 0；偏差度 0 时实际完成值达到年度指标值；两值相同时偏差度为 0。",
    rationale: """
      偏差度为 −100% 即完全未完成：无论按（实际完成值 − 年度指标值）÷ 年度指标值计算，还是按百分点对 100% 的目标计算，\
      实际完成值都只能是 0。实际完成值写有大于 0 的数而偏差度为 −100%，两者必有一错。同理，无论哪种算法，\
      偏差度为 0 都表示完成了目标：实际完成值未达到年度指标值（如目标 ≥95%、实际 90%）而偏差度为 0，\
      或实际完成值与年度指标值是同一个数而偏差度不为 0，也必有一错。偏差度的算法各地不一（超额完成时有的写 0，\
      有的写超出的比例），其余取值无法确证，不核对；两值单位不同、表格的栏位在导出时错开时不检查。PDF 导出\
      把年度指标值挪到偏差度之后（“100% 5 5 0.00 95%”）时，无法确定哪个是目标，只核对两值是否相同。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(Self.table(actual: "0%", deviation: "-100.00")),
      .init(Self.table(actual: "95%", deviation: "0.00")),
      .init(Self.table(actual: "90%", deviation: "0")),
      // Over a "≥" target: 0 where meeting it counts as no deviation, the excess elsewhere.
      .init(Self.table(actual: "99%", deviation: "10.00")),
      .init(Self.table(actual: "80%", deviation: "-11.11")),
      .init(Self.table(actual: "未开展", deviation: "-100.00")),
      // Another unit: not comparable.
      .init(Self.table(actual: "85分", deviation: "0.00")),
    ],
    triggeringExamples: [
      .init(Self.table(actual: "⟦5%⟧", deviation: "-100.00")),
      .init(Self.table(actual: "⟦≥1%⟧", deviation: "-100")),
      .init(Self.table(actual: "⟦85%⟧", deviation: "0.00")),
      .init(Self.table(actual: "⟦90%⟧", deviation: "-2.00")),
    ], kinds: RuleDescription.finals)

  static let elements: ReportElements? = [.evaluations]

  func check(_ report: Report, context: inout RuleContext) {
    // Each check reads one row's own cells: a table that lost rows still has them, one whose
    // columns the export shifted does not.
    for evaluation in report.selfEvaluations where !EvaluationScoring.hasShiftedColumns(evaluation) {
      for indicator in evaluation.indicators {
        guard let deviation = indicator.deviation, let actualRange = indicator.actualRange,
          let actual = IndicatorMeasure(indicator.actual)
        else { continue }
        let name = indicator.level3.isEmpty ? "该指标" : indicator.level3
        let related = [Finding.Related(range: deviation.range, message: "偏差度 \(deviation.text)")]
        if deviation.value.isSameValue(as: Self.nothingDone) {
          context.ran()
          guard actual.value.tenThousandths > 0 else { continue }
          context.report(
            actualRange,
            "“\(name)”偏差度 \(deviation.text) 即完全未完成，实际完成值应为 0，表中却为 \(indicator.actual)：两者必有一错",
            related: related)
        } else if let target = IndicatorMeasure(indicator.target.isEmpty ? indicator.unplacedValue : indicator.target),
          target.unit == actual.unit
        {
          context.ran()
          guard let problem = Self.disagreement(indicator, actual: actual, target: target, deviation: deviation)
          else { continue }
          context.report(actualRange, "“\(name)”\(problem)：两者必有一错", related: related)
        }
      }
    }
  }

  /// What is wrong when the 偏差度 and the two values of the row (`target`, in the unit of
  /// `actual`) disagree in every way of working it out: 0 while the 实际完成值 misses the 年度指标值,
  /// or not 0 while the two are the same figure. A row whose target the export moved past the
  /// 偏差度 (`unplacedValue`) has two values of which either may be the target: they must then be
  /// the same figure exactly when the 偏差度 is 0.
  private static func disagreement(
    _ indicator: SelfEvaluation.Indicator, actual: IndicatorMeasure, target: IndicatorMeasure,
    deviation: SelfEvaluation.Figure
  ) -> String? {
    let isZero = deviation.value.isZero
    if !indicator.target.isEmpty {
      if isZero, IndicatorMeasure.shortfall(target: indicator.target, actual: indicator.actual) != nil {
        return "偏差度 \(deviation.text)，实际完成值 \(indicator.actual) 却未达到年度指标值 \(indicator.target)"
      }
      if !isZero, actual.relation == "=", target.value.isSameValue(as: actual.value) {
        return "实际完成值 \(indicator.actual) 与年度指标值 \(indicator.target) 相同，偏差度却为 \(deviation.text)"
      }
      return nil
    }
    guard target.relation == "=", actual.relation == "=" else { return nil }
    let same = target.value.isSameValue(as: actual.value)
    let values = "本行的年度指标值与实际完成值（导出时错位）为 \(indicator.actual) 和 \(indicator.unplacedValue)"
    if isZero, !same { return "\(values)，两者不等，偏差度却为 \(deviation.text)" }
    if !isZero, same { return "\(values)，两者相同，偏差度却为 \(deviation.text)" }
    return nil
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
