import JuesuanAnalysis

extension SubjectMention {
  /// "改为…": replace the written name with `name` (none where the name is wrapped over lines).
  func renameFixes(to name: String, title: String, isSafe: Bool) -> [Fix] {
    guard isReplaceable else { return [] }
    return [Fix(title: title, edits: [TextEdit(range: range, newText: name)], isSafe: isSafe, isPreferred: true)]
  }
}
