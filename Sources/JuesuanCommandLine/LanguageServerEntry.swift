import Foundation

/// `juesuan lsp`: the language server over stdio (wired to JuesuanServer when it lands).
enum LanguageServerEntry {
  static func run(_ arguments: [String]) -> Int32 {
    CheckCommand.fail("lsp 尚未接入")
  }
}
