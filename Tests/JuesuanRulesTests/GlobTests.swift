import JuesuanRules
import Testing

@Suite("ignore globs")
struct GlobTests {
  @Test(
    "a glob matches the whole path or a trailing run of its folders",
    arguments: [
      ("drafts/**", "drafts/a.md", true), ("drafts/**", "/home/me/drafts/old/a.md", true),
      ("drafts/**", "mydrafts/a.md", false), ("*.md", "a.md", true), ("*.md", "sub/a.md", true),
      ("*.md", "a.txt", false), ("old/*.md", "old/sub/a.md", false), ("a/**/b.md", "a/b.md", true),
      ("a/**/b.md", "a/x/y/b.md", true), ("**/b.md", "/x/ab.md", false), ("?.md", "./a.md", true),
      ("?.md", "ab.md", false),
    ])
  func matches(pattern: String, path: String, expected: Bool) {
    #expect(Glob.matches(pattern: pattern, path: path) == expected)
  }

  @Test("a configuration ignores a path when one of its globs matches")
  func configuration() throws {
    let configuration = try Configuration(json: ["ignore": ["old/**", "*.txt"]])
    #expect(configuration.ignores("old/a.md"))
    #expect(configuration.ignores("notes.txt"))
    #expect(!configuration.ignores("new/a.md"))
  }
}
