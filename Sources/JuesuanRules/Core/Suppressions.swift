import Foundation
import JuesuanModel

/// The suppression comments of DOMAIN.md §5:
/// `<!-- juesuan-disable-next-line CODE -->`, `<!-- juesuan-disable CODE -->` …
/// `<!-- juesuan-enable CODE -->`. CODE may be a list separated by spaces or commas, a category
/// wildcard (`text/*`), or absent (every rule).
package struct Suppressions: Sendable {
  private struct Span {
    var codes: [String]  // empty: all
    var lines: ClosedRange<Int>
  }

  private var spans: [Span] = []

  /// True when the text holds no suppression comment.
  package var isEmpty: Bool { spans.isEmpty }

  /// - Complexity: O(n) in the text.
  package init(source: SourceText) {
    var open: [(codes: [String], line: Int)] = []
    let marker = Array("juesuan-".utf8)
    guard UTF8Text.firstOffset(of: marker, in: source.bytes) != nil else { return }
    for line in 0..<source.lineCount {
      let range = source.byteRange(ofLine: line)
      guard UTF8Text.firstOffset(of: marker, in: source.bytes, from: range.lowerBound, before: range.upperBound) != nil
      else {
        continue
      }
      let text = source.text(in: range)
      for comment in Self.comments(in: text) {
        let words = comment.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard let directive = words.first else { continue }
        let codes = Array(words.dropFirst())
        switch directive {
        case "juesuan-disable-next-line":
          spans.append(Span(codes: codes, lines: (line + 1)...(line + 1)))
        case "juesuan-disable-line":
          spans.append(Span(codes: codes, lines: line...line))
        case "juesuan-disable":
          open.append((codes, line))
        case "juesuan-enable":
          if codes.isEmpty {
            for entry in open { spans.append(Span(codes: entry.codes, lines: entry.line...line)) }
            open.removeAll()
          } else if let index = open.lastIndex(where: { $0.codes == codes || $0.codes.isEmpty }) {
            spans.append(Span(codes: open[index].codes, lines: open[index].line...line))
            open.remove(at: index)
          }
        default:
          continue
        }
      }
    }
    for entry in open { spans.append(Span(codes: entry.codes, lines: entry.line...Int.max)) }
  }

  private static func comments(in line: String) -> [String] {
    var result: [String] = []
    var rest = Substring(line)
    while let open = rest.utf8Text.range(of: "<!--") {
      let after = rest[open.upperBound...]
      guard let close = after.utf8Text.range(of: "-->") else { break }
      result.append(after[..<close.lowerBound].utf8Text.trimmingWhitespace())
      rest = after[close.upperBound...]
    }
    return result
  }

  /// True when a comment silences `finding` on the line where it starts.
  package func suppresses(_ finding: Finding, in source: SourceText) -> Bool {
    guard !spans.isEmpty else { return false }
    let line = source.line(ofUTF8Offset: finding.range.lowerBound)
    return spans.contains { span in
      span.lines.contains(line) && (span.codes.isEmpty || span.codes.contains { Self.matches($0, finding.code) })
    }
  }

  private static func matches(_ pattern: String, _ code: String) -> Bool {
    if pattern == code || pattern == "*" { return true }
    if pattern.utf8Text.hasSuffix("/*") { return code.hasPrefix(pattern.dropLast()) }
    return false
  }

  /// The "忽略此行的 CODE" fix: a disable-next-line comment on its own line above the finding.
  package static func ignoreFix(for finding: Finding, in source: SourceText) -> Fix {
    let line = source.line(ofUTF8Offset: finding.range.lowerBound)
    let start = source.lineStarts[line]
    let lineBytes = source.byteRange(ofLine: line)
    let bytes = source.bytes
    let indentEnd = bytes[lineBytes].firstIndex { $0 != 0x20 && $0 != 0x09 } ?? lineBytes.upperBound
    // Most lines are not indented: no text to copy.
    let indent = indentEnd == lineBytes.lowerBound ? "" : source.text(in: lineBytes.lowerBound..<indentEnd)
    let end = lineBytes.upperBound
    let newline = end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? "\r\n" : "\n"
    // Each rule's title and comment are written once (a report's check makes hundreds of these).
    let code = finding.code
    let title = Self.ignoreTitles[code] ?? "忽略此行的 \(code)"
    let comment =
      indent.isEmpty && newline == "\n"
      ? Self.ignoreComments[code] ?? "<!-- juesuan-disable-next-line \(code) -->\n"
      : "\(indent)<!-- juesuan-disable-next-line \(code) -->\(newline)"
    return Fix(title: title, edits: [TextEdit(range: start..<start, newText: comment)])
  }

  private static let ignoreTitles = Dictionary(
    uniqueKeysWithValues: RuleRegistry.all.map { ($0.description.code, "忽略此行的 \($0.description.code)") })
  private static let ignoreComments = Dictionary(
    uniqueKeysWithValues: RuleRegistry.all.map {
      ($0.description.code, "<!-- juesuan-disable-next-line \($0.description.code) -->\n")
    })
}
