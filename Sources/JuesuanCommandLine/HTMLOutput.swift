import Foundation
import JuesuanDocuments
import JuesuanModel
import JuesuanRules

/// `--format html`: one self-contained page for a reviewer — a summary of every file, then each
/// report's text with every finding highlighted where it is, its message (with the arithmetic)
/// and its fixes as before → after beneath the line, a list of the findings beside the text, and
/// j/k (n/p) to go from one finding to the next. No external assets: it works offline and can be
/// mailed as one file.
enum HTMLOutput {
  /// The page for `results`.
  /// - Complexity: O(text + findings) per file.
  static func render(_ results: [FileResult]) -> String {
    var counts: [Severity: Int] = [:]
    for result in results {
      for finding in result.lint.findings { counts[finding.severity, default: 0] += 1 }
    }
    var page = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="juesuan">
      <title>决算审阅报告（\(results.count) 个文件）</title>
      <style>\(HTMLAssets.style)</style>
      </head>
      <body>
      <header class="top">
      <h1>决算审阅报告</h1>
      <p class="totals">\(results.count) 个文件 · <span class="sev-error">\(counts[.error] ?? 0) 个错误</span> · \
      <span class="sev-warning">\(counts[.warning] ?? 0) 个警告</span> · \
      <span class="sev-information">\(counts[.information] ?? 0) 条提示</span></p>
      <p class="keys">键盘：<kbd>j</kbd>/<kbd>n</kbd> 下一处，<kbd>k</kbd>/<kbd>p</kbd> 上一处，<kbd>g</kbd> 回到汇总</p>
      </header>
      <main>

      """
    page += summary(results)
    for (index, result) in results.enumerated() { page += file(result, index: index + 1) }
    page += "</main>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
    return page
  }

  /// The table of every file: findings by severity and tables read or not.
  private static func summary(_ results: [FileResult]) -> String {
    var out = """
      <section id="summary" class="summary">
      <h2>汇总</h2>
      <table>
      <thead><tr><th>文件</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>已读表</th><th>未读表</th></tr></thead>
      <tbody>

      """
    for (index, result) in results.enumerated() {
      let findings = result.lint.findings
      func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
      let status =
        result.failure.map { "<td class=\"failed\">无法读取：\(escape($0))</td>" }
        ?? "<td>\(result.document.map { $0.kind == .pdf ? "PDF" : "Word" } ?? "文本") · 已检查</td>"
      let read = result.failure == nil ? String(result.lint.coverage.tablesRecognised.count) : "—"
      let unread = result.failure == nil ? String(findings.filter { $0.code == "table/unparsed" }.count) : "—"
      out += """
        <tr data-path="\(escape(result.path))"><td><a href="#file-\(index + 1)">\(escape(result.path))</a></td>\(status)\
        <td class="n sev-error">\(count(.error))</td><td class="n sev-warning">\(count(.warning))</td>\
        <td class="n sev-information">\(count(.information) + count(.hint))</td><td class="n">\(read)</td>\
        <td class="n">\(unread)</td></tr>

        """
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  /// One file: the list of its findings, and its text with the findings in place.
  private static func file(_ result: FileResult, index: Int) -> String {
    var out = "<section class=\"file\" id=\"file-\(index)\" data-path=\"\(escape(result.path))\">\n"
    out += "<h2>\(escape(result.path))</h2>\n"
    if let failure = result.failure {
      return out + "<p class=\"failed\">无法读取，未检查：\(escape(failure))</p>\n</section>\n"
    }
    for note in result.document?.notes ?? [] { out += "<p class=\"note-line\">\(escape(note))</p>\n" }
    let findings = result.lint.findings
    guard !findings.isEmpty || result.source.bytes.count > 0 else {
      return out + "<p>文件为空。</p>\n</section>\n"
    }
    out += "<div class=\"columns\">\n<nav class=\"list\" aria-label=\"问题列表\">\n"
    out += findings.isEmpty ? "<p>未发现问题。</p>\n" : "<ol>\n"
    for (number, finding) in findings.enumerated() {
      out += "<li><a href=\"#f-\(index)-\(number + 1)\" class=\"sev-\(severityClass(finding.severity))\">"
      out += "<span class=\"where\">\(escape(place(of: finding, in: result)))</span> "
      out +=
        "<span class=\"code\">\(escape(finding.code))</span> \(escape(shortened(finding.message.rendered())))</a></li>\n"
    }
    if !findings.isEmpty { out += "</ol>\n" }
    out += "</nav>\n<div class=\"text\" role=\"document\">\n"
    out += HTMLText.lines(of: result, fileIndex: index)
    return out + "</div>\n</div>\n</section>\n"
  }

  /// "p3 · 第12行" / "表2第3行第4列 · 第40行" / "第12行".
  static func place(of finding: Finding, in result: FileResult) -> String {
    let line = result.source.line(ofUTF8Offset: finding.range.lowerBound) + 1
    guard let location = result.location(ofUTF8Offset: finding.range.lowerBound) else { return "第\(line)行" }
    return "\(location) · 第\(line)行"
  }

  static func severityClass(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .information: "information"
    case .hint: "hint"
    }
  }

  static func severityWord(_ severity: Severity) -> String {
    switch severity {
    case .error: "错误"
    case .warning: "警告"
    case .information: "提示"
    case .hint: "建议"
    }
  }

  private static func shortened(_ message: String) -> String {
    message.count > 60 ? String(message.prefix(58)) + "…" : message
  }

  /// `text` safe in HTML text and in a quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // A form feed (a PDF's page break) or another control character has no glyph.
      case "\u{0C}", "\u{0}": break
      default: out.append(character)
      }
    }
    return out
  }
}
