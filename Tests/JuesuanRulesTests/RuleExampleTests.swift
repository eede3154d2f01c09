import Foundation
import JuesuanModel
import JuesuanRules
import Testing

/// Text with ⟦…⟧ markers: the clean text and the byte ranges the markers enclosed.
struct MarkedText {
  var text: String
  var ranges: [Range<Int>]

  init(_ marked: String) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    var open: Int?
    for scalar in marked.unicodeScalars {
      if scalar == "⟦" {
        open = bytes.count
      } else if scalar == "⟧", let start = open {
        ranges.append(start..<bytes.count)
        open = nil
      } else {
        bytes += Array(String(scalar).utf8)
      }
    }
    text = String(decoding: bytes, as: UTF8.self)
    self.ranges = ranges
  }
}

/// Applies non-overlapping edits (byte ranges) to a text.
func applying(_ edits: [TextEdit], to text: String) -> String {
  var bytes = Array(text.utf8)
  for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
    bytes.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
  }
  return String(decoding: bytes, as: UTF8.self)
}

struct ExampleCase: CustomTestStringConvertible, Sendable {
  var code: String
  var example: RuleDescription.Example
  var triggers: Bool
  var testDescription: String { "\(code) \(triggers ? "triggers" : "is silent") (line \(example.line))" }
}

let allExamples: [ExampleCase] = RuleRegistry.all.flatMap { rule -> [ExampleCase] in
  let description = rule.description
  return description.triggeringExamples.map { ExampleCase(code: description.code, example: $0, triggers: true) }
    + description.nonTriggeringExamples.map { ExampleCase(code: description.code, example: $0, triggers: false) }
}

@Suite("Rule examples")
struct RuleExampleTests {
  func findings(_ code: String, in text: String) -> [Finding] {
    Linter().lint(SourceText(text)).findings.filter { $0.code == code }
  }

  @Test("every rule has examples that trigger it and examples that must not")
  func everyRuleHasExamples() {
    for rule in RuleRegistry.all {
      let description = rule.description
      #expect(!description.triggeringExamples.isEmpty, "\(description.code) has no triggering example")
      #expect(!description.nonTriggeringExamples.isEmpty, "\(description.code) has no non-triggering example")
    }
  }

  @Test("rule codes are unique and well formed")
  func codesAreUnique() {
    let codes = RuleRegistry.all.map { $0.description.code }
    #expect(Set(codes).count == codes.count)
    for code in codes { #expect(code.split(separator: "/").count == 2, "\(code)") }
  }

  @Test("examples: findings exactly at the marked ranges, fixes as documented", arguments: allExamples)
  func example(_ item: ExampleCase) {
    let marked = MarkedText(item.example.text)
    let found = findings(item.code, in: marked.text)
    if !item.triggers {
      #expect(found.isEmpty, "\(item.code) fired on a non-triggering example: \(found.map(\.message))")
      return
    }
    #expect(found.map(\.range).sorted { $0.lowerBound < $1.lowerBound } == marked.ranges, "\(found.map(\.message))")
    if let fixed = item.example.fixed {
      let edits = found.compactMap { $0.fixes.first { !$0.title.hasPrefix("忽略") } }.flatMap(\.edits)
      #expect(applying(edits, to: marked.text) == fixed)
      #expect(findings(item.code, in: fixed).isEmpty, "the fix left a finding")
      // …and introduces none of any other rule.
      let count = { (text: String) in
        Dictionary(Linter().lint(SourceText(text)).findings.map { ($0.code, 1) }, uniquingKeysWith: +)
      }
      let before = count(marked.text)
      for (code, after) in count(fixed) {
        #expect(after <= before[code, default: 0], "the fix introduced \(code)")
      }
    }
  }

  @Test("examples behave the same with CRLF line ends and after astral-plane characters", arguments: allExamples)
  func variants(_ item: ExampleCase) {
    let marked = MarkedText(item.example.text)
    let base = findings(item.code, in: marked.text).count
    let crlf = marked.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    #expect(findings(item.code, in: crlf).count == base)
    let astral = "𠀀😀 前言。\n\n" + marked.text
    #expect(findings(item.code, in: astral).count == base)
  }

  @Test("a disable comment silences every example", arguments: allExamples.filter(\.triggers))
  func suppressed(_ item: ExampleCase) {
    let marked = MarkedText(item.example.text)
    let text = "<!-- juesuan-disable \(item.code) -->\n" + marked.text + "\n<!-- juesuan-enable \(item.code) -->\n"
    #expect(findings(item.code, in: text).isEmpty)
  }

  @Test("the ignore-line fix silences the finding it is attached to", arguments: allExamples.filter(\.triggers))
  func ignoreFix(_ item: ExampleCase) throws {
    let marked = MarkedText(item.example.text)
    let found = findings(item.code, in: marked.text)
    let first = try #require(found.first)
    let ignore = try #require(first.fixes.last)
    #expect(ignore.title == "忽略此行的 \(item.code)")
    let after = applying(ignore.edits, to: marked.text)
    #expect(
      findings(item.code, in: after).count == found.count
        - found.filter { f in
          SourceText(marked.text).line(ofUTF8Offset: f.range.lowerBound)
            == SourceText(marked.text).line(ofUTF8Offset: first.range.lowerBound)
        }.count)
  }
}

@Suite("Rule registry")
struct RuleRegistryTests {
  @Test("every *Rule.swift file under Sources/JuesuanRules/Rules declares a registered rule")
  func filesAreRegistered() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/JuesuanRules/Rules")
    let files =
      FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix("Rule.swift") } ?? []
    #expect(files.count >= 10)
    let registered = Set(RuleRegistry.all.map { String(describing: $0) })
    for file in files {
      let name = String((file as NSString).lastPathComponent.dropLast(".swift".count))
      #expect(registered.contains(name), "\(file) is not in RuleRegistry")
    }
  }
}
