import JuesuanModel

/// The reasons a paragraph gives ("主要原因是…。"): where the marker is and what follows it.
struct ReasonReader {
  /// A reason marker and the reason text up to the end of its clause.
  struct Reason {
    /// The marker ("主要原因是"), joined-text offsets.
    var marker: Range<Int>
    /// The reason after the marker and an optional colon, up to 。；！ or the paragraph's end.
    var body: Range<Int>
    var text: String
  }

  static let markers = [
    "主要原因是", "主要原因为", "主要原因：", "主要原因:", "的原因是", "原因是", "原因为", "原因：", "原因:", "主要是",
    "主要系", "主要由于",
  ]

  /// Every reason in the paragraph, in order; overlapping markers count once.
  static func reasons(in paragraph: Paragraph) -> [Reason] {
    let reader = NarrativeReader.textReader(paragraph)
    var found: [Range<Int>] = []
    for marker in markers {
      for offset in reader.occurrences(of: marker) {
        let range = offset..<(offset + marker.utf8.count)
        if !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
      }
    }
    found.sort { $0.lowerBound < $1.lowerBound }
    return found.map { marker in
      var start = reader.skippingSpaces(from: marker.upperBound)
      for colon in ["：", ":"] where reader.has(colon, at: start) {
        start = reader.skippingSpaces(from: start + colon.utf8.count)
      }
      var end = start
      // 。 ； ！ ？ start with E3 or EF.
      while end < reader.bytes.count,
        !((reader.bytes[end] == 0xE3 || reader.bytes[end] == 0xEF)
          && (reader.has("。", at: end) || reader.has("；", at: end) || reader.has("！", at: end)
            || reader.has("？", at: end)))
      {
        end += 1
      }
      return Reason(marker: marker, body: start..<end, text: paragraph.text(in: start..<end))
    }
  }
}
