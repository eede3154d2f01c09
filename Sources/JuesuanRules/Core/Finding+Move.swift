extension Finding {
  /// The finding with every range (its own, the related places', the fixes' edits) moved by
  /// `offset` bytes: from a part of a document into the document.
  package func moved(by offset: Int) -> Finding {
    func move(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }
    var moved = self
    moved.range = move(range)
    moved.related = related.map { Related(range: move($0.range), message: $0.message) }
    moved.fixes = fixes.map { fix in
      var fix = fix
      fix.edits = fix.edits.map { TextEdit(range: move($0.range), newText: $0.newText) }
      return fix
    }
    return moved
  }
}
