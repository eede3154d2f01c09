/// The subject/* rules, in the order they run.
enum SubjectRules {
  static let all: [any Rule.Type] = [
    NameMismatchRule.self, OutdatedNameRule.self, InconsistentNameRule.self, UnknownCodeRule.self,
    MisplacedCodeRule.self,
  ]
}
