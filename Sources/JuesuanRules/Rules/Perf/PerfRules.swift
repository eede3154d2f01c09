/// The perf/* rules, in the order they run.
enum PerfRules {
  static let all: [any Rule.Type] = [
    PerfScoreTotalRule.self, PerfFundsTotalRule.self, PerfScoreRangeRule.self, PerfGradeRule.self,
    PerfExecutionRateRule.self, PerfTargetCountRule.self, PerfDeviationRule.self, PerfRateRangeRule.self,
  ]
}
