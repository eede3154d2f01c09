import Foundation
import JuesuanModel
import JuesuanRules
import JuesuanTestSupport
import Testing

/// Edits corpus report `report` `JUESUAN_INCREMENTAL_EDITS` times (`defaultEdits` unless set),
/// each edit made by `edit` from a generator seeded by `JUESUAN_FUZZ_SEED` (`defaultSeed` unless
/// set) and the report; after each, the lint that reuses the one before must equal a fresh lint:
/// findings (ranges, fixes, messages) and coverage.
func expectIncrementalLintsEqualFresh(
  of report: String, defaultEdits: Int, defaultSeed: UInt64,
  edit: (inout [UInt8], inout SeededGenerator) -> Void
) throws {
  var bytes = Array(try corpusText(report).utf8)
  let environment = ProcessInfo.processInfo.environment
  let edits = environment["JUESUAN_INCREMENTAL_EDITS"].flatMap(Int.init) ?? defaultEdits
  let seed = environment["JUESUAN_FUZZ_SEED"].flatMap(UInt64.init) ?? defaultSeed
  var random = SeededGenerator(state: seed &+ UInt64(report.utf8.reduce(0) { $0 * 31 + Int($1) }))
  let linter = Linter()
  var previous = linter.lint(SourceText(decoding: bytes))
  for step in 0..<edits {
    edit(&bytes, &random)
    let source = SourceText(decoding: bytes)
    let incremental = linter.lint(source, reusing: previous)
    let fresh = Linter().lint(source)
    #expect(incremental.findings == fresh.findings, "report \(report), step \(step), seed \(seed)")
    #expect(incremental.coverage == fresh.coverage, "report \(report), step \(step), seed \(seed)")
    previous = incremental
  }
}
