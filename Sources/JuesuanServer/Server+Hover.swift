internal import JuesuanAnalysis
internal import JuesuanCatalogue
internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// On a total of a recognised table: the sum of its parts and whether it matches. On a finding:
  /// the rule's summary and rationale with the message (both when a total has a finding). On a
  /// subject code (3, 5 or 7 digits): its official name, level and parent. Elsewhere: null.
  func hover(_ params: TextDocumentPositionParams, _ snapshot: Snapshot) -> Hover? {
    let document = snapshot.document
    let result = snapshot.result
    let source = document.source
    let offset = source.utf8Offset(of: params.position, encoding: encoding)
    let sums = result.report.identities(totallingAt: offset)
    let findings = result.findings.filter {
      $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset)
    }
    if let range = sums.first?.total.range ?? findings.first?.range {
      let text = (sums.map(Self.markdown(for:)) + findings.map(Self.markdown(for:))).joined(separator: "\n\n---\n\n")
      return Hover(contents: MarkupContent(value: text), range: source.positionRange(of: range, encoding: encoding))
    }
    guard let codeRange = Self.digitRun(around: offset, in: source), [3, 5, 7].contains(codeRange.count) else {
      return nil
    }
    let linter = linter(forDocument: document.uri)
    let year = linter.configuration.catalogueEdition ?? result.year
    guard let explanation = linter.catalogue.explanation(code: source.text(in: codeRange), year: year) else {
      return nil
    }
    let lines = explanation.split(separator: "\n").map(String.init)
    let markdown = (["**\(lines.first ?? "")**"] + lines.dropFirst()).joined(separator: "\n\n")
    return Hover(
      contents: MarkupContent(value: markdown), range: source.positionRange(of: codeRange, encoding: encoding))
  }

  /// "**合计行“合计”** = Σ 2 项 = 25.00 ✓", or what the total says instead, then the parts.
  static func markdown(for comparison: TableIdentity) -> String {
    let sum = comparison.sum
    let shownSum = sum.grouped
    let total = comparison.total.amount
    let difference = (comparison.total.value - sum).tenThousandths
    let gap = Amount(tenThousandths: abs(difference)).grouped
    let shownTotal = total.map(\.grouped) ?? "（空）"
    let verdict =
      if difference == 0 {
        "✓"
      } else if abs(difference) <= comparison.tolerance {
        "≈ 所填 \(shownTotal)，尾差 \(gap)（在四舍五入容差内）"
      } else {
        "✗ 所填 \(shownTotal)，差 \(gap)"
      }
    let count = comparison.parts.count
    var parts = comparison.parts.prefix(12).map { part in
      "\(part.label) \(part.cell?.amount?.grouped ?? "（空）")"
    }
    if count > 12 { parts.append("…") }
    return "**\(comparison.what)** = Σ \(count) 项 = \(shownSum) \(verdict)\n\n\(parts.joined(separator: " + "))"
  }

  private static func markdown(for finding: Finding) -> String {
    var lines = ["**\(finding.code)**（\(finding.severity.name)）：\(finding.message.rendered())"]
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
