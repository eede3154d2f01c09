internal import Dispatch
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
    var linter = Linter(configuration: configuration, catalogue: catalogue)
    linter.spreadsRuleThreads = true
    return linter
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
  func runningLint(of document: Document) -> Task<TimedLint?, Never> {
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
    // A push client shown nothing yet for the document (it has just been opened) is shown the
    // diagnostics of its first report as soon as they are found, when the file holds several.
    let leading =
      !usesPullDiagnostics && stored == nil && document.encodedReports.isEmpty ? leadingPublisher(of: document) : nil
    let task = Task.detached { [weak self] () -> TimedLint? in
      var reusable = stored
      if let previous {
        let finished = await previous.task.value
        if previous.configurationGeneration == configurationGeneration, let finished { reusable = finished.result }
        guard await self?.isCurrent(uri, generation, configurationGeneration) == true else { return nil }
      }
      // Timed from here: a lint the tests hold back counts as a slow one.
      let start = ContinuousClock.now
      await beforeLint?()
      let result = linter.lint(source, reusing: reusable, leading: leading)
      return TimedLint(result: result, duration: ContinuousClock.now - start)
    }
    runningLints[uri] = RunningLint(
      generation: generation, configurationGeneration: configurationGeneration, task: task)
    return task
  }

  private func isCurrent(_ uri: String, _ generation: Int, _ configurationGeneration: Int) -> Bool {
    documents[uri]?.generation == generation && configurationGeneration == self.configurationGeneration
  }

  /// Keeps a finished lint if it is still the document's current one, and its duration in any
  /// case. Returns the lint it replaced, for the caller to free once it has sent what it answers
  /// with: freeing the model of the report an edit changed takes longer than encoding what it found.
  @discardableResult
  func store(
    _ finished: TimedLint?, uri: String, generation: Int, configurationGeneration: Int
  ) -> Document.CachedLint? {
    if let running = runningLints[uri], running.generation == generation,
      running.configurationGeneration == configurationGeneration
    {
      runningLints[uri] = nil
    }
    guard let finished, var document = documents[uri] else { return nil }
    leadingPublishes.removeValue(forKey: uri)?.close()
    let replaced = document.lint
    document.latestLintDuration = finished.duration
    if document.generation == generation, configurationGeneration == self.configurationGeneration {
      document.lint = .init(
        generation: generation, configurationGeneration: configurationGeneration, result: finished.result)
    }
    documents[uri] = document
    return replaced
  }

  /// Lints the document after `delay` off the actor, unless a newer edit comes first; then
  /// publishes the diagnostics to a push client. A pull client's next request finds the lint
  /// done or under way.
  func scheduleLint(of uri: String, after delay: Duration) {
    guard phase == .running, let document = documents[uri] else { return }
    scheduledLints.removeValue(forKey: uri)?.cancel()
    guard !isIgnored(uri) else {
      if !usesPullDiagnostics { publishIgnored(document) }
      return
    }
    let generation = document.generation
    // Without a wait the lint starts here, not once the task below has come back to the actor.
    let started = delay > .zero ? nil : startLint(uri: uri, generation: generation)
    scheduledLints[uri] = Task { [weak self] in
      var lint = started
      if lint == nil {
        do { try await Task.sleep(for: delay) } catch { return }
        guard !Task.isCancelled else { return }
        lint = await self?.startLint(uri: uri, generation: generation)
      }
      guard let lint else { return }
      let finished = await lint.task.value
      guard !Task.isCancelled else { return }
      await self?.finish(
        finished, uri: uri, generation: generation, configurationGeneration: lint.configurationGeneration)
    }
  }

  private func startLint(uri: String, generation: Int) -> RunningLint? {
    guard let document = documents[uri], document.generation == generation else { return nil }
    return RunningLint(
      generation: generation, configurationGeneration: configurationGeneration, task: runningLint(of: document))
  }

  /// Stores a scheduled lint, and publishes its diagnostics to a push client.
  private func finish(_ finished: TimedLint?, uri: String, generation: Int, configurationGeneration: Int) {
    var replaced = store(
      finished, uri: uri, generation: generation, configurationGeneration: configurationGeneration)
    // A pull client's requests for this lint resume after this: freeing the model of the report
    // the edit changed (about a third of a millisecond for a large report) waits until one of
    // them has been answered. The lint kept so far, which no answer freed, goes now.
    if usesPullDiagnostics, !requestsInFlight.isEmpty, replaced != nil { swap(&replaced, &retiredLint) }
    defer { withExtendedLifetime(replaced) {} }
    guard let result = finished?.result, phase == .running, let document = documents[uri],
      document.generation == generation, configurationGeneration == self.configurationGeneration
    else { return }
    scheduledLints[uri] = nil
    guard !usesPullDiagnostics else { return }
    let encoded = diagnosticsJSON(result, uri: uri, reusing: document.encodedReports)
    documents[uri]?.encodedReports = encoded
    sendNotification(
      "textDocument/publishDiagnostics",
      writing: EncodedPublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: encoded.map(\.json)))
    options.publishObserver?(uri, document.version, true)
  }

  /// What the lint of a file just opened calls, on a checking thread, with its first report's
  /// lint: it publishes those diagnostics at once, while the other reports are being checked
  /// (`Linter.lint(_:reusing:leading:)`). Not through the actor: its threads may all be checking
  /// reports. It publishes nothing once the document is closed or its whole lint is in
  /// (`LeadingPublish`); the whole lint's publish replaces what it sent.
  private func leadingPublisher(of document: Document) -> @Sendable (LintResult) -> Void {
    let gate = LeadingPublish()
    leadingPublishes.removeValue(forKey: document.uri)?.close()
    leadingPublishes[document.uri] = gate
    let (uri, version, encoding, tags, send, observer) = (
      document.uri, document.version, encoding, diagnosticTags, send, options.publishObserver
    )
    return { partial in
      gate.run {
        let encoded = Self.diagnosticsJSON(partial, uri: uri, reusing: [], encoding: encoding, tags: tags)
        send(
          OutgoingMessage.notification(
            method: "textDocument/publishDiagnostics",
            writing: EncodedPublishDiagnosticsParams(uri: uri, version: version, diagnostics: encoded.map(\.json))))
        observer?(uri, version, false)
      }
    }
  }

  /// The diagnostics of `result`, a lint of the document `uri`, as JSON, report by report: a
  /// report with the text, first line, findings and silenced findings of one in `earlier` is not
  /// encoded again. (Its diagnostics are then the same: LSP positions count lines and columns,
  /// which an edit of an earlier report changes only by adding or removing lines.) The others
  /// are encoded on every core: all of them, when a large file has just been opened; of a report
  /// an edit changed, only the findings the edit moved or changed (`UnchangedDiagnostics`).
  /// - Complexity: O(findings of the reports not in `earlier`).
  func diagnosticsJSON(
    _ result: LintResult, uri: String, reusing earlier: [Document.EncodedReport]
  ) -> [Document.EncodedReport] {
    Self.diagnosticsJSON(result, uri: uri, reusing: earlier, encoding: encoding, tags: diagnosticTags)
  }

  /// The same, in the position encoding and with the `DiagnosticTag`s negotiated at initialize.
  private static func diagnosticsJSON(
    _ result: LintResult, uri: String, reusing earlier: [Document.EncodedReport], encoding: PositionEncoding,
    tags: [String: [Int]]
  ) -> [Document.EncodedReport] {
    var byLine: [Int: Document.EncodedReport] = [:]
    for report in earlier { byLine[report.line] = report }
    let previous = byLine
    let placed = result.parts.compactMap { part in part.placement.map { (part, $0) } }
    let cached = placed.map { part, placement -> Document.EncodedReport? in
      guard let report = previous[placement.line], report.text == part.report.source.bytes,
        report.findings == part.findings, report.silenced == placement.silenced
      else { return nil }
      return report
    }
    let stale = placed.indices.filter { cached[$0] == nil }
    let encoded = ConcurrentSlots<(json: [UInt8], ends: [Int])>(count: placed.count)
    let source = result.source
    DispatchQueue.concurrentPerform(iterations: stale.count) { item in
      let (part, placement) = placed[stale[item]]
      let unchanged = previous[placement.line].flatMap { UnchangedDiagnostics($0, now: part.report.source) }
      encoded.set(
        stale[item],
        Self.json(
          of: placement, in: part.report.source, of: source, uri: uri, encoding: encoding, tags: tags,
          reusing: unchanged))
    }
    return placed.indices.map { index in
      let (part, placement) = placed[index]
      if var report = cached[index] {
        // The lint's own arrays, equal to those kept: the next comparison is then immediate.
        (report.text, report.findings, report.placed) = (
          part.report.source.bytes, part.findings, placement.relativeFindings
        )
        return report
      }
      let (json, ends) = encoded[index] ?? ([], [])
      return .init(
        line: placement.line, text: part.report.source.bytes, findings: part.findings, silenced: placement.silenced,
        json: json, placed: placement.relativeFindings, ends: ends)
    }
  }

  /// The diagnostics of one report, placed in the document `source`, as JSON array elements, and
  /// where each element ends. Positions are counted in the report's own text, `own`, which starts
  /// at the start of line `placement.line`: only the line numbers need moving. (A range past the
  /// report's end, which no rule makes, is converted in the whole text instead.) A finding whose
  /// diagnostic `unchanged` holds is not encoded again.
  private static func json(
    of placement: LintedPart.Placement, in own: SourceText, of source: SourceText, uri: String,
    encoding: PositionEncoding, tags: [String: [Int]], reusing unchanged: UnchangedDiagnostics? = nil
  ) -> (json: [UInt8], ends: [Int]) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(placement.relativeFindings.count)
    for finding in placement.relativeFindings {
      if !bytes.isEmpty { bytes.append(0x2C) }
      defer { ends.append(bytes.count) }
      let lies = finding.lies(within: own.bytes.count)
      if lies, let diagnostic = unchanged?.diagnostic(of: finding) {
        bytes += diagnostic
        continue
      }
      let diagnostic =
        lies
        ? Self.diagnostic(
          for: finding, in: own, lineOffset: placement.line, uri: uri, encoding: encoding, tags: tags)
        : Self.diagnostic(
          for: finding.moved(by: placement.start), in: source, lineOffset: 0, uri: uri, encoding: encoding, tags: tags)
      diagnostic.writeJSON(into: &bytes)
    }
    return (bytes, ends)
  }

  /// The answer to `textDocument/diagnostic`: `unchanged` when `previousResultId` is current,
  /// else the full list, made like a publish from the reports' JSON last sent (`diagnosticsJSON`),
  /// so that an answer for a large file costs what changed, not what it holds.
  func diagnosticAnswer(_ params: DocumentDiagnosticParams, id: RequestID, snapshot: Snapshot) -> Data {
    let document = snapshot.document
    let resultID = "\(document.generation).\(snapshot.configurationGeneration)"
    if params.previousResultId == resultID {
      return OutgoingMessage.response(id: id, result: DocumentDiagnosticReport.unchanged(resultId: resultID))
    }
    // The JSON kept is the latest sent, whichever version it was for: it is reused by content.
    let earlier = documents[document.uri]?.encodedReports ?? document.encodedReports
    let encoded = diagnosticsJSON(snapshot.result, uri: document.uri, reusing: earlier)
    documents[document.uri]?.encodedReports = encoded
    return OutgoingMessage.response(
      id: id, writing: EncodedFullDiagnosticReport(resultId: resultID, items: encoded.map(\.json)))
  }

  /// A finding as an LSP diagnostic for this client (its position encoding and tags), its ranges
  /// counted in `source`, which starts at line `lineOffset` of the document.
  func diagnostic(for finding: Finding, in source: SourceText, lineOffset: Int = 0, uri: String) -> Diagnostic {
    Self.diagnostic(
      for: finding, in: source, lineOffset: lineOffset, uri: uri, encoding: encoding, tags: diagnosticTags)
  }

  /// The same, in the position encoding and with the `DiagnosticTag`s negotiated at initialize.
  private static func diagnostic(
    for finding: Finding, in source: SourceText, lineOffset: Int, uri: String, encoding: PositionEncoding,
    tags: [String: [Int]]
  ) -> Diagnostic {
    Diagnostic(finding, in: source, lineOffset: lineOffset, encoding: encoding, uri: uri, tags: tags[finding.code])
  }
}

/// The diagnostics an earlier encoding of a report holds that an edit of the report left as they
/// were: those of findings lying wholly before the edit, and, when the edit added or removed no
/// line, those of findings lying wholly on the lines after the edited ones (moved by the edit's
/// length). A diagnostic is a function of its finding's code, severity, range, message and
/// related places, and of the text before each of its positions on their lines: when all of
/// these are the same, so is its JSON.
struct UnchangedDiagnostics {
  private let earlier: Document.EncodedReport
  /// The bytes the two texts share at their start.
  private let prefix: Int
  /// Where the lines after the edit start in the text now, when the edit moved no line; nil else.
  private let linesAfter: Int?
  /// How many bytes longer the text is now.
  private let shift: Int

  /// Nil when `earlier` kept no per-finding ends.
  init?(_ earlier: Document.EncodedReport, now own: SourceText) {
    guard !earlier.placed.isEmpty, earlier.ends.count == earlier.placed.count else { return nil }
    self.earlier = earlier
    let (prefix, suffix) = UTF8Text.commonEnds(of: earlier.text, and: own.bytes)
    self.prefix = prefix
    shift = own.bytes.count - earlier.text.count
    // The lines after the edit keep their numbers and their bytes when neither text has a line
    // break in its changed bytes, nor a "\r" just before them (which a "\n" after could pair with).
    func hasBreak(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.contains(0x0A) || bytes.contains(0x0D) }
    let end = own.bytes.count - suffix
    if !hasBreak(earlier.text[prefix..<(earlier.text.count - suffix)]), !hasBreak(own.bytes[prefix..<end]),
      prefix == 0 || own.bytes[prefix - 1] != 0x0D
    {
      let line = own.line(ofUTF8Offset: end)
      linesAfter = line + 1 < own.lineCount ? own.lineStarts[line + 1] : own.bytes.count + 1
    } else {
      linesAfter = nil
    }
  }

  /// The earlier diagnostic of `finding` (placed in the text now), when it is unchanged.
  /// - Complexity: O(log findings), and the findings that start where it does.
  func diagnostic(of finding: Finding) -> ArraySlice<UInt8>? {
    let offset: Int
    if finding.range.upperBound <= prefix, finding.related.allSatisfy({ $0.range.upperBound <= prefix }) {
      offset = 0
    } else if let linesAfter, finding.range.lowerBound >= linesAfter,
      finding.related.allSatisfy({ $0.range.lowerBound >= linesAfter })
    {
      offset = -shift
    } else {
      return nil
    }
    // The earlier findings are in order of their starts (`Linter`): the first one starting where
    // this one did, then those after it that start there too.
    let placed = earlier.placed
    let range = finding.range.shifted(by: offset)
    var low = 0
    var high = placed.count
    while low < high {
      let middle = (low + high) / 2
      if placed[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    var index = low
    while index < placed.count, placed[index].range.lowerBound == range.lowerBound {
      defer { index += 1 }
      let old = placed[index]
      guard old.range == range, old.code == finding.code, old.severity == finding.severity,
        old.message == finding.message, old.related.count == finding.related.count,
        zip(old.related, finding.related).allSatisfy({
          $0.range == $1.range.shifted(by: offset) && $0.message == $1.message
        })
      else { continue }
      let start = index == 0 ? 0 : earlier.ends[index - 1] + 1
      return earlier.json[start..<earlier.ends[index]]
    }
    return nil
  }
}
