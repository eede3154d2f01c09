import Foundation

/// The `juesuan` command: dispatches to check / fix / rules / lsp.
package enum CommandLine {
  /// Runs the command and returns its exit code.
  package static func run(arguments: [String]) -> Int32 {
    0
  }
}

/// Ends the process with `code`.
package func exitProcess(_ code: Int32) -> Never { exit(code) }
