import JuesuanModel
import JuesuanRules
import Testing

/// Inputs far larger than any real draft: the linter's time grows linearly, so a big file is slow,
/// never a hang. (1 MB lines: RobustnessTests; parsing 10 000 rows: RobustParseTests.)
@Suite("Large inputs lint in linear time")
struct LargeInputTests {
  private static func table(rows: Int) -> String {
    var text = "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    text += "\t合计\t\(rows).00\t\(rows).00\t\n"
    for index in 0..<rows { text += "2010301\t行政运行\(index)\t1.00\t1.00\t\n" }
    return text
  }

  /// Seconds to lint `text`, the best of `runs`.
  private static func seconds(_ text: String, runs: Int = 1) -> Double {
    let clock = ContinuousClock()
    let linter = Linter()
    let source = SourceText(text)
    return (0..<runs).map { _ in
      let duration = clock.measure { _ = linter.lint(source) }
      return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }.min() ?? 0
  }

  @Test("a table of 10 000 rows lints in at most 50 × the time of 1 000 rows (linear is 10 ×, quadratic 100 ×)")
  func tenThousandRows() {
    // Debug builds are slow: 10 000 rows take about 2 s, so one run each; the bound is loose enough
    // for a loaded machine and still fails for quadratic work.
    let small = Self.seconds(Self.table(rows: 1_000), runs: 2)
    let large = Self.seconds(Self.table(rows: 10_000))
    #expect(large < max(small, 0.01) * 50, "1 000 rows: \(small) s, 10 000 rows: \(large) s")
  }
}
