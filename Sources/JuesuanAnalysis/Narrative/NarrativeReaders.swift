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

  /// (An array, not any sequence: a generic one is walked through witness tables across modules.)
  package init(_ readers: [NarrativeReader]) {
    self.readers.reserveCapacity(readers.count)
    for reader in readers { self.readers[reader.bytes.count, default: []].append(reader) }
  }
}

/// The reader of every paragraph of the report, by its index in `Report.paragraphs`, for the
/// report year; a paragraph whose reader the check before an edit built is not read again.
package struct NarrativeReaders: AnalysisView {
  /// Each paragraph, read with the report year.
  package static let elements: ReportElements? = [.paragraphs]

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

  /// The rates of paragraph `index`, one that opens it with no figure ("完成年初预算的 100.00%。",
  /// PDF text having ended the paragraph before at "…支出决算为 0.88 万元。") given the figures of the
  /// last sentence of the paragraph before, under the same heading, when that states a budget and
  /// an actual.
  package func rates(ofParagraph index: Int, in report: Report) -> [NarrativeReader.Rate] {
    readers[index].rates.map { rate in
      guard rate.opensParagraph, index > 0,
        report.paragraphs[index - 1].headingIndex == report.paragraphs[index].headingIndex
      else { return rate }
      let before = readers[index - 1]
      let end = before.skippingSpacesBackward(from: before.bytes.count)
      let figures = before.figures(inSentenceBefore: end, qualifiedBy: rate.qualifier)
      guard figures.statesBoth else { return rate }
      var filled = rate
      filled.adopt(figures)
      return filled
    }
  }
}
