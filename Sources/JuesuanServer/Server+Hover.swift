internal import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// On a finding: the rule's summary and rationale with the message. On a subject code (3, 5 or
  /// 7 digits): its official name, level and parent. Elsewhere: null.
  func hover(_ params: TextDocumentPositionParams, _ snapshot: Snapshot) -> Hover? {
    let document = snapshot.document
    let result = snapshot.result
    let source = document.source
    let offset = source.utf8Offset(of: params.position, encoding: encoding)
    let findings = result.findings.filter {
      $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset)
    }
    if let first = findings.first {
      let text = findings.map(Self.markdown(for:)).joined(separator: "\n\n---\n\n")
      return Hover(
        contents: MarkupContent(value: text), range: source.positionRange(of: first.range, encoding: encoding))
    }
    guard let codeRange = Self.digitRun(around: offset, in: source), [3, 5, 7].contains(codeRange.count) else {
      return nil
    }
    let linter = linter(forDocument: document.uri)
    let year = linter.configuration.catalogueEdition ?? result.report.year
    guard let explanation = linter.catalogue.explanation(code: source.text(in: codeRange), year: year) else {
      return nil
    }
    let lines = explanation.split(separator: "\n").map(String.init)
    let markdown = (["**\(lines.first ?? "")**"] + lines.dropFirst()).joined(separator: "\n\n")
    return Hover(
      contents: MarkupContent(value: markdown), range: source.positionRange(of: codeRange, encoding: encoding))
  }

  private static func markdown(for finding: Finding) -> String {
    var lines = ["**\(finding.code)**（\(finding.severity.name)）：\(finding.message)"]
    if let description = RuleDescription.of(finding.code) {
      lines.append(description.summary)
      lines.append(description.rationale)
    }
    return lines.joined(separator: "\n\n")
  }

  /// The run of ASCII digits containing or ending at `offset`.
  static func digitRun(around offset: Int, in source: SourceText) -> Range<Int>? {
    let bytes = source.bytes
    func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (0x30...0x39).contains(bytes[index]) }
    var start = offset
    var end = offset
    while isDigit(start - 1) { start -= 1 }
    while isDigit(end) { end += 1 }
    return start < end ? start..<end : nil
  }
}

extension RuleDescription {
  /// The description of the rule with `code`.
  static func of(_ code: String) -> RuleDescription? { RuleRegistry.description(of: code) }
}
