import Foundation
import JuesuanAnalysis
import JuesuanModel
import JuesuanRules
import Synchronization
import Testing

/// Rules that read a view in common are checked together, so that the view is built once; every
/// rule is checked exactly once.
@Suite("Rule schedule")
struct RuleScheduleTests {
  @Test("every rule is in exactly one group; rules sharing a view share a group")
  func groups() {
    let rules = RuleRegistry.all
    let groups = RuleSchedule(rules).groups
    #expect(groups.flatMap { $0 }.sorted() == Array(rules.indices))
    var groupOfView: [ObjectIdentifier: Int] = [:]
    for (group, members) in groups.enumerated() {
      for rule in members {
        for view in AnalysisCache.closure(of: rules[rule].reads) {
          let key = ObjectIdentifier(view)
          #expect(groupOfView[key, default: group] == group, "\(rules[rule].description.code) reads \(view)")
          groupOfView[key] = group
        }
      }
    }
    // The narrative readers are read by change/*, two explain/* and four text/* rules.
    let narrative = groups.first { $0.contains { rules[$0].description.code == "change/delta" } } ?? []
    let codes = Set(narrative.map { rules[$0].description.code })
    #expect(codes.isSuperset(of: ["change/percent", "explain/missing", "text/year-mismatch"]))
  }
}

/// The language server's two rule threads, each kept on its own core (`CoreAffinity`, `CoreLane`).
@Suite("Rule threads on their own cores", .serialized)
struct CoreLaneTests {
  @Test("a lint with its rule threads on two cores finds what one without finds")
  func sameFindings() throws {
    let source = SourceText(try corpusText("000"))
    var spreading = Linter()
    spreading.spreadsRuleThreads = true
    let expected = Linter().lint(source).findings
    #expect(!expected.isEmpty)
    for _ in 0..<3 { #expect(spreading.lint(source).findings == expected) }
  }

  @Test("the lane runs both jobs before it returns, and a caller who finds it busy runs neither")
  func lane() {
    // The lane exists wherever the process may use two cores on Linux; elsewhere nothing to check.
    guard let lane = CoreLane.shared else { return }
    let ran = Mutex<[String]>([])
    // The lane is the process's: a test of another suite may be linting on it. A refused call runs
    // neither job, so it is tried again until the lane is free.
    var both = false
    for _ in 0..<5_000 where !both {
      both = lane.run({ ran.withLock { $0.append("here") } }, alongside: { ran.withLock { $0.append("there") } })
      if !both { usleep(1_000) }
    }
    #expect(both)
    #expect(ran.withLock { $0.sorted() } == ["here", "there"])
    // A second caller while the first one's job runs: refused, and the first is unaffected.
    let refused = Mutex<Bool?>(nil)
    var outer = false
    for _ in 0..<5_000 where !outer {
      outer = lane.run(
        { refused.withLock { $0 = !lane.run({ ran.withLock { $0.append("inner") } }, alongside: {}) } },
        alongside: { ran.withLock { $0.append("outer") } })
      if !outer { usleep(1_000) }
    }
    #expect(outer)
    #expect(refused.withLock { $0 } == true)
    #expect(!ran.withLock { $0.contains("inner") })
    #expect(ran.withLock { $0.contains("outer") })
  }

  @Test("running on one core leaves the thread free to run on all of them again")
  func affinityRestored() {
    let before = CoreAffinity.cores
    CoreAffinity.run(onCore: 1) {}
    #if os(Linux)
      #expect(!before.isEmpty)
    #endif
    #expect(CoreAffinity.allowedCores() == before)
  }
}
