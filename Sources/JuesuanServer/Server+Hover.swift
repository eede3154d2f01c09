internal import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// On a finding: the rule's summary and rationale with the message. On a subject code (3, 5 or
  /// 7 digits): its official name, level and parent. Elsewhere: null.
  func hover(_ params: TextDocumentPositionParams) -> Hover? {
    guard let (document, result) = currentLint(ofDocument: params.textDocument.uri) else { return nil }
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
    let code = source.text(in: codeRange)
    let year = linter(forDocument: document.uri).configuration.catalogueEdition ?? result.report.year
    guard let entry = options.catalogue.entry(forCode: code, year: year) else { return nil }
    return Hover(
      contents: MarkupContent(value: options.catalogue.markdown(for: entry)),
      range: source.positionRange(of: codeRange, encoding: encoding))
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

extension SubjectCatalogue {
  /// The entry for `code` official in `year`, else its latest edition.
  /// - Complexity: O(entries).
  func entry(forCode code: String, year: Int?) -> Entry? {
    let matches = entries.filter { $0.code == code }
    if let year, let exact = matches.last(where: { $0.editions.contains(year) }) { return exact }
    return matches.max { $0.editions.upperBound < $1.editions.upperBound }
  }

  /// A hover text for an entry: name, classification, level, parent, editions.
  func markdown(for entry: Entry) -> String {
    let classification = entry.classification == .function ? "支出功能分类科目" : "部门预算支出经济分类科目"
    var details = ["\(classification) · \(entry.level.chineseName)级"]
    if let parentCode = entry.parentCode {
      let parent = self.entry(forCode: parentCode, year: entry.editions.upperBound)
      details.append("上级：\(parentCode)\(parent.map { " " + $0.name } ?? "")")
    }
    details.append("适用年度：\(entry.editions.lowerBound)–\(entry.editions.upperBound)（\(entry.source)）")
    if entry.isUncertain { details.append("官方措辞尚待核实") }
    return "**\(entry.code) \(entry.name)**\n\n" + details.joined(separator: "\n\n")
  }
}
