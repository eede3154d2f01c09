internal import JuesuanModel
internal import JuesuanRules
internal import LanguageServerProtocol

extension Server {
  /// The outline: parts containing sections containing subsections, tables under the heading
  /// they follow.
  func documentSymbols(_ snapshot: Snapshot) -> [DocumentSymbol] {
    let source = snapshot.document.source
    let report = snapshot.result.report
    // Each report of the file by its kind (部门决算, 单位预算…): the root of its headings when the
    // file holds several, a first entry of its own when it holds one.
    let parts = snapshot.result.parts
    var items: [OutlineItem] = parts.map { part in
      let first = source.line(ofUTF8Offset: part.range.lowerBound) + 1
      let start = part.range.lowerBound
      return OutlineItem(
        name: part.kind.rawValue, detail: "第 \(first) 行起", kind: 1, depth: 0,
        range: parts.count > 1 ? part.range : start..<start, selection: start..<start, isLeaf: parts.count == 1)
    }
    items += report.headings.map {
      OutlineItem(
        name: $0.text, detail: nil, kind: $0.level == .part ? 2 : 3, depth: $0.level.rawValue, range: $0.range,
        selection: $0.range)
    }
    items += report.tables.map { table in
      let selection = table.range.contains(table.titleRange.lowerBound) ? table.titleRange : table.range
      let name = table.title.isEmpty ? table.kind.officialTitle : table.title
      return OutlineItem(
        name: name, detail: table.kind == .unknown ? nil : "表 \(table.kind.rawValue)", kind: 18, depth: 4,
        range: table.range, selection: selection)
    }
    items.sort { ($0.range.lowerBound, $0.depth) < ($1.range.lowerBound, $1.depth) }
    // A heading runs to the next heading of the same or a higher level.
    for index in items.indices where items[index].depth < 4 && !items[index].isLeaf {
      let next = items[(index + 1)...].first { $0.depth <= items[index].depth }
      let end = max(items[index].range.upperBound, next?.range.lowerBound ?? source.bytes.count)
      items[index].range = items[index].range.lowerBound..<end
    }
    var roots: [OutlineItem] = []
    var stack: [OutlineItem] = []
    func close() {
      let finished = stack.removeLast()
      if stack.isEmpty {
        roots.append(finished)
      } else {
        stack[stack.count - 1].children.append(finished)
        let parent = stack[stack.count - 1].range
        stack[stack.count - 1].range = parent.lowerBound..<max(parent.upperBound, finished.range.upperBound)
      }
    }
    for item in items {
      while let top = stack.last, top.depth >= item.depth || top.depth == 4 || top.isLeaf { close() }
      stack.append(item)
    }
    while !stack.isEmpty { close() }
    return roots.map { $0.symbol(in: source, encoding: encoding) }
  }
}

private struct OutlineItem {
  var name: String
  var detail: String?
  var kind: Int
  var depth: Int
  var range: Range<Int>
  var selection: Range<Int>
  /// Holds nothing, whatever comes after it (a single report's kind).
  var isLeaf = false
  var children: [OutlineItem] = []

  func symbol(in source: SourceText, encoding: PositionEncoding) -> DocumentSymbol {
    let clampedSelection =
      max(
        selection.lowerBound, range.lowerBound)..<max(
        max(selection.lowerBound, range.lowerBound), min(selection.upperBound, range.upperBound))
    return DocumentSymbol(
      name: Self.displayName(name), detail: detail, kind: kind,
      range: source.positionRange(of: range, encoding: encoding),
      selectionRange: source.positionRange(of: clampedSelection, encoding: encoding),
      children: children.isEmpty ? nil : children.map { $0.symbol(in: source, encoding: encoding) })
  }

  /// The name with whitespace runs (tabs of a contents line, wrapped titles) shown as one space.
  private static func displayName(_ name: String) -> String {
    let words = name.split(whereSeparator: \.isWhitespace)
    return words.isEmpty ? "（无标题）" : words.joined(separator: " ")
  }
}
