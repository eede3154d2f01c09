/// Rows of a coded table in the aligned shape: each code (or total label) anchors a row; a name
/// wrapped over several lines is joined from the lines around its anchor.
extension AlignedTableReader {
  /// A row being assembled: its anchor lines and the words on and around them.
  private struct Draft {
    var code: String?
    var codeWord: AlignedWord?
    /// The lines of the code and of its figures (one line, or two where the figures sit below).
    var anchorLines: [Int]
    var above: [AlignedWord] = []
    var onAnchor: [AlignedWord] = []
    var below: [AlignedWord] = []
    var cells: [Int: Table.Cell] = [:]
    var isCertain = true
    var hasBrokenCell = false
    var isNameUncertain = false

    var hasName: Bool { !onAnchor.isEmpty }
    var first: Int { anchorLines.first ?? 0 }
    var last: Int { anchorLines.last ?? 0 }
  }

  /// Assembles the rows of one group's lines (in order): a code starts a row; figures without a
  /// code start a labelled row (合计) or belong to the code just above that has none; a line of
  /// text alone is a piece of the nearest row's name (`assignFragments`).
  mutating func assembleRows(_ lines: [GroupLine], width: Int, wholeYuan: Bool) -> [Table.Row] {
    var drafts: [Draft] = []
    var fragments: [GroupLine] = []
    for line in lines {
      var words = line.words
      // Only a line's first word is a code; a code-like number later on is a figure ("合计 272").
      for index in words.indices.dropFirst() {
        if case .code(let code) = words[index].kind, let amount = Amount(parsing: code) {
          words[index].kind = .integer(Table.Cell(amount: amount, text: code, range: words[index].range))
        }
      }
      let texts = words.filter(\.isText)
      let hasFigures = !line.cells.isEmpty
      if let first = words.first, case .code(let code) = first.kind {
        var draft = Draft(code: code, codeWord: first, anchorLines: [line.line.index], onAnchor: texts)
        draft.cells = line.cells
        draft.isCertain = line.isCertain
        drafts.append(draft)
      } else if hasFigures {
        let label = texts.map(\.text).joined()
        let isTotal = Self.isTotalLabel(label)
        if !isTotal, let last = drafts.indices.last, drafts[last].code != nil, drafts[last].cells.isEmpty,
          line.line.index - drafts[last].last <= 2
        {
          // 06's right group: the code on one line, its name and figure on the next.
          drafts[last].anchorLines.append(line.line.index)
          drafts[last].onAnchor += texts
          drafts[last].cells = line.cells
          drafts[last].isCertain = line.isCertain
        } else if label.isEmpty, let last = drafts.indices.last, drafts[last].cells.isEmpty {
          drafts[last].anchorLines.append(line.line.index)
          drafts[last].cells = line.cells
          drafts[last].isCertain = line.isCertain
        } else if label.isEmpty, !drafts.isEmpty {
          damage.append("第 \(line: line.line.index) 行：有数字而没有科目或项目，无法确定属于哪一行")
        } else {
          var draft = Draft(code: nil, anchorLines: [line.line.index], onAnchor: texts)
          draft.cells = line.cells
          draft.isCertain = line.isCertain
          drafts.append(draft)
        }
      } else if !texts.isEmpty {
        fragments.append(line)
      }
    }
    assignFragments(fragments, to: &drafts)
    return drafts.compactMap { row(from: $0, width: width) }
  }

  /// 合计, 总计, 小计, 人员经费合计…: a row that totals others.
  static func isTotalLabel(_ label: String) -> Bool {
    let compact = Table.normalizedLabel(label)
    return compact.utf8Text.hasSuffix("合计") || compact.utf8Text.hasSuffix("总计") || compact == "小计"
  }

  /// Each line of text alone joins the name of the nearest row: above it, or below it. Where two
  /// rows are as near, the layout decides: a row whose anchor line has no name of its own takes
  /// the piece (names centred on their row); two rows that both have one leave it to the upper
  /// (names wrapped downwards).
  private func assignFragments(_ fragments: [GroupLine], to drafts: inout [Draft]) {
    guard !drafts.isEmpty else { return }
    var next = 0  // the first draft whose first anchor line is after the fragment
    for fragment in fragments {
      let line = fragment.line.index
      while next < drafts.count, drafts[next].first < line { next += 1 }
      let above = next > 0 ? next - 1 : nil
      let below = next < drafts.count ? next : nil
      let words = fragment.words.filter(\.isText)
      var target: Int?
      var isAbove = false  // the piece is above its row's anchor
      switch (above, below) {
      case (let a?, nil):
        if line - drafts[a].last <= 3 { target = a }
      case (nil, let b?):
        if drafts[b].first - line <= 3 {
          target = b
          isAbove = true
        }
      case (let a?, let b?):
        let up = line - drafts[a].last
        let down = drafts[b].first - line
        guard min(up, down) <= 3 else { break }
        let upper = drafts[a]
        let lower = drafts[b]
        if up < down {
          target = a
        } else if down < up {
          target = b
          isAbove = true
        } else if lower.code != nil, !lower.hasName, upper.hasName {
          target = b
          isAbove = true
        } else if lower.code != nil, !lower.hasName, !upper.hasName {
          // Both names centred on their rows: the piece could end the upper or open the lower.
          if upper.below.count >= upper.above.count {
            target = b
            isAbove = true
          } else {
            target = a
          }
          drafts[a].isNameUncertain = true
          drafts[b].isNameUncertain = true
        } else {
          target = a
        }
      case (nil, nil):
        break
      }
      guard let target else { continue }
      if isAbove {
        drafts[target].above += words
      } else {
        drafts[target].below += words
      }
    }
  }

  private func row(from draft: Draft, width: Int) -> Table.Row? {
    let nameWords = draft.above + draft.onAnchor + draft.below
    let name = nameWords.map(\.text).joined()
    guard draft.code != nil || !name.isEmpty || !draft.cells.isEmpty else { return nil }
    var cells = [Table.Cell?](repeating: nil, count: max(width, (draft.cells.keys.max() ?? -1) + 1))
    for (column, cell) in draft.cells { cells[column] = cell }
    while cells.last == .some(nil) { cells.removeLast() }
    var ranges = nameWords.map(\.range) + draft.cells.values.map(\.range)
    if let code = draft.codeWord { ranges.append(code.range) }
    let start = ranges.map(\.lowerBound).min() ?? 0
    let end = ranges.map(\.upperBound).max() ?? start
    var nameRange: Range<Int>?
    if let low = nameWords.map(\.range.lowerBound).min(), let high = nameWords.map(\.range.upperBound).max() {
      nameRange = low..<high
    }
    var row = Table.Row(
      code: draft.code, codeRange: draft.codeWord?.range, name: draft.code == nil && name.isEmpty ? "合计" : name,
      nameRange: nameRange, cells: cells, range: start..<end, line: draft.first)
    row.isPositional = draft.isCertain
    row.hasBrokenCell = draft.hasBrokenCell
    row.isNameUncertain = draft.isNameUncertain
    return row
  }
}
