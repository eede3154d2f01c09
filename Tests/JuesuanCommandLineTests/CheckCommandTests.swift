import Foundation
import JuesuanTestSupport
import Testing

/// Runs the built `juesuan` executable (built beside the test bundle by `swift test`).
struct Juesuan {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    var json: [String: Any]? {
      (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
    }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["JUESUAN"] { return URL(fileURLWithPath: path) }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("juesuan")
  }

  static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The path of corpus report `id` ("000") in Tests/Corpus.
  static func corpus(_ id: String) -> String {
    (try? JuesuanTestSupport.Corpus.url(id).path) ?? Corpus.directory.appendingPathComponent("\(id).txt").path
  }

  static func diagnostics(_ run: Run) -> [[String: Any]] {
    let files = run.json?["files"] as? [[String: Any]] ?? []
    return files.flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
  }

  static func line(_ diagnostic: [String: Any]) -> Int {
    ((diagnostic["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int ?? -1
  }
}

@Suite("juesuan check")
struct CheckCommandTests {
  @Test("the clean sample gives no diagnostics and exit 0, in the JSON contract's shape")
  func clean() throws {
    let run = try Juesuan.run([
      "check", "--format", "json", Juesuan.root.appendingPathComponent("samples/clean.md").path,
    ])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.json?["version"] as? Int == 1)
    let files = try #require(run.json?["files"] as? [[String: Any]])
    #expect(files.count == 1)
    #expect(Juesuan.diagnostics(run).isEmpty, "\(Juesuan.diagnostics(run).map { $0["message"] ?? "" })")
  }

  @Test(
    "each corpus report: valid JSON, exit 0 or 1 matching its errors, LSP diagnostic fields",
    arguments: ["000", "001", "002"])
  func corpus(_ id: String) throws {
    let path = Juesuan.corpus(id)
    let run = try Juesuan.run(["check", "--format", "json", path])
    let diagnostics = Juesuan.diagnostics(run)
    #expect(run.json != nil)
    let hasErrors = diagnostics.contains { $0["severity"] as? Int == 1 }
    #expect(run.status == (hasErrors ? 1 : 0))
    for diagnostic in diagnostics {
      #expect(diagnostic["source"] as? String == "juesuan")
      #expect((diagnostic["code"] as? String)?.contains("/") == true)
      #expect(diagnostic["fixes"] is [Any])
      #expect((1...4).contains(diagnostic["severity"] as? Int ?? 0))
    }
  }

  @Test("a missing file, an empty folder and a bad flag exit 2 with one line on stderr")
  func usageErrors() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [
      ["check", "no-such-file.md"], ["check", folder.path], ["check", "--format", "xml", "x.md"], ["check"],
    ] {
      let run = try Juesuan.run(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
    }
  }

  @Test("stdin, an empty file, invalid UTF-8 and a title-less table are read without crashing")
  func oddInput() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("empty.md")
    try Data().write(to: empty)
    let invalid = folder.appendingPathComponent("bad.txt")
    try Data([0xE5, 0x90, 0xFF, 0x0A, 0x41, 0x0A]).write(to: invalid)
    let untitled = folder.appendingPathComponent("untitled.txt")
    try Data("201\t一般公共服务支出\t10.00\t10.00\n20103\t政府办公厅（室）及相关机构事务\t10.00\t10.00\n".utf8).write(to: untitled)
    let run = try Juesuan.run(["check", "--format", "json", empty.path, invalid.path, untitled.path])
    #expect(run.status == 0 || run.status == 1)
    #expect(run.json != nil)
    #expect(run.stderr.contains("UTF-8"))
    let piped = try Juesuan.run(["check", "-"], stdin: Data("共计××万元。\n".utf8))
    #expect(piped.status == 0 || piped.status == 1)
    #expect(piped.stdout.hasPrefix("-:"))
  }

  @Test("a folder is searched for drafts; text output is file:line:col: severity code message")
  func folderAndText() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t30.00\t10.00\t15.00\n"
    try Data(table.utf8).write(to: folder.appendingPathComponent("draft.md"))
    try Data("not a draft".utf8).write(to: folder.appendingPathComponent("notes.json"))
    let run = try Juesuan.run(["check", "--no-color", folder.path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("draft.md:4:"))
    #expect(run.stdout.contains(": error sum/row-total "))
    #expect(!run.stdout.contains("notes.json"))
  }

  @Test("--fail-level and .juesuan.json rule settings change what fails")
  func configuration() throws {
    let folder = try Juesuan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n2010301\t行政运行\t30.00\t10.00\t15.00\n"
    let draft = folder.appendingPathComponent("draft.md")
    try Data(table.utf8).write(to: draft)
    #expect(try Juesuan.run(["check", draft.path]).status == 1)
    try Data(#"{"rules": {"sum/row-total": "warning"}}"#.utf8).write(to: folder.appendingPathComponent(".juesuan.json"))
    #expect(try Juesuan.run(["check", draft.path]).status == 0)
    #expect(try Juesuan.run(["check", "--fail-level", "warning", draft.path]).status == 1)
    try Data(#"{"rules": {"sum/row-total": "off"}}"#.utf8).write(to: folder.appendingPathComponent(".juesuan.json"))
    #expect(try Juesuan.run(["check", "--fail-level", "hint", draft.path]).stdout.contains("row-total") == false)
    try Data(#"{"rules": 5}"#.utf8).write(to: folder.appendingPathComponent(".juesuan.json"))
    let bad = try Juesuan.run(["check", draft.path])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains(".juesuan.json"))
  }

  @Test("SARIF output is SARIF 2.1.0 with rules and results")
  func sarif() throws {
    let path = Juesuan.corpus("001")
    let run = try Juesuan.run(["check", "--format", "sarif", path])
    let runs = try #require(run.json?["runs"] as? [[String: Any]])
    #expect(run.json?["version"] as? String == "2.1.0")
    let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count > 10)
    #expect(rules.allSatisfy { ($0["helpUri"] as? String)?.hasPrefix("https://") == true })
    let results = try #require(runs.first?["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    for result in results {
      let locations = try #require(result["locations"] as? [[String: Any]])
      #expect(!locations.isEmpty)
    }
  }

  @Test("github output is one workflow command per finding")
  func github() throws {
    let path = Juesuan.corpus("001")
    let run = try Juesuan.run(["check", "--format", "github", path])
    let lines = run.stdout.split(separator: "\n")
    #expect(!lines.isEmpty)
    #expect(
      lines.allSatisfy {
        $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") || $0.hasPrefix("::notice file=")
      })
  }

  @Test("docs/rules.md is generated from the rule declarations and up to date")
  func rulesDocument() throws {
    let run = try Juesuan.run(["rules", "--markdown"])
    let committed = try String(contentsOf: Juesuan.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    #expect(run.stdout == committed, "run `juesuan rules --markdown > docs/rules.md`")
  }

  @Test("explain-code prints the official name and parent")
  func explainCode() throws {
    let run = try Juesuan.run(["explain-code", "2210202"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("提租补贴"))
    #expect(run.stdout.contains("22102"))
    #expect(try Juesuan.run(["explain-code", "2999999"]).status == 1)
  }
}

@Suite("The defective sample")
struct DefectiveSampleTests {
  @Test("every planted defect is found at its line, with its rule")
  func plantedDefects() throws {
    let expected = try String(
      contentsOf: Juesuan.root.appendingPathComponent("samples/defective.expected.tsv"), encoding: .utf8)
    let rows = expected.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
    let run = try Juesuan.run([
      "check", "--format", "json", Juesuan.root.appendingPathComponent("samples/defective.md").path,
    ])
    #expect(run.status == 1)
    let found = Set(Juesuan.diagnostics(run).map { "\(Juesuan.line($0) + 1)\t\($0["code"] as? String ?? "")" })
    for row in rows {
      #expect(found.contains("\(row[0])\t\(row[1])"), "planted \(row[1]) at line \(row[0]) not found")
    }
  }
}
