/// A diagnostic as the client shows it.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// A link to the rule's documentation.
  public struct CodeDescription: Hashable, Sendable, Codable {
    public var href: String

    public init(href: String) {
      self.href = href
    }
  }

  /// Another place involved, with a note.
  public struct RelatedInformation: Hashable, Sendable, Codable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
      self.location = location
      self.message = message
    }
  }

  public var range: PositionRange
  /// 1 error, 2 warning, 3 information, 4 hint.
  public var severity: Int?
  public var code: IntegerOrString?
  public var codeDescription: CodeDescription?
  public var source: String?
  public var message: String
  /// 1 unnecessary, 2 deprecated.
  public var tags: [Int]?
  public var relatedInformation: [RelatedInformation]?
  public var data: LSPAny?

  public init(
    range: PositionRange, severity: Int?, code: IntegerOrString?, codeDescription: CodeDescription?,
    source: String?, message: String, tags: [Int]? = nil, relatedInformation: [RelatedInformation]? = nil,
    data: LSPAny? = nil
  ) {
    self.range = range
    self.severity = severity
    self.code = code
    self.codeDescription = codeDescription
    self.source = source
    self.message = message
    self.tags = tags
    self.relatedInformation = relatedInformation
    self.data = data
  }
}

/// `textDocument/publishDiagnostics` parameters.
public struct PublishDiagnosticsParams: Hashable, Sendable, Codable {
  public var uri: String
  public var version: Int?
  public var diagnostics: [Diagnostic]

  public init(uri: String, version: Int?, diagnostics: [Diagnostic]) {
    self.uri = uri
    self.version = version
    self.diagnostics = diagnostics
  }
}

/// `textDocument/diagnostic` parameters.
public struct DocumentDiagnosticParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentIdentifier
  public var identifier: String?
  public var previousResultId: String?

  public init(textDocument: TextDocumentIdentifier, identifier: String? = nil, previousResultId: String? = nil) {
    self.textDocument = textDocument
    self.identifier = identifier
    self.previousResultId = previousResultId
  }
}

/// `textDocument/diagnostic` result: the full list, or "unchanged since `resultId`".
public enum DocumentDiagnosticReport: Hashable, Sendable, Codable {
  case full(resultId: String?, items: [Diagnostic])
  case unchanged(resultId: String)

  private enum CodingKeys: String, CodingKey {
    case kind, resultId, items
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if try container.decode(String.self, forKey: .kind) == "unchanged" {
      self = .unchanged(resultId: try container.decode(String.self, forKey: .resultId))
    } else {
      self = .full(
        resultId: try container.decodeIfPresent(String.self, forKey: .resultId),
        items: try container.decode([Diagnostic].self, forKey: .items))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .full(let resultId, let items):
      try container.encode("full", forKey: .kind)
      try container.encodeIfPresent(resultId, forKey: .resultId)
      try container.encode(items, forKey: .items)
    case .unchanged(let resultId):
      try container.encode("unchanged", forKey: .kind)
      try container.encode(resultId, forKey: .resultId)
    }
  }
}
