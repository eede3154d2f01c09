package import JuesuanModel
package import JuesuanRules
package import LanguageServerProtocol

extension Diagnostic {
  /// `finding` as an LSP diagnostic: the one mapping of the server's diagnostics and of
  /// `check --format json`. Its ranges are counted in `source`, which starts at 0-based line
  /// `lineOffset` of the document (its messages cite the document's lines already); its related
  /// places are in the document `uri`; `tags` are the `DiagnosticTag`s to send for its rule. Its
  /// fixes are not part of it: the server answers code actions from its own lint of the same
  /// version, and the JSON output adds them as a key of its own.
  package init(
    _ finding: Finding, in source: SourceText, lineOffset: Int = 0, encoding: PositionEncoding = .utf16, uri: String,
    tags: [Int]?
  ) {
    func position(of range: Range<Int>) -> PositionRange {
      var position = PositionRange(source.lineRange(of: range, encoding: encoding))
      position.start.line += lineOffset
      position.end.line += lineOffset
      return position
    }
    let related = finding.related.map {
      RelatedInformation(location: Location(uri: uri, range: position(of: $0.range)), message: $0.message.rendered())
    }
    self.init(
      range: position(of: finding.range),
      severity: finding.severity.rawValue,
      code: .string(finding.code),
      codeDescription: CodeDescription(href: RuleDocumentation.link(finding.code)),
      source: "juesuan",
      message: finding.message.rendered(),
      tags: tags,
      relatedInformation: related.isEmpty ? nil : related)
  }
}

/// Where each rule is documented: `docs/rules.md` on the project's site, at the code with `/`
/// replaced by `-`.
package enum RuleDocumentation {
  private static let base = "https://github.com/juesuan/juesuan/blob/main/docs/rules.md#"

  /// Every rule's link, made once (a large publish names the same few codes thousands of times).
  private static let links: [String: String] = Dictionary(
    uniqueKeysWithValues: RuleRegistry.all.map { ($0.description.code, anchoredLink($0.description.code)) })

  /// The link to the documentation of rule `code`.
  package static func link(_ code: String) -> String { links[code] ?? anchoredLink(code) }

  private static func anchoredLink(_ code: String) -> String {
    base + code.split(separator: "/").joined(separator: "-")
  }
}

extension PositionRange {
  /// The LSP range of a range of lines and columns.
  package init(_ range: LineRange) {
    self.init(
      start: .init(line: range.start.line, character: range.start.character),
      end: .init(line: range.end.line, character: range.end.character))
  }
}
