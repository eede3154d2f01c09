import JuesuanServer
import Testing

@Suite("Benchmark harness")
struct BenchmarkTests {
  @Test("measures the first diagnostics and each edit, and reports them separately")
  func measures() async throws {
    let text = String(repeating: "一、收入支出决算总体情况说明\n2023年度收入总计 100.00 万元，较上年增加 10.00 万元，增长 11.11%。\n\n", count: 20)
    let measurement = await LanguageServerBenchmark.run(text: text, edits: 5)
    #expect(!measurement.timedOut)
    #expect(measurement.documentBytes == text.utf8.count)
    #expect(measurement.firstDiagnostics > .zero)
    #expect(measurement.editLatencies.count == 5)
    #expect(measurement.editLatencies.allSatisfy { $0 > .zero })
    let summary = measurement.summary
    #expect(summary.contains("didOpen → 首次诊断"))
    #expect(summary.contains("（5 次）：p50"))
    #expect(summary.contains("其中插入（3 次）：p50"))
    #expect(!summary.contains("注意"))
  }

  @Test("percentiles are nearest-rank over the edits")
  func percentiles() {
    let measurement = LanguageServerBenchmark.Measurement(
      documentBytes: 0, firstDiagnostics: .zero, editLatencies: (1...100).reversed().map { .milliseconds($0) },
      editsRequested: 100)
    #expect(measurement.percentile(0.5) == .milliseconds(50))
    #expect(measurement.percentile(0.99) == .milliseconds(99))
    #expect(measurement.percentile(1) == .milliseconds(100))
    // The insertions are the even-numbered edits: 100, 98, …, 2 ms.
    #expect(measurement.insertionPercentile(0.5) == .milliseconds(50))
    #expect(measurement.insertionPercentile(1) == .milliseconds(100))
    #expect(measurement.insertionPercentile(0) == .milliseconds(2))
  }

  @Test("a run cut short by its time budget says so")
  func budget() async {
    let text = String(repeating: "2023年度收入总计 100.00 万元。\n", count: 10)
    let measurement = await LanguageServerBenchmark.run(text: text, edits: 1000, budget: .milliseconds(50))
    #expect(measurement.editLatencies.count < 1000)
    #expect(measurement.summary.contains("注意"))
  }
}
