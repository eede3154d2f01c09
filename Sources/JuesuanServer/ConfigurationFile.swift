internal import Foundation
package import JuesuanCatalogue
package import JuesuanRules
package import LanguageServerProtocol

/// `.juesuan.json`, found upward from a document, read, and turned into a `Configuration`: the
/// one loader of `check`, `fix` and the language server, which lays its `juesuan` settings over
/// the file's. A relative `catalogue` path is resolved against the file's folder.
package struct ConfigurationFile: Sendable {
  /// Why a configuration file could not be used; each command words it its own way.
  package enum Problem: Error, Equatable {
    /// The file cannot be read.
    case unreadable
    /// The file is not JSON.
    case notJSON
    /// The file is JSON but not an object.
    case notObject
  }

  /// The file's name.
  package static let name = ".juesuan.json"

  package let path: String
  /// The file's bytes, a JSON object (read again when a configuration is made: a few hundred
  /// bytes, and unlike the parsed object, `Sendable`).
  private let data: Data

  /// The file at `path`, which must hold a JSON object.
  package init(path: String) throws(Problem) {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable }
    guard let object = try? JSONSerialization.jsonObject(with: data) else { throw .notJSON }
    guard object is [String: Any] else { throw .notObject }
    self.path = path
    self.data = data
  }

  /// The path of the nearest `.juesuan.json` in `directory` or a folder above it, nil when there
  /// is none.
  package static func find(fromDirectory directory: String) -> String? {
    var folder = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(name).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// The folder `.juesuan.json` is looked for from, for the file at `path` ("-": standard input,
  /// the current folder).
  package static func directory(ofFile path: String) -> String {
    path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
  }

  /// The configuration of `file` (none: the defaults) with `overrides` laid over it, `rules`
  /// merged rule by rule.
  package static func configuration(of file: ConfigurationFile?, overriddenBy overrides: [String: LSPAny] = [:])
    throws(Configuration.Problem) -> Configuration
  {
    var settings = file?.settings ?? [:]
    for (key, value) in overrides {
      if key == "rules", let fileRules = settings[key] as? [String: Any],
        case .object(let rules) = value
      {
        settings[key] = fileRules.merging(rules.mapValues(\.foundationValue)) { $1 }
      } else {
        settings[key] = value.foundationValue
      }
    }
    var configuration = try Configuration(json: settings)
    if let file, let catalogue = configuration.catalogueFile, !catalogue.hasPrefix("/") {
      configuration.catalogueFile = ((file.path as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent(catalogue)
    }
    return configuration
  }

  /// The file's JSON object, as `JSONSerialization` reads it.
  private var settings: [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
  }
}

/// Why a user catalogue (`"catalogue"`) could not be used; each command words it its own way.
package enum UserCatalogueProblem: Error {
  /// The file cannot be read.
  case unreadable
  /// A line of it is not "code<TAB>name".
  case invalid(SubjectCatalogue.UserCatalogueError)
}

extension SubjectCatalogue {
  /// The catalogue extended by the user TSV at `path` (`merging(userTSV:source:)`).
  package func merging(userCatalogueAt path: String) throws(UserCatalogueProblem) -> SubjectCatalogue {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable }
    do {
      return try merging(userTSV: String(decoding: data, as: UTF8.self), source: path)
    } catch {
      throw .invalid(error)
    }
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
