import JuesuanAnalysis
import JuesuanModel
import Testing

/// What the narrative reader reads out of a paragraph.
@Suite("Narrative reader")
struct NarrativeReaderTests {
  @Test("the reader finds Δ, %, and this year's figure, also across a hard wrap")
  func readsChanges() throws {
    let paragraph = Paragraph(segments: [
      (text: "(十九) 2080801-死亡抚恤 47.82 万，较上年决算数增加 47.82", sourceOffset: 0),
      (text: "万元，增长 100%。主要原因是有人员过世。", sourceOffset: 200),
    ])
    let changes = NarrativeReader(paragraph, year: 2023).changes
    let change = try #require(changes.first)
    #expect(changes.count == 1)
    #expect(change.delta.value == Amount(hundredths: 4782))
    #expect(change.current?.value == Amount(hundredths: 4782))
    #expect(change.percent?.value.tenThousandths == 1_000_000)
    #expect(change.verb.isIncrease && change.percentVerb?.isIncrease == true)
  }

  /// A change's figures in a paragraph of one sentence, read with the report year 2023.
  private func change(_ text: String) throws -> NarrativeReader.Change {
    let paragraph = Paragraph(segments: [(text: text, sourceOffset: 0)])
    return try #require(NarrativeReader(paragraph, year: 2023).changes.first)
  }

  @Test("a figure whose own clause opens with last year is last year's, this year's the one before it")
  func readsLastYearInItsOwnClause() throws {
    for text in [
      "机关运行经费2023年决算数为 10.00 万元，2022年决算数为 0.50 万元，比上年增加 9.50 万元，增长 1900.00%。",
      "机关运行经费 10.00 万元，上年决算数为 0.50 万元，比上年增加 9.50 万元。",
    ] {
      let found = try change(text)
      #expect(found.previous?.value == Amount(hundredths: 50), "\(text)")
      #expect(found.current?.value == Amount(hundredths: 1000), "\(text)")
    }
  }

  @Test("a figure is not last year's after 、, beside 本年 or a carry-over, or against another kind of figure")
  func leavesOtherFiguresToThisYear() throws {
    for text in [
      "上年和本年分别为 3.00 万元、2.00 万元，比上年减少 1.00 万元，下降 33.33%。",
      "与上年相比本年收入 1,100.00 万元，增加 100.00 万元。",
      "本年使用上年结转 5.00 万元，比上年增加 1.00 万元。",
      "2024年一般公共预算拨款 500.00 万元，2022年执行数 480.00 万元，比2022年预算增加 50.00 万元。",
      "本年收入 100.00 万元，加上年中追加 20.00 万元，比上年增加 10.00 万元。",
    ] {
      #expect(try change(text).previous == nil, "\(text)")
    }
  }
}
