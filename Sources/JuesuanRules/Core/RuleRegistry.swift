/// Every rule, in the order they run. Each category keeps its own list (`SumRules.all`…), so
/// adding a rule touches its category's file only; a test checks that every `*Rule.swift` file
/// is registered.
package enum RuleRegistry {
  package static let all: [any Rule.Type] =
    SumRules.all + ChangeRules.all + XrefRules.all + SubjectRules.all + ExplainRules.all + TextRules.all
    + TableRules.all + PerfRules.all

  /// The description of `code`, if a rule has it.
  package static func description(of code: String) -> RuleDescription? {
    all.first { $0.description.code == code }?.description
  }
}
