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
}
