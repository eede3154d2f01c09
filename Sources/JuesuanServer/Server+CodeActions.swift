internal import JuesuanModel
package import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// Every fix of the findings touching the range as a `quickfix` (the last one of each finding
  /// being "忽略此行的 CODE"), and `source.fixAll.juesuan` with every safe fix that does not
  /// collide with an earlier one.
  func codeActions(_ params: CodeActionParams, _ snapshot: Snapshot) -> [CodeAction] {
    let uri = snapshot.document.uri
    let result = snapshot.result
    let source = snapshot.document.source
    let first = source.utf8Offset(of: params.range.start, encoding: encoding)
    let second = source.utf8Offset(of: params.range.end, encoding: encoding)
    let selection = min(first, second)...max(first, second)
    var actions: [CodeAction] = []
    if Self.wants("quickfix", only: params.context.only) {
      for finding in result.findings
      where finding.range.lowerBound <= selection.upperBound && selection.lowerBound <= finding.range.upperBound {
        let diagnostic = diagnostic(for: finding, in: source, uri: uri)
        for fix in finding.fixes {
          actions.append(
            CodeAction(
              title: fix.title, kind: "quickfix", diagnostics: [diagnostic], isPreferred: fix.isPreferred,
              edit: workspaceEdit(fix.edits, in: source, uri: uri)))
        }
      }
    }
    if Self.wants(Self.fixAllKind, only: params.context.only) {
      let edits = Self.safeEdits(of: result.findings)
      if !edits.isEmpty {
        actions.append(
          CodeAction(
            title: "修复所有可安全自动修复的问题（\(edits.count) 处）", kind: Self.fixAllKind,
            edit: workspaceEdit(edits, in: source, uri: uri)))
      }
    }
    return actions
  }

  /// True when `kind` is requested: no filter, or a filter naming it or one of its parents.
  static func wants(_ kind: String, only: [String]?) -> Bool {
    guard let only else { return true }
    return only.contains { kind == $0 || kind.utf8Text.hasPrefix($0 + ".") }
  }

  /// The edits of the first safe fix of each finding (never the suppression fix), skipping fixes
  /// that overlap an edit already taken. Sorted by position.
  package static func safeEdits(of findings: [Finding]) -> [JuesuanRules.TextEdit] {
    var taken: [JuesuanRules.TextEdit] = []
    for finding in findings {
      for fix in finding.fixes.dropLast() where fix.isSafe {
        let collides = fix.edits.contains { edit in taken.contains { Self.overlap($0.range, edit.range) } }
        if !collides {
          taken.append(contentsOf: fix.edits)
          break
        }
      }
    }
    return taken.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  private static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    a.lowerBound == b.lowerBound || (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound)
  }

  /// Byte-range edits of one document as an LSP workspace edit in the negotiated encoding.
  func workspaceEdit(_ edits: [JuesuanRules.TextEdit], in source: SourceText, uri: String) -> WorkspaceEdit {
    WorkspaceEdit(changes: [
      uri: edits.map {
        LanguageServerProtocol.TextEdit(
          range: source.positionRange(of: $0.range, encoding: encoding), newText: $0.newText)
      }
    ])
  }
}
