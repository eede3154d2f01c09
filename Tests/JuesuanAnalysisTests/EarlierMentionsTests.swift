import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel
import JuesuanTestSupport
import Testing

/// After an edit, the subject mentions of the tables and paragraphs it did not touch are moved
/// from the earlier text, with their verdicts (`EarlierMentions`); what the view then holds must
/// be exactly what reading the whole report afresh gives.
@Suite("Subject mentions moved across an edit")
struct EarlierMentionsTests {
  /// What a mention is, to compare.
  private static func described(_ mention: SubjectMention) -> String {
    "\(mention.code ?? "-") \(mention.name) \(mention.range) \(mention.place) \(mention.isReplaceable) \(mention.isClean)"
  }

  @Test(
    "random edits of each corpus report: mentions and verdicts equal a fresh reading's",
    arguments: ["000", "001", "002"])
  func randomEdits(_ id: String) throws {
    var bytes = Array(try Corpus.text(id).utf8)
    var random = SeededGenerator(state: 20_261_207 &+ UInt64(id.utf8.reduce(0) { $0 * 31 + Int($1) }))
    let catalogue = SubjectCatalogue.bundled
    func views(_ report: Report, _ earlier: EarlierMentions) -> (SubjectMentions, SubjectVerdicts) {
      var cache = AnalysisCache(
        AnalysisInput(report: report, catalogue: catalogue, catalogueEdition: report.year, earlierMentions: earlier))
      return (cache.view(SubjectMentions.self), cache.view(SubjectVerdicts.self))
    }
    var report = ReportParser.parse(SourceText(decoding: bytes))
    var (mentions, verdicts) = views(report, EarlierMentions())
    var moved = 0
    for step in 0..<40 {
      var position = Int.random(in: 0..<bytes.count, using: &random)
      while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
      bytes.insert(contentsOf: Array(random.pick(["1", "行政运行", "（款）", "-", "。"]).utf8), at: position)
      let now = ReportParser.parse(SourceText(decoding: bytes))
      let edit = EditedSpan(from: report.source.bytes, to: now.source.bytes)
      let earlier = EarlierMentions(mentions, verdicts: verdicts, of: report, edit: edit)
      let (incremental, incrementalVerdicts) = views(now, earlier)
      let (fresh, freshVerdicts) = views(now, EarlierMentions())
      #expect(incremental.all.map(Self.described) == fresh.all.map(Self.described), "report \(id), step \(step)")
      #expect(incrementalVerdicts.verdicts == freshVerdicts.verdicts, "report \(id), step \(step)")
      moved += incremental.movedCount
      (report, mentions, verdicts) = (now, incremental, incrementalVerdicts)
    }
    // Most mentions lie away from a one-word edit: they were moved, not read again.
    #expect(moved > 40 * mentions.all.count / 2)
  }
}
