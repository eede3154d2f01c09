import JuesuanModel
import JuesuanRules
import Testing

/// explain/threshold follows the configured threshold (`explainThreshold`, a percentage).
@Suite("explain/threshold")
struct ThresholdRuleTests {
  private static let text =
    "（二）2010350-事业运行 188.57 万元，较上年决算数增加 76.97 万元，增长 68.97%。（三）2010399-其他 20.00 万元，较上年决算数增加 1.00 万元，增长 5.26%。"

  private func reported(threshold: Int?) throws -> [String] {
    var configuration = Configuration()
    if let threshold { configuration = try Configuration(json: ["explainThreshold": threshold]) }
    let result = Linter(configuration: configuration).lint(SourceText(Self.text))
    return result.findings.filter { $0.code == "explain/threshold" }.map { result.source.text(in: $0.range) }
  }

  @Test("the default 10 % reports the 68.97 % change only; 70 % reports none; 5 % both")
  func configured() throws {
    #expect(try reported(threshold: nil) == ["增加 76.97 万元"])
    #expect(try reported(threshold: 70).isEmpty)
    #expect(try reported(threshold: 5) == ["增加 76.97 万元", "增加 1.00 万元"])
  }
}
