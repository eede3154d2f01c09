internal import Foundation
internal import JuesuanRules
internal import LanguageServerProtocol

/// A `.juesuan.json` found upward from a document, read as JSON.
struct ConfigurationFile: Sendable {
  var path: String
  var settings: [String: LSPAny]

  /// The nearest `.juesuan.json` in `directory` or above, nil when there is none or it is unreadable
  /// (`problem` receives the reason).
  static func find(from directory: String, problem: (String) -> Void) -> ConfigurationFile? {
    var url = URL(fileURLWithPath: directory, isDirectory: true)
    for _ in 0..<64 {
      let candidate = url.appendingPathComponent(".juesuan.json")
      if FileManager.default.fileExists(atPath: candidate.path) {
        guard let data = try? Data(contentsOf: candidate) else {
          problem("无法读取 \(candidate.path)")
          return nil
        }
        guard case .object(let settings)? = try? JSONDecoder().decode(LSPAny.self, from: data) else {
          problem("\(candidate.path) 不是 JSON 对象")
          return nil
        }
        return ConfigurationFile(path: candidate.path, settings: settings)
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { break }
      url = parent
    }
    return nil
  }

  /// The directory of a `file:` URI, nil for other schemes.
  static func directory(ofDocument uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.deletingLastPathComponent().path
  }
}

extension Configuration {
  /// The configuration of `base` (a `.juesuan.json`) overridden by `overrides` (LSP settings);
  /// `rules` are merged rule by rule.
  static func merging(_ base: [String: LSPAny], _ overrides: [String: LSPAny]) throws(Problem) -> Configuration {
    var merged = base
    for (key, value) in overrides {
      if key == "rules", case .object(let baseRules)? = merged[key], case .object(let newRules) = value {
        merged[key] = .object(baseRules.merging(newRules) { $1 })
      } else {
        merged[key] = value
      }
    }
    return try Configuration(json: merged.mapValues(\.foundationValue))
  }
}

extension LSPAny {
  /// The value as `JSONSerialization` would return it.
  var foundationValue: Any {
    switch self {
    case .null: NSNull()
    case .bool(let value): value
    case .int(let value): value
    case .double(let value): value
    case .string(let value): value
    case .array(let values): values.map(\.foundationValue)
    case .object(let members): members.mapValues(\.foundationValue)
    }
  }
}
