internal import JSONRPC
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// Where each rule is documented; the anchor is the code with `/` replaced by `-`.
  static let rulesDocumentation = "https://github.com/juesuan/juesuan/blob/main/docs/rules.md#"

  /// The linter for a document: `.juesuan.json` above it, overridden by the LSP settings.
  func linter(forDocument uri: String) -> Linter {
    var base: [String: LSPAny] = [:]
    if options.readsConfigurationFiles, let directory = ConfigurationFile.directory(ofDocument: uri) {
      if let cached = configurationFileCache[directory] {
        base = cached?.settings ?? [:]
      } else {
        let found = ConfigurationFile.find(from: directory) { log(.warning, $0) }
        configurationFileCache[directory] = .some(found)
        base = found?.settings ?? [:]
      }
    }
    do {
      return Linter(configuration: try Configuration.merging(base, settings), catalogue: options.catalogue)
    } catch {
      log(.warning, "juesuan 配置无效，使用默认配置：\(error.description)")
      return Linter(catalogue: options.catalogue)
    }
  }

  /// The lint of the document's current text, computed now when the cache is stale.
  func currentLint(ofDocument uri: String) -> (Document, LintResult)? {
    guard var document = documents[uri] else { return nil }
    if let cached = document.lint, cached.generation == document.generation,
      cached.configurationGeneration == configurationGeneration
    {
      return (document, cached.result)
    }
    let result = linter(forDocument: uri).lint(document.source)
    document.lint = .init(
      generation: document.generation, configurationGeneration: configurationGeneration, result: result)
    documents[uri] = document
    return (document, result)
  }

  /// Lints the document after `delay` off the actor and publishes, unless a newer edit came first.
  func scheduleDiagnostics(for uri: String, delay: Duration) {
    guard !usesPullDiagnostics, phase == .running, let document = documents[uri] else { return }
    pushTasks.removeValue(forKey: uri)?.cancel()
    let linter = linter(forDocument: uri)
    let source = document.source
    let generation = document.generation
    let configurationGeneration = configurationGeneration
    pushTasks[uri] = Task.detached { [weak self] in
      if delay > .zero {
        do { try await Task.sleep(for: delay) } catch { return }
      }
      guard !Task.isCancelled else { return }
      let result = linter.lint(source)
      guard !Task.isCancelled else { return }
      await self?.publish(result, uri: uri, generation: generation, configurationGeneration: configurationGeneration)
    }
  }

  private func publish(_ result: LintResult, uri: String, generation: Int, configurationGeneration: Int) {
    guard phase == .running, var document = documents[uri], document.generation == generation,
      configurationGeneration == self.configurationGeneration
    else { return }
    document.lint = .init(generation: generation, configurationGeneration: configurationGeneration, result: result)
    documents[uri] = document
    pushTasks[uri] = nil
    let diagnostics = result.findings.map { diagnostic(for: $0, in: document.source, uri: uri) }
    sendNotification(
      "textDocument/publishDiagnostics",
      params: PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics))
  }

  /// `textDocument/diagnostic`: the full list, or `unchanged` when `previousResultId` is current.
  func diagnosticReport(_ params: DocumentDiagnosticParams) throws(ResponseError) -> DocumentDiagnosticReport {
    let uri = params.textDocument.uri
    guard let (document, result) = currentLint(ofDocument: uri) else {
      return .full(resultId: nil, items: [])
    }
    let resultID = "\(document.generation).\(configurationGeneration)"
    if params.previousResultId == resultID { return .unchanged(resultId: resultID) }
    return .full(
      resultId: resultID, items: result.findings.map { diagnostic(for: $0, in: document.source, uri: uri) })
  }

  /// A finding as an LSP diagnostic; `data` carries the fixes (titles, flags and LSP edits).
  func diagnostic(for finding: Finding, in source: SourceText, uri: String) -> Diagnostic {
    let related = finding.related.map {
      Diagnostic.RelatedInformation(
        location: Location(uri: uri, range: source.positionRange(of: $0.range, encoding: encoding)),
        message: $0.message)
    }
    let fixes = finding.fixes.map { fix -> LSPAny in
      .object([
        "title": .string(fix.title),
        "isSafe": .bool(fix.isSafe),
        "isPreferred": .bool(fix.isPreferred),
        "edits": .array(
          fix.edits.map { edit in
            .object([
              "range": Self.anyValue(of: source.positionRange(of: edit.range, encoding: encoding)),
              "newText": .string(edit.newText),
            ])
          }),
      ])
    }
    return Diagnostic(
      range: source.positionRange(of: finding.range, encoding: encoding),
      severity: finding.severity.rawValue,
      code: .string(finding.code),
      codeDescription: .init(href: Self.rulesDocumentation + finding.code.split(separator: "/").joined(separator: "-")),
      source: "juesuan",
      message: finding.message,
      relatedInformation: related.isEmpty ? nil : related,
      data: .object(["fixes": .array(fixes)]))
  }

  private static func anyValue(of range: PositionRange) -> LSPAny {
    func position(_ position: LanguageServerProtocol.Position) -> LSPAny {
      .object(["line": .int(position.line), "character": .int(position.character)])
    }
    return .object(["start": position(range.start), "end": position(range.end)])
  }
}
