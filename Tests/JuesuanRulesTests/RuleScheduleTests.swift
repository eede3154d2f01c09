import JuesuanAnalysis
import JuesuanRules
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
