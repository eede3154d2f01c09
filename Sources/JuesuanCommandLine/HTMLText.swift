import JuesuanDocuments
import JuesuanModel
import JuesuanRules

/// A report's text for the HTML page: one element per line with its number, every finding's
/// range wrapped in a `<mark>` (a finding over several lines marks each; an empty range is a
/// caret), and beneath the line where a finding starts, its note — severity, code, place,
/// message, related places, fixes as before → after. A PDF's pages are divided where they break.
enum HTMLText {
  /// The HTML of the lines of `result`'s text; `fileIndex` makes the ids unique on the page.
  /// - Complexity: O(text + findings × lines each spans).
  static func lines(of result: FileResult, fileIndex: Int) -> String {
    let source = result.source
    let findings = result.lint.findings
    var pieces: [Int: [(range: Range<Int>, finding: Int)]] = [:]
    var notes: [Int: [Int]] = [:]
    for (index, finding) in findings.enumerated() {
      let lower = max(0, min(finding.range.lowerBound, source.bytes.count))
      let upper = max(lower, min(finding.range.upperBound, source.bytes.count))
      let first = source.line(ofUTF8Offset: lower)
      let last = upper > lower ? source.line(ofUTF8Offset: upper - 1) : first
      notes[first, default: []].append(index)
      for line in first...last {
        let bytes = source.byteRange(ofLine: line)
        let start = min(max(lower, bytes.lowerBound), bytes.upperBound)
        let end = min(upper, bytes.upperBound)
        // A range that covers only a line's terminator shows as a caret at the line's end.
        pieces[line, default: []].append((start..<max(start, end), index))
      }
    }
    var out = ""
    var page: Int?
    var marked: Set<Int> = []
    let realigns = result.document?.kind == .pdf
    for line in 0..<source.lineCount {
      if case .page(let number) = result.document?.origin(ofLine: line), number != page {
        if page != nil { out += "<div class=\"page-break\" data-page=\"\(number)\">第 \(number) 页</div>\n" }
        page = number
      }
      out += "<div class=\"line\" data-line=\"\(line)\"><span class=\"ln\">\(line + 1)</span><span class=\"t\">"
      var spacing = realigns ? Spacing() : nil
      out += text(
        of: line, in: source, pieces: pieces[line] ?? [], findings: findings, fileIndex: fileIndex, &marked, &spacing)
      out += "</span></div>\n"
      for index in notes[line] ?? [] { out += note(findings[index], index: index, of: result, fileIndex: fileIndex) }
    }
    return out
  }

  /// The line's text with its pieces marked; where pieces overlap, the most severe colours.
  private static func text(
    of line: Int, in source: SourceText, pieces: [(range: Range<Int>, finding: Int)], findings: [Finding],
    fileIndex: Int, _ marked: inout Set<Int>, _ spacing: inout Spacing?
  ) -> String {
    let bytes = source.byteRange(ofLine: line)
    var cuts = Set([bytes.lowerBound, bytes.upperBound])
    for piece in pieces {
      cuts.insert(piece.range.lowerBound)
      cuts.insert(piece.range.upperBound)
    }
    let points = cuts.sorted()
    var out = ""
    func open(_ covering: [Int], caret: Bool) {
      let worst = covering.map { findings[$0].severity }.min() ?? .hint
      var attributes = "class=\"hl\(caret ? " caret" : "") sev-\(HTMLOutput.severityClass(worst))\""
      attributes += " data-f=\"\(covering.map { String($0 + 1) }.joined(separator: " "))\""
      if let first = covering.first(where: { !marked.contains($0) }) {
        attributes += " id=\"m-\(fileIndex)-\(first + 1)\""
        marked.insert(first)
      }
      out += "<mark \(attributes)>"
    }
    for (position, point) in points.enumerated() {
      let carets = pieces.filter { $0.range.isEmpty && $0.range.lowerBound == point }.map(\.finding)
      if !carets.isEmpty {
        open(carets, caret: true)
        out += "</mark>"
      }
      guard position + 1 < points.count else { break }
      let next = points[position + 1]
      let covering = pieces.filter { $0.range.lowerBound <= point && next <= $0.range.upperBound && !$0.range.isEmpty }
        .map(\.finding)
      var segment = source.text(in: point..<next)
      if spacing != nil { segment = spacing?.realign(segment) ?? segment }
      segment = HTMLOutput.escape(segment)
      if covering.isEmpty {
        out += segment
      } else {
        open(covering, caret: false)
        out += segment + "</mark>"
      }
    }
    return out
  }

  /// A PDF's text puts each cell at its column on the page's grid of half-width units, but counts
  /// a CJK character as one column where a monospaced font draws it two wide: on screen each gap
  /// of two or more spaces gives back the columns the wide characters before it took, so that the
  /// table's columns line up as on paper. Only the display changes, never the text's positions.
  struct Spacing {
    private var debt = 0

    mutating func realign(_ text: String) -> String {
      var out = ""
      var run = 0
      func flush() {
        let removed = run >= 2 ? min(debt, run - 2) : 0
        debt -= removed
        out += String(repeating: " ", count: run - removed)
        run = 0
      }
      for character in text {
        if character == " " {
          run += 1
          continue
        }
        flush()
        if let scalar = character.unicodeScalars.first, PDFPageLayout.isWide(scalar) { debt += 1 }
        out.append(character)
      }
      flush()
      return out
    }
  }

  private static func note(_ finding: Finding, index: Int, of result: FileResult, fileIndex: Int) -> String {
    let position = result.source.position(ofUTF8Offset: finding.range.lowerBound)
    let severity = HTMLOutput.severityClass(finding.severity)
    var out = "<div class=\"note sev-\(severity)\" id=\"f-\(fileIndex)-\(index + 1)\" data-f=\"\(index + 1)\""
    out += " data-code=\"\(HTMLOutput.escape(finding.code))\" data-line=\"\(position.line)\""
    out += " data-character=\"\(position.character)\" data-severity=\"\(finding.severity.rawValue)\" tabindex=\"-1\">"
    out += "<div class=\"head\"><span class=\"badge\">\(HTMLOutput.severityWord(finding.severity))</span> "
    out += "<span class=\"code\">\(HTMLOutput.escape(finding.code))</span> "
    out += "<span class=\"where\">\(HTMLOutput.escape(HTMLOutput.place(of: finding, in: result)))</span></div>"
    out += "<p class=\"message\">\(HTMLOutput.escape(finding.message.rendered()))</p>"
    if !finding.related.isEmpty {
      out += "<ul class=\"related\">"
      for related in finding.related {
        let line = result.source.line(ofUTF8Offset: related.range.lowerBound) + 1
        out += "<li>相关：第\(line)行 \(HTMLOutput.escape(related.message.rendered()))</li>"
      }
      out += "</ul>"
    }
    let fixes = finding.fixes.filter { !$0.title.utf8Text.hasPrefix("忽略") }
    if !fixes.isEmpty {
      out += "<ul class=\"fixes\">"
      for fix in fixes {
        out += "<li><span class=\"fix-title\">\(fix.isSafe ? "可自动修复" : "修复")：\(HTMLOutput.escape(fix.title))</span>"
        for edit in fix.edits {
          let before = clipped(result.source.text(in: edit.range))
          out += " <span class=\"edit\"><del>\(before.isEmpty ? "（无）" : HTMLOutput.escape(before))</del>"
          out += " → <ins>\(edit.newText.isEmpty ? "（删除）" : HTMLOutput.escape(clipped(edit.newText)))</ins></span>"
        }
        out += "</li>"
      }
      out += "</ul>"
    }
    return out + "</div>\n"
  }

  private static func clipped(_ text: String) -> String {
    text.count > 120 ? String(text.prefix(118)) + "…" : text
  }
}
