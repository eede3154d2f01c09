#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line number written into a message ("第 382 行") while a report is checked on its own, as a
/// part of a larger file (`ReportSegmenter`): the number is only known once the part's place in
/// the file is, and a part reused after an edit above it has moved. Messages therefore carry a
/// token, `LineNumber.text(_:)`, which `LineNumber.resolving(_:lineOffset:)` turns into the
/// 1-based line of the file.
package enum LineNumber {
  private static let open: Character = "\u{E000}"
  private static let close: Character = "\u{E001}"

  /// The token for 0-based line `line` of the part.
  package static func text(_ line: Int) -> String { "\(open)\(line)\(close)" }

  /// `message` with every token replaced by its 1-based line in the file, the part starting at
  /// 0-based line `lineOffset`.
  package static func resolving(_ message: String, lineOffset: Int) -> String {
    rewriting(message) { String($0 + lineOffset + 1) }
  }

  /// `message` with every token moved `lines` lines on (still a token).
  package static func shifting(_ message: String, by lines: Int) -> String {
    rewriting(message) { text($0 + lines) }
  }

  private static func rewriting(_ message: String, _ replacement: (Int) -> String) -> String {
    var probe = message
    // U+E000 starts with 0xEE; most messages hold no token.
    guard probe.withUTF8({ $0.isEmpty ? nil : memchr($0.baseAddress!, 0xEE, $0.count) }) != nil else {
      return message
    }
    var result = ""
    var rest = Substring(message)
    while let start = rest.firstIndex(of: open) {
      result += rest[..<start]
      let digits = rest[rest.index(after: start)...].prefix { $0.isASCII && $0.isNumber }
      let end = digits.endIndex
      guard end < rest.endIndex, rest[end] == close, let line = Int(digits) else {
        result.append(rest[start])
        rest = rest[rest.index(after: start)...]
        continue
      }
      result += replacement(line)
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }
}
