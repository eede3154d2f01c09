extension SubjectCatalogue {
  /// A line of a user catalogue that could not be read.
  package struct UserCatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the catalogue came from (a file path or "workspace/configuration").
    package var source: String
    /// 1-based line number.
    package var lineNumber: Int
    /// The offending line as written.
    package var line: String
    /// What is wrong with it, in Chinese.
    package var reason: String

    /// "extra.tsv 第 3 行：编码“20x”不是 3、5 或 7 位的科目编码（应为“编码<TAB>名称”）".
    package var description: String {
      "\(source) 第 \(lineNumber) 行：\(reason)（应为“编码<TAB>名称”）"
    }
  }

  /// This catalogue extended and overridden by a user catalogue: lines `code<TAB>name` (a run of spaces also
  /// separates), blank lines and lines starting with `#` skipped. A user row replaces every bundled name of its
  /// code, for every edition; a later user line for the same code replaces an earlier one.
  ///
  /// - Throws: `UserCatalogueError` naming the first line that has no name or whose code is not a 3/5/7-digit
  ///   subject code.
  /// - Complexity: O(n + m log m) in the catalogue size and the text length.
  package func merging(userTSV text: String, source: String) throws(UserCatalogueError) -> SubjectCatalogue {
    let span = editionSpan
    var overrides: [String: Entry] = [:]
    var order: [String] = []
    var lineNumber = 0
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let line = String(rawLine).trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      let (code, name) = Self.splitUserLine(line)
      func failure(_ reason: String) -> UserCatalogueError {
        UserCatalogueError(source: source, lineNumber: lineNumber, line: line, reason: reason)
      }
      guard let classification = Self.classification(ofCode: code), let level = Self.level(ofCode: code) else {
        throw failure("编码“\(code)”不是 3、5 或 7 位的科目编码")
      }
      guard !name.isEmpty else { throw failure("编码 \(code) 缺少科目名称") }
      if overrides[code] == nil { order.append(code) }
      overrides[code] = Entry(
        code: code, name: name, classification: classification, level: level, editions: span, source: source)
    }
    var merged = entries.filter { overrides[$0.code] == nil }
    merged.append(contentsOf: order.compactMap { overrides[$0] })
    return SubjectCatalogue(entries: merged)
  }

  /// The span from the first edition of any entry to the last (the bundled editions when empty).
  package var editionSpan: ClosedRange<Int> {
    guard let low = entries.map(\.editions.lowerBound).min(), let high = entries.map(\.editions.upperBound).max()
    else { return Self.bundledEditions }
    return min(low, Self.bundledEditions.lowerBound)...max(high, Self.bundledEditions.upperBound)
  }

  /// Code and name of a user line: split at the first tab, or else at the first run of whitespace.
  private static func splitUserLine(_ line: String) -> (code: String, name: String) {
    if let tab = line.firstIndex(of: "\t") {
      let rest = line[line.index(after: tab)...]
      let name = rest.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      return (String(line[..<tab]).trimmingWhitespace(), String(name).trimmingWhitespace())
    }
    guard let space = line.firstIndex(where: { $0.isWhitespace }) else { return (line, "") }
    return (String(line[..<space]), String(line[space...]).trimmingWhitespace())
  }
}
