/// The sum/* rules, in the order they run.
enum SumRules {
  static let all: [any Rule.Type] = [
    ColumnTotalRule.self, RowTotalRule.self, CodeHierarchyRule.self, BasicExpenseRule.self, SangongRule.self,
    BalanceRule.self, NarrativeBreakdownRule.self, RoundingTailRule.self,
  ]
}
