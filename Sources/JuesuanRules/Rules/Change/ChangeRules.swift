/// The change/* rules, in the order they run.
enum ChangeRules {
  static let all: [any Rule.Type] = [
    PercentRule.self, DeltaRule.self, DirectionRule.self, ZeroBaseRule.self, ShareRule.self, ExecutionRateRule.self,
  ]
}
