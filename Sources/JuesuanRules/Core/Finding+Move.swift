import JuesuanModel

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

extension Finding {
  /// The finding made before `edit` from bytes the edit left alone, with its ranges where those
  /// bytes are now; nil when one of them touches the edit.
  func moved(across edit: EditedSpan) -> Finding? {
    guard let range = edit.moved(range) else { return nil }
    var moved = self
    moved.range = range
    for index in related.indices {
      guard let range = edit.moved(related[index].range) else { return nil }
      moved.related[index].range = range
    }
    for fix in fixes.indices {
      for index in fixes[fix].edits.indices {
        guard let range = edit.moved(fixes[fix].edits[index].range) else { return nil }
        moved.fixes[fix].edits[index].range = range
      }
    }
    return moved
  }
}
