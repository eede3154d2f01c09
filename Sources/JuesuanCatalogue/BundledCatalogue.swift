extension SubjectCatalogue {
  /// The editions the bundled data describes in full: a report year selects its edition, later years use the
  /// newest and earlier years the oldest. Rows for older names reach further back.
  package static let bundledEditions: ClosedRange<Int> = 2023...2025

  /// The catalogue shipped with juesuan, parsed once from the embedded TSV on first use.
  package static let bundled = SubjectCatalogue(entries: parseBundledRows(bundledTSV))

  /// The rows of the embedded TSV (`code, name, firstEdition, lastEdition, flags`); comment lines start with `#`.
  ///
  /// A row whose code is not a 3/5/7-digit subject code, or whose name is empty, is skipped; a test keeps the
  /// bundled data free of such rows.
  /// - Complexity: O(n) in the length of the text.
  static func parseBundledRows(_ text: String) -> [Entry] {
    var result: [Entry] = []
    result.reserveCapacity(2_000)
    var text = text
    text.withUTF8 { bytes in
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
        // Fields split at tabs, read straight from the bytes (this runs once per process, first thing).
        var fields: [String] = []
        var fieldStart = lineStart
        for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 0x09 {
          fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
          fieldStart = index + 1
        }
        if let entry = entry(fields) { result.append(entry) }
      }
    }
    return result
  }

  /// One row's entry, nil for a row that is not a usable subject.
  private static func entry(_ fields: [String]) -> Entry? {
    guard fields.count >= 2 else { return nil }
    let code = fields[0]
    let name = fields[1].trimmingWhitespace()
    guard !name.isEmpty, let classification = classification(ofCode: code), let level = level(ofCode: code)
    else { return nil }
    let first = fields.count > 2 ? Int(fields[2]) ?? bundledEditions.lowerBound : bundledEditions.lowerBound
    let last = fields.count > 3 ? Int(fields[3]) ?? bundledEditions.upperBound : bundledEditions.upperBound
    guard first <= last else { return nil }
    let isUncertain = fields.count > 4 && fields[4].utf8.contains(UInt8(ascii: "?"))
    return Entry(
      code: code, name: name, classification: classification, level: level, editions: first...last,
      isUncertain: isUncertain, source: bundledSource)
  }

  /// The `source` of every bundled entry.
  package static let bundledSource = "内置目录"

  /// "2023 年版", "2019–2025 年版".
  package static func editionDescription(_ editions: ClosedRange<Int>) -> String {
    editions.lowerBound == editions.upperBound
      ? "\(editions.lowerBound) 年版" : "\(editions.lowerBound)–\(editions.upperBound) 年版"
  }
}

extension String {
  /// The string without leading and trailing whitespace (Foundation-free).
  func trimmingWhitespace() -> String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
    if !first.properties.isWhitespace, !last.properties.isWhitespace { return self }
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}
