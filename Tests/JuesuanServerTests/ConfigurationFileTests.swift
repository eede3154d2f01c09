import Foundation
import JuesuanCatalogue
import JuesuanServer
import LanguageServerProtocol
import Testing

@Suite("Configuration files")
struct ConfigurationFileTests {
  /// A fresh directory tree: root/.juesuan.json, root/codes.tsv, root/sub/draft.md.
  private static func workspace(configuration: String) throws -> (root: URL, document: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-lsp-\(UUID().uuidString)")
    let sub = root.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try Data(configuration.utf8).write(to: root.appendingPathComponent(".juesuan.json"))
    try Data("2990101\t自定义测试科目\n".utf8).write(to: root.appendingPathComponent("codes.tsv"))
    return (root, sub.appendingPathComponent("draft.md").absoluteString)
  }

  @Test(".juesuan.json above the document applies, LSP settings override it rule by rule")
  func fileAndSettings() async throws {
    let (root, uri) = try Self.workspace(configuration: #"{"rules":{"text/placeholder":"off","text/*":"hint"}}"#)
    defer { try? FileManager.default.removeItem(at: root) }
    let client = TestClient(readsConfigurationFiles: true)
    try await client.initialize()
    await client.open(uri, "共计××万元")
    let first = try await client.diagnostics(for: uri, version: 1)
    #expect(!first.diagnostics.contains { $0.code == .string("text/placeholder") })
    await client.notify(
      "workspace/didChangeConfiguration",
      DidChangeConfigurationParams(settings: ["juesuan": ["rules": ["text/placeholder": "warning"]]]))
    try await client.waitUntil { client.notifications("textDocument/publishDiagnostics").count >= 2 }
    let second = try await client.diagnostics(for: uri, version: 1)
    #expect(second.diagnostics.first { $0.code == .string("text/placeholder") }?.severity == 2)
  }

  @Test("a user catalogue named by .juesuan.json is read relative to it")
  func userCatalogue() async throws {
    let (root, uri) = try Self.workspace(configuration: #"{"catalogue":"codes.tsv"}"#)
    defer { try? FileManager.default.removeItem(at: root) }
    let client = TestClient(readsConfigurationFiles: true)
    try await client.initialize()
    await client.open(uri, "| 2990101 | 自定义测试科目 | 1.00 |")
    let hover = try await client.request(
      "textDocument/hover",
      TextDocumentPositionParams(textDocument: .init(uri: uri), position: .init(line: 0, character: 4)),
      as: Hover?.self)
    #expect(hover?.contents.value.hasPrefix("**2990101 自定义测试科目**") == true)
    #expect(client.notifications("window/showMessage").isEmpty)
  }
}
