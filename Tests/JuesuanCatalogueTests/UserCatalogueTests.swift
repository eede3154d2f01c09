import JuesuanCatalogue
import Testing

@Suite("User catalogues")
struct UserCatalogueTests {
  let catalogue = SubjectCatalogue.bundled

  @Test("user lines extend and override the bundled catalogue for every edition")
  func overrides() throws {
    let text = "# 本地科目\n\n2210202\t租房补贴\n2999901 本地专项支出\r\n30217\t公务接待费\t备注列被忽略\n"
    let merged = try catalogue.merging(userTSV: text, source: "extra.tsv")
    for year in [2015, 2023, 2025, 2030] {
      #expect(merged.entry(code: "2210202", year: year)?.name == "租房补贴")
    }
    #expect(merged.history(code: "2210202").count == 1)
    #expect(merged.entry(code: "2210202", year: nil)?.source == "extra.tsv")
    #expect(merged.entry(code: "2999901", year: 2023)?.level == .item)
    #expect(merged.judge(name: "本地专项支出", code: "2999901", year: 2023) == .official)
    #expect(merged.entry(code: "2010301", year: 2023)?.name == "行政运行")
    #expect(merged.entries.count == catalogue.entries.count + 1)  // 2999901 is new; the others replace one row each
    #expect(merged.statistics().contains("用户科目表：3 条"))
  }

  @Test("a later user line for the same code wins")
  func laterLineWins() throws {
    let merged = try catalogue.merging(userTSV: "2999901\t甲\n2999901\t乙\n", source: "a.tsv")
    #expect(merged.history(code: "2999901").map(\.name) == ["乙"])
  }

  @Test("a bad line throws an error naming the line number")
  func badLine() {
    #expect(throws: SubjectCatalogue.UserCatalogueError.self) {
      try catalogue.merging(userTSV: "2210202\t提租补贴\n\n20x\t什么\n", source: "extra.tsv")
    }
    do {
      _ = try catalogue.merging(userTSV: "# 注释\n2210202\t提租补贴\n\n20x\t什么\n", source: "extra.tsv")
      Issue.record("expected an error")
    } catch {
      #expect(error.lineNumber == 4)
      #expect(error.description == "extra.tsv 第 4 行：编码“20x”不是 3、5 或 7 位的科目编码（应为“编码<TAB>名称”）")
    }
    do {
      _ = try catalogue.merging(userTSV: "2210202\n", source: "b.tsv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "b.tsv 第 1 行：编码 2210202 缺少科目名称（应为“编码<TAB>名称”）")
    }
  }
}
