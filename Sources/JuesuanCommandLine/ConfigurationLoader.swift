import Foundation
import JuesuanCatalogue
import JuesuanRules

/// Finds and reads `.juesuan.json` (upward from a file, or named by `--config`).
enum ConfigurationLoader {
  static let fileName = ".juesuan.json"

  /// The configuration for `path`; a file named by `--config` wins over the upward search.
  static func configuration(for path: String, explicit: String?) throws -> Configuration {
    let file = explicit ?? find(from: path)
    guard let file else { return Configuration() }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CheckCommand.UsageError(description: "\(file): 无法读取配置文件")
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw CheckCommand.UsageError(description: "\(file): 配置文件不是有效的 JSON")
    }
    guard let json = object as? [String: Any] else {
      throw CheckCommand.UsageError(description: "\(file): 配置文件应为 JSON 对象")
    }
    do {
      var configuration = try Configuration(json: json)
      if let catalogue = configuration.catalogueFile, !catalogue.hasPrefix("/") {
        configuration.catalogueFile = ((file as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(catalogue)
      }
      return configuration
    } catch {
      throw CheckCommand.UsageError(description: "\(file): \(error)")
    }
  }

  /// `.juesuan.json` in the file's folder or the nearest folder above it.
  static func find(from path: String) -> String? {
    let start = path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
    var folder = URL(fileURLWithPath: start.isEmpty ? "." : start).standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(fileName).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// True when one of the configuration's `ignore` globs matches the path.
  static func isIgnored(_ path: String, by configuration: Configuration) -> Bool {
    configuration.ignores(path)
  }

  /// The bundled catalogue, extended by the configured user TSV (cached per path).
  static func catalogue(for configuration: Configuration) -> SubjectCatalogue {
    guard let file = configuration.catalogueFile else { return .bundled }
    return UserCatalogue.load(file) ?? .bundled
  }
}
