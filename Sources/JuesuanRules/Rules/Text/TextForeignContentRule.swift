import Foundation
import JuesuanModel

/// A self-evaluation table of another year than the report's ("(2022年度)" in a 2023 report), or
/// evaluation prose about an older year's results pasted in from another report.
struct TextForeignContentRule: Rule {
  static let description = RuleDescription(
    code: "text/foreign-content",
    summary: "附件中的自评表和评价报告应属于本报告年度：不应出现他年的自评表，或他年评价报告的残留内容。",
    rationale:
      "自评表和评价报告最常从往年或其他单位的材料复制。检查自评表的“(XXXX年度)”，以及总分行之后评价文字中早于报告年度（和项目名称所含年份）的“XXXX年”；文号〔2021〕、起止期间“2020年-2022年”不算。",
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "部门：示例市教育局\n"
          + PerfExamples.table(score: "100", secondScore: "40").replacingOccurrences(
            of: "项目名称\t\t示例培训项目", with: "项目名称\t\t示例培训项目\n主管部门\t示例市政府\t实施单位\t002-示例市教育局")),
      .init(PerfExamples.table(score: "100", secondScore: "40") + "\n与2022年相比，2023年服务对象增加到12万人，自2019年起开展。\n"),
      .init(
        PerfExamples.table(score: "100", secondScore: "40")
          + "\n本项目系2021年市委确定的民生实事项目，2021年以来累计惠及群众5万人，2020年6月经市政府常务会议研究确定实施。\n"),
      // A unit under the department carries out its project: named among the report's units, or
      // the department is the table's 主管部门.
      .init(
        "部门：示例市教育局\n\n示例市教育局部门决算包括：本级和所属事业单位示例市教育服务中心。\n\n"
          + PerfExamples.table(score: "100", secondScore: "40").replacingOccurrences(
            of: "项目名称\t\t示例培训项目", with: "项目名称\t\t示例培训项目\n实施单位\t示例市教育服务中心")),
      .init(
        "部门：示例市教育局\n"
          + PerfExamples.table(score: "100", secondScore: "40").replacingOccurrences(
            of: "项目名称\t\t示例培训项目", with: "项目名称\t\t示例培训项目\n主管部门\t示例市教育局\t实施单位\t示例市教育服务中心")),
    ],
    triggeringExamples: [
      .init(PerfExamples.table(score: "100", secondScore: "40", year: "⟦2022年度⟧")),
      .init(
        "部门：示例市教育局\n"
          + PerfExamples.table(score: "100", secondScore: "40").replacingOccurrences(
            of: "项目名称\t\t示例培训项目", with: "项目名称\t\t示例培训项目\n实施单位\t⟦示例市财政局⟧")),
      .init(PerfExamples.table(score: "100", secondScore: "40") + "\n⟦2021年⟧服务对象数量为 12 万人，均完成目标值。\n"),
    ])

  static let elements: ReportElements? = [.evaluations, .paragraphs]

  func check(_ report: Report, context: inout RuleContext) {
    guard let reportYear = report.year else {
      context.skip("报告年度未知，未检查附件年度")
      return
    }
    for evaluation in report.selfEvaluations {
      if let year = evaluation.year, let range = evaluation.yearRange {
        context.ran()
        if year != reportYear {
          context.report(
            range, "本报告为 \(reportYear) 年度，这张自评表却是 \(year) 年度的（《\(evaluation.title)》），可能是他年材料的残留")
        }
      }
      if let unit = report.unitName?.utf8Text.removingWhitespace(), unit.count >= 4 {
        // A project of the department's carried out by a unit under it: the table's 主管部门 is
        // the report's unit, or the narrative names the implementing unit (in the report's units).
        let supervised = evaluation.unitFields.contains { field in
          !field.isImplementingUnit && field.value.utf8Text.removingWhitespace().utf8Text.contains(unit)
        }
        for field in evaluation.unitFields where field.isImplementingUnit && !supervised {
          // "002001-长治市上党区人民政府办公室": the budget code is not part of the name.
          let name = String(field.value.utf8Text.removingWhitespace().drop { $0.isASCII })
          guard name.count >= 4 else { continue }
          context.ran()
          let named = report.paragraphs.contains { $0.text.utf8Text.removingWhitespace().utf8Text.contains(name) }
          if !named, !name.utf8Text.contains(unit) && !unit.utf8Text.contains(name) {
            context.report(
              field.range, "自评表的\(field.label)是“\(name)”，不是本报告的单位“\(unit)”，可能是其他单位材料的残留")
          }
        }
      }
      // Years named by the project itself ("2022年省级数字人民币试点奖补资金") are its own.
      let ownYears = Self.years(in: (evaluation.projectName ?? "") + evaluation.title).map(\.year)
      let oldest = ([reportYear] + ownYears).min() ?? reportYear
      for line in evaluation.proseLines {
        let lineRange = report.source.byteRange(ofLine: line)
        let bytes = Array(report.source.bytes[lineRange])
        let start = lineRange.lowerBound
        for found in Self.years(in: bytes, before: oldest) where found.year >= 2000 {
          context.ran()
          // Comparisons and history ("与2022年相比", "自2019年起") are not residue; last year only
          // when it names a project ("2022年档案整理项目").
          let lead = String(decoding: bytes.prefix(found.range.lowerBound).suffix(9), as: UTF8.self)
          if ["较", "与", "比", "自", "从", "截至", "于", "同", "上", "系", "是", "在", "以"].contains(where: {
            lead.utf8Text.hasSuffix($0)
          }) {
            continue
          }
          // The project's own history: since then ("2021年以来"), or a decision dated that year
          // ("2020年6月经…确定").
          // (The next 20 characters; 60 bytes hold them when they are Chinese.)
          let after = String(decoding: bytes[found.range.upperBound...].prefix(60), as: UTF8.self).prefix(20)
          if ["以来", "起"].contains(where: { after.utf8Text.hasPrefix($0) })
            || ["确定", "批复", "立项"].contains(where: { after.utf8Text.contains($0) })
          {
            continue
          }
          if found.year == reportYear - 1 {
            let tail = String(decoding: bytes.dropFirst(found.range.upperBound).prefix(45), as: UTF8.self)
            guard let project = tail.utf8Text.range(of: "项目"),
              !tail[..<project.lowerBound].contains(where: { "，。,；".utf8Text.contains($0) })
            else { continue }
          }
          let range = (start + found.range.lowerBound)..<(start + found.range.upperBound)
          context.report(
            range,
            "本报告为 \(reportYear) 年度\(ownYears.isEmpty ? "" : "（项目名称所含年份 \(ownYears.map(String.init).joined(separator: "、"))）")，评价文字却写 \(found.year) 年，可能是他年或其他项目材料的残留"
          )
        }
      }
    }
  }

  /// "2021年" / "2021 年" in `text` (byte ranges), not a document number (〔2021〕), not part of a
  /// period ("2020年-2022年", "2019年至2023年").
  static func years(in text: String) -> [(year: Int, range: Range<Int>)] { years(in: Array(text.utf8)) }

  /// `years(in:)` of UTF-8 `bytes`, only those before `limit`.
  /// - Complexity: O(n) in the bytes.
  static func years(in bytes: [UInt8], before limit: Int = .max) -> [(year: Int, range: Range<Int>)] {
    let nian = Array("年".utf8)
    var result: [(Int, Range<Int>)] = []
    var index = 0
    func isDigit(_ at: Int) -> Bool { at >= 0 && at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
    while index + 4 <= bytes.count {
      defer { index += 1 }
      guard isDigit(index), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), !isDigit(index - 1),
        !isDigit(index + 4)
      else { continue }
      var after = index + 4
      while after < bytes.count, bytes[after] == 0x20 { after += 1 }
      guard bytes[after...].starts(with: nian),
        let year = Int(String(decoding: bytes[index..<(index + 4)], as: UTF8.self)), year < limit
      else { continue }
      let end = after + nian.count
      let before = String(decoding: bytes[max(0, index - 3)..<index], as: UTF8.self)
      let following = String(decoding: bytes[end..<min(bytes.count, end + 6)], as: UTF8.self)
      if before.utf8Text.hasSuffix("-") || before.utf8Text.hasSuffix("—") || before.utf8Text.hasSuffix("至")
        || before.utf8Text.hasSuffix("〔")
        || before.utf8Text.hasSuffix("[") || before.utf8Text.hasSuffix("(") || before.utf8Text.hasSuffix("（")
      {
        continue
      }
      if following.utf8Text.hasPrefix("-") || following.utf8Text.hasPrefix("—") || following.utf8Text.hasPrefix("至")
        || following.utf8Text.hasPrefix("～")
        || following.utf8Text.hasPrefix("~")
      {
        continue
      }
      result.append((year, index..<end))
      index = end - 1
    }
    return result
  }
}
