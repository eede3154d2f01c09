import Foundation
import Testing

@Suite("juesuan fix", .serialized)
struct FixCommandTests {
  @Test("fix applies safe fixes, reports them, and a second run changes nothing")
  func appliesAndIsIdempotent() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("draft.md")
    let source = try Data(contentsOf: Juesuan.root.appendingPathComponent("samples/defective.md"))
    try source.write(to: draft)
    let first = try Juesuan.run(["fix", draft.path])
    #expect(first.status == 0, "\(first.stderr)")
    let once = try Data(contentsOf: draft)
    let second = try Juesuan.run(["fix", draft.path])
    #expect(second.status == 0)
    #expect(try Data(contentsOf: draft) == once, "fix is idempotent")
    // No temporary file is left behind.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test("--diff previews without writing")
  func diff() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("draft.md")
    let source = try Data(contentsOf: Juesuan.root.appendingPathComponent("samples/defective.md"))
    try source.write(to: draft)
    let run = try Juesuan.run(["fix", "--diff", draft.path])
    #expect(run.status == 0)
    #expect(try Data(contentsOf: draft) == source)
  }

  @Test("fix on each corpus report keeps every byte outside the edits", arguments: ["000", "001", "002"])
  func corpusBytes(_ id: String) throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("\(id).txt")
    let original = try Data(contentsOf: URL(fileURLWithPath: Juesuan.corpus(id)))
    try original.write(to: copy)
    let run = try Juesuan.run(["fix", copy.path])
    #expect(run.status == 0)
    let after = try Data(contentsOf: copy)
    // Same line count: safe fixes edit within lines; the common prefix and suffix cover the rest.
    #expect(
      after.split(separator: 0x0A, omittingEmptySubsequences: false).count
        == original.split(separator: 0x0A, omittingEmptySubsequences: false).count)
  }
}
