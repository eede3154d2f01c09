internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// `textDocument/didOpen`: stores the text and lints it at once.
  func didOpen(_ params: DidOpenTextDocumentParams) {
    let item = params.textDocument
    nextGeneration += 1
    documents[item.uri] = Document(
      uri: item.uri, version: item.version, source: SourceText(item.text), generation: nextGeneration)
    scheduleLint(of: item.uri, after: .zero)
  }

  /// `textDocument/didChange`: applies the changes in order, then lints after the debounce (none
  /// while lints keep up with the edits).
  func didChange(_ params: DidChangeTextDocumentParams) {
    let uri = params.textDocument.uri
    guard var document = documents[uri] else {
      log(.warning, "didChange：文档未打开，已忽略 \(uri)")
      return
    }
    for change in params.contentChanges {
      document.source = document.source.applying(change, encoding: encoding)
    }
    nextGeneration += 1
    document.version = params.textDocument.version
    document.generation = nextGeneration
    let now = ContinuousClock.now
    let delay = options.debounce.delay(
      sincePreviousEdit: document.lastEdit.map { now - $0 }, latestLint: document.latestLintDuration)
    document.lastEdit = now
    // The lint of the older text stays: `cachedLint` tells it is outdated, and the next lint
    // reuses its reports that the edit did not touch.
    documents[uri] = document
    scheduleLint(of: uri, after: delay)
  }

  /// `textDocument/didClose`: forgets the document and clears its pushed diagnostics.
  func didClose(_ params: TextDocumentParams) {
    let uri = params.textDocument.uri
    scheduledLints.removeValue(forKey: uri)?.cancel()
    runningLints[uri] = nil
    leadingPublishes.removeValue(forKey: uri)?.close()
    guard documents.removeValue(forKey: uri) != nil else { return }
    if !usesPullDiagnostics {
      sendNotification(
        "textDocument/publishDiagnostics", params: PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }
  }

  /// `textDocument/didSave`: saving a `.juesuan.json` reloads the configuration.
  func didSave(_ params: DidSaveTextDocumentParams) {
    if params.textDocument.uri.utf8Text.hasSuffix("/.juesuan.json") { configurationChanged() }
  }
}
