import JuesuanModel

extension NarrativeReader {
  /// The reader `earlier` holds for the same paragraph and year, moved to `paragraph`'s place.
  package static func reusing(_ earlier: EarlierReaders, for paragraph: Paragraph, year: Int?) -> NarrativeReader? {
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
package struct NarrativeReaderKey: Hashable, Sendable {
  package var offset: Int
  package var year: Int?

  package init(offset: Int, year: Int?) {
    self.offset = offset
    self.year = year
  }
}

/// The narrative readers of the earlier text of an edited report, by their paragraph's length:
/// a paragraph the edit did not touch is not read again (`NarrativeReader.reusing`).
package struct EarlierReaders: Sendable {
  fileprivate var readers: [Int: [NarrativeReader]] = [:]

  package init() {}

  package init(_ readers: some Sequence<NarrativeReader>) {
    for reader in readers { self.readers[reader.bytes.count, default: []].append(reader) }
  }
}
