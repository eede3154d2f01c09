internal import JSONRPC
internal import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// At most this many completion items; the list is marked incomplete beyond.
  static let completionLimit = 200

  /// Subject codes completing the digits before the cursor, or subject names containing the
  /// word before it, from the catalogue edition of the report's year. RequestFailed for a document
  /// that is not open.
  func completion(_ params: TextDocumentPositionParams) throws(ResponseError) -> CompletionList {
    guard let document = documents[params.textDocument.uri] else { throw Self.notOpen(params.textDocument.uri) }
    guard !options.catalogue.entries.isEmpty else { return CompletionList(isIncomplete: false, items: []) }
    let source = document.source
    let offset = source.utf8Offset(of: params.position, encoding: encoding)
    let linter = linter(forDocument: document.uri)
    let year = linter.configuration.catalogueEdition ?? document.lint?.result.year
    let digits = Self.digitRun(around: offset, in: source).map { $0.lowerBound..<offset } ?? offset..<offset
    let replaced = digits.isEmpty ? Self.wordBefore(offset, in: source) : digits
    let matches = linter.catalogue.completions(prefix: source.text(in: replaced), year: year)
    let range = source.positionRange(of: replaced, encoding: encoding)
    let items = matches.prefix(Self.completionLimit).map { entry in
      CompletionItem(
        label: "\(entry.code) \(entry.name)", kind: 12, detail: "\(entry.level.chineseName)级科目",
        filterText: digits.isEmpty ? entry.name : entry.code, sortText: entry.code,
        textEdit: .init(range: range, newText: digits.isEmpty ? entry.name : entry.code))
    }
    return CompletionList(isIncomplete: matches.count >= Self.completionLimit, items: Array(items))
  }

  /// The non-blank, non-separator run just before `offset` (a name being typed).
  private static func wordBefore(_ offset: Int, in source: SourceText) -> Range<Int> {
    let line = source.byteRange(ofLine: source.line(ofUTF8Offset: offset))
    let text = source.text(in: line.lowerBound..<offset)
    let word = text.reversed().prefix { !$0.isWhitespace && !"|｜\t,，:：".utf8Text.contains($0) }
    return (offset - String(word.reversed()).utf8.count)..<offset
  }
}
