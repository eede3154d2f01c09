/// Finds where one file holds several reports — a department's and its units' pasted together,
/// or a year's drafts concatenated — so that each is parsed and checked on its own. Checking them
/// as one would compare one report's narrative with another's tables, and would cost the square
/// of the file.
///
/// A report starts at its cover: the short lines (unit, year, "部门决算") above its 目录 or,
/// without one, above its "第一部分" heading. Such a line starts a new report only when enough of
/// the previous report lies above it; a file with neither stays one report. Callers check that
/// every part holds a 收入支出决算总表 and merge the parts that do not (`Linter.lint(_:reusing:)`).
package enum ReportSegmenter {
  /// A 目录 this many lines after the previous report's start can begin a new report.
  static let minimumLines = 150
  /// How a unit's name ends ("…人民政府办公室", "…便民服务中心").
  static let organisationSuffixes = [
    "办公室", "局", "委员会", "委", "中心", "政府", "院", "所", "站", "队", "处", "部", "厅", "会", "校", "馆", "社", "团",
    "室", "厂", "场", "园", "办", "署", "监狱", "协会", "集团", "公司",
  ]
  /// At most this many cover lines are taken above a 目录.
  static let maximumCoverLines = 8

  /// The lines of a text that may open a report: short lines with 目…录 or 第一部分.
  package struct Candidates: Sendable {
    let source: SourceText
    /// 0-based, ascending.
    package let lines: [Int]
  }

  /// Line-aligned byte ranges that together cover the text, one per report, in order.
  /// - Complexity: O(n) in the lines, byte searches in the short ones, then a look at the few found.
  package static func parts(of source: SourceText) -> [Range<Int>] { parts(of: source, reusing: nil).parts }

  /// The parts of `source`, and the candidate lines they were found from. With `earlier`, the
  /// candidates of an earlier text of the same document, only the lines that differ from it are
  /// searched (an edit's); `edit`, when known, is where the two texts differ.
  package static func parts(
    of source: SourceText, reusing earlier: Candidates?, edit: EditedSpan? = nil
  ) -> (parts: [Range<Int>], candidates: Candidates) {
    let candidates =
      earlier.map {
        candidateLines(in: source, after: $0, edit: edit ?? EditedSpan(from: $0.source.bytes, to: source.bytes))
      } ?? candidateLines(in: source)
    var starts = [0]
    for line in candidates where line - (starts.last ?? 0) >= minimumLines {
      guard opensReport(Line(lookingAt: line, in: source)) else { continue }
      let cover = coverStart(above: line, after: starts.last ?? 0, in: source)
      guard cover - (starts.last ?? 0) >= minimumLines / 2 else { continue }
      starts.append(cover)
    }
    return (ranges(ofLineStarts: starts, in: source), Candidates(source: source, lines: candidates))
  }

  /// The candidate lines among `lines` (all by default), in order. A 目录 line stands nearly
  /// alone (the 目 of the many "项目" lines is ruled out by the line's length or a missing 录 after
  /// it); a "第一部分" heading is short too. Only short lines are searched.
  private static func candidateLines(in source: SourceText, lines: Range<Int>? = nil) -> [Int] {
    let contents = (first: Array("目".utf8), then: Array("录".utf8), longest: 48)
    let firstPart = (marker: Array("第一部分".utf8), longest: 120)
    let bytes = source.bytes
    var candidates: [Int] = []
    for line in lines ?? 0..<source.lineCount {
      let range = source.byteRange(ofLine: line)
      guard range.count <= firstPart.longest, range.count >= contents.first.count else { continue }
      if range.count <= contents.longest,
        let hit = UTF8Text.firstOffset(of: contents.first, in: bytes, from: range.lowerBound, before: range.upperBound),
        UTF8Text.firstOffset(of: contents.then, in: bytes, from: hit, before: range.upperBound) != nil
      {
        candidates.append(line)
      } else if UTF8Text.firstOffset(of: firstPart.marker, in: bytes, from: range.lowerBound, before: range.upperBound)
        != nil
      {
        candidates.append(line)
      }
    }
    return candidates
  }

  /// The candidate lines of `source`, searching only the lines that differ from `earlier`'s text:
  /// a line before the first changed byte is the same line; a line that starts inside the common
  /// tail (after its first byte, so that the byte before it, which makes it a line start, is
  /// common too) is the same line, as many lines from the end.
  private static func candidateLines(
    in source: SourceText, after earlier: Candidates, edit: EditedSpan
  ) -> [Int] {
    let old = earlier.source
    let (prefix, suffix) = (edit.prefix, edit.suffix)
    guard prefix < source.bytes.count || prefix < old.bytes.count else { return earlier.lines }
    let firstChanged = source.line(ofUTF8Offset: prefix)
    let lastChanged = source.line(ofUTF8Offset: source.bytes.count - suffix)
    let oldTail = old.bytes.count - suffix
    let shift = source.lineCount - old.lineCount
    return earlier.lines.filter { $0 < firstChanged }
      + candidateLines(in: source, lines: firstChanged..<(lastChanged + 1))
      + earlier.lines.filter { old.lineStarts[$0] > oldTail }.map { $0 + shift }
  }

  /// "目录", or the heading of a report's first part ("第一部分 部门概况"), not an entry of a
  /// table of contents.
  private static func opensReport(_ line: Line) -> Bool {
    let text = line.compact
    if line.compactIs("目录") { return true }
    return text.utf8Text.hasPrefix("第一部分") && line.compactCount <= 40 && !text.utf8Text.contains("……")
      && !text.utf8Text.contains("...")
      && !text.utf8Text.contains("·")
  }

  /// The byte ranges of the parts starting at `lines` (ascending, the first 0).
  package static func ranges(ofLineStarts lines: [Int], in source: SourceText) -> [Range<Int>] {
    lines.indices.map { index in
      let start = source.lineStarts[lines[index]]
      let end = index + 1 < lines.count ? source.lineStarts[lines[index + 1]] : source.bytes.count
      return start..<end
    }
  }

  /// The first line of the cover above the 目录 at `line`: the nearest short, unpunctuated lines
  /// (blank lines between them allowed), never reaching `floor`.
  private static func coverStart(above line: Int, after floor: Int, in source: SourceText) -> Int {
    var start = line
    var taken = 0
    var index = line - 1
    while index > floor, taken < maximumCoverLines {
      let text = Line(lookingAt: index, in: source)
      defer { index -= 1 }
      if text.isBlank { continue }
      guard isCoverLine(text) else { break }
      start = index
      taken += 1
    }
    return start
  }

  /// "2023 年度", "福州市晋安区人民政府办公室", "部门决算": short, naming the report or a unit,
  /// no sentence punctuation, no cells, not a heading or a table-of-contents entry.
  private static func isCoverLine(_ line: Line) -> Bool {
    let text = line.compact
    guard line.compactCount <= 40, line.shape == .plain else { return false }
    let namesReport =
      ["决算", "年度", "公开"].contains { text.utf8Text.contains($0) } || ReportParser.firstYear(in: text) != nil
    guard namesReport || organisationSuffixes.contains(where: { text.utf8Text.hasSuffix($0) }) else { return false }
    for mark in ["。", "；", "：", ":", "……", "...", "，"] where text.utf8Text.contains(mark) { return false }
    if text.utf8Text.hasPrefix("第"), text.utf8Text.contains("部分") { return false }
    // A heading is a cover line only as the report's title ("# 2023年度某某局部门决算").
    if ReportParser.headingLevel(of: line) != nil, !text.utf8Text.contains("决算") { return false }
    return true
  }
}
