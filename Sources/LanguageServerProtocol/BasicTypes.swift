/// A position in a document: 0-based line and column in the negotiated encoding.
public struct Position: Hashable, Sendable, Codable, Comparable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (lhs: Position, rhs: Position) -> Bool {
    (lhs.line, lhs.character) < (rhs.line, rhs.character)
  }
}

/// An LSP `Range`: start and end positions, end exclusive. (Named so as not to shadow `Swift.Range`.)
public struct PositionRange: Hashable, Sendable, Codable {
  public var start: Position
  public var end: Position

  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }
}

/// A range in a document.
public struct Location: Hashable, Sendable, Codable {
  public var uri: String
  public var range: PositionRange

  public init(uri: String, range: PositionRange) {
    self.uri = uri
    self.range = range
  }
}

/// Replace `range` by `newText`.
public struct TextEdit: Hashable, Sendable, Codable {
  public var range: PositionRange
  public var newText: String

  public init(range: PositionRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}

/// Edits to several documents, keyed by URI.
public struct WorkspaceEdit: Hashable, Sendable, Codable {
  public var changes: [String: [TextEdit]]?

  public init(changes: [String: [TextEdit]]?) {
    self.changes = changes
  }
}

/// Identifies a document.
public struct TextDocumentIdentifier: Hashable, Sendable, Codable {
  public var uri: String

  public init(uri: String) {
    self.uri = uri
  }
}

/// Identifies a version of a document.
public struct VersionedTextDocumentIdentifier: Hashable, Sendable, Codable {
  public var uri: String
  public var version: Int

  public init(uri: String, version: Int) {
    self.uri = uri
    self.version = version
  }
}

/// A document as opened: its URI, language, version and full text.
public struct TextDocumentItem: Hashable, Sendable, Codable {
  public var uri: String
  public var languageId: String
  public var version: Int
  public var text: String

  public init(uri: String, languageId: String, version: Int, text: String) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
  }
}

/// A document and a position in it (hover, completion).
public struct TextDocumentPositionParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentIdentifier
  public var position: Position

  public init(textDocument: TextDocumentIdentifier, position: Position) {
    self.textDocument = textDocument
    self.position = position
  }
}

/// Text in Markdown or plain text.
public struct MarkupContent: Hashable, Sendable, Codable {
  /// "markdown" or "plaintext".
  public var kind: String
  public var value: String

  public init(kind: String = "markdown", value: String) {
    self.kind = kind
    self.value = value
  }
}

/// Parameters naming one document (`documentSymbol`, `didClose`).
public struct TextDocumentParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentIdentifier

  public init(textDocument: TextDocumentIdentifier) {
    self.textDocument = textDocument
  }
}
