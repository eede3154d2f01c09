/// Reads the lines of a self-evaluation table into a `SelfEvaluation` (see there). One pass with a
/// small state machine: title → funds header → funds rows → (资金管理情况) → indicator header →
/// indicator rows → 总分 → the prose after it.
enum SelfEvaluationReader {
  private enum State {
    case start, fundsHeader, funds, management, indicatorHeader, indicators, other, after
  }

  /// 0-based lines that hold a self-evaluation title.
  /// - Complexity: O(n) in the text.
  static func titleLines(in source: SourceText, lines: [Line]? = nil) -> [Int] {
    let marker = Array("自评".utf8)
    var result: [Int] = []
    var from = 0
    while let offset = UTF8Text.firstOffset(of: marker, in: source.bytes, from: from) {
      let index = source.line(ofUTF8Offset: offset)
      let range = source.byteRange(ofLine: index)
      from = range.upperBound + 1
      guard range.count < 400 else { continue }
      if isTitle(lines?[index] ?? Line(lookingAt: index, in: source)) { result.append(index) }
    }
    return result
  }

  static func isTitle(_ line: Line) -> Bool {
    let compact = line.compact
    guard compact.utf8Text.contains("自评"), line.compactCount <= 70, !compact.utf8Text.contains("。"),
      !compact.utf8Text.contains("……"),
      !compact.utf8Text.contains("...."), !compact.utf8Text.hasPrefix("详见")
    else { return false }
    var text = Substring(compact)
    if text.utf8Text.hasSuffix("年度)") || text.utf8Text.hasSuffix("年度）"),
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    {
      text = text[..<open]
    }
    return text.utf8Text.hasSuffix("表")
  }

  /// The bytes `read(titleLine:end:source:)` reads: whole lines from the title to `end`, at
  /// most 700 of them.
  static func region(titleLine: Int, end: Int, source: SourceText) -> Range<Int> {
    let last = min(end, titleLine + 700, source.lineCount)
    return source.lineStarts[titleLine]..<(last < source.lineCount ? source.lineStarts[last] : source.bytes.count)
  }

  /// Reads the table whose title is on `titleLine`, from lines before `end`: `lines` when the
  /// parser has them (`Line.all(of: source)`), else lines read from `source`.
  static func read(titleLine: Int, end: Int, source: SourceText, lines: [Line]? = nil) -> SelfEvaluation? {
    func line(_ index: Int) -> Line { lines?[index] ?? Line(lookingAt: index, in: source) }
    let title = line(titleLine)
    var lastLine = min(end, titleLine + 700, source.lineCount)
    var evaluation = SelfEvaluation(
      title: title.plain(in: source), titleRange: title.trimmedRange, range: title.range, lines: titleLine..<lastLine)
    evaluation.region = region(titleLine: titleLine, end: end, source: source)
    findYear(in: title, source: source, into: &evaluation)
    var state = State.start
    var fundsHeader = ""
    var headerCells: (count: Int, columns: [(Int, SelfEvaluation.FundsColumn)])?
    var indicatorHeader = ""
    var pending: [String] = []
    var levels = ("", "")
    var partial: (label: Item?, values: [Item?], line: Int)?
    var proseStart: Int?

    func finishPartial() {
      guard let row = partial else { return }
      partial = nil
      addFundsRow(label: row.label, values: row.values, line: row.line, positional: nil, into: &evaluation)
    }

    var index = titleLine + 1
    while index < lastLine {
      defer { index += 1 }
      let line = line(index)
      if line.isBlank { continue }
      let compact = line.compact
      if compact.utf8Text.hasPrefix("第"), compact.utf8Text.contains("部分"), line.compactCount <= 30 {
        lastLine = index
        break
      }
      if evaluation.year == nil, index <= titleLine + 3 { findYear(in: line, source: source, into: &evaluation) }
      if state == .after { continue }
      let items = items(of: line, in: source)
      if compact.utf8Text.hasPrefix("项目名称") {
        let rest = items.drop { !$0.text.utf8Text.hasSuffix("项目名称") && $0.text != "项目名称" }.dropFirst()
          .filter { !$0.text.isEmpty }
        if let first = rest.first, let last = rest.last {
          evaluation.projectName = rest.map(\.text).joined(separator: " ")
          evaluation.projectNameRange = first.range.lowerBound..<last.range.upperBound
        }
        continue
      }
      if state == .start { readUnitFields(items, into: &evaluation) }
      if compact.utf8Text.hasPrefix("总分") {
        finishPartial()
        evaluation.total = readTotal(items, line: index)
        state = .after
        proseStart = index + 1
        continue
      }
      let numbers = items.reduce(0) { $0 + ($1.isFigure ? 1 : 0) }  // how many figures the line holds
      let bareRun = trailingRun(items)
      switch state {
      case .indicators:
        if compact.utf8Text.contains("一级指标") && numbers == 0 {
          state = .indicatorHeader
          indicatorHeader = compact
        } else if !readIndicator(
          items, line: line, header: indicatorHeader, pending: &pending, levels: &levels, management: false,
          into: &evaluation)
        {
          pending.append(compact)
        }
        continue
      case .indicatorHeader:
        if bareRun >= (indicatorHeader.utf8Text.contains("偏差度") ? 3 : 2) {
          state = .indicators
          _ = readIndicator(
            items, line: line, header: indicatorHeader, pending: &pending, levels: &levels, management: false,
            into: &evaluation)
        } else if isIndicatorHeaderWord(compact) {
          indicatorHeader += compact
        } else {
          pending.append(compact)
        }
        continue
      case .management:
        if bareRun >= 2 {
          _ = readIndicator(
            items, line: line, header: "", pending: &pending, levels: &levels, management: true, into: &evaluation)
          continue
        }
      case .fundsHeader:
        if numbers >= 2 {
          evaluation.fundsColumns = fundsColumns(fundsHeader)
          state = .funds
        } else {
          fundsHeader += compact
          if line.shape == .tabbed || line.shape == .piped {
            let cells = items.enumerated().compactMap { offset, item in
              fundsColumns(item.text.utf8Text.removingWhitespace()).first.map { (offset, $0) }
            }
            if cells.count > (headerCells?.columns.count ?? 0) { headerCells = (line.pieces(in: source).count, cells) }
          }
          continue
        }
      default:
        break
      }
      let continues = partial != nil && line.shape == .plain && items.first.flatMap(leadingNumber) != nil
      if state == .funds, numbers > 0 || continues {
        let positional =
          line.shape == .tabbed && headerCells?.count == line.pieces(in: source).count ? headerCells?.columns : nil
        if var row = partial, line.shape == .plain, let first = items.first, leadingNumber(first) != nil,
          row.values.count < evaluation.fundsColumns.count
        {
          for item in items {
            if let number = leadingNumber(item) { row.values.append(number) } else { break }
          }
          partial = row
          if row.values.count >= evaluation.fundsColumns.count { finishPartial() }
          continue
        }
        finishPartial()
        let firstValue = items.firstIndex { figure($0) != nil || TableToken.isDash($0.text) } ?? 0
        let labelItems = items[..<firstValue].filter { !$0.text.isEmpty }
        let label: Item? =
          labelItems.isEmpty
          ? nil
          : Item(
            text: labelItems.map(\.text).joined(),
            range: labelItems[0].range.lowerBound..<labelItems[labelItems.count - 1].range.upperBound)
        let rowValues: [Item?] = Array(items[firstValue...]).filter { figure($0) != nil || TableToken.isDash($0.text) }
          .map { figure($0) == nil ? nil : $0 }
        if line.shape == .plain, rowValues.count < evaluation.fundsColumns.count {
          partial = (label, rowValues, index)
        } else {
          addFundsRow(
            label: label, values: rowValues, line: index, positional: positional.map { ($0, items) }, into: &evaluation)
        }
        continue
      }
      // Lines without figures move between the blocks.
      if numbers == 0 || state == .start || state == .other || state == .management {
        if compact.utf8Text.contains("一级指标") {
          finishPartial()
          state = .indicatorHeader
          indicatorHeader = compact
          pending = []
        } else if compact.utf8Text.contains("资金管理情况") {
          finishPartial()
          state = .management
          pending = []
        } else if state != .funds && state != .management && isFundsHeader(compact) && numbers < 2 {
          state = .fundsHeader
          fundsHeader = compact
          if line.shape == .tabbed || line.shape == .piped {
            let cells = items.enumerated().compactMap { offset, item in
              fundsColumns(item.text.utf8Text.removingWhitespace()).first.map { (offset, $0) }
            }
            if !cells.isEmpty { headerCells = (line.pieces(in: source).count, cells) }
          }
        } else if compact.utf8Text.contains("目标") && (state == .funds || state == .management) {
          finishPartial()
          state = .other
        } else if state == .management, !(compact.utf8Text.contains("分值") && compact.utf8Text.contains("得分")) {
          pending.append(line.plain(in: source))
        }
      }
    }
    finishPartial()
    guard !evaluation.funds.isEmpty || !evaluation.indicators.isEmpty || evaluation.total != nil else { return nil }
    let endOffset =
      lastLine > titleLine + 1 ? source.byteRange(ofLine: lastLine - 1).upperBound : title.range.upperBound
    evaluation.range = title.range.lowerBound..<max(title.range.upperBound, endOffset)
    evaluation.lines = titleLine..<lastLine
    evaluation.proseLines = min(proseStart ?? lastLine, lastLine)..<lastLine
    return evaluation
  }

  private static let unitLabels = [
    "实施单位", "预算单位", "部门(单位)名称", "部门（单位）名称", "单位名称", "主管部门", "主管单位", "主管部门及代码",
  ]

  /// "主管单位→→福州市…→→实施单位→福州市…": each unit label and the cell after it.
  private static func readUnitFields(_ items: [Item], into evaluation: inout SelfEvaluation) {
    let cells = items.filter { !$0.text.isEmpty }
    for (index, cell) in cells.enumerated() where index + 1 < cells.count {
      let label = cell.text.utf8Text.removingWhitespace()
      guard label.utf8Text.isSame(asAnyOf: unitLabels) else { continue }
      let value = cells[index + 1]
      guard !value.text.utf8Text.removingWhitespace().utf8Text.isSame(asAnyOf: unitLabels) else { continue }
      evaluation.unitFields.append(SelfEvaluation.UnitField(label: label, value: value.text, range: value.range))
    }
  }

  /// How many plain numbers end the row (after its trailing text: a reason, a stray "100%");
  /// items with empty text are passed over.
  static func trailingRun(_ items: [Item]) -> Int {
    var index = items.count
    while index > 0, !items[index - 1].isNumber { index -= 1 }
    var run = 0
    while index > 0, items[index - 1].isNumber || items[index - 1].text.isEmpty {
      if items[index - 1].isNumber { run += 1 }
      index -= 1
    }
    return run
  }

  private static func findYear(in line: Line, source: SourceText, into evaluation: inout SelfEvaluation) {
    let bytes = source.bytes[line.trimmedRange]
    let base = line.trimmedRange.lowerBound
    let suffix = Array("年度".utf8)
    var index = base
    while index + 4 <= bytes.endIndex {
      let digits = bytes[index..<(index + 4)]
      if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        index == base || !(bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39)
      {
        var after = index + 4
        while after < bytes.endIndex, bytes[after] == 0x20 { after += 1 }
        if bytes[after...].starts(with: suffix), let year = Int(String(decoding: digits, as: UTF8.self)) {
          evaluation.year = year
          evaluation.yearRange = index..<(after + suffix.count)
          return
        }
      }
      index += 1
    }
  }

  /// The wrapped pieces of an indicator header ("年度指标" / "值", "偏差原因分析及改进" / "措施").
  private static func isIndicatorHeaderWord(_ compact: String) -> Bool {
    let words = ["偏差", "措施", "改进", "分值", "得分", "指标值", "完成值", "年度指标", "实际完成", "绩效指标", "三级指标"]
    return words.contains { compact.utf8Text.contains($0) } || ["值", "分", "施"].contains(compact)
  }
}
