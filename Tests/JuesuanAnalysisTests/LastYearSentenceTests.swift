import JuesuanAnalysis
import Testing

/// A sentence about last year as a whole: its figures are last year's.
@Suite("Last year's sentences")
struct LastYearSentenceTests {
  /// Whether the figure written right after `marker` in `text` is in a sentence about last year.
  private func holds(_ text: String, at marker: String, year: Int? = 2023) throws -> Bool {
    let end = try #require(text.range(of: marker)).upperBound
    return LastYearSentence.holds(Array(text.utf8), before: text[..<end].utf8.count, year: year)
  }

  @Test("a sentence opening with last year, after an enumerator or another sentence")
  func opens() throws {
    let sangong =
      "本年因公出国（境）费 0.00 万元。（二）上年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 4.00 万元，占 10.00%；公务接待费支出决算 12.00 万元。"
    #expect(try holds(sangong, at: "支出决算 "))
    #expect(try holds(sangong, at: "公务接待费支出决算 "))
    #expect(try !holds(sangong, at: "本年因公出国（境）费 "), "the sentence before is this year's")
    #expect(try holds("2. 去年公务接待费 3.00 万元。", at: "公务接待费 "))
    #expect(try holds("2022年度收入 900.00 万元。", at: "收入 "))
    #expect(try holds("上一年度支出 900.00 万元。", at: "支出 "))
  }

  @Test("not when the figure is this year's, a comparison's or a carry-over")
  func otherFigures() throws {
    #expect(try !holds("上年结转 100.00 万元。", at: "结转 "))
    #expect(try !holds("上年结余资金 100.00 万元。", at: "资金 "))
    #expect(try !holds("上年“三公”经费 3.00 万元，本年 5.00 万元。", at: "本年 "))
    #expect(try !holds("2022年决算数为 0.50 万元，2023年决算数为 10.00 万元。", at: "2023年决算数为 "))
    #expect(try holds("2022年决算数为 0.50 万元，2023年决算数为 10.00 万元。", at: "2022年决算数为 "))
    #expect(try !holds("上年同期相比增加 5.00 万元。", at: "增加 "))
    #expect(try !holds("比上年增加 5.00 万元。", at: "增加 "))
    #expect(try !holds("2023年度收入 1,000.00 万元。", at: "收入 "))
    #expect(try !holds("2022年度收入 900.00 万元。", at: "收入 ", year: nil), "no report year: no year before it")
  }
}
