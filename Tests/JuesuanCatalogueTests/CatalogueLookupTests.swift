import JuesuanCatalogue
import Testing

@Suite("Catalogue look-ups")
struct CatalogueLookupTests {
  let catalogue = SubjectCatalogue.bundled

  @Test("the known traps carry their official names")
  func knownTraps() {
    #expect(catalogue.entry(code: "2210202", year: 2023)?.name == "提租补贴")
    #expect(catalogue.entry(code: "215", year: 2023)?.name == "资源勘探工业信息等支出")
    #expect(catalogue.entry(code: "30217", year: 2023)?.name == "公务接待费")
    #expect(catalogue.entry(code: "31001", year: 2023)?.name == "房屋建筑物购建")
    #expect(catalogue.entry(code: "30901", year: 2023)?.name == "房屋建筑物购建")
    #expect(catalogue.entry(code: "30108", year: 2023)?.name == "机关事业单位基本养老保险缴费")
    #expect(catalogue.entry(code: "30399", year: 2023)?.name == "其他对个人和家庭的补助")
    #expect(catalogue.entry(code: "2040220", year: 2023)?.name == "执法办案")
    #expect(catalogue.entry(code: "2013405", year: 2023)?.name == "华侨事务")
    #expect(catalogue.entry(code: "311", year: 2023)?.name == "对企业补助（基本建设）")
    #expect(catalogue.entry(code: "20805", year: 2023)?.name == "行政事业单位养老支出")
  }
}
