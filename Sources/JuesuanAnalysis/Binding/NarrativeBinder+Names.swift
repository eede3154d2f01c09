import JuesuanCatalogue
import JuesuanModel

// The subject codes and names the narrative binder reads, and what it works out once per report.
extension NarrativeBinder {

  /// A subject code just before `end` ("2010301-行政运行", "2010301"): the code, and whether the
  /// written name (if any) is one of the code's names. Nil when there is no code there.
  func code(_ chars: [Glyph], _ end: Int) -> (String, Bool)? {
    var index = end
    while index > 0, end - index < 40, !Self.isDigit(chars[index - 1]),
      !Self.isBoundary(chars[index - 1])
    {
      index -= 1
    }
    guard index > 0, Self.isDigit(chars[index - 1]) else { return nil }
    var start = index
    while start > 0, Self.isDigit(chars[start - 1]) { start -= 1 }
    if start > 0, chars[start - 1] == "." || chars[start - 1] == "," { return nil }
    let code = Self.text(chars[start..<index])
    guard [3, 5, 7].contains(code.count), codedRows[code] != nil else { return nil }
    var name = Array(chars[index..<end].drop { "-－—–".unicodeScalars.contains($0) })
    if let marker = Self.markers.first(where: { Self.ends(name, name.count, with: $0.text) }) {
      name.removeLast(marker.text.count)
    }
    if name.isEmpty { return (code, true) }
    return (code, names(of: code).contains(Self.core(Self.text(name))))
  }

  /// A chain of names with level markers ending at `end`; binds when the deepest name (with its
  /// parent, when the name alone is ambiguous) names exactly one coded row.
  func chain(_ chars: [Glyph], _ end: Int) -> NarrativeBinding? {
    var segments: [(name: String, digits: Int)] = []
    var index = end
    while let marker = Self.markers.first(where: { Self.ends(chars, index, with: $0.text) }), segments.count < 3 {
      let nameEnd = index - marker.text.count
      var start = nameEnd
      while start > 0, !Self.isBoundary(chars[start - 1]),
        !Self.markers.contains(where: { Self.ends(chars, start, with: $0.text) }),
        !(chars[start - 1] == "." || chars[start - 1] == "．")
      {
        start -= 1
      }
      segments.append((Table.normalizedLabel(Self.text(chars[start..<nameEnd])), marker.digits))
      index = start
    }
    guard let deepest = segments.first, !deepest.name.isEmpty else { return nil }
    let core = Self.core(deepest.name)
    var candidates = codedRows.keys.filter { $0.count == deepest.digits && names(of: $0).contains(core) }
    if candidates.count > 1, segments.count > 1 {
      let parent = Self.core(segments[1].name)
      candidates = candidates.filter { names(of: String($0.prefix(segments[1].digits))).contains(parent) }
    }
    guard candidates.count == 1, let code = candidates.first else { return nil }
    let figures = figures(code: code)
    return figures.isEmpty ? nil : NarrativeBinding(subject: "\(code) \(deepest.name)", figures: figures)
  }

  /// "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行" (a budget's way to name a subject:
  /// 类-款-项, the code left out) ending at `end`; binds like a chain of marked names.
  func dashChain(_ chars: [Glyph], _ end: Int) -> NarrativeBinding? {
    var start = end
    while start > 0, !Self.isBoundary(chars[start - 1]), end - start < 80 { start -= 1 }
    let segments = Self.text(chars[start..<end]).split(whereSeparator: { "-－—".contains($0) }).map {
      Table.normalizedLabel(String($0))
    }
    guard segments.count >= 2, let deepest = segments.last, !deepest.isEmpty else { return nil }
    let digits = segments.count == 2 ? 5 : 7
    let core = Self.core(deepest)
    var candidates = codedRows.keys.filter { $0.count == digits && names(of: $0).contains(core) }
    if candidates.count > 1 {
      let parent = Self.core(segments[segments.count - 2])
      candidates = candidates.filter { names(of: String($0.prefix(digits - 2))).contains(parent) }
    }
    guard candidates.count == 1, let code = candidates.first else { return nil }
    let figures = figures(code: code)
    return figures.isEmpty ? nil : NarrativeBinding(subject: "\(code) \(deepest)", figures: figures)
  }

  /// The compared forms of every name `code` carries in the tables and the catalogue, each once
  /// (worked out once per code). A short list: asking it for a name compares a few strings, where
  /// a set would hash the name (costly for CJK text) for every code tried.
  func names(of code: String) -> [String] {
    if let known = cache.names[code] { return known }
    var result: [String] = []
    func add(_ name: String) {
      let core = Self.core(name)
      if !result.contains(core) { result.append(core) }
    }
    for (_, row) in codedRows[code] ?? [] where !row.name.isEmpty { add(row.name) }
    for entry in catalogue.history(code: code) { add(entry.name) }
    cache.names[code] = result
    return result
  }

  /// The title of `table` as figures name it (worked out once per table).
  func figureTitle(_ table: Table) -> String {
    if let known = cache.titles[table.titleRange.lowerBound] { return known }
    let title = Table.normalizedLabel(table.title)
    cache.titles[table.titleRange.lowerBound] = title
    return title
  }

  /// Which of an anchor's look-ups.
  enum Reading: Int {
    case actual, budget, fiscal
  }

  /// The figures of an anchor's look-up (`make`), worked out once per anchor and reading.
  func lookUp(_ anchor: Int, _ reading: Reading, _ make: () -> [TableFigure]) -> [TableFigure] {
    let key = anchor * 3 + reading.rawValue
    if let known = cache.lookups[key] { return known }
    let figures = make()
    cache.lookups[key] = figures
    return figures
  }

  /// The binder's memo: names by code, figure titles by the table's first byte, anchors' figures
  /// by anchor and reading.
  final class Cache {
    var names: [String: [String]] = [:]
    var titles: [Int: String] = [:]
    var lookups: [Int: [TableFigure]] = [:]
  }

  /// A name as compared: whitespace, markers and a trailing "支出" removed.
  package static func core(_ name: String) -> String {
    var text = SubjectCatalogue.normalizedName(name)
    if text.utf8Text.hasSuffix("支出"), text.count > 3 { text.removeLast(2) }
    return text
  }

  func figures(code: String) -> [TableFigure] {
    (codedRows[code] ?? []).compactMap { table, row in figure(table, row, column: Self.totalColumn(of: table)) }
      + unreadFigures(.generalBudget, .expenditure, .income)
  }
}
