import Foundation

/// The cover: the report's year and unit.
extension ReportParser {
  /// The report's kind, from its title and its tables' titles: a budget when its tables are a
  /// budget's (or, without tables, its title names a 预算 and no 决算); a unit's when the title
  /// or the tables say 单位预算 / 单位决算 / 预算单位.
  static func kind(of report: Report, title: String) -> Report.Kind {
    let standard = report.tables.filter { Table.Kind.standard.contains($0.kind) }
    // The tables that say which they are vote (a budget's 预算表, a final's 决算表); a title that
    // says neither ("…三公经费支出表") does not. With no votes or a tie, the report's title decides.
    let budgetTables = standard.filter(\.isBudget).count
    let finalTables = standard.filter { $0.title.utf8Text.contains("决算") }.count
    let isBudget =
      budgetTables == finalTables
      ? title.utf8Text.contains("预算") && !title.utf8Text.contains("决算") : budgetTables > finalTables
    let names = [title] + standard.map { $0.title.utf8Text.removingWhitespace() }
    let isUnit = names.contains { name in
      ["单位预算", "单位决算", "预算单位", "单位“三公”", "单位\"三公\""].contains { name.utf8Text.contains($0) }
    }
    switch (isBudget, isUnit) {
    case (true, true): return .unitBudget
    case (true, false): return .departmentBudget
    case (false, true): return .unitFinal
    case (false, false): return .departmentFinal
    }
  }

  /// The report year and unit name, from the cover, the title or a 部门： line.
  static func readCover(_ lines: [Line], into report: inout Report) {
    for line in lines.prefix(80) {
      let text = line.compact
      // "2023年度…部门决算", or a budget's "上海市普陀区2025年区级部门预算".
      let namesYear =
        text.utf8Text.contains("年度")
        || text.utf8Text.contains("年") && text.utf8Text.contains("预算") && line.compactCount <= 30
      if report.year == nil, namesYear, let year = firstYear(in: text),
        line.compactCount <= 30 || text.utf8Text.contains("决算")
      {
        report.year = year
        report.yearRange = line.range
      }
      if report.unitName == nil {
        for prefix in ["部门名称：", "单位名称：", "预算主管部门：", "预算单位：", "部门：", "单位：", "部门:"]
        where text.utf8Text.hasPrefix(prefix) {
          var name = String(text.dropFirst(prefix.count))
          // "部门：某某局	金额单位：万元": the name ends where the unit begins (金额 included).
          if let cut = name.utf8Text.range(of: "金额单位") ?? name.utf8Text.range(of: "单位：")
            ?? name.utf8Text.range(of: "单位:")
          {
            name = String(name[..<cut.lowerBound])
          }
          if !name.isEmpty, !name.utf8Text.hasPrefix("万元"), !name.utf8Text.hasPrefix("元") {
            report.unitName = name
            report.unitNameRange = line.range
          }
        }
      }
    }
    if report.unitName == nil {
      // Cover lines: "福州市晋安区人民政府" / "办公室部门决算".
      var joined = ""
      // joined.count, summed while every line's scalars are its Characters (then no two lines'
      // Characters join where they meet).
      var joinedCount: Int? = 0
      var start: Int?
      for line in lines.prefix(20) where !line.isBlank {
        let text = line.compact
        if firstYear(in: text) != nil && line.compactCount <= 8 { continue }
        // A sentence before the cover ("前言。") is no part of the name.
        if text.hasSuffix("。") {
          joined = ""
          joinedCount = 0
          start = nil
          continue
        }
        if start == nil { start = line.range.lowerBound }
        joined += text
        joinedCount = line.hasSingleScalarCharacters ? joinedCount.map { $0 + line.compactCount } : nil
        if let end = joined.utf8Text.range(of: "部门决算") ?? joined.utf8Text.range(of: "决算") {
          var name = String(joined[..<end.lowerBound])
          if let year = name.utf8Text.range(of: "年度") {
            // "2023年度X部门决算" or "X2023年度部门决算": the name is the longer side of the year.
            var before = String(name[..<year.lowerBound]).trimmingCharacters(in: .decimalDigits)
            // "某某局二〇二三年度": a year in Chinese numerals is no part of the name either.
            if before.unicodeScalars.count > 4, firstYear(in: String(before.unicodeScalars.suffix(4))) != nil {
              before = String(before.unicodeScalars.dropLast(4))
            }
            let after = String(name[year.upperBound...])
            name = before.count >= after.count ? before : after
          }
          if name.count >= 4 {
            report.unitName = name
            report.unitNameRange = (start ?? 0)..<line.range.upperBound
          }
          break
        }
        if (joinedCount ?? joined.count) > 60 { break }
      }
    }
  }

  /// The first year (1990–2099) in a text: four year digits with no such digit either side,
  /// written in ASCII or full-width digits ("2023", "２０２３") or in Chinese numerals as titles
  /// write them ("二〇二三年度", "二零二三年"); the two kinds are not mixed in one year.
  static func firstYear(in text: String) -> Int? {
    let year = text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      UTF8Text.hasSingleScalarCharacters(bytes) ? .some(firstYear(inBytes: bytes)) : nil
    }
    if let year = year ?? nil { return year }
    return firstYear(byCharacter: text)
  }

  /// `firstYear(in:)` of a single-scalar text, by its bytes.
  private static func firstYear(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var run = YearRun()
    var offset = 0
    while offset < bytes.count {
      let (scalar, length) = UTF8Text.scalar(in: bytes, at: offset)
      if let year = run.read(scalar) { return year }
      offset += length
    }
    return run.end()
  }

  /// `firstYear(in:)` by Characters, for any text.
  private static func firstYear(byCharacter text: String) -> Int? {
    var run = YearRun()
    for character in text {
      let scalar = character.unicodeScalars.count == 1 ? character.unicodeScalars.first ?? " " : " "
      if let year = run.read(scalar) { return year }
    }
    return run.end()
  }

  /// A run of year digits being read, scalar by scalar.
  private struct YearRun {
    var digits = 0
    var value = 0
    var isChinese = false

    /// Reads `scalar`; the year when it ends a run of four that is one.
    mutating func read(_ scalar: Unicode.Scalar) -> Int? {
      guard let (digit, chinese) = Self.digit(scalar) else { return end() }
      if digits > 0, chinese != isChinese, let year = end() { return year }
      isChinese = chinese
      digits += 1
      value = digits <= 4 ? value * 10 + digit : 0
      return nil
    }

    /// Ends the run: its year, when it is four digits from 1990 to 2099.
    mutating func end() -> Int? {
      defer { (digits, value) = (0, 0) }
      return digits == 4 && (1990...2099).contains(value) ? value : nil
    }

    /// A year digit: 0–9, ０–９, or 〇○零一二三四五六七八九 (then `chinese`).
    static func digit(_ scalar: Unicode.Scalar) -> (digit: Int, chinese: Bool)? {
      switch scalar.value {
      case 0x30...0x39: return (Int(scalar.value - 0x30), false)
      case 0xFF10...0xFF19: return (Int(scalar.value - 0xFF10), false)
      default: break
      }
      guard let digit = chineseDigits[scalar] else { return nil }
      return (digit, true)
    }

    private static let chineseDigits: [Unicode.Scalar: Int] = [
      "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
  }
}
