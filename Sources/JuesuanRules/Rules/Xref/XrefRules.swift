/// The xref/* rules, in the order they run.
enum XrefRules {
  static let all: [any Rule.Type] = [
    NarrativeNumberRule.self, TableMismatchRule.self, SangongEconRule.self, XrefNarrativeConflictRule.self,
  ]
}
