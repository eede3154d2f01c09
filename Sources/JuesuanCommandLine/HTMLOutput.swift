import JuesuanRules

enum HTMLOutput {
  static func render(_ results: [FileResult], failLevel: Severity?) -> String { "" }
}
