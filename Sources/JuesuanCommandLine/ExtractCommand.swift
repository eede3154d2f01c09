import Foundation
import JuesuanDocuments

/// `juesuan extract FILE`: prints the text juesuan reads from a PDF or Word file, so that the
/// line of a finding can be looked up in it.
enum ExtractCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let paths = arguments.filter { $0 != "--" }
    guard paths.count == 1, let path = paths.first, !path.hasPrefix("-") else {
      return CheckCommand.fail("用法：juesuan extract FILE（.pdf 或 .docx）")
    }
    guard DocumentReader.isDocument(path) else {
      return CheckCommand.fail("\(path): extract 只读取 .pdf 和 .docx（文本文件请直接查看）")
    }
    guard FileManager.default.fileExists(atPath: path) else { return CheckCommand.fail("\(path): 文件不存在") }
    do {
      let document = try DocumentReader.read(path: path)
      print(document.text)
      return 0
    } catch {
      return CheckCommand.fail("\(path): \(error)")
    }
  }
}
