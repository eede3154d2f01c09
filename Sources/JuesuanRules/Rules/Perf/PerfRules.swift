/// The perf/* rules, in the order they run.
enum PerfRules {
  static let all: [any Rule.Type] = []
}
