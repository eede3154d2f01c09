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
    configuration.ignore.contains { Glob.matches(pattern: $0, path: path) }
  }

  /// The bundled catalogue, extended by the configured user TSV (cached per path).
  static func catalogue(for configuration: Configuration) -> SubjectCatalogue {
    guard let file = configuration.catalogueFile else { return .bundled }
    return UserCatalogue.load(file) ?? .bundled
  }
}

/// Minimal glob matching: `*` (within a path component), `**` (any depth), `?`.
enum Glob {
  static func matches(pattern: String, path: String) -> Bool {
    let normalized = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return match(Array(pattern.utf8)[...], Array(normalized.utf8)[...])
      || match(Array(("**/" + pattern).utf8)[...], Array(normalized.utf8)[...])
  }

  private static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return text.isEmpty }
    if first == UInt8(ascii: "*") {
      let doubleStar = pattern.dropFirst().first == UInt8(ascii: "*")
      let rest = pattern.dropFirst(doubleStar ? 2 : 1)
      let restAfterSlash = doubleStar && rest.first == UInt8(ascii: "/") ? rest.dropFirst() : rest
      var index = text.startIndex
      while true {
        if match(rest, text[index...]) || (doubleStar && match(restAfterSlash, text[index...])) { return true }
        if index == text.endIndex { return false }
        if !doubleStar && text[index] == UInt8(ascii: "/") { return false }
        index += 1
      }
    }
    guard let character = text.first else { return false }
    if first == UInt8(ascii: "?") || first == character { return match(pattern.dropFirst(), text.dropFirst()) }
    return false
  }
}
