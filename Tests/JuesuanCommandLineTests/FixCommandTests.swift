import Foundation
import JuesuanCommandLine
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

@Suite("juesuan fix writes atomically", .serialized)
struct AtomicFixTests {
  @Test("a file changed on disk since it was read is not overwritten")
  func refusesChangedFile() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("draft.md")
    try Data("新内容".utf8).write(to: file)
    #expect(throws: AtomicWrite.Conflict.self) {
      try AtomicWrite.replace(file.path, expecting: Array("旧内容".utf8), with: Array("修复后".utf8))
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "新内容")
    try AtomicWrite.replace(file.path, expecting: Array("新内容".utf8), with: Array("修复后".utf8))
    #expect(try String(contentsOf: file, encoding: .utf8) == "修复后")
  }

  @Test("killing fix at any moment leaves the old file or the new one, never a torn one")
  func killMidWrite() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = try Data(contentsOf: Juesuan.root.appendingPathComponent("samples/defective.md"))
    // A larger draft (≈ 120 KB), so that the write takes long enough to be interrupted.
    var big = Data()
    for _ in 0..<12 { big.append(sample) }
    let file = folder.appendingPathComponent("big.md")
    try big.write(to: file)
    // The fully fixed version, for comparison.
    let reference = folder.appendingPathComponent("reference.md")
    try big.write(to: reference)
    _ = try Juesuan.run(["fix", reference.path])
    let fixed = try Data(contentsOf: reference)
    #expect(fixed != big)
    var random = SystemRandomNumberGenerator()
    for _ in 0..<6 {
      try big.write(to: file)
      let process = Process()
      process.executableURL = Juesuan.executable
      process.arguments = ["fix", file.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32.random(in: 1_000...150_000, using: &random))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = try Data(contentsOf: file)
      #expect(after == big || after == fixed, "torn file of \(after.count) bytes")
    }
  }
}
