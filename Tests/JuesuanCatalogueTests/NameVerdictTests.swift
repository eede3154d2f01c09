import JuesuanCatalogue
import Testing

@Suite("Judging written names")
struct NameVerdictTests {
  let catalogue = SubjectCatalogue.bundled

  @Test(
    "official names, however wrapped or marked, are official",
    arguments: [
      ("2013405", "华侨事务"), ("2040220", "执法办案"), ("311", "对企业补助（基本建设）"), ("20805", "行政事业单位养老支 出"),
      ("208", "社会保障和就业支出（类）"), ("30303", "退职(役)费"), ("2010399", "其他政府办公\n厅（室）及相关\n机构事务支出"),
    ])
  func official(code: String, name: String) {
    #expect(catalogue.judge(name: name, code: code, year: 2023) == .official)
  }

  @Test("a former name is outdated, with its span and the current entry")
  func outdated() throws {
    let verdict = catalogue.judge(name: "资源勘探信息等支出", code: "215", year: 2023)
    guard case .outdated(let current, let span) = verdict else {
      Issue.record("expected outdated, got \(verdict)")
      return
    }
    #expect(current.name == "资源勘探工业信息等支出")
    #expect(span == 2014...2018)
    for (code, name) in [
      ("207", "文化体育与传媒支出"), ("210", "医疗卫生与计划生育支出"), ("220", "国土海洋气象等支出"),
      ("20805", "行政事业单位离退休（款）"),
    ] {
      guard case .outdated = catalogue.judge(name: name, code: code, year: 2023) else {
        Issue.record("\(code) \(name) should be outdated")
        continue
      }
    }
    // In its own edition the former name is official.
    #expect(catalogue.judge(name: "资源勘探信息等支出", code: "215", year: 2017) == .official)
  }

  @Test(
    "near misses are close variants with the difference in Chinese",
    arguments: [
      ("30217", "公务招待费", "“招”应为“接”"),
      ("31001", "房屋建筑物构建", "“构”应为“购”"),
      ("30901", "房屋建筑物构建", "“构”应为“购”"),
      ("30108", "机关事业单位基本养老保险费", "少了“缴”字"),
      ("2210202", "租房补贴", "“租房”应为“提租”"),
      ("20103", "政府办公厅及相关机构事务", "少了“（室）”三字"),
      ("2080505", "机关事业单位基本养老保险缴费", "少了“支出”二字"),
      ("30227", "委托业务", "少了“费”字"),
    ])
  func closeVariant(code: String, name: String, difference: String) throws {
    let verdict = catalogue.judge(name: name, code: code, year: 2023)
    guard case .closeVariant(let official, let described) = verdict else {
      Issue.record("expected closeVariant, got \(verdict)")
      return
    }
    #expect(official.code == code)
    #expect(described == difference)
  }

  @Test("a dropped word of up to four characters is a close variant; two dropped words are not")
  func droppedWord() {
    let verdict = catalogue.judge(name: "其他巩固脱贫衔接乡村振兴支出", code: "2130599", year: 2023)
    guard case .closeVariant(_, let difference) = verdict else {
      Issue.record("expected closeVariant, got \(verdict)")
      return
    }
    #expect(difference == "少了“攻坚成果”四字")
    guard case .mismatch = catalogue.judge(name: "机关事业单位养老保险支出", code: "2080505", year: 2023) else {
      Issue.record("two dropped words should be a mismatch")
      return
    }
  }

  @Test("other names are mismatches; another subject's name is never a close variant")
  func mismatch() throws {
    let expected = try #require(catalogue.entry(code: "30399", year: 2023))
    #expect(catalogue.judge(name: "对其他个人和家庭的补助支出", code: "30399", year: 2023) == .mismatch(official: expected))
    let sibling = try #require(catalogue.entry(code: "21011", year: 2023))
    #expect(catalogue.judge(name: "行政单位医疗", code: "21011", year: 2023) == .mismatch(official: sibling))
    guard case .mismatch(let official) = catalogue.judge(name: "电费", code: "30205", year: 2023) else {
      Issue.record("电费 for 30205 should be a mismatch")
      return
    }
    #expect(official.name == "水费")
    #expect(catalogue.judge(name: "行政运行", code: "2019998", year: 2023) == .unknownCode)
  }

  @Test("a 2024 report using a name valid only in 2023 gets the 2024 name (constructed catalogue)")
  func renamedBetweenEditions() {
    // No rename between the 2023 and 2024 editions is certain enough to bundle, so the edition logic is shown
    // on a constructed catalogue with the same shape as the bundled rows.
    let catalogue = SubjectCatalogue(entries: [
      .init(
        code: "2089901", name: "旧名称", classification: .function, level: .item, editions: 2023...2023, source: "t"),
      .init(
        code: "2089901", name: "新名称", classification: .function, level: .item, editions: 2024...2025, source: "t"),
    ])
    #expect(catalogue.entry(code: "2089901", year: 2024)?.name == "新名称")
    #expect(catalogue.entry(code: "2089901", year: 2023)?.name == "旧名称")
    #expect(catalogue.judge(name: "旧名称", code: "2089901", year: 2023) == .official)
    guard case .outdated(let current, let span) = catalogue.judge(name: "旧名称", code: "2089901", year: 2024) else {
      Issue.record("expected outdated")
      return
    }
    #expect(current.name == "新名称")
    #expect(span == 2023...2023)
    // A name from a later edition in an earlier report means our span is off, not the report.
    #expect(catalogue.judge(name: "新名称", code: "2089901", year: 2023) == .official)
  }
}
