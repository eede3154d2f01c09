import Dispatch
import Foundation
import JuesuanDocuments
import JuesuanModel
import JuesuanRules
import Synchronization

/// `juesuan check [--format text|json|sarif|github|html] [-o FILE] [--config FILE] [--fail-level L]
/// [--quiet] [--statistics] [--no-color] PATH…`: lints files (text, Markdown, PDF, Word), folders
/// or `-` (stdin).
enum CheckCommand {
  struct Options {
    var format = "text"
    var configPath: String?
    var failLevel: Severity?
    var quiet = false
    var statistics = false
    var profile = false
    var color = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    var paths: [String] = []
    var outputPath: String?
  }

  static func run(_ arguments: [String]) -> Int32 {
    let options: Options
    do {
      options = try parse(arguments)
    } catch {
      return fail("\(error)")
    }
    let inputs: [Input]
    do {
      inputs = try Input.collect(options.paths)
    } catch {
      return fail("\(error)")
    }
    var failLevel = options.failLevel
    var jobs: [(input: Input, configuration: Configuration)] = []
    for input in inputs {
      let configuration: Configuration
      do {
        configuration = try ConfigurationLoader.configuration(for: input.path, explicit: options.configPath)
      } catch {
        return fail("\(error)")
      }
      if failLevel == nil, options.configPath != nil { failLevel = configuration.failLevel }
      if ConfigurationLoader.isIgnored(input.path, by: configuration) { continue }
      jobs.append((input, configuration))
    }
    // Files are independent: checked on every core (pre-commit passes many at once), reported
    // in the order given. With --profile one at a time, so that each file's timings stay apart.
    let checked = ConcurrentSlots<FileResult>(count: jobs.count)
    let profile = options.profile
    let files = jobs
    let progress = BatchProgress(total: files.count)
    let work = { @Sendable (index: Int) in
      let result = check(files[index].input, configuration: files[index].configuration, profile: profile)
      checked.set(index, result)
      if let failure = result.failure { progress.report("juesuan: \(result.path): \(failure)") }
      progress.fileDone()
    }
    if profile || files.count < 2 {
      for index in files.indices { work(index) }
    } else {
      DispatchQueue.concurrentPerform(iterations: files.count, execute: work)
    }
    progress.finish()
    let results = checked.filled
    guard let output = OutputFile(path: options.outputPath) else {
      return fail("\(options.outputPath ?? ""): 无法写入输出文件")
    }
    switch options.format {
    case "json": JSONOutput.render(results, flush: output.write)  // in pieces: no 20 MB string
    case "sarif": output.write(SARIFOutput.render(results))
    case "github": output.write(TextOutput.github(results))
    case "html": output.write(HTMLOutput.render(results))
    default: output.write(TextOutput.render(results, options: options))
    }
    guard output.close() else { return fail("\(options.outputPath ?? ""): 写入输出文件失败") }
    if options.statistics {
      FileHandle.standardError.write(Data(TextOutput.statistics(results).utf8))
    }
    let failing = results.contains { result in
      let level = failLevel ?? result.failLevel
      return result.lint.findings.contains { $0.severity <= level }
    }
    // The worst of all files: one that could not be read outweighs findings in the others.
    return results.contains { $0.failure != nil } ? 2 : failing ? 1 : 0
  }

  static func fail(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("juesuan: \(message)\n".utf8))
    return 2
  }

  struct UsageError: Error, CustomStringConvertible {
    var description: String
  }

  /// One file's lint; with `profile`, each rule's time on stderr.
  private static func check(_ input: Input, configuration: Configuration, profile: Bool) -> FileResult {
    var linter = Linter(configuration: configuration, catalogue: ConfigurationLoader.catalogue(for: configuration))
    linter.retainsModel = false
    let timings = Mutex<[(code: String, duration: Duration)]>([])
    if profile {
      linter.ruleTimings = { code, duration in
        timings.withLock { list in
          if let index = list.firstIndex(where: { $0.code == code }) {
            list[index].duration += duration
          } else {
            list.append((code, duration))
          }
        }
      }
    }
    if let failure = input.failure { return unreadable(input.path, reason: failure, configuration: configuration) }
    var document: ExtractedDocument?
    if input.isDocument {
      do {
        document = try DocumentReader.read(path: input.path)
      } catch {
        return unreadable(input.path, reason: "\(error)", configuration: configuration)
      }
    }
    let source = document.map { SourceText(decoding: Array($0.text.utf8)) } ?? SourceText(decoding: input.bytes)
    var lint = linter.lint(source)
    for (code, duration) in timings.withLock({ $0 }) {
      let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
      FileHandle.standardError.write(Data(String(format: "%9.1f ms  %@\n", milliseconds, code).utf8))
    }
    if source.hadInvalidUTF8 {
      FileHandle.standardError.write(Data("juesuan: \(input.path): 含有无效的 UTF-8 字节，已按 U+FFFD 替换后检查\n".utf8))
      lint.findings.insert(
        Finding(
          code: "input/invalid-utf8", severity: .warning, range: 0..<0,
          message: "文件含有无效的 UTF-8 字节，已替换为 U+FFFD 后检查；请以 UTF-8 保存"), at: 0)
    }
    return FileResult(
      path: input.path, source: source, lint: lint, failLevel: configuration.failLevel, document: document)
  }

  /// A file that could not be read: a row of its own in the report (and one line on stderr).
  private static func unreadable(_ path: String, reason: String, configuration: Configuration) -> FileResult {
    let empty = SourceText(decoding: [])
    return FileResult(
      path: path, source: empty, lint: Linter(configuration: configuration).lint(empty),
      failLevel: configuration.failLevel, failure: reason)
  }

  static func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var index = 0
    func value(_ flag: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw UsageError(description: "\(flag) 需要一个参数") }
      return arguments[index]
    }
    var onlyPaths = false
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      if onlyPaths || argument == "-" || !argument.utf8Text.hasPrefix("-") {
        options.paths.append(argument)
        continue
      }
      let (flag, inline) = splitFlag(argument)
      switch flag {
      case "--": onlyPaths = true
      case "--format", "-f":
        let format = try inline ?? value(flag)
        guard ["text", "json", "sarif", "github", "html"].contains(format) else {
          throw UsageError(description: "--format 只能是 text、json、sarif、github 或 html，收到 “\(format)”")
        }
        options.format = format
      case "--output", "-o": options.outputPath = try inline ?? value(flag)
      case "--config", "-c": options.configPath = try inline ?? value(flag)
      case "--fail-level":
        let level = try inline ?? value(flag)
        guard let severity = Severity(name: level) else {
          throw UsageError(description: "--fail-level 只能是 error、warning、info 或 hint")
        }
        options.failLevel = severity
      case "--quiet", "-q": options.quiet = true
      case "--statistics": options.statistics = true
      case "--profile": options.profile = true
      case "--no-color": options.color = false
      case "--color": options.color = true
      default: throw UsageError(description: "未知选项 \(argument)（见 juesuan --help）")
      }
    }
    guard !options.paths.isEmpty else { throw UsageError(description: "请给出要检查的文件、目录或 -（标准输入）") }
    return options
  }

  private static func splitFlag(_ argument: String) -> (String, String?) {
    guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }
}

/// One file's outcome.
struct FileResult {
  var path: String
  var source: SourceText
  var lint: LintResult
  var failLevel: Severity
  /// For a PDF or Word file: the text read from it and where each line came from.
  var document: ExtractedDocument?
  /// Why the file could not be read (then `lint` is empty).
  var failure: String?
}

/// A file to check: a path (or "-") and its bytes; a PDF or Word file is read when checked.
struct Input {
  var path: String
  var bytes: [UInt8]
  var isDocument = false
  /// Why the file could not be read, for a file found in a folder (the others are still checked).
  var failure: String?

  static let extensions: Set<String> = ["txt", "md", "markdown", "text", "tsv"]
  static let maximumBytes = 64 << 20

  /// Reads every path; folders are searched for drafts (.txt, .md, .markdown, .tsv, .pdf, .docx).
  /// A PDF or Word file is read later, when it is checked; a file of a folder that cannot be read
  /// becomes an input that carries the reason.
  static func collect(_ paths: [String]) throws -> [Input] {
    var result: [Input] = []
    let manager = FileManager.default
    for path in paths {
      if path == "-" {
        // The same limit as for files, found without reading an endless stream to its end.
        let data = (try? FileHandle.standardInput.read(upToCount: maximumBytes + 1)) ?? Data()
        guard data.count <= maximumBytes else {
          throw CheckCommand.UsageError(description: "-: 标准输入过大（超过 \(maximumBytes >> 20) MB 上限）")
        }
        result.append(Input(path: "-", bytes: Array(data)))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CheckCommand.UsageError(description: "\(path): 文件不存在")
      }
      if isDirectory.boolValue {
        guard let walker = manager.enumerator(atPath: path) else {
          throw CheckCommand.UsageError(description: "\(path): 无法读取目录")
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
          let name = (relative as NSString).lastPathComponent
          if name.utf8Text.hasPrefix(".") || relative.utf8Text.contains("/.") || relative.utf8Text.hasPrefix(".build") {
            if name.utf8Text.hasPrefix(".") { walker.skipDescendants() }
            continue
          }
          let pathExtension = (name as NSString).pathExtension.lowercased()
          if extensions.contains(pathExtension) || DocumentReader.extensions.contains(pathExtension) {
            found.append((path as NSString).appendingPathComponent(relative))
          }
        }
        guard !found.isEmpty else {
          throw CheckCommand.UsageError(description: "\(path): 目录中没有决算草稿（.txt、.md、.markdown、.pdf、.docx）")
        }
        for file in found.sorted() {
          do {
            result.append(try read(file))
          } catch {
            result.append(
              Input(path: file, bytes: [], failure: "\(error)".replacingOccurrences(of: "\(file): ", with: "")))
          }
        }
      } else {
        result.append(try read(path))
      }
    }
    return result
  }

  private static func read(_ path: String) throws -> Input {
    if DocumentReader.isDocument(path) { return Input(path: path, bytes: [], isDocument: true) }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    if let size = attributes?[.size] as? Int, size > maximumBytes {
      throw CheckCommand.UsageError(description: "\(path): 文件过大（\(size >> 20) MB，上限 \(maximumBytes >> 20) MB）")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CheckCommand.UsageError(description: "\(path): 无法读取（权限不足或不是普通文件）")
    }
    defer { try? handle.close() }
    let data = (try? handle.readToEnd()) ?? Data()
    return Input(path: path, bytes: Array(data))
  }
}
