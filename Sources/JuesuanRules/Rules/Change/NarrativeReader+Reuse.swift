import JuesuanModel

extension NarrativeReader {
  /// The reader `earlier` holds for the same paragraph and year, moved to `paragraph`'s place.
  static func reusing(_ earlier: EarlierReaders, for paragraph: Paragraph, year: Int?) -> NarrativeReader? {
    for reader in earlier.readers[paragraph.utf8.count] ?? [] where reader.year == year {
      // A paragraph the parse moved shares its bytes with the earlier one: compared at once.
      guard reader.bytes == paragraph.utf8 else { continue }
      let moved = reader.moved(by: paragraph.range.lowerBound - reader.paragraph.range.lowerBound)
      if moved.paragraph == paragraph { return moved }
    }
    return nil
  }
}

/// Where a narrative reader read: its paragraph's first byte, and the report year it was told.
struct NarrativeReaderKey: Hashable {
  var offset: Int
  var year: Int?
}

/// The narrative readers of the earlier text of an edited report, by their paragraph's length:
/// a paragraph the edit did not touch is not read again (`RuleContext.narrativeReader`).
package struct EarlierReaders: Sendable {
  fileprivate var readers: [Int: [NarrativeReader]] = [:]

  package init() {}

  init(_ readers: some Sequence<NarrativeReader>) {
    for reader in readers { self.readers[reader.bytes.count, default: []].append(reader) }
  }
}

extension RuleContext {
  /// The reader of `paragraph`, built once per lint run and shared by every rule that asks (or
  /// moved from the lint before an edit, when it read the same paragraph).
  mutating func narrativeReader(_ paragraph: Paragraph, year: Int?) -> NarrativeReader {
    let key = NarrativeReaderKey(offset: paragraph.range.lowerBound, year: year)
    if let reader = narrativeReaderCache[key] { return reader }
    let reader =
      NarrativeReader.reusing(earlierReaders, for: paragraph, year: year) ?? NarrativeReader(paragraph, year: year)
    narrativeReaderCache[key] = reader
    return reader
  }
}
