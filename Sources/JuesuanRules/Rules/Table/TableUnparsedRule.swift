import JuesuanModel

/// A region that looks like a table but was not read as one, or the parts of a recognised table
/// that could not be read: the checks on them were skipped.
struct TableUnparsedRule: Rule {
  static let description = RuleDescription(
    code: "table/unparsed",
    summary: "看起来是表格、但未能读取的内容，相关核对已跳过。",
    rationale: """
      检查只对能读懂的表进行。没有可识别表名的表格（连续几行以制表符或竖线分栏，或每行有两个以上金额），\
      以及公开表中被分页、折行拆开而无法确定所在栏的数字，都不参与加总、勾稽等核对。\
      此提示让使用者知道哪些内容未被检查，以便人工复核或改正格式（如补上表名、合并被拆开的单元格）。
      """,
    defaultSeverity: .information,
    nonTriggeringExamples: [
      // The 栏次 row (1 … 12 with no label) is no broken cell.
      .init(
        "某县农业农村局2023年度部门决算\n\n财政拨款“三公”经费支出决算表\n\n金额单位：万元\n\n预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n30.00\t5.00\t17.00\t0.00\t17.00\t8.00\t24.37\t3.12\t15.80\t0.00\t15.80\t5.45\n"
      ),
      .init("支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n"),
      .init("本部门共有车辆 22 辆，其中：一般公务用车 12 辆。\n\n机关运行经费支出 355.09 万元。\n"),
    ],
    triggeringExamples: [
      .init("⟦项目\t预算数\t决算数⟧\n办公费\t12.50\t11.20\n印刷费\t3.00\t2.80\n差旅费\t6.00\t5.10\n")
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let source = report.source
    for table in report.tables where table.reading.status == .unread {
      context.ran()
      context.skip("“\(table.title)”未能读取（\(table.reading.reason ?? "读取结果不成立")），其加总、勾稽和叙述对照均未检查")
      context.report(
        table.titleRange,
        "“\(table.title)”未能可靠读取：\(table.reading.reason ?? "读取结果不成立")。本表的加总、勾稽和叙述对照均已跳过，请人工复核")
    }
    for table in report.tables where !table.damage.isEmpty && table.reading.status != .unread {
      context.ran()
      let shown = table.damage.prefix(3).joined(separator: "；")
      let more = table.damage.count > 3 ? "等 \(table.damage.count) 处" : ""
      context.report(
        table.titleRange,
        "“\(table.title)”有部分内容未能读取（\(shown)\(more)），涉及这些数字的核对已跳过，请人工复核")
    }
    var covered = [Bool](repeating: false, count: source.lineCount)
    for table in report.tables {
      let first = source.line(ofUTF8Offset: table.range.lowerBound)
      let last = source.line(ofUTF8Offset: max(table.range.lowerBound, table.range.upperBound - 1))
      for line in first...last { covered[line] = true }
    }
    var line = 0
    while line < source.lineCount {
      guard !covered[line], Self.isTabular(source, line) else {
        line += 1
        continue
      }
      var end = line
      var blanks = 0
      var amountLines = 0
      var next = line
      while next < source.lineCount, !covered[next] {
        if source.byteRange(ofLine: next).isEmpty || Self.isBlank(source, next) {
          blanks += 1
          if blanks > 1 { break }
        } else if Self.isTabular(source, next) {
          blanks = 0
          end = next
          if Self.amountCells(source.bytes[source.byteRange(ofLine: next)]) >= 2 { amountLines += 1 }
        } else {
          break
        }
        next += 1
      }
      let rows = (line...end).filter { !Self.isBlank(source, $0) }.count
      if rows >= 3, amountLines >= 2 {
        context.ran()
        let range = source.byteRange(ofLine: line)
        let trimmed = Self.trimmed(source, range)
        if let title = Self.titleAbove(source, line) {
          context.report(
            trimmed,
            "第 \(line: line)–\(line: end) 行的表格（\(rows) 行，表名“\(title)”）未能识别为已知的表，未能读取：其中的数字未参与任何核对，请人工复核"
          )
        } else {
          context.report(
            trimmed,
            "第 \(line: line)–\(line: end) 行看起来是表格（\(rows) 行），但没有可识别的表名，未能读取：其中的数字未参与任何核对。如是决算表或绩效自评表，请在表前写明表名（如“支出决算表”）"
          )
        }
      }
      line = end + 1
    }
  }

  /// A title-like line ("…表", "…表 (2023年度)") among the three non-blank lines above `line`.
  static func titleAbove(_ source: SourceText, _ line: Int) -> String? {
    var index = line - 1
    var seen = 0
    while index >= 0, seen < 3 {
      let text = source.text(ofLine: index).filter { !$0.isWhitespace && $0 != "#" && $0 != "*" }
      index -= 1
      guard !text.isEmpty else { continue }
      seen += 1
      if text.utf8Text.contains("表"), text.count <= 60, !text.utf8Text.contains("。"), !text.utf8Text.contains("\t") {
        return text
      }
    }
    return nil
  }

  /// A tab- or pipe-separated line with two or more cells, or a line with two or more amounts.
  /// Byte-level, as it looks at every line outside a table: a pipe row, a row of two or more
  /// tab-separated cells, or a space-aligned row of amounts without prose.
  static func isTabular(_ source: SourceText, _ line: Int) -> Bool {
    let range = source.byteRange(ofLine: line)
    let bytes = source.bytes
    var start = range.lowerBound
    while start < range.upperBound {
      if bytes[start] == 0x20 {
        start += 1
      } else if isIdeographicSpace(bytes, start, range.upperBound) {
        start += 3
      } else {
        break
      }
    }
    guard start < range.upperBound else { return false }
    if bytes[start] == UInt8(ascii: "|"), bytes[(start + 1)..<range.upperBound].contains(UInt8(ascii: "|")) {
      return true
    }
    // Byte searches (memchr): most lines outside tables are long prose lines.
    if UTF8Text.firstOffset(of: Self.tab, in: bytes, from: range.lowerBound, before: range.upperBound) != nil {
      var cells = 0
      var cellHasText = false
      for index in range.lowerBound...range.upperBound {
        if index == range.upperBound || bytes[index] == 0x09 {
          if cellHasText { cells += 1 }
          cellHasText = false
        } else if bytes[index] != 0x20, bytes[index] != 0x0D, !isIdeographicSpacePart(bytes, index) {
          cellHasText = true
        }
      }
      if cells >= 2 { return true }
    }
    // Space-aligned rows: two or more amounts and no prose (no sentence punctuation, no units).
    guard UTF8Text.firstOffset(of: Self.dot, in: bytes, from: range.lowerBound, before: range.upperBound) != nil else {
      return false
    }
    for word in Self.proseMarks
    where UTF8Text.firstOffset(of: word, in: bytes, from: range.lowerBound, before: range.upperBound) != nil {
      return false
    }
    return amountCells(bytes[range]) >= 2
  }

  /// `source.text(ofLine: line).allSatisfy(\.isWhitespace)`, read from the bytes: blank when
  /// every scalar is white space; not blank at the first other scalar when it stands alone (it
  /// starts a Character of its own after white space), else the Characters decide.
  static func isBlank(_ source: SourceText, _ line: Int) -> Bool {
    let range = source.byteRange(ofLine: line)
    let answer: Bool? = source.bytes.withUnsafeBufferPointer { bytes in
      var offset = range.lowerBound
      while offset < range.upperBound {
        let (scalar, length) = UTF8Text.scalar(in: bytes, at: offset)
        if !scalar.isWhiteSpace { return UTF8Text.standsAlone(scalar) ? false : nil }
        offset += length
      }
      return true
    }
    return answer ?? source.text(ofLine: line).allSatisfy(\.isWhitespace)
  }

  private static let proseMarks = ["。", "，", "；", "万元"].map { Array($0.utf8) }
  private static let tab: [UInt8] = [0x09]
  private static let dot: [UInt8] = [UInt8(ascii: ".")]

  private static func isIdeographicSpace(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Bool {
    index + 2 < end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
  }

  /// True when byte `index` is one of the three bytes of an U+3000 (E3 80 80).
  private static func isIdeographicSpacePart(_ bytes: [UInt8], _ index: Int) -> Bool {
    guard bytes[index] == 0xE3 || bytes[index] == 0x80 else { return false }
    return (max(0, index - 2)...index).contains { start in
      start + 2 < bytes.count && bytes[start] == 0xE3 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80
    }
  }

  /// Whitespace/tab/pipe separated cells that are numbers with decimals ("12.50", "1,862.53").
  static func amountCells(_ text: String) -> Int {
    guard text.utf8.contains(UInt8(ascii: ".")) else { return 0 }
    return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "\u{3000}" }).filter { cell in
      cell.utf8Text.contains(".") && Amount(parsing: cell) != nil
    }.count
  }

  /// `amountCells` of the text of `bytes`, split at the separators' bytes when every scalar stands
  /// alone (then the separators are the Characters the text splits at).
  static func amountCells(_ bytes: ArraySlice<UInt8>) -> Int {
    guard bytes.contains(UInt8(ascii: ".")) else { return 0 }
    let scalars = UTF8Text.scalarsWithOffsets(bytes)
    guard scalars.allSatisfy({ UTF8Text.standsAlone($0.scalar) }) else {
      return amountCells(String(decoding: bytes, as: UTF8.self))
    }
    var count = 0
    var start = bytes.startIndex
    for (scalar, offset) in scalars + [(" ", bytes.endIndex)]
    where scalar == " " || scalar == "\t" || scalar == "|" || scalar == "\u{3000}" {
      let cell = bytes[start..<offset]
      start = offset + UTF8.width(scalar)
      guard cell.contains(UInt8(ascii: ".")) else { continue }
      if Amount(parsing: Substring(String(decoding: cell, as: UTF8.self))) != nil { count += 1 }
    }
    return count
  }

  static func trimmed(_ source: SourceText, _ range: Range<Int>) -> Range<Int> {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high, source.bytes[low] == 0x20 || source.bytes[low] == 0x09 || source.bytes[low] == UInt8(ascii: "|") {
      low += 1
    }
    while high > low,
      source.bytes[high - 1] == 0x20 || source.bytes[high - 1] == 0x09 || source.bytes[high - 1] == UInt8(ascii: "|")
    {
      high -= 1
    }
    return low..<high
  }
}
