import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel
import Testing

/// Views are asked for by type and built once per cache, with the views they are built from.
@Suite("Analysis cache")
struct AnalysisCacheTests {
  private static let text = """
    # 2023年度部门决算

    支出总计 120.00 万元，较上年增加 20.00 万元，增长 20%。主要原因是人员增加。

    2010301-行政运行 100.00 万元。
    """

  private func cache() -> AnalysisCache { analysisCache(of: Self.text) }

  @Test("a view is built on first use and then returned as built")
  func builtOnce() throws {
    var cache = cache()
    #expect(cache.builtView(NarrativeReaders.self) == nil)
    let readers = cache.view(NarrativeReaders.self)
    #expect(readers.readers.count == cache.input.report.paragraphs.count)
    let again = try #require(cache.builtView(NarrativeReaders.self))
    // The same readers: their bytes share storage with the first ones.
    #expect(
      zip(readers.readers, again.readers).allSatisfy { first, second in
        first.bytes.withUnsafeBufferPointer { a in
          second.bytes.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress }
        }
      })
    #expect(readers.readers.contains { !$0.changes.isEmpty })
  }

  @Test("a view built from another builds that one too, once, in the same cache")
  func dependencies() {
    var cache = cache()
    let verdicts = cache.view(SubjectVerdicts.self)
    let mentions = cache.builtView(SubjectMentions.self)
    #expect(mentions?.all.count == verdicts.verdicts.count)
    #expect(mentions?.all.contains { $0.code == "2010301" } == true)
    #expect(AnalysisCache.closure(of: [SubjectVerdicts.self]).count == 2)
  }

  @Test("each paragraph's reasons, by paragraph index")
  func reasons() {
    var cache = cache()
    let reasons = cache.view(ParagraphReasons.self)
    #expect(reasons.reasons.count == cache.input.report.paragraphs.count)
    #expect(reasons.reasons.joined().map(\.text) == ["人员增加"])
  }
}
