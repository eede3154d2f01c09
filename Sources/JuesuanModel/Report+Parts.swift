extension Report {
  /// The reports of consecutive parts of `document` (offsets counted from each part's start),
  /// joined into the report of the whole document. The year and unit are the first part's.
  /// - Complexity: O(size of the models).
  package static func joining(_ parts: [(range: Range<Int>, report: Report)], in document: SourceText) -> Report {
    guard let first = parts.first else { return Report(source: document) }
    if parts.count == 1, first.range.lowerBound == 0, first.report.source.bytes.count == document.bytes.count {
      var whole = first.report
      whole.source = document
      return whole
    }
    var joined = Report(source: document)
    for (range, part) in parts {
      let offset = range.lowerBound
      let lines = document.line(ofUTF8Offset: offset)
      if joined.year == nil, let year = part.year {
        joined.year = year
        joined.yearRange = part.yearRange?.shifted(by: offset)
      }
      if joined.unitName == nil, let name = part.unitName {
        joined.unitName = name
        joined.unitNameRange = part.unitNameRange?.shifted(by: offset)
      }
      let headingBase = joined.headings.count
      joined.headings += part.headings.map {
        Heading(text: $0.text, level: $0.level, range: $0.range.shifted(by: offset))
      }
      joined.paragraphs += part.paragraphs.map { paragraph in
        var moved = paragraph.moved(by: offset)
        moved.headingIndex = paragraph.headingIndex.map { $0 + headingBase }
        return moved
      }
      joined.tables += part.tables.map { $0.moved(by: offset, lines: lines) }
      joined.contentsEntries += part.contentsEntries.map { $0.shifted(by: offset) }
      joined.selfEvaluations += part.selfEvaluations.map { $0.moved(by: offset, lines: lines) }
      joined.unreadRegions += part.unreadRegions.map {
        UnreadRegion(range: $0.range.shifted(by: offset), reason: $0.reason)
      }
    }
    return joined
  }
}
