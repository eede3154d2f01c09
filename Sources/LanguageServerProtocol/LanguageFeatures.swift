/// `textDocument/codeAction` parameters.
public struct CodeActionParams: Hashable, Sendable, Codable {
  public struct Context: Hashable, Sendable, Codable {
    /// The diagnostics the client shows in the range (any server's: kept as raw JSON).
    public var diagnostics: [LSPAny]
    /// Only these kinds (or their sub-kinds) are wanted.
    public var only: [String]?

    public init(diagnostics: [LSPAny] = [], only: [String]? = nil) {
      self.diagnostics = diagnostics
      self.only = only
    }
  }

  public var textDocument: TextDocumentIdentifier
  public var range: PositionRange
  public var context: Context

  public init(textDocument: TextDocumentIdentifier, range: PositionRange, context: Context = Context()) {
    self.textDocument = textDocument
    self.range = range
    self.context = context
  }
}

/// A code action carrying its edit.
public struct CodeAction: Hashable, Sendable, Codable {
  public var title: String
  /// "quickfix", "source.fixAll.juesuan".
  public var kind: String?
  public var diagnostics: [Diagnostic]?
  public var isPreferred: Bool?
  public var edit: WorkspaceEdit?

  public init(
    title: String, kind: String?, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil,
    edit: WorkspaceEdit?
  ) {
    self.title = title
    self.kind = kind
    self.diagnostics = diagnostics
    self.isPreferred = isPreferred
    self.edit = edit
  }
}

/// `textDocument/hover` result.
public struct Hover: Hashable, Sendable, Codable {
  public var contents: MarkupContent
  public var range: PositionRange?

  public init(contents: MarkupContent, range: PositionRange?) {
    self.contents = contents
    self.range = range
  }
}

/// One entry of the document outline.
public struct DocumentSymbol: Hashable, Sendable, Codable {
  public var name: String
  public var detail: String?
  /// `SymbolKind`: 2 module, 3 namespace, 18 array…
  public var kind: Int
  public var range: PositionRange
  public var selectionRange: PositionRange
  public var children: [DocumentSymbol]?

  public init(
    name: String, detail: String?, kind: Int, range: PositionRange, selectionRange: PositionRange,
    children: [DocumentSymbol]?
  ) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}

/// One completion proposal.
public struct CompletionItem: Hashable, Sendable, Codable {
  public var label: String
  /// `CompletionItemKind`: 12 value, 14 keyword…
  public var kind: Int?
  public var detail: String?
  public var documentation: MarkupContent?
  public var filterText: String?
  public var sortText: String?
  public var textEdit: TextEdit?

  public init(
    label: String, kind: Int?, detail: String?, documentation: MarkupContent? = nil, filterText: String? = nil,
    sortText: String? = nil, textEdit: TextEdit? = nil
  ) {
    self.label = label
    self.kind = kind
    self.detail = detail
    self.documentation = documentation
    self.filterText = filterText
    self.sortText = sortText
    self.textEdit = textEdit
  }
}

/// `textDocument/completion` result.
public struct CompletionList: Hashable, Sendable, Codable {
  public var isIncomplete: Bool
  public var items: [CompletionItem]

  public init(isIncomplete: Bool, items: [CompletionItem]) {
    self.isIncomplete = isIncomplete
    self.items = items
  }
}

/// `textDocument/inlayHint` parameters: the hints wanted for `range`.
public struct InlayHintParams: Hashable, Sendable, Codable {
  public var textDocument: TextDocumentIdentifier
  public var range: PositionRange

  public init(textDocument: TextDocumentIdentifier, range: PositionRange) {
    self.textDocument = textDocument
    self.range = range
  }
}

/// A label shown inline at a position (the label is a plain string here).
public struct InlayHint: Hashable, Sendable, Codable {
  public var position: Position
  public var label: String
  /// `InlayHintKind`: 1 type, 2 parameter; nil for neither.
  public var kind: Int?
  public var tooltip: String?
  public var paddingLeft: Bool?
  public var paddingRight: Bool?

  public init(
    position: Position, label: String, kind: Int? = nil, tooltip: String? = nil, paddingLeft: Bool? = nil,
    paddingRight: Bool? = nil
  ) {
    self.position = position
    self.label = label
    self.kind = kind
    self.tooltip = tooltip
    self.paddingLeft = paddingLeft
    self.paddingRight = paddingRight
  }
}
