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
          if let cut = name.utf8Text.range(of: "单位：") ?? name.utf8Text.range(of: "金额单位") {
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
            let before = String(name[..<year.lowerBound]).trimmingCharacters(in: .decimalDigits)
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

  /// The first "20xx" (1990–2099) in a text: four ASCII digits with no digit either side.
  static func firstYear(in text: String) -> Int? {
    let year = text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      UTF8Text.hasSingleScalarCharacters(bytes) ? .some(firstYear(inBytes: bytes)) : nil
    }
    if let year = year ?? nil { return year }
    return firstYear(byCharacter: text)
  }

  /// `firstYear(in:)` of a single-scalar text, by its bytes.
  private static func firstYear(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var digits = 0
    var value = 0
    for byte in bytes {
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        value = digits <= 4 ? value * 10 + Int(byte - 0x30) : 0
        continue
      }
      if digits == 4, (1990...2099).contains(value) { return value }
      digits = 0
      value = 0
    }
    return digits == 4 && (1990...2099).contains(value) ? value : nil
  }

  /// `firstYear(in:)` by Characters, for any text.
  private static func firstYear(byCharacter text: String) -> Int? {
    var digits = ""
    for character in text {
      if character.isASCIIDigit {
        digits.append(character)
        continue
      }
      if digits.count == 4, let value = Int(digits), (1990...2099).contains(value) { return value }
      digits = ""
    }
    if digits.count == 4, let value = Int(digits), (1990...2099).contains(value) { return value }
    return nil
  }
}
