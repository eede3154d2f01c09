import Foundation

/// Settings of DOMAIN.md §5, from `.juesuan.json` or the LSP `juesuan` section.
///
/// ```json
/// { "rules": { "text/punctuation": "off", "sum/rounding-tail": "warning" },
///   "failLevel": "error", "reportYear": 2023, "catalogue": "codes.tsv",
///   "catalogueEdition": 2024, "ignore": ["drafts/old/**"], "explainThreshold": 10 }
/// ```
package struct Configuration: Sendable, Equatable {
  /// Per rule: nil = default severity; `.some(nil)` = off.
  package var ruleSeverities: [String: Severity?] = [:]
  /// Findings at or above this severity make `check` exit 1.
  package var failLevel: Severity = .error
  /// Overrides the year read from the title.
  package var reportYear: Int?
  /// The catalogue edition to compare names against (default: the report year).
  package var catalogueEdition: Int?
  /// Path of a user catalogue TSV (code, name), relative to the configuration file.
  package var catalogueFile: String?
  /// Glob patterns of files `check` skips.
  package var ignore: [String] = []
  /// `explain/threshold`: the relative change (percent) that needs a reason.
  package var explainThresholdPercent: Int = 10

  package init() {}

  /// The severity of `code` under this configuration, nil when the rule is off.
  package func severity(of code: String, default defaultSeverity: Severity) -> Severity? {
    explicitSeverity(of: code) ?? defaultSeverity
  }

  /// What the configuration says of `code` (by its code, `category/*` or `category`): nil when it
  /// says nothing, `.some(nil)` when the rule is off.
  package func explicitSeverity(of code: String) -> Severity?? {
    // Asked once per rule and per finding; most configurations set no rule at all.
    guard !ruleSeverities.isEmpty else { return nil }
    if let configured = ruleSeverities[code] { return configured }
    let category = String(code.split(separator: "/").first ?? "")
    for key in [category + "/*", category] {
      if let configured = ruleSeverities[key] { return configured }
    }
    return nil
  }

  /// Problems found while reading a configuration.
  package struct Problem: Error, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
  }

  /// Reads the JSON object form (already decoded by `JSONSerialization` or the LSP layer).
  /// Unknown keys are ignored; wrong types are reported.
  package init(json: [String: Any]) throws(Problem) {
    if let rules = json["rules"] {
      guard let rules = rules as? [String: Any] else { throw Problem("rules 应为对象（规则代码 → 级别）") }
      for (code, value) in rules {
        if let flag = value as? Bool {
          ruleSeverities[code] = flag ? nil : .some(nil)
          if flag { ruleSeverities.removeValue(forKey: code) }
        } else if let text = value as? String {
          if text == "off" || text == "none" {
            ruleSeverities[code] = .some(nil)
          } else if let severity = Severity(name: text) {
            ruleSeverities[code] = severity
          } else {
            throw Problem("规则 \(code) 的级别 “\(text)” 无效（应为 error、warning、info、hint 或 off）")
          }
        } else {
          throw Problem("规则 \(code) 的设置应为字符串或布尔值")
        }
      }
    }
    if let level = json["failLevel"] {
      guard let text = level as? String, let severity = Severity(name: text) else {
        throw Problem("failLevel 应为 error、warning、info 或 hint")
      }
      failLevel = severity
    }
    if let year = json["reportYear"], !(year is NSNull) {
      guard let value = year as? Int, (1990...2100).contains(value) else { throw Problem("reportYear 应为年份数字") }
      reportYear = value
    }
    if let edition = json["catalogueEdition"] {
      guard let value = edition as? Int, (1990...2100).contains(value) else {
        throw Problem("catalogueEdition 应为年份数字")
      }
      catalogueEdition = value
    }
    if let file = json["catalogue"] {
      guard let path = file as? String else { throw Problem("catalogue 应为 TSV 文件路径") }
      catalogueFile = path
    }
    if let globs = json["ignore"] {
      guard let patterns = globs as? [String] else { throw Problem("ignore 应为字符串数组") }
      ignore = patterns
    }
    if let threshold = json["explainThreshold"] {
      guard let value = threshold as? Int, (1...1000).contains(value) else {
        throw Problem("explainThreshold 应为 1–1000 的整数（百分比）")
      }
      explainThresholdPercent = value
    }
  }
}
