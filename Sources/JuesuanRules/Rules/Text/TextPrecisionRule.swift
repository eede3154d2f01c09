import JuesuanModel

/// An amount in 万元 written with more than two decimals ("24.854"), or a table cell with fewer
/// decimals than its column ("1,128.9").
struct TextPrecisionRule: Rule {
  static let description = RuleDescription(
    code: "text/precision",
    summary: "以万元为单位的金额应保留两位小数。",
    rationale: """
      决算金额由元折算为万元，统一保留两位小数。多于两位（如“24.854”）通常是折算遗漏或单元格被拆行后拼接的结果；\
      表内少于两位（如“1,128.9”“0.0”）与同栏其他数字精度不一致。只作提示；“四舍五入到两位”的修改需人工确认，\
      因为多出的位数也可能是被拆开的另一位数字。百分比、得分等非金额数字不检查。
      """,
    defaultSeverity: .information,
    nonTriggeringExamples: [
      .init("2023年度基本支出1,812.89万元，占比97.38%。"),
      // A ratio per person, not an amount.
      .init("2023年度机关运行经费支出68.50万元，人均公用经费0.685万元/人。"),
      .init("支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.00\t10.00\t15.00\n"),
    ],
    triggeringExamples: [
      .init("年初预算50.5万元，实际支出⟦39.586⟧万元。", fixed: "年初预算50.5万元，实际支出39.59万元。"),
      .init(
        "支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t⟦25.125⟧\t10.00\t15.13\n",
        fixed: "支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010301\t行政运行\t25.13\t10.00\t15.13\n"),
      .init("\t资金总额:\t50.5\t50.5\t⟦39.586⟧\t⟦10.914⟧\t78.39\n市县区财政资金\t50.50\t50.50\t⟦39.586⟧\t⟦10.914⟧\t78.39\n"),
    ])

  func check(_ report: Report, context: inout RuleContext) {
    var seen = Set<Int>()
    let source = report.source
    var tableLines = [Bool](repeating: false, count: source.lineCount)
    for table in report.tables where Table.Kind.standard.contains(table.kind) {
      let first = source.line(ofUTF8Offset: table.range.lowerBound)
      let last = source.line(ofUTF8Offset: max(table.range.lowerBound, table.range.upperBound - 1))
      for line in first...last { tableLines[line] = true }
      for panel in table.panels {
        // Each row's cells, taken once for all the columns.
        let rowCells = panel.rows.map { $0.cells }
        for column in panel.columns.indices {
          let cells = rowCells.compactMap { column < $0.count ? $0[column] : nil }
          let withAmount = cells.filter { $0.amount != nil && !$0.isDamaged }
          let twoDecimals = withAmount.filter { $0.amount?.decimals == 2 }.count
          for cell in cells {
            guard let amount = cell.amount, seen.insert(cell.range.lowerBound).inserted else { continue }
            context.ran()
            if Self.hasExtraDecimals(amount) {
              reportExtra(
                cell.text, amount, cell.range, damaged: cell.isDamaged, unit: table.unit ?? "万元", context: &context)
            } else if amount.decimals == 1, !cell.isDamaged, twoDecimals >= 2, twoDecimals * 2 >= withAmount.count {
              context.report(
                cell.range, "表内金额“\(cell.text)”只有一位小数，同栏其他金额保留两位：应写作“\(cell.text)0”",
                fixes: [Fix(title: "补足两位小数", edits: [TextEdit(range: cell.range, newText: cell.text + "0")])])
            }
          }
        }
      }
    }
    // Money rows of other tabular lines (self-evaluation tables: 资金总额、财政资金…).
    let bytes = source.bytes
    for line in 0..<source.lineCount where !tableLines[line] {
      let range = source.byteRange(ofLine: line)
      guard UTF8Text.firstOffset(of: Self.tab, in: bytes, from: range.lowerBound, before: range.upperBound) != nil
      else { continue }
      // The label's words, searched in its bytes: the cells are split only for a money row.
      guard let label = Self.firstCell(bytes, range), Self.isMoneyLabel(bytes[label]) else { continue }
      let cells = Self.tabCells(bytes, range)
      for cell in cells where cell != label {
        let text = source.text(in: cell)
        guard let amount = Amount(parsing: text), seen.insert(cell.lowerBound).inserted else { continue }
        context.ran()
        if Self.hasExtraDecimals(amount) {
          reportExtra(text, amount, cell, damaged: false, context: &context)
        }
      }
    }
    for paragraph in report.paragraphs {
      for number in paragraph.numbers where number.unit == .tenThousandYuan {
        context.ran()
        guard Self.hasExtraDecimals(number.value),
          // "人均公用经费0.685万元/人": a ratio, not an amount.
          !UTF8Text.has("/", at: number.textRange.upperBound, in: paragraph.utf8),
          !UTF8Text.has("／", at: number.textRange.upperBound, in: paragraph.utf8)
        else { continue }
        // The digits only, without the unit.
        var end = number.textRange.lowerBound
        while end < paragraph.utf8.count, Self.isNumberByte(paragraph.utf8[end]) { end += 1 }
        let textRange = number.textRange.lowerBound..<end
        let range = paragraph.sourceRange(ofTextRange: textRange)
        guard seen.insert(range.lowerBound).inserted else { continue }
        reportExtra(paragraph.text(in: textRange), number.value, range, damaged: false, context: &context)
      }
    }
  }

  private func reportExtra(
    _ text: String, _ amount: Amount, _ range: Range<Int>, damaged: Bool, unit: String = "万元",
    context: inout RuleContext
  ) {
    let rounded = text.utf8Text.contains(",") ? amount.grouped : amount.formatted(decimals: 2)
    if damaged {
      context.report(
        range, "金额“\(text)”有\(amount.decimals)位小数；该单元格疑被拆行拼接，请核对原值（\(unit)金额应保留两位小数）")
      return
    }
    context.report(
      range, "金额“\(text)”有\(amount.decimals)位小数，\(unit)金额应保留两位小数：应为“\(rounded)”（四舍五入）",
      fixes: [Fix(title: "四舍五入为 \(rounded)", edits: [TextEdit(range: range, newText: rounded)])])
  }

  /// More than two significant decimals ("84.5000" has two).
  static func hasExtraDecimals(_ amount: Amount) -> Bool {
    amount.decimals > 2 && amount.tenThousandths % 100 != 0
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
      || byte == UInt8(ascii: "-")
  }

  private static let moneyWords = ["资金", "金额", "万元"].map { Array($0.utf8) }
  private static let tab: [UInt8] = [0x09]

  /// A label of money: it holds 资金, 金额 or 万元, and no "%".
  private static func isMoneyLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
    let label = Array(bytes)
    return !label.contains(UInt8(ascii: "%")) && moneyWords.contains { UTF8Text.firstOffset(of: $0, in: label) != nil }
  }

  /// The first cell of `tabCells(bytes, range)` that is not blank, found without splitting the
  /// line.
  private static func firstCell(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound
    while start <= range.upperBound {
      var end = start
      while end < range.upperBound, bytes[end] != 0x09 { end += 1 }
      var low = start
      var high = end
      while low < high, bytes[low] == 0x20 { low += 1 }
      while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x0D { high -= 1 }
      if low < high { return low..<high }
      start = end + 1
    }
    return nil
  }

  /// The tab-separated cells of the line `range` of `bytes` (a source's), without the spaces
  /// around them (an empty range for a blank cell).
  /// - Complexity: O(n) in the line's length.
  private static func tabCells(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    result.reserveCapacity(bytes[range].count(where: { $0 == 0x09 }) + 1)
    var start = range.lowerBound
    for offset in range.lowerBound...range.upperBound where offset == range.upperBound || bytes[offset] == 0x09 {
      var low = start
      var high = offset
      while low < high, bytes[low] == 0x20 { low += 1 }
      while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x0D { high -= 1 }
      result.append(low..<high)
      start = offset + 1
    }
    return result
  }
}
