import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanServer
import LanguageServerProtocol
import Testing

/// The one loader of `.juesuan.json` and the one mapping of a finding to a diagnostic, which the
/// server and the command line share.
@Suite("Configuration loader and diagnostic mapping", .serialized)
struct ConfigurationLoaderTests {
  @Test("the nearest .juesuan.json above a folder; LSP settings laid over it rule by rule")
  func loader() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-loader-\(UUID().uuidString)")
    let deep = root.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(ConfigurationFile.find(fromDirectory: deep.path).map { $0.hasPrefix(root.path) } != true)
    let json = #"{"rules": {"text/*": "off", "sum/rounding-tail": "warning"}, "catalogue": "codes.tsv"}"#
    try Data(json.utf8).write(to: root.appendingPathComponent(".juesuan.json"))
    let path = try #require(ConfigurationFile.find(fromDirectory: deep.path))
    #expect(path.hasSuffix("/.juesuan.json") && !path.hasSuffix("/a/b/.juesuan.json"))
    let file = try ConfigurationFile(path: path)
    let alone = try ConfigurationFile.configuration(of: file)
    #expect(alone.severity(of: "text/unit", default: .warning) == nil)
    #expect(alone.catalogueFile == (path as NSString).deletingLastPathComponent + "/codes.tsv")
    let merged = try ConfigurationFile.configuration(
      of: file, overriddenBy: ["rules": ["text/unit": "error"], "failLevel": "warning"])
    #expect(merged.severity(of: "text/unit", default: .warning) == .error)
    #expect(merged.severity(of: "text/placeholder", default: .warning) == nil)
    #expect(merged.severity(of: "sum/rounding-tail", default: .information) == .warning)
    #expect(merged.failLevel == .warning)
    try Data("[1]".utf8).write(to: root.appendingPathComponent(".juesuan.json"))
    #expect(throws: ConfigurationFile.Problem.notObject) { try ConfigurationFile(path: path) }
    try Data("{".utf8).write(to: root.appendingPathComponent(".juesuan.json"))
    #expect(throws: ConfigurationFile.Problem.notJSON) { try ConfigurationFile(path: path) }
  }

  @Test("a finding's diagnostic: positions in the encoding asked, moved to the document's lines")
  func mapping() {
    let source = SourceText("第一行\n合计 😀 30.00\n")
    var finding = Finding(
      code: "sum/column-total", severity: .error, range: 22..<27, message: "合计与第 \(line: 0) 行不符",
      related: [Finding.Related(range: 0..<3, message: "第一行")])
    finding.message = finding.message.movingLines(by: 10)
    let utf16 = Diagnostic(finding, in: source, lineOffset: 10, uri: "file:///r.md", tags: [1])
    #expect(utf16.range == PositionRange(start: .init(line: 11, character: 6), end: .init(line: 11, character: 11)))
    #expect(utf16.message == "合计与第 11 行不符")
    #expect(utf16.codeDescription?.href.hasSuffix("rules.md#sum-column-total") == true)
    #expect(utf16.relatedInformation?.first?.location.range.start.line == 10)
    #expect(utf16.tags == [1] && utf16.source == "juesuan" && utf16.severity == 1)
    let utf8 = Diagnostic(finding, in: source, encoding: .utf8, uri: "file:///r.md", tags: nil)
    #expect(utf8.range.start == .init(line: 1, character: 12) && utf8.tags == nil)
  }
}
