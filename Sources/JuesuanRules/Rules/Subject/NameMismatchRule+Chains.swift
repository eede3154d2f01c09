import JuesuanCatalogue
import JuesuanModel

// "住房保障支出（类）住房保障支出（款）住房公积金（项）": the 类 and the 项 name one subject, whose
// 款 is 住房改革支出 — the 款 written is not it.
extension NameMismatchRule {
  /// A 类-款-项 chain of narrative markers whose 款 name is not the 款 of the 项 its 类 and 项 name.
  /// Only when the 类 and the 项 name exactly one 项 the report's tables list, and the 款 written
  /// is no 款 of that 类 holding a 项 of that name.
  func checkMarkerChains(
    _ report: Report, _ mentions: [SubjectMention], year: Int?, context: inout RuleContext
  ) {
    let catalogue = context.catalogue
    let tableCodes = Set(report.tables.flatMap { $0.rows.compactMap(\.code) })
    for index in mentions.indices.dropLast(2) {
      let chain = mentions[index...(index + 2)]
      guard zip(chain, [3, 5, 7]).allSatisfy({ $0.place == .narrativeMarker(digits: $1) }),
        Self.follows(chain[index + 1], chain[index], in: report.source),
        Self.follows(chain[index + 2], chain[index + 1], in: report.source)
      else { continue }
      let (category, section, item) = (chain[index], chain[index + 1], chain[index + 2])
      let functional = { (name: String, digits: Int) in
        Set(
          catalogue.entries(named: SubjectCatalogue.normalizedName(name)).filter {
            $0.code.count == digits && $0.classification == .function
          }.map(\.code))
      }
      let categories = functional(category.name, 3)
      guard categories.count == 1, let categoryCode = categories.first else { continue }
      let items = functional(item.name, 7).filter { $0.hasPrefix(categoryCode) && tableCodes.contains($0) }
      guard items.count == 1, let itemCode = items.first else { continue }
      context.ran()
      let sectionCode = String(itemCode.prefix(5))
      guard let official = catalogue.entry(code: sectionCode, year: year) else { continue }
      let written = SubjectCatalogue.normalizedName(section.name)
      // Written as any 款 of the 类 that holds a 项 of this name: not provably wrong.
      let holders = functional(item.name, 7).filter { $0.hasPrefix(categoryCode) }.map { String($0.prefix(5)) }
      guard
        !holders.contains(where: { code in
          catalogue.history(code: code).contains { SubjectCatalogue.normalizedName($0.name) == written }
        })
      else { continue }
      context.report(
        section.range,
        "“\(SubjectCatalogue.normalizedName(item.name))（项）”是科目 \(itemCode)，属于 \(sectionCode)“\(official.name)（款）”，此处款名写作“\(written)”",
        fixes: section.renameFixes(to: official.name, title: "改为“\(official.name)”", isSafe: false))
    }
  }

  /// Whether `next` starts right after `previous`'s marker ("（类）"), white space aside.
  private static func follows(_ next: SubjectMention, _ previous: SubjectMention, in source: SourceText) -> Bool {
    guard previous.range.upperBound <= next.range.lowerBound else { return false }
    let between = source.text(in: previous.range.upperBound..<next.range.lowerBound).filter { !$0.isWhitespace }
    return ["（类）", "(类)", "（款）", "(款)"].contains(between)
  }
}
