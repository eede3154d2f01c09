import Dispatch
import Foundation
import JuesuanModel
import JuesuanRules
import Synchronization

/// `juesuan check [--format text|json|sarif|github] [--config FILE] [--fail-level L] [--quiet]
/// [--statistics] [--no-color] PATH…`: lints files, folders or `-` (stdin).
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
    let work = { @Sendable (index: Int) in
      let result = check(files[index].input, configuration: files[index].configuration, profile: profile)
      checked.set(index, result)
    }
    if profile || files.count < 2 {
      for index in files.indices { work(index) }
    } else {
      DispatchQueue.concurrentPerform(iterations: files.count, execute: work)
    }
    let results = checked.filled
    switch options.format {
    case "json": JSONOutput.render(results, flush: writeStandardOutput)  // in pieces: no 20 MB string
    case "sarif": writeStandardOutput(SARIFOutput.render(results))
    case "github": writeStandardOutput(TextOutput.github(results))
    default: writeStandardOutput(TextOutput.render(results, options: options))
    }
    if options.statistics {
      FileHandle.standardError.write(Data(TextOutput.statistics(results).utf8))
    }
    let failing = results.contains { result in
      let level = failLevel ?? result.failLevel
      return result.lint.findings.contains { $0.severity <= level }
    }
    return failing ? 1 : 0
  }

  static func fail(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("juesuan: \(message)\n".utf8))
    return 2
  }

  struct UsageError: Error, CustomStringConvertible {
    var description: String
  }

  /// Writes `text` to stdout straight from the string's storage (no second copy of it).
  private static func writeStandardOutput(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let count = write(1, base + offset, bytes.count - offset)
        if count <= 0 { break }
        offset += count
      }
    }
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
    let source = SourceText(decoding: input.bytes)
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
    return FileResult(path: input.path, source: source, lint: lint, failLevel: configuration.failLevel)
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
      if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
        options.paths.append(argument)
        continue
      }
      let (flag, inline) = splitFlag(argument)
      switch flag {
      case "--": onlyPaths = true
      case "--format", "-f":
        let format = try inline ?? value(flag)
        guard ["text", "json", "sarif", "github"].contains(format) else {
          throw UsageError(description: "--format 只能是 text、json、sarif 或 github，收到 “\(format)”")
        }
        options.format = format
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
}

/// A file to check: a path (or "-") and its bytes.
struct Input {
  var path: String
  var bytes: [UInt8]

  static let extensions: Set<String> = ["txt", "md", "markdown", "text"]
  static let maximumBytes = 64 << 20

  /// Reads every path; folders are searched for drafts (.txt, .md, .markdown).
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
          if name.hasPrefix(".") || relative.contains("/.") || relative.hasPrefix(".build") {
            if name.hasPrefix(".") { walker.skipDescendants() }
            continue
          }
          if extensions.contains((name as NSString).pathExtension.lowercased()) {
            found.append((path as NSString).appendingPathComponent(relative))
          }
        }
        guard !found.isEmpty else {
          throw CheckCommand.UsageError(description: "\(path): 目录中没有决算草稿（.txt、.md、.markdown）")
        }
        for file in found.sorted() { result.append(try read(file)) }
      } else {
        result.append(try read(path))
      }
    }
    return result
  }

  private static func read(_ path: String) throws -> Input {
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
