extension Finding {
  /// The finding with every range (its own, the related places', the fixes' edits) moved by
  /// `offset` bytes: from a part of a document into the document.
  package func moved(by offset: Int) -> Finding {
    var moved = self
    moved.range = range.shifted(by: offset)
    moved.related = related.map { Related(range: $0.range.shifted(by: offset), message: $0.message) }
    moved.fixes = fixes.map { fix in
      var fix = fix
      fix.edits = fix.edits.map { TextEdit(range: $0.range.shifted(by: offset), newText: $0.newText) }
      return fix
    }
    return moved
  }
}

extension Finding {
  /// True when the finding's range and its related places' ranges end within `count` bytes.
  package func lies(within count: Int) -> Bool {
    range.upperBound <= count && related.allSatisfy { $0.range.upperBound <= count }
  }
}
