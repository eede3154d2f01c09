/// The change/* rules, in the order they run.
enum ChangeRules {
  static let all: [any Rule.Type] = []
}
