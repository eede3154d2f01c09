package import JuesuanModel
internal import JuesuanRules
package import LanguageServerProtocol

/// An open document: its text and the last lint of it.
struct Document: Sendable {
  var uri: String
  var version: Int
  var source: SourceText
  /// Changes with every edit (a version number may repeat after close and reopen).
  var generation: Int
  var lint: CachedLint?
  /// When the latest `didChange` arrived (`Debounce`).
  var lastEdit: ContinuousClock.Instant?
  /// How long the latest lint of the document took, whichever text it was of (`Debounce`).
  var latestLintDuration: Duration?
  /// The JSON of each report's diagnostics as last sent, published or pulled
  /// (`Server.diagnosticsJSON`).
  var encodedReports: [EncodedReport] = []

  /// One report's diagnostics as sent: reused while the report has the same text, starts on the
  /// same line, and has the same findings with the same ones silenced (their LSP positions and
  /// messages are then the same too).
  struct EncodedReport: Sendable {
    var line: Int
    /// The report's text and findings, counted from its start (the lint's own arrays: a report
    /// the lint reused shares them, and comparing them is then immediate).
    var text: [UInt8]
    var findings: [Finding]
    var silenced: [Int]
    var json: [UInt8]
    /// The findings `json` encodes, as placed (`LintedPart.Placement.relativeFindings`), and where
    /// each one's diagnostic ends in `json`: a report an edit changed reuses the diagnostics of
    /// the findings the edit did not move (`Server.diagnosticsJSON`).
    var placed: [Finding] = []
    var ends: [Int] = []
  }

  struct CachedLint: Sendable {
    var generation: Int
    var configurationGeneration: Int
    var result: LintResult
  }
}

extension SourceText {
  /// The text after applying one LSP content change. A missing range replaces everything; a range
  /// past the end clamps to it; an inverted range is put in order.
  /// - Complexity: O(n) byte copy; only the replacement is scanned for line ends.
  package func applying(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) -> SourceText {
    guard let range = change.range else { return SourceText(change.text) }
    let first = utf8Offset(of: JuesuanModel.Position(range.start), encoding: encoding)
    let second = utf8Offset(of: JuesuanModel.Position(range.end), encoding: encoding)
    return replacing(min(first, second)..<max(first, second), with: change.text.utf8)
  }

  /// The LSP range of a byte range.
  func positionRange(of range: Range<Int>, encoding: PositionEncoding) -> PositionRange {
    PositionRange(lineRange(of: range, encoding: encoding))
  }

  /// The byte offset of an LSP position (clamped).
  func utf8Offset(of position: LanguageServerProtocol.Position, encoding: PositionEncoding) -> Int {
    utf8Offset(of: JuesuanModel.Position(position), encoding: encoding)
  }
}

extension JuesuanModel.Position {
  init(_ position: LanguageServerProtocol.Position) {
    self.init(line: position.line, character: position.character)
  }
}
