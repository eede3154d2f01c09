import JuesuanModel

/// The figures of a report's 政府采购 statements, each with what it is: "2024 年度政府采购金额为
/// 2319.21 万元…面向中小企业预留政府采购项目预算金额 2400.00 万元…由中小企业供应商中标或成交的，采购
/// 金额 2000.00 万元…授予小微企业合同金额 4.16 万元". Read so that the parts (what 中小企业 and, within
/// them, 小微企业 were given) can be held against their wholes.
package struct ProcurementFigures: AnalysisView {
  package static let elements: ReportElements? = [.paragraphs]

  /// What a figure of the statement is, read from the words before it.
  package enum Kind: Sendable, Equatable {
    /// 政府采购金额 or 政府采购支出总额: all contracts signed.
    case contracts
    /// 政府采购预算: the whole budget for procurement.
    case budget
    /// Awarded to 中小企业: in projects reserved for them, in other projects, or not said.
    case reservedAward, otherAward, award
    /// 面向中小企业预留…预算金额: budget reserved for 中小企业.
    case reservedBudget

    init?(label: String) {
      let text = label.utf8Text
      let small = text.contains("小微") || text.contains("小型和微型")
      let medium = text.contains("中小企业")
      if !medium, !small, !text.contains("货物"), !text.contains("工程"), !text.contains("服务"), !text.contains("预留") {
        if text.contains("政府采购金额") || text.contains("政府采购支出总额") {
          self = .contracts
          return
        }
        if text.hasSuffix("政府采购预算") {
          self = .budget
          return
        }
      }
      guard medium, !small else { return nil }
      if text.contains("预留"), text.hasSuffix("预算金额") {
        self = .reservedBudget
      } else if text.hasSuffix("采购金额") || text.hasSuffix("合同金额"), !text.contains("预算") {
        self = text.contains("预留") ? .reservedAward : text.contains("其他") ? .otherAward : .award
      } else {
        return nil
      }
    }
  }

  /// One figure and what it is.
  package struct Fact: Sendable {
    package var kind: Kind
    package var number: Paragraph.Number
  }

  /// A 小微企业 figure and the 中小企业 figure of the same measure (合同金额, 预算金额, 采购金额) it
  /// is part of: the nearest such before it in its paragraph.
  package struct SmallWithinMedium: Sendable {
    package var small: Paragraph.Number
    package var medium: Paragraph.Number
    package var measure: String
  }

  /// The facts of each section (the paragraphs under one heading) that states any, in the order of
  /// the text. Only paragraphs that name 政府采购 or 中小企业 are read.
  package let sections: [[Fact]]
  /// Every 小微企业 figure with the 中小企业 figure it is part of.
  package let smallWithinMedium: [SmallWithinMedium]

  package static let reads: [any AnalysisView.Type] = [NarrativeReaders.self]

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let paragraphs = input.report.paragraphs
    guard paragraphs.contains(where: { UTF8Text.firstOffset(of: Self.medium, in: $0.utf8) != nil }) else {
      (sections, smallWithinMedium) = ([], [])
      return
    }
    let readers = cache.view(NarrativeReaders.self)
    var sections: [[Fact]] = []
    var sectionOf: [Int?: Int] = [:]
    var pairs: [SmallWithinMedium] = []
    for (index, paragraph) in paragraphs.enumerated()
    where UTF8Text.firstOffset(of: Self.medium, in: paragraph.utf8) != nil
      || UTF8Text.firstOffset(of: Self.procurement, in: paragraph.utf8) != nil
    {
      let labels = Self.labelledAmounts(paragraph, readers[index])
      for (number, label) in labels {
        guard let kind = Kind(label: label) else { continue }
        let section = sectionOf[paragraph.headingIndex] ?? sections.count
        if section == sections.count {
          sectionOf[paragraph.headingIndex] = section
          sections.append([])
        }
        sections[section].append(Fact(kind: kind, number: number))
      }
      pairs += Self.smallWithinMedium(labels)
    }
    (self.sections, smallWithinMedium) = (sections, pairs)
  }

  private static let medium = Array("中小企业".utf8)
  private static let procurement = Array("政府采购".utf8)

  /// The amounts in 万元 of `paragraph`, each with the words since the previous amount or the
  /// start of its sentence: what the figure is.
  private static func labelledAmounts(_ paragraph: Paragraph, _ reader: NarrativeReader) -> [(
    number: Paragraph.Number, label: String
  )] {
    var labels: [(number: Paragraph.Number, label: String)] = []
    var from = 0
    for number in paragraph.numbers where number.unit == .tenThousandYuan {
      let sentenceStart = reader.sentences.first { $0.contains(number.textRange.lowerBound) }?.lowerBound ?? 0
      labels.append((number, reader.label(before: number, from: max(from, sentenceStart), limit: .max / 2)))
      from = number.textRange.upperBound
    }
    return labels
  }

  /// "授予中小企业合同金额 A 万元…其中：授予小微企业合同金额 B 万元": each 小微企业 (小型和微型企业)
  /// amount with the nearest 中小企业 amount before it that names the same measure.
  private static func smallWithinMedium(_ labels: [(number: Paragraph.Number, label: String)]) -> [SmallWithinMedium] {
    labels.indices.compactMap { index in
      let entry = labels[index]
      guard entry.label.utf8Text.contains("小微企业") || entry.label.utf8Text.contains("小型和微型企业") else { return nil }
      let measure = Self.measure(entry.label)
      guard measure.count == 4,
        let whole = labels[..<index].last(where: { other in
          other.label.utf8Text.contains("中小企业") && !other.label.utf8Text.contains("小微企业")
            && Self.measure(other.label) == measure
        })
      else { return nil }
      return SmallWithinMedium(small: entry.number, medium: whole.number, measure: measure)
    }
  }

  /// The measure of a label ("合同金额"): its last four characters, a budget's as "预算金额".
  private static func measure(_ label: String) -> String {
    label.utf8Text.hasSuffix("预算") ? "预算金额" : String(label.suffix(4))
  }
}
