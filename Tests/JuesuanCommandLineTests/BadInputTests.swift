import Foundation
import Testing

/// Files no draft should be, through `juesuan check`: a clear answer, never a crash or a hang.
@Suite("juesuan check on bad input")
struct BadInputCheckTests {
  @Test("a file over the size limit is refused at once, without being read: exit 2, one line on stderr")
  func oversized() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let huge = folder.appendingPathComponent("huge.md")
    // Sparse: 200 MB long, nothing written, so the test costs nothing.
    _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: 200 << 20)
    try handle.close()
    let clock = ContinuousClock()
    let started = clock.now
    let run = try Juesuan.run(["check", "--format", "json", huge.path])
    #expect(clock.now - started < .seconds(10))
    #expect(run.status == 2)
    #expect(run.stderr.contains("文件过大"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
  }

  @Test("stdin over the size limit is refused too: exit 2, one line on stderr")
  func oversizedStandardInput() throws {
    let run = try Juesuan.run(["check", "-"], stdin: Data(repeating: 0x20, count: (64 << 20) + 10))
    #expect(run.status == 2)
    #expect(run.stderr.contains("标准输入过大"), "\(run.stderr)")
  }

  @Test("a binary file is checked without crashing; the invalid UTF-8 is reported on stderr")
  func binary() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("image.txt")
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(0...255)
    var state: UInt64 = 42
    for _ in 0..<30_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
    }
    try Data(bytes).write(to: file)
    let run = try Juesuan.run(["check", "--format", "json", file.path])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    #expect(run.json != nil)
    #expect(run.stderr.contains("UTF-8"))
  }

  @Test("BOM, lone CR, CRLF and NUL: findings are reported at the lines an editor shows")
  func lineBreaks() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("odd.md")
    try Data("\u{FEFF}说明\r第二行\0\r\n第三行\r共计××万元。\n".utf8).write(to: file)
    let run = try Juesuan.run(["check", "--format", "json", file.path])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    let placeholders = Juesuan.diagnostics(run).filter { $0["code"] as? String == "text/placeholder" }
    #expect(placeholders.map(Juesuan.line) == [3])
  }
}
