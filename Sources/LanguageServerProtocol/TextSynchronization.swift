/// `textDocument/didOpen` parameters.
public struct DidOpenTextDocumentParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentItem

  public init(textDocument: TextDocumentItem) {
    self.textDocument = textDocument
  }
}

/// One change: a replacement of `range`, or of the whole text when `range` is absent.
public struct TextDocumentContentChangeEvent: Hashable, Sendable, Codable {
  public var range: PositionRange?
  public var rangeLength: Int?
  public var text: String

  public init(range: PositionRange? = nil, rangeLength: Int? = nil, text: String) {
    self.range = range
    self.rangeLength = rangeLength
    self.text = text
  }
}

/// `textDocument/didChange` parameters: changes to apply in order.
public struct DidChangeTextDocumentParams: Hashable, Sendable, Codable {
  public var textDocument: VersionedTextDocumentIdentifier
  public var contentChanges: [TextDocumentContentChangeEvent]

  public init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
    self.textDocument = textDocument
    self.contentChanges = contentChanges
  }
}

/// `textDocument/didSave` parameters.
public struct DidSaveTextDocumentParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentIdentifier
  public var text: String?

  public init(textDocument: TextDocumentIdentifier, text: String? = nil) {
    self.textDocument = textDocument
    self.text = text
  }
}
