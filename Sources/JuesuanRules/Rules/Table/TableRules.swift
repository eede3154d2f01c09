/// The table/* rules, in the order they run.
enum TableRules {
  static let all: [any Rule.Type] = [TableMissingRule.self, TableUnparsedRule.self, LineNumberRule.self]
}
