import JuesuanCatalogue
import Testing

@Suite("Bundled catalogue data")
struct BundledDataTests {
  let catalogue = SubjectCatalogue.bundled

  @Test("names of one code never overlap in their edition spans")
  func spansDisjoint() {
    for code in catalogue.codes {
      let spans = catalogue.history(code: code).map(\.editions)
      for (earlier, later) in zip(spans, spans.dropFirst()) {
        #expect(earlier.upperBound < later.lowerBound, "\(code): \(earlier) overlaps \(later)")
      }
    }
  }

  @Test("every 款 and 项 has its parent in the catalogue")
  func parentsPresent() {
    for entry in catalogue.entries {
      guard let parent = entry.parentCode else { continue }
      #expect(catalogue.contains(code: parent), "\(entry.code) \(entry.name) has no parent \(parent)")
    }
  }

  @Test("every bundled row is a well-formed subject row")
  func wellFormed() {
    #expect(catalogue.entries.count > 1_500)
    for entry in catalogue.entries {
      #expect(SubjectCatalogue.level(ofCode: entry.code) == entry.level)
      #expect(!entry.name.isEmpty && entry.name == SubjectCatalogue.normalizedName(entry.name), "\(entry.code)")
      #expect(!entry.name.contains("(") && !entry.name.contains(")"), "\(entry.code)")
    }
  }

  @Test("statistics count 类, 款 and 项 in every edition")
  func statistics() {
    let text = catalogue.statistics()
    for year in SubjectCatalogue.bundledEditions {
      let line = text.split(separator: "\n").first { $0.hasPrefix("支出功能分类科目 \(year) 年版") }
      #expect(line != nil)
      #expect(line?.contains("类 0") == false && line?.contains("款 0") == false && line?.contains("项 0") == false)
      #expect(text.contains("部门预算支出经济分类科目 \(year) 年版"))
    }
  }

  @Test("an explanation names the subject, its level, parents and former names")
  func explanation() throws {
    let text = try #require(catalogue.explanation(code: "2210202", year: 2023))
    #expect(text.hasPrefix("2210202 提租补贴\n分类：支出功能分类科目 项\n上级：22102 住房改革支出 ← 221 住房保障支出"))
    let old = try #require(catalogue.explanation(code: "215", year: nil))
    #expect(old.contains("曾用名：资源勘探信息等支出（2014–2018 年版）"))
    let uncertain = try #require(catalogue.explanation(code: "30999", year: 2023))
    #expect(uncertain.contains("未经核实"))
    #expect(catalogue.explanation(code: "2999999", year: 2023) == nil)
  }
}
