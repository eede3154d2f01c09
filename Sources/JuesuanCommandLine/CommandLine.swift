import Foundation
import JuesuanModel

/// The `juesuan` command: dispatches to check / fix / rules / lsp.
package enum CommandLine {
  /// Runs the command and returns its exit code.
  package static func run(arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      FileHandle.standardError.write(Data(usage.utf8))
      return 2
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "check": return CheckCommand.run(rest)
    case "fix": return FixCommand.run(rest)
    case "extract": return ExtractCommand.run(rest)
    case "rules": return RulesCommand.run(rest)
    case "explain-code": return RulesCommand.explainCode(rest)
    case "lsp": return LanguageServerEntry.run(rest)
    case "--version", "version":
      print("juesuan 0.1.0")
      return 0
    case "dump":
      for path in rest {
        guard let data = FileManager.default.contents(atPath: path) else { return 2 }
        let report = ReportParser.parse(SourceText(decoding: Array(data)))
        print(report.debugDump(includeParagraphs: true), terminator: "")
        for evaluation in report.selfEvaluations { print(evaluation.debugDump(), terminator: "") }
      }
      return 0
    case "-h", "--help", "help":
      print(usage, terminator: "")
      return 0
    default:
      FileHandle.standardError.write(Data("juesuan: 未知的子命令 “\(command)”\n\(usage)".utf8))
      return 2
    }
  }

  static let usage = """
    用法: juesuan <命令> [选项]
      check [--format text|json|sarif|github|html] [-o FILE] [--config FILE] [--fail-level LEVEL] PATH…
                                   检查决算草稿（文本、Markdown、PDF、Word .docx；可给目录）
      fix [--diff] PATH…           应用安全的自动修复（仅文本稿）
      extract FILE                 打印从 PDF 或 Word 文件读出的文本
      rules [CODE]                 列出规则 / 解释一条规则
      explain-code CODE            查询科目编码
      lsp                          以 stdio 方式运行语言服务器

    """
}

/// Ends the process with `code`.
package func exitProcess(_ code: Int32) -> Never { exit(code) }
