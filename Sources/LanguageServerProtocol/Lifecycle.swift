/// `initialize` parameters: the subset the server reads.
public struct InitializeParams: Hashable, Sendable, Codable {
  public var processId: Int?
  public var rootUri: String?
  public var capabilities: ClientCapabilities
  public var initializationOptions: LSPAny?
  public var trace: String?

  public init(
    processId: Int? = nil, rootUri: String? = nil, capabilities: ClientCapabilities = ClientCapabilities(),
    initializationOptions: LSPAny? = nil, trace: String? = nil
  ) {
    self.processId = processId
    self.rootUri = rootUri
    self.capabilities = capabilities
    self.initializationOptions = initializationOptions
    self.trace = trace
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    processId = try? container.decodeIfPresent(Int.self, forKey: .processId)
    rootUri = try? container.decodeIfPresent(String.self, forKey: .rootUri)
    capabilities = (try? container.decodeIfPresent(ClientCapabilities.self, forKey: .capabilities)) ?? .init()
    initializationOptions = try? container.decodeIfPresent(LSPAny.self, forKey: .initializationOptions)
    trace = try? container.decodeIfPresent(String.self, forKey: .trace)
  }
}

/// What the client can do, as far as the server cares. Kept as raw JSON so that unexpected
/// shapes from any client never make `initialize` fail.
public struct ClientCapabilities: Hashable, Sendable, Codable {
  public var general: LSPAny?
  public var textDocument: LSPAny?
  public var workspace: LSPAny?
  public var window: LSPAny?

  public init(general: LSPAny? = nil, textDocument: LSPAny? = nil, workspace: LSPAny? = nil, window: LSPAny? = nil) {
    self.general = general
    self.textDocument = textDocument
    self.workspace = workspace
    self.window = window
  }

  /// `general.positionEncodings`, in the client's order of preference.
  public var positionEncodings: [String] {
    guard case .array(let values)? = general?["positionEncodings"] else { return [] }
    return values.compactMap(\.stringValue)
  }

  /// The `DiagnosticTag`s the client shows (`textDocument.publishDiagnostics.tagSupport`; pull
  /// diagnostics are shown the same way).
  public var diagnosticTags: Set<Int> {
    guard case .array(let values)? = textDocument?["publishDiagnostics"]?["tagSupport"]?["valueSet"] else { return [] }
    return Set(values.compactMap(\.intValue))
  }

  /// The client supports pull diagnostics (`textDocument.diagnostic`).
  public var supportsPullDiagnostics: Bool { textDocument?["diagnostic"] != nil }

  /// The client answers `workspace/configuration`.
  public var supportsConfigurationRequest: Bool { workspace?["configuration"]?.boolValue == true }

  /// The client wants `workspace/didChangeConfiguration` registered dynamically.
  public var wantsConfigurationRegistration: Bool {
    workspace?["didChangeConfiguration"]?["dynamicRegistration"]?.boolValue == true
  }

  /// The client handles `workspace/diagnostic/refresh`.
  public var supportsDiagnosticRefresh: Bool {
    workspace?["diagnostics"]?["refreshSupport"]?.boolValue == true
  }
}

/// `initialize` result.
public struct InitializeResult: Hashable, Sendable, Codable {
  public struct ServerInfo: Hashable, Sendable, Codable {
    public var name: String
    public var version: String?

    public init(name: String, version: String?) {
      self.name = name
      self.version = version
    }
  }

  public var capabilities: ServerCapabilities
  public var serverInfo: ServerInfo?

  public init(capabilities: ServerCapabilities, serverInfo: ServerInfo?) {
    self.capabilities = capabilities
    self.serverInfo = serverInfo
  }
}

/// What the server implements; absent members are not implemented.
public struct ServerCapabilities: Hashable, Sendable, Codable {
  public struct TextDocumentSyncOptions: Hashable, Sendable, Codable {
    public struct SaveOptions: Hashable, Sendable, Codable {
      public var includeText: Bool

      public init(includeText: Bool) {
        self.includeText = includeText
      }
    }

    public var openClose: Bool
    /// 1 full, 2 incremental.
    public var change: Int
    public var save: SaveOptions?

    public init(openClose: Bool, change: Int, save: SaveOptions?) {
      self.openClose = openClose
      self.change = change
      self.save = save
    }
  }

  public struct DiagnosticOptions: Hashable, Sendable, Codable {
    public var identifier: String?
    public var interFileDependencies: Bool
    public var workspaceDiagnostics: Bool

    public init(identifier: String?, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
      self.identifier = identifier
      self.interFileDependencies = interFileDependencies
      self.workspaceDiagnostics = workspaceDiagnostics
    }
  }

  public struct CodeActionOptions: Hashable, Sendable, Codable {
    public var codeActionKinds: [String]
    public var resolveProvider: Bool

    public init(codeActionKinds: [String], resolveProvider: Bool) {
      self.codeActionKinds = codeActionKinds
      self.resolveProvider = resolveProvider
    }
  }

  public struct CompletionOptions: Hashable, Sendable, Codable {
    public var triggerCharacters: [String]?
    public var resolveProvider: Bool

    public init(triggerCharacters: [String]?, resolveProvider: Bool) {
      self.triggerCharacters = triggerCharacters
      self.resolveProvider = resolveProvider
    }
  }

  public var positionEncoding: String?
  public var textDocumentSync: TextDocumentSyncOptions?
  public var diagnosticProvider: DiagnosticOptions?
  public var codeActionProvider: CodeActionOptions?
  public var hoverProvider: Bool?
  public var documentSymbolProvider: Bool?
  public var completionProvider: CompletionOptions?
  public var inlayHintProvider: Bool?

  public init(
    positionEncoding: String? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
    diagnosticProvider: DiagnosticOptions? = nil, codeActionProvider: CodeActionOptions? = nil,
    hoverProvider: Bool? = nil, documentSymbolProvider: Bool? = nil, completionProvider: CompletionOptions? = nil,
    inlayHintProvider: Bool? = nil
  ) {
    self.positionEncoding = positionEncoding
    self.textDocumentSync = textDocumentSync
    self.diagnosticProvider = diagnosticProvider
    self.codeActionProvider = codeActionProvider
    self.hoverProvider = hoverProvider
    self.documentSymbolProvider = documentSymbolProvider
    self.completionProvider = completionProvider
    self.inlayHintProvider = inlayHintProvider
  }
}

/// `$/cancelRequest` parameters.
public struct CancelParams: Hashable, Sendable, Codable {
  public var id: IntegerOrString

  public init(id: IntegerOrString) {
    self.id = id
  }
}

/// `$/setTrace` parameters: "off", "messages" or "verbose".
public struct SetTraceParams: Hashable, Sendable, Codable {
  public var value: String

  public init(value: String) {
    self.value = value
  }
}

/// `window/logMessage` and `window/showMessage` parameters.
public struct LogMessageParams: Hashable, Sendable, Codable {
  /// 1 error, 2 warning, 3 info, 4 log.
  public var type: Int
  public var message: String

  public init(type: Int, message: String) {
    self.type = type
    self.message = message
  }
}

/// `client/registerCapability` parameters.
public struct RegistrationParams: Hashable, Sendable, Codable {
  public struct Registration: Hashable, Sendable, Codable {
    public var id: String
    public var method: String

    public init(id: String, method: String) {
      self.id = id
      self.method = method
    }
  }

  public var registrations: [Registration]

  public init(registrations: [Registration]) {
    self.registrations = registrations
  }
}

/// `workspace/configuration` parameters (server → client).
public struct ConfigurationParams: Hashable, Sendable, Codable {
  public struct Item: Hashable, Sendable, Codable {
    public var scopeUri: String?
    public var section: String?

    public init(scopeUri: String? = nil, section: String?) {
      self.scopeUri = scopeUri
      self.section = section
    }
  }

  public var items: [Item]

  public init(items: [Item]) {
    self.items = items
  }
}

/// `workspace/didChangeConfiguration` parameters.
public struct DidChangeConfigurationParams: Hashable, Sendable, Codable {
  public var settings: LSPAny?

  public init(settings: LSPAny?) {
    self.settings = settings
  }
}
