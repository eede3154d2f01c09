import Foundation
import JuesuanCatalogue
import JuesuanRules
import JuesuanServer

/// The configuration of `check` and `fix` (`ConfigurationFile`), its problems worded for the
/// command line.
enum ConfigurationLoader {
  /// The configuration for `path`; a file named by `--config` wins over the upward search.
  static func configuration(for path: String, explicit: String?) throws -> Configuration {
    guard let file = explicit ?? ConfigurationFile.find(fromDirectory: ConfigurationFile.directory(ofFile: path)) else {
      return Configuration()
    }
    let loaded: ConfigurationFile
    do {
      loaded = try ConfigurationFile(path: file)
    } catch {
      let problem =
        switch error {
        case .unreadable: "无法读取配置文件"
        case .notJSON: "配置文件不是有效的 JSON"
        case .notObject: "配置文件应为 JSON 对象"
        }
      throw CheckCommand.UsageError(description: "\(file): \(problem)")
    }
    do {
      return try ConfigurationFile.configuration(of: loaded)
    } catch {
      throw CheckCommand.UsageError(description: "\(file): \(error)")
    }
  }

  /// True when one of the configuration's `ignore` globs matches the path.
  static func isIgnored(_ path: String, by configuration: Configuration) -> Bool {
    configuration.ignores(path)
  }

  /// The bundled catalogue, extended by the configured user TSV; the bundled one alone (with a
  /// line on stderr) when that cannot be used.
  static func catalogue(for configuration: Configuration) -> SubjectCatalogue {
    guard let file = configuration.catalogueFile else { return .bundled }
    do {
      return try SubjectCatalogue.bundled.merging(userCatalogueAt: file)
    } catch {
      let message =
        switch error {
        case .unreadable: "\(file): 无法读取用户科目表，仅使用内置科目表"
        case .invalid(let error): "\(error)；仅使用内置科目表"
        }
      FileHandle.standardError.write(Data("juesuan: \(message)\n".utf8))
      return .bundled
    }
  }
}
