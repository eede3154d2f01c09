internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// `textDocument/inlayHint`: the label of each finding that carries one, right after the
  /// finding's text and within the requested range — the computed sum after a total that does not
  /// match its parts ("Σ 1,234.56"), the computed rate after a stated percentage that does not
  /// match ("= 12.35%"). The tooltip is the finding's message.
  /// - Complexity: O(f) in the findings of the document.
  func inlayHints(_ params: InlayHintParams, _ snapshot: Snapshot) -> [InlayHint] {
    let source = snapshot.document.source
    let first = source.utf8Offset(of: params.range.start, encoding: encoding)
    let second = source.utf8Offset(of: params.range.end, encoding: encoding)
    let requested = min(first, second)...max(first, second)
    var shown = Set<String>()
    var hints: [InlayHint] = []
    for finding in snapshot.result.findings {
      guard let label = finding.hint, requested.contains(finding.range.upperBound),
        shown.insert("\(finding.range.upperBound)|\(label)").inserted
      else { continue }
      hints.append(
        InlayHint(
          position: source.positionRange(of: finding.range, encoding: encoding).end, label: label,
          tooltip: finding.message.rendered(), paddingLeft: true))
    }
    return hints
  }
}
