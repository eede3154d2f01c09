internal import Foundation
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// True when the document is a file that an `ignore` glob of its configuration matches: the
  /// server does not lint it. The globs are matched (with `check`'s matcher) against the path
  /// relative to the folder of the `.juesuan.json`, else to the workspace root, else against the
  /// absolute path; like `check`, "drafts/**" also matches "a/drafts/b.md".
  func isIgnored(_ uri: String) -> Bool {
    guard let url = URL(string: uri), url.isFileURL else { return false }
    let configuration = linter(forDocument: uri).configuration
    guard !configuration.ignore.isEmpty else { return false }
    let path = url.standardizedFileURL.path
    func relative(to base: String?) -> String? {
      guard let base else { return nil }
      let folder = base.hasSuffix("/") ? base : base + "/"
      return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : nil
    }
    let configurationFolder = configurationFile(forDocument: uri).map {
      URL(fileURLWithPath: $0.path).deletingLastPathComponent().standardizedFileURL.path
    }
    return configuration.ignores(relative(to: configurationFolder) ?? relative(to: rootPath) ?? path)
  }

  /// Publishes an empty list for an ignored document (clearing whatever was shown before).
  func publishIgnored(_ document: Document) {
    leadingPublishes.removeValue(forKey: document.uri)?.close()
    sendNotification(
      "textDocument/publishDiagnostics",
      params: PublishDiagnosticsParams(uri: document.uri, version: document.version, diagnostics: []))
    options.publishObserver?(document.uri, document.version, true)
  }
}
