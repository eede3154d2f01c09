/// The sum/* rules, in the order they run.
enum SumRules {
  static let all: [any Rule.Type] = []
}
