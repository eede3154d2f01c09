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

/// The narrative readers of the earlier text of an edited report, by their paragraph's length:
/// a paragraph the edit did not touch is not read again (`NarrativeReader.reusing`).
package struct EarlierReaders: Sendable {
  fileprivate var readers: [Int: [NarrativeReader]] = [:]

  package init() {}

  package init(_ readers: some Sequence<NarrativeReader>) {
    for reader in readers { self.readers[reader.bytes.count, default: []].append(reader) }
  }
}

/// The reader of every paragraph of the report, by its index in `Report.paragraphs`, for the
/// report year; a paragraph whose reader the check before an edit built is not read again.
package struct NarrativeReaders: AnalysisView {
  /// The readers, one per paragraph of the report, in order.
  package let readers: [NarrativeReader]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let year = input.report.year
    readers = input.report.paragraphs.map { paragraph in
      NarrativeReader.reusing(input.earlierReaders, for: paragraph, year: year)
        ?? NarrativeReader(paragraph, year: year)
    }
  }

  /// The reader of paragraph `index` of the report.
  package subscript(index: Int) -> NarrativeReader { readers[index] }
}
