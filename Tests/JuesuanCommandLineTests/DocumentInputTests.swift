import Foundation
import Testing

/// Word input, the HTML page and batches through the built executable (PDF input needs poppler:
/// scripts/e2e-documents.sh tests it).
@Suite("juesuan check on Word files, HTML output and batches")
struct DocumentInputTests {
  static let features = Juesuan.root.appendingPathComponent("Tests/Fixtures/documents/features.docx").path

  @Test("a .docx is checked; JSON names each finding's paragraph or cell; extract prints its text")
  func word() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("draft.docx")
    try FileManager.default.copyItem(atPath: Self.features, toPath: draft.path)
    let run = try Juesuan.run(["check", "--format", "json", draft.path])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    let diagnostics = Juesuan.diagnostics(run)
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { $0["location"] is String })
    let extract = try Juesuan.run(["extract", draft.path])
    #expect(extract.status == 0)
    #expect(extract.stdout.hasPrefix("一、第一部分 概况\n（一）主要职责\n"))
    let fix = try Juesuan.run(["fix", draft.path])
    #expect(fix.status == 2)
    #expect(fix.stderr.split(separator: "\n").count == 1)
  }

  @Test("--format html -o: one page with a summary row per file, marks, and the text escaped")
  func html() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("draft.md")
    try Data("# 示例<script>alert(1)</script>\n\n支出共计××万元。\n".utf8).write(to: draft)
    let page = folder.appendingPathComponent("review.html")
    let run = try Juesuan.run(["check", "--format", "html", "-o", page.path, draft.path, Self.features])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script>alert(1)"))
    #expect(html.contains("<tr data-path=\"\(draft.path)\">"))
    #expect(html.contains("data-code=\"text/placeholder\""))
    #expect(html.contains("<mark class=\"hl sev-error\""))
  }

  @Test("a folder with a broken .docx: one line on stderr, the others checked, exit 2, a JSON error key")
  func batch() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(atPath: Self.features, toPath: folder.appendingPathComponent("a.docx").path)
    try Data("PK not really".utf8).write(to: folder.appendingPathComponent("b.docx"))
    try Data("支出共计××万元。\n".utf8).write(to: folder.appendingPathComponent("c.txt"))
    let run = try Juesuan.run(["check", "--format", "json", folder.path])
    #expect(run.status == 2)
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    let files = run.json?["files"] as? [[String: Any]] ?? []
    #expect(files.count == 3)
    #expect(files.filter { $0["error"] is String }.count == 1)
    #expect(
      files.contains {
        ($0["path"] as? String)?.hasSuffix("c.txt") == true && !(($0["diagnostics"] as? [Any]) ?? []).isEmpty
      })
  }
}
