import Foundation
import JuesuanModel
import JuesuanRules

/// `juesuan fix [--diff] PATH…`: applies every safe fix, atomically (temporary file, then rename),
/// and refuses to write a file that changed on disk since it was read.
enum FixCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let preview = arguments.contains("--diff")
    let paths = arguments.filter { !$0.utf8Text.hasPrefix("--") }
    guard !paths.isEmpty else { return CheckCommand.fail("用法：juesuan fix [--diff] PATH…") }
    let inputs: [Input]
    do {
      inputs = try Input.collect(paths)
    } catch {
      return CheckCommand.fail("\(error)")
    }
    var status: Int32 = 0
    for input in inputs where input.path != "-" {
      // fix rewrites text drafts; a PDF or Word file named on the command line is refused (one
      // found in a folder is left alone).
      if input.isDocument {
        if paths.contains(input.path) {
          FileHandle.standardError.write(
            Data("juesuan: \(input.path): fix 只修改文本稿（.txt、.md），不改写 PDF 或 Word 文件；请在原稿中修改\n".utf8))
          status = 2
        }
        continue
      }
      if let failure = input.failure {
        FileHandle.standardError.write(Data("juesuan: \(input.path): \(failure)\n".utf8))
        status = 2
        continue
      }
      let configuration = (try? ConfigurationLoader.configuration(for: input.path, explicit: nil)) ?? Configuration()
      let source = SourceText(decoding: input.bytes)
      if source.hadInvalidUTF8 {
        FileHandle.standardError.write(Data("juesuan: \(input.path): 含无效的 UTF-8 字节，为免损坏文件，未修改\n".utf8))
        status = 2
        continue
      }
      let linter = Linter(configuration: configuration, catalogue: ConfigurationLoader.catalogue(for: configuration))
      let (fixed, applied) = SafeFixes.apply(linter.lint(source).findings, to: input.bytes)
      guard !applied.isEmpty else { continue }
      if preview {
        print(UnifiedDiff.render(old: source, new: SourceText(decoding: fixed), path: input.path), terminator: "")
        continue
      }
      do {
        try AtomicWrite.replace(input.path, expecting: input.bytes, with: fixed)
        print("\(input.path): 已应用 \(applied.count) 处修复（\(applied.map(\.code).joined(separator: "、"))）")
      } catch {
        FileHandle.standardError.write(Data("juesuan: \(input.path): \(error)\n".utf8))
        status = 2
      }
    }
    return status
  }
}

/// Applies the safe fixes of findings, skipping any whose edits overlap an earlier one.
package enum SafeFixes {
  package static func apply(_ findings: [Finding], to bytes: [UInt8]) -> ([UInt8], [Finding]) {
    var taken: [Range<Int>] = []
    var edits: [TextEdit] = []
    var applied: [Finding] = []
    for finding in findings {
      guard let fix = finding.fixes.first(where: \.isSafe) else { continue }
      let overlaps = fix.edits.contains { edit in
        taken.contains {
          $0.overlaps(edit.range) || ($0.isEmpty || edit.range.isEmpty) && $0.lowerBound == edit.range.lowerBound
        }
      }
      guard !overlaps, fix.edits.allSatisfy({ $0.range.upperBound <= bytes.count }) else { continue }
      taken += fix.edits.map(\.range)
      edits += fix.edits
      applied.append(finding)
    }
    var result = bytes
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      result.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
    }
    return (result, applied)
  }
}

/// Write to a temporary file beside the target, then rename over it: a reader (or a crash) sees
/// the old file or the new one, never half of one.
package enum AtomicWrite {
  package struct Conflict: Error, CustomStringConvertible {
    package var description: String { "文件在读取后已被修改，未写入（请重新运行）" }
  }

  package static func replace(_ path: String, expecting original: [UInt8], with bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: path)
    let current = try Data(contentsOf: url)
    guard Array(current) == original else { throw Conflict() }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).juesuan-\(ProcessInfo.processInfo.processIdentifier).tmp")
    let created = FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes), attributes: nil)
    guard created else { throw CheckCommand.UsageError(description: "无法创建临时文件 \(temporary.path)") }
    if let permissions = attributes?[.posixPermissions] {
      try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
    }
    guard rename(temporary.path, path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw CheckCommand.UsageError(description: "无法替换文件（rename 失败，errno \(errno)）")
    }
  }
}

/// A minimal line-based unified diff for `fix --diff`.
enum UnifiedDiff {
  static func render(old: SourceText, new: SourceText, path: String) -> String {
    let a = (0..<old.lineCount).map { old.text(ofLine: $0) }
    let b = (0..<new.lineCount).map { new.text(ofLine: $0) }
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    let removed = a[prefix..<(a.count - suffix)]
    let added = b[prefix..<(b.count - suffix)]
    var out = "--- \(path)\n+++ \(path)\n@@ -\(prefix + 1),\(removed.count) +\(prefix + 1),\(added.count) @@\n"
    for line in removed { out += "-\(line)\n" }
    for line in added { out += "+\(line)\n" }
    return out
  }
}
