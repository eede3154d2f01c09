/// The explain/* rules, in the order they run.
enum ExplainRules {
  static let all: [any Rule.Type] = [
    MissingRule.self, NonExplanationRule.self, ExplainEmptyTableRule.self, ExplainSangongDisclosureRule.self,
    ThresholdRule.self,
  ]
}
