import JuesuanModel

/// A final's account of its 一般公共预算财政拨款支出 by 项: "一般公共预算财政拨款支出年初预算为 10210.34
/// 万元，支出决算为 9746.50 万元，完成年初预算的 95.45%。…其中：" and then one numbered paragraph per
/// 项, "1、社会保障和就业支出（类）…（项）。主要用于：…。年初预算为 54.53 万元，支出决算为 54.53 万元…".
/// Each item's budget and actual are parts of the opening paragraph's, so the items add up to them
/// when the list is whole.
package struct ItemizedSpending: AnalysisView {
  package static let elements: ReportElements? = [.paragraphs]

  /// The budgets a final states: 年初预算 and 全年预算 (the adjusted one).
  package enum Budget: Sendable, CaseIterable {
    case initial, annual

    /// The words right before its figure.
    var labels: [String] {
      switch self {
      case .initial: ["年初预算数为", "年初预算为"]
      case .annual: ["全年预算数为", "全年预算为", "调整预算数为", "调整预算为"]
      }
    }
  }

  /// One item: its budgets and its actual, as far as its paragraphs state them.
  package struct Item: Sendable {
    /// The index of its first paragraph in `Report.paragraphs`.
    package var paragraph: Int
    package var budgets: [Budget: Paragraph.Number] = [:]
    package var actual: Paragraph.Number?
  }

  /// The paragraph that opens the list; nil when the report has none.
  package let header: Int?
  /// The opening paragraph's budgets and actual.
  package let budgets: [Budget: Paragraph.Number]
  package let actual: Paragraph.Number?
  /// The items, numbered 1, 2, … in order, each with the unnumbered paragraphs that continue it
  /// (a page break can put "年初预算为 7.20 万元…" in a paragraph of its own). A number out of
  /// turn ends the reading.
  package let items: [Item]

  package static let reads: [any AnalysisView.Type] = []

  package init(_ input: AnalysisInput, cache: inout AnalysisCache) {
    let paragraphs = input.report.paragraphs
    // The opening paragraph (its figures), and the one that ends with "其中：": itself, or one of the
    // next two (the reason for the difference may come between, a page break may split it).
    var opening: (header: Int, marker: Int)?
    if !input.report.kind.isBudget {
      for (index, paragraph) in paragraphs.enumerated() where Self.opens(paragraph) {
        let marker = (index..<min(paragraphs.count, index + 3)).first { next in
          Self.endsWithMarker(paragraphs[next].utf8) && paragraphs[next].headingIndex == paragraph.headingIndex
        }
        if let marker {
          opening = (index, marker)
          break
        }
      }
    }
    guard let (header, marker) = opening else {
      (self.header, budgets, actual, items) = (nil, [:], nil, [])
      return
    }
    var budgets: [Budget: Paragraph.Number] = [:]
    for budget in Budget.allCases {
      budgets[budget] = Self.figure(after: budget.labels, in: paragraphs[header])
    }
    let actual = Self.figure(after: Self.actualLabels, in: paragraphs[header])
    var items: [Item] = []
    for index in paragraphs.indices.dropFirst(marker + 1) {
      let paragraph = paragraphs[index]
      guard paragraph.headingIndex == paragraphs[header].headingIndex else { break }
      if let ordinal = paragraph.ordinal {
        guard ordinal == items.count + 1 else { break }
        items.append(Item(paragraph: index))
      }
      guard var item = items.last else { break }
      for budget in Budget.allCases where item.budgets[budget] == nil {
        item.budgets[budget] = Self.figure(after: budget.labels, in: paragraph)
      }
      if item.actual == nil { item.actual = Self.figure(after: Self.actualLabels, in: paragraph) }
      items[items.count - 1] = item
    }
    (self.header, self.budgets, self.actual, self.items) = (header, budgets, actual, items)
  }

  /// Whether every item states `budget`.
  package func allState(_ budget: Budget) -> Bool {
    !items.isEmpty && items.allSatisfy { $0.budgets[budget] != nil }
  }

  /// Whether every item states its actual.
  package var allStateActuals: Bool { !items.isEmpty && items.allSatisfy { $0.actual != nil } }

  /// Whether the paragraph opens the list: it speaks of 一般公共预算财政拨款支出 and states its
  /// actual and a budget.
  private static func opens(_ paragraph: Paragraph) -> Bool {
    UTF8Text.firstOffset(of: subject, in: paragraph.utf8) != nil
      && figure(after: actualLabels, in: paragraph) != nil
      && Budget.allCases.contains { figure(after: $0.labels, in: paragraph) != nil }
  }

  private static let subject = Array("一般公共预算财政拨款支出".utf8)
  private static let actualLabels = ["支出决算数为", "支出决算为", "决算数为"]

  /// Whether the paragraph ends with "其中：" (the items follow).
  private static func endsWithMarker(_ bytes: [UInt8]) -> Bool {
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
    return ["其中：", "其中:"].contains { end >= $0.utf8.count && UTF8Text.has($0, at: end - $0.utf8.count, in: bytes) }
  }

  /// The 万元 amount right after the first of `labels` the paragraph has ("年初预算为 54.53 万元"),
  /// nil when it has none.
  private static func figure(after labels: [String], in paragraph: Paragraph) -> Paragraph.Number? {
    let bytes = paragraph.utf8
    for label in labels {
      guard let offset = UTF8Text.firstOffset(of: Array(label.utf8), in: bytes) else { continue }
      let start = UTF8Text.skippingSpaces(in: bytes, from: offset + label.utf8.count)
      return paragraph.numbers.first { $0.textRange.lowerBound == start && $0.unit == .tenThousandYuan }
    }
    return nil
  }
}
