import Foundation
import JuesuanAnalysis
import JuesuanModel
import JuesuanRules
import Synchronization
import Testing

/// Every rule is checked exactly once; the rules that build the views come first, and the rules
/// that read no view last, for the thread that takes from the back.
@Suite("Rule schedule")
struct RuleScheduleTests {
  @Test("every rule once; the rules reading the most views first, those reading none last")
  func order() {
    let rules = RuleRegistry.all
    let order = RuleSchedule(rules).order
    #expect(order.sorted() == Array(rules.indices))
    let viewCounts = order.map { AnalysisCache.closure(of: rules[$0].reads).count }
    #expect(viewCounts == viewCounts.sorted(by: >))
    #expect(viewCounts.first ?? 0 > 1)
    #expect(viewCounts.last == 0)
    // Rules reading as many views keep their registry order.
    for position in order.indices.dropLast() where viewCounts[position] == viewCounts[position + 1] {
      #expect(order[position] < order[position + 1])
    }
  }

  @Test("two threads taking from the two ends take every rule once")
  func queue() {
    let count = RuleRegistry.all.count
    let taken = Mutex<[Int]>([])
    let queue = RuleSchedule.Queue(count: count)
    DispatchQueue.concurrentPerform(iterations: 2) { thread in
      while let position = queue.take(fromFront: thread == 0) { taken.withLock { $0.append(position) } }
    }
    #expect(taken.withLock { $0.sorted() } == Array(0..<count))
  }
}

/// Views shared by the caches of several threads are built once.
@Suite("Shared views")
struct SharedViewsTests {
  @Test("threads asking for one view at once get the one built, and the same findings as one thread")
  func builtOnce() throws {
    let report = ReportParser.parse(SourceText(try corpusText("002")))
    let shared = SharedViews()
    // Where each thread's first reader keeps its bytes: one place when the readers were built once.
    let storage = Mutex<Set<UInt>>([])
    DispatchQueue.concurrentPerform(iterations: 4) { thread in
      var cache = AnalysisCache(
        AnalysisInput(report: report, catalogue: .bundled, catalogueEdition: report.year), sharing: shared)
      // Half the threads ask for a view built from the readers first, half for the readers.
      if thread % 2 == 0 { _ = cache.view(StatedTotals.self) }
      let first = cache.view(NarrativeReaders.self).readers.first
      let address = first?.bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } ?? 0
      storage.withLock { _ = $0.insert(address) }
    }
    let built = try #require(shared.builtView(NarrativeReaders.self))
    #expect(built.readers.count == report.paragraphs.count)
    #expect(storage.withLock { $0.count } == 1)
    #expect(storage.withLock { $0.first } != 0)
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
