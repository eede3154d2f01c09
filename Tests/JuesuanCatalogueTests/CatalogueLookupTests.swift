import JuesuanCatalogue
import Testing

@Suite("Catalogue look-ups")
struct CatalogueLookupTests {
  let catalogue = SubjectCatalogue.bundled

  @Test("the known traps carry their official names")
  func knownTraps() {
    let expected = [
      "2210202": "提租补贴", "215": "资源勘探工业信息等支出", "30217": "公务接待费", "31001": "房屋建筑物购建",
      "30901": "房屋建筑物购建", "30108": "机关事业单位基本养老保险缴费", "30399": "其他对个人和家庭的补助",
      "2040220": "执法办案", "2013405": "华侨事务", "311": "对企业补助（基本建设）", "20805": "行政事业单位养老支出",
      "207": "文化旅游体育与传媒支出", "210": "卫生健康支出", "220": "自然资源海洋气象等支出",
    ]
    for (code, name) in expected {
      #expect(catalogue.entry(code: code, year: 2023)?.name == name, "\(code)")
      #expect(catalogue.entry(code: code, year: nil)?.name == name, "\(code)")
    }
  }

  @Test("every 类 from 201 to 234 that departments report is present")
  func categories() {
    let codes = [
      "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215", "216", "217",
      "219", "220", "221", "222", "224", "227", "229", "230", "231", "232", "233", "234",
    ]
    for code in codes {
      #expect(catalogue.entry(code: code, year: 2020)?.level == .category, "\(code)")
    }
    for code in ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"] {
      #expect(catalogue.entry(code: code, year: 2024)?.classification == .economic, "\(code)")
    }
  }

  @Test("the shape of a code gives its classification and level")
  func shapes() {
    #expect(SubjectCatalogue.classification(ofCode: "2010301") == .function)
    #expect(SubjectCatalogue.classification(ofCode: "30217") == .economic)
    #expect(SubjectCatalogue.classification(ofCode: "50201") == .economic)
    #expect(SubjectCatalogue.classification(ofCode: "3021701") == nil)
    #expect(SubjectCatalogue.classification(ofCode: "2010") == nil)
    #expect(SubjectCatalogue.classification(ofCode: "1010301") == nil)
    #expect(SubjectCatalogue.classification(ofCode: "20１") == nil)
    #expect(SubjectCatalogue.level(ofCode: "201") == .category)
    #expect(SubjectCatalogue.level(ofCode: "20103") == .section)
    #expect(SubjectCatalogue.level(ofCode: "2010301") == .item)
    #expect(SubjectCatalogue.level(ofCode: "abc") == nil)
  }

  @Test("a report year selects its edition, clamped to the oldest and newest")
  func editionSelection() {
    #expect(catalogue.entry(code: "207", year: 2018)?.name == "文化体育与传媒支出")
    #expect(catalogue.entry(code: "207", year: 2019)?.name == "文化旅游体育与传媒支出")
    #expect(catalogue.entry(code: "207", year: 2031)?.name == "文化旅游体育与传媒支出")
    #expect(catalogue.entry(code: "215", year: 2016)?.name == "资源勘探信息等支出")
    #expect(catalogue.entry(code: "20805", year: 2019)?.name == "行政事业单位离退休")
    #expect(catalogue.entry(code: "2010301", year: 1999)?.name == "行政运行")
    #expect(catalogue.entry(code: "2999999", year: 2023) == nil)
  }

  @Test("history lists every name, oldest first")
  func history() {
    let names = catalogue.history(code: "210").map(\.name)
    #expect(names == ["医疗卫生支出", "医疗卫生与计划生育支出", "卫生健康支出"])
    #expect(catalogue.history(code: "215").last?.editions.upperBound == SubjectCatalogue.bundledEditions.upperBound)
    #expect(catalogue.history(code: "9").isEmpty)
  }

  @Test("names are found after normalisation")
  func entriesNamed() {
    #expect(catalogue.entries(named: "资源勘探信息等 支出").map(\.code) == ["215"])
    #expect(catalogue.entries(named: "住房改革支出（款）").map(\.code) == ["22102"])
    #expect(catalogue.entries(named: "政府办公厅(室)及相关\n机构事务").map(\.code) == ["20103"])
    #expect(catalogue.entries(named: "行政运行").count > 20)
  }

  @Test("normalised names drop whitespace and level markers and use full-width parentheses")
  func normalization() {
    #expect(SubjectCatalogue.normalizedName(" 社会保障和就业\n支出(类) ") == "社会保障和就业支出")
    #expect(SubjectCatalogue.normalizedName("退职(役)费") == "退职（役）费")
    #expect(SubjectCatalogue.normalizedName("事业单位离退休（项）") == "事业单位离退休")
    #expect(SubjectCatalogue.normalizedName("行政事业单位养老支\u{3000}出") == "行政事业单位养老支出")
    #expect(SubjectCatalogue.normalizedName("（项）") == "（项）")
  }

  @Test("completion by code prefix and by name")
  func completions() {
    let byCode = catalogue.completions(prefix: "22102", year: 2023).map(\.code)
    #expect(byCode == ["22102", "2210201", "2210202", "2210203"])
    let byName = catalogue.completions(prefix: "提租", year: 2023).map(\.code)
    #expect(byName == ["2210202"])
    #expect(catalogue.completions(prefix: "", year: nil).count == 200)
    #expect(catalogue.completions(prefix: "2", year: nil).allSatisfy { $0.code.hasPrefix("2") })
  }
}
