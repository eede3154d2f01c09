import Foundation
import JuesuanCatalogue

/// Loads a user catalogue TSV on top of the bundled one.
enum UserCatalogue {
  /// The bundled catalogue extended by the TSV at `path`; nil (with a message on stderr) when the
  /// file cannot be read or has a malformed line.
  static func load(_ path: String) -> SubjectCatalogue? {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("juesuan: \(path): 无法读取用户科目表，仅使用内置科目表\n".utf8))
      return nil
    }
    do {
      return try SubjectCatalogue.bundled.merging(userTSV: String(decoding: data, as: UTF8.self), source: path)
    } catch {
      FileHandle.standardError.write(Data("juesuan: \(error)；仅使用内置科目表\n".utf8))
      return nil
    }
  }
}
