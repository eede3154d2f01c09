internal import Foundation
internal import JSONRPC
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// The code actions the server can return.
  static let fixAllKind = "source.fixAll.juesuan"

  /// `initialize`: records the client's capabilities, negotiates the position encoding, adopts
  /// the initialization options and advertises exactly what the server implements.
  func initialize(_ params: InitializeParams) -> InitializeResult {
    clientCapabilities = params.capabilities
    encoding = Self.negotiatedEncoding(params.capabilities.positionEncodings)
    usesPullDiagnostics = params.capabilities.supportsPullDiagnostics
    diagnosticTags = Self.diagnosticTags(shownBy: params.capabilities.diagnosticTags)
    if let trace = params.trace { self.trace = trace }
    if let root = params.rootUri, let url = URL(string: root), url.isFileURL { rootPath = url.path }
    if let options = params.initializationOptions, let section = Self.juesuanSection(of: options) {
      settings = section
    }
    phase = .running
    warmUp()
    log(.info, "juesuan 语言服务器已初始化（位置编码 \(encoding.rawValue)，\(usesPullDiagnostics ? "拉取" : "推送")诊断）")
    let capabilities = ServerCapabilities(
      positionEncoding: encoding.rawValue,
      textDocumentSync: .init(openClose: true, change: 2, save: .init(includeText: false)),
      diagnosticProvider: usesPullDiagnostics
        ? .init(identifier: "juesuan", interFileDependencies: false, workspaceDiagnostics: false) : nil,
      codeActionProvider: .init(codeActionKinds: ["quickfix", Self.fixAllKind], resolveProvider: false),
      hoverProvider: true,
      documentSymbolProvider: true,
      completionProvider: options.catalogue.entries.isEmpty
        ? nil : .init(triggerCharacters: nil, resolveProvider: false),
      inlayHintProvider: true
    )
    return InitializeResult(capabilities: capabilities, serverInfo: .init(name: "juesuan", version: "0.1.0"))
  }

  /// Lints a small text off the actor, once, while the client gets ready to open its first
  /// document: that document's lint then does not also pay for what the first lint of all builds
  /// (the catalogue's tables, the rules' lazily made patterns).
  private func warmUp() {
    let linter = Linter(configuration: Configuration(), catalogue: options.catalogue)
    Task.detached(priority: .utility) { _ = linter.lint(SourceText(Self.warmUpText)) }
  }

  /// Each rule's first triggering example, one after another: enough to build every rule's
  /// tables once. Kept small, because it runs while the client sends its first didOpen, whose lint
  /// it would slow (all the examples together cost 100 M instructions, the first ones 10 M).
  private static let warmUpText = RuleRegistry.all.compactMap { $0.description.triggeringExamples.first?.text }
    .joined(separator: "\n\n")

  /// The first of the client's encodings the server supports, utf-16 when it names none.
  static func negotiatedEncoding(_ offered: [String]) -> PositionEncoding {
    offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
  }

  /// `initialized`: registers for configuration changes when the client wants that, and asks for
  /// the `juesuan` settings.
  func initialized() {
    if clientCapabilities.wantsConfigurationRegistration {
      let registration = RegistrationParams.Registration(
        id: "juesuan-configuration", method: "workspace/didChangeConfiguration")
      sendRequest(
        "client/registerCapability", params: RegistrationParams(registrations: [registration]), pending: .ignored)
    }
    requestConfiguration()
  }

  /// `shutdown`: stops pending work; from now on only `exit` is accepted.
  func shutDown() {
    phase = .shutDown
    for task in scheduledLints.values { task.cancel() }
    scheduledLints.removeAll()
  }

  /// `exit`: records the exit code (0 after `shutdown`, 1 otherwise) and stops handling messages.
  func exit() {
    exitCode = phase == .shutDown ? 0 : 1
    for task in scheduledLints.values { task.cancel() }
    scheduledLints.removeAll()
    for task in requestsInFlight.values { task.cancel() }
    requestsInFlight.removeAll()
    phase = .exited
  }

  /// `$/cancelRequest`: a request still waiting for its lint is answered with RequestCancelled;
  /// one already answered is left alone, as the specification asks.
  func cancelRequest(_ params: CancelParams) {
    let id: RequestID =
      switch params.id {
      case .integer(let number): .number(number)
      case .string(let string): .string(string)
      }
    guard let task = requestsInFlight.removeValue(forKey: id) else { return }
    task.cancel()
    send(OutgoingMessage.error(id: id, .requestCancelled))
  }

  // MARK: Configuration

  /// The `juesuan` section of a settings object: `{"juesuan": {…}}`, or the object itself when it
  /// has no such member.
  static func juesuanSection(of value: LSPAny) -> [String: LSPAny]? {
    guard case .object(let members) = value else { return nil }
    if let section = members["juesuan"] {
      if case .object(let inner) = section { return inner }
      return nil
    }
    return members
  }

  /// Sends `workspace/configuration` for the `juesuan` section when the client supports it.
  func requestConfiguration() {
    guard clientCapabilities.supportsConfigurationRequest else { return }
    sendRequest(
      "workspace/configuration", params: ConfigurationParams(items: [.init(section: "juesuan")]),
      pending: .configuration)
  }

  /// `workspace/didChangeConfiguration`: adopts pushed settings, then asks for the current ones.
  func didChangeConfiguration(_ params: DidChangeConfigurationParams) {
    if let value = params.settings, let section = Self.juesuanSection(of: value) {
      updateSettings(section)
    } else {
      configurationFileCache.removeAll()
    }
    requestConfiguration()
  }

  /// Adopts new settings and re-lints every open document. Settings equal to those in force
  /// change nothing: at startup a client sends them again (didChangeConfiguration, then the
  /// answer to workspace/configuration) just after opening its first document, and re-linting
  /// would throw away that document's lint and make its first diagnostics wait for another.
  func updateSettings(_ section: [String: LSPAny]) {
    guard section != settings else { return }
    settings = section
    configurationChanged()
  }

  /// Drops cached configuration and re-lints every open document (and asks a pull client to pull
  /// again).
  func configurationChanged() {
    configurationGeneration += 1
    configurationFileCache.removeAll()
    catalogueCache.removeAll()
    shownConfigurationProblems.removeAll()
    for uri in documents.keys { scheduleLint(of: uri, after: .zero) }
    if usesPullDiagnostics, clientCapabilities.supportsDiagnosticRefresh {
      sendRequest("workspace/diagnostic/refresh", params: LSPAny?.none, pending: .ignored)
    }
  }
}
