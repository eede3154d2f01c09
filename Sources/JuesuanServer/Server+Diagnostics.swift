internal import Foundation
internal import JSONRPC
internal import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// The `DiagnosticTag`s of each rule's findings (a repeated phrase faded, an outdated name
  /// struck through) that a client showing `shown` is sent; rules without any are left out.
  static func diagnosticTags(shownBy shown: Set<Int>) -> [String: [Int]] {
    var tags: [String: [Int]] = [:]
    for rule in RuleRegistry.all {
      let description = rule.description
      let sent = description.tags.map(\.rawValue).filter(shown.contains)
      if !sent.isEmpty { tags[description.code] = sent }
    }
    return tags
  }

  /// The linter for a document: `.juesuan.json` above it, overridden by the LSP settings, with
  /// the user catalogue they name (a relative path is resolved against the `.juesuan.json`, else
  /// against the workspace root).
  func linter(forDocument uri: String) -> Linter {
    let file = configurationFile(forDocument: uri)
    let configuration: Configuration
    do {
      configuration = try ConfigurationFile.configuration(of: file, overriddenBy: settings)
    } catch {
      reportConfigurationProblem("juesuan 配置无效，使用默认配置：\(error.description)")
      configuration = Configuration()
    }
    var catalogue = options.catalogue
    if let name = configuration.catalogueFile {
      // Relative to the workspace root without a .juesuan.json (with one, relative to its folder,
      // resolved by `ConfigurationFile`).
      let path =
        name.utf8Text.hasPrefix("/") || rootPath == nil
        ? name : URL(fileURLWithPath: rootPath ?? "").appendingPathComponent(name).path
      catalogue = userCatalogue(at: path)
    }
    return Linter(configuration: configuration, catalogue: catalogue)
  }

  /// Logs a configuration problem, and shows it to the user once until the configuration changes.
  func reportConfigurationProblem(_ message: String) {
    log(.warning, message)
    guard !shownConfigurationProblems.contains(message) else { return }
    shownConfigurationProblems.insert(message)
    sendNotification("window/showMessage", params: LogMessageParams(type: LogLevel.warning.rawValue, message: message))
  }

  /// The `.juesuan.json` above the document (cached by folder until the configuration changes);
  /// nil when there is none or it cannot be used, which is reported.
  func configurationFile(forDocument uri: String) -> ConfigurationFile? {
    guard options.readsConfigurationFiles, let url = URL(string: uri), url.isFileURL else { return nil }
    let directory = url.deletingLastPathComponent().path
    if let cached = configurationFileCache[directory] { return cached }
    var found: ConfigurationFile?
    if let path = ConfigurationFile.find(fromDirectory: directory) {
      do {
        found = try ConfigurationFile(path: path)
      } catch {
        reportConfigurationProblem(error == .unreadable ? "无法读取 \(path)" : "\(path) 不是 JSON 对象")
      }
    }
    configurationFileCache[directory] = .some(found)
    return found
  }

  /// The server's catalogue extended by the user TSV at `path` (cached until the configuration
  /// changes); the plain catalogue, with a warning, when the file cannot be used.
  private func userCatalogue(at path: String) -> SubjectCatalogue {
    if let cached = catalogueCache[path] { return cached }
    var catalogue = options.catalogue
    do {
      catalogue = try options.catalogue.merging(userCatalogueAt: path)
    } catch {
      switch error {
      case .unreadable: reportConfigurationProblem("无法读取用户科目表 \(path)，仅使用内置科目表")
      case .invalid(let error): reportConfigurationProblem("用户科目表无效，仅使用内置科目表：\(error.description)")
      }
    }
    catalogueCache[path] = catalogue
    return catalogue
  }

  /// The cached lint of the document's current text under the current configuration.
  func cachedLint(of document: Document) -> LintResult? {
    guard let cached = document.lint, cached.generation == document.generation,
      cached.configurationGeneration == configurationGeneration
    else { return nil }
    return cached.result
  }

  /// The lint of the document's current text: the one already running, or a new one off the
  /// actor. Lints of one document run one at a time: a new one waits for the previous one and is
  /// skipped (nil) if by then the document or the configuration has moved on, so that slow rules
  /// and fast typing never pile up lints of outdated text.
  func runningLint(of document: Document) -> Task<LintResult?, Never> {
    let uri = document.uri
    let generation = document.generation
    let configurationGeneration = configurationGeneration
    if let running = runningLints[uri], running.generation == generation,
      running.configurationGeneration == configurationGeneration
    {
      return running.task
    }
    let previous = runningLints[uri]
    let linter = linter(forDocument: uri)
    let source = document.source
    // The latest lint under the same configuration: the reports of the file that the edits since
    // did not touch are reused as they are (`Linter.lint(_:reusing:)`).
    let stored = document.lint.flatMap { $0.configurationGeneration == configurationGeneration ? $0.result : nil }
    let beforeLint = options.beforeLint
    let task = Task.detached { [weak self] () -> LintResult? in
      var reusable = stored
      if let previous {
        let result = await previous.task.value
        if previous.configurationGeneration == configurationGeneration, let result { reusable = result }
        guard await self?.isCurrent(uri, generation, configurationGeneration) == true else { return nil }
      }
      await beforeLint?()
      return linter.lint(source, reusing: reusable)
    }
    runningLints[uri] = RunningLint(
      generation: generation, configurationGeneration: configurationGeneration, task: task)
    return task
  }

  private func isCurrent(_ uri: String, _ generation: Int, _ configurationGeneration: Int) -> Bool {
    documents[uri]?.generation == generation && configurationGeneration == self.configurationGeneration
  }

  /// Keeps a finished lint if it is still the document's current one.
  func store(_ result: LintResult?, uri: String, generation: Int, configurationGeneration: Int) {
    if let running = runningLints[uri], running.generation == generation,
      running.configurationGeneration == configurationGeneration
    {
      runningLints[uri] = nil
    }
    guard let result, var document = documents[uri], document.generation == generation,
      configurationGeneration == self.configurationGeneration
    else { return }
    document.lint = .init(generation: generation, configurationGeneration: configurationGeneration, result: result)
    documents[uri] = document
  }

  /// Lints the document after `delay` off the actor and publishes, unless a newer edit came first.
  func scheduleDiagnostics(for uri: String, delay: Duration) {
    guard !usesPullDiagnostics, phase == .running, let document = documents[uri] else { return }
    pushTasks.removeValue(forKey: uri)?.cancel()
    guard !isIgnored(uri) else { return publishIgnored(document) }
    let generation = document.generation
    pushTasks[uri] = Task { [weak self] in
      if delay > .zero {
        do { try await Task.sleep(for: delay) } catch { return }
      }
      guard !Task.isCancelled, let lint = await self?.lintForPush(uri: uri, generation: generation) else { return }
      guard let result = await lint.task.value, !Task.isCancelled else { return }
      await self?.publish(
        result, uri: uri, generation: generation, configurationGeneration: lint.configurationGeneration)
    }
  }

  private func lintForPush(uri: String, generation: Int) -> RunningLint? {
    guard let document = documents[uri], document.generation == generation else { return nil }
    return RunningLint(
      generation: generation, configurationGeneration: configurationGeneration, task: runningLint(of: document))
  }

  private func publish(_ result: LintResult, uri: String, generation: Int, configurationGeneration: Int) {
    // The lint this one replaces is freed once the diagnostics are out: freeing the model of the
    // report an edit changed takes longer than encoding what it found.
    let replaced = documents[uri]?.lint
    defer { withExtendedLifetime(replaced) {} }
    store(result, uri: uri, generation: generation, configurationGeneration: configurationGeneration)
    guard phase == .running, let document = documents[uri], document.generation == generation,
      configurationGeneration == self.configurationGeneration
    else { return }
    pushTasks[uri] = nil
    let (json, published) = diagnosticsJSON(result, document: document)
    documents[uri]?.published = published
    sendNotification(
      "textDocument/publishDiagnostics",
      writing: EncodedPublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: json))
    options.publishObserver?(uri, document.version)
  }

  /// The diagnostics of `result` as JSON array elements, report by report: a report with the
  /// text, first line, findings and silenced findings last published for the document is not
  /// encoded again. (Its diagnostics are then the same: LSP positions count lines and columns,
  /// which an edit of an earlier report changes only by adding or removing lines.)
  func diagnosticsJSON(_ result: LintResult, document: Document) -> (json: [UInt8], parts: [Document.PublishedPart]) {
    var previous: [Int: Document.PublishedPart] = [:]
    for part in document.published { previous[part.line] = part }
    var published: [Document.PublishedPart] = []
    for part in result.parts {
      guard let placement = part.placement else { continue }
      let text = part.report.source.bytes
      let json: [UInt8]
      if let cached = previous[placement.line], cached.text.count == text.count, cached.text == text,
        cached.findings == part.findings, cached.silenced == placement.silenced
      {
        json = cached.json
      } else {
        // Positions are counted in the report's own text, which starts at the start of line
        // `placement.line`: only the line numbers need moving. (A range past the report's end,
        // which no rule makes, is converted in the whole text instead.)
        let own = part.report.source
        var bytes: [UInt8] = []
        for finding in placement.relativeFindings {
          if !bytes.isEmpty { bytes.append(0x2C) }
          let diagnostic =
            finding.lies(within: own.bytes.count)
            ? diagnostic(for: finding, in: own, lineOffset: placement.line, uri: document.uri)
            : diagnostic(for: finding.moved(by: placement.start), in: document.source, uri: document.uri)
          diagnostic.writeJSON(into: &bytes)
        }
        json = bytes
      }
      published.append(
        .init(line: placement.line, text: text, findings: part.findings, silenced: placement.silenced, json: json))
    }
    var out: [UInt8] = []
    out.reserveCapacity(published.reduce(0) { $0 + $1.json.count + 1 })
    for part in published where !part.json.isEmpty {
      if !out.isEmpty { out.append(0x2C) }
      out += part.json
    }
    return (out, published)
  }

  /// `textDocument/diagnostic`: the full list, or `unchanged` when `previousResultId` is current.
  func diagnosticReport(_ params: DocumentDiagnosticParams, _ snapshot: Snapshot) -> DocumentDiagnosticReport {
    let document = snapshot.document
    let resultID = "\(document.generation).\(snapshot.configurationGeneration)"
    if params.previousResultId == resultID { return .unchanged(resultId: resultID) }
    return .full(
      resultId: resultID,
      items: snapshot.result.findings.map { diagnostic(for: $0, in: document.source, uri: document.uri) })
  }

  /// A finding as an LSP diagnostic for this client (its position encoding and tags), its ranges
  /// counted in `source`, which starts at line `lineOffset` of the document.
  func diagnostic(for finding: Finding, in source: SourceText, lineOffset: Int = 0, uri: String) -> Diagnostic {
    Diagnostic(
      finding, in: source, lineOffset: lineOffset, encoding: encoding, uri: uri, tags: diagnosticTags[finding.code])
  }
}
