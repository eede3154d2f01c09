import Foundation
import JSONRPC
import JuesuanModel
import JuesuanRules
import JuesuanServer
import LanguageServerProtocol

/// The `--format json` contract of DOMAIN.md §5:
/// `{"version":1,"files":[{"path":…,"diagnostics":[LSP Diagnostic + "fixes"]}]}`, each file with
/// the optional `"reports":[{"kind":"部门决算","startLine":0,"endLine":…}]`.
enum JSONOutput {
  /// Written diagnostic by diagnostic (keys sorted, as `LSPAny.writeJSON` writes them) and handed
  /// to `flush` about a megabyte at a time, so that a file with thousands of findings never holds
  /// their whole tree, or the whole text, at once.
  static func render(_ results: [FileResult], flush: (String) -> Void) {
    var out = Array(#"{"files":["#.utf8)
    for (fileIndex, result) in results.enumerated() {
      out += (fileIndex == 0 ? #"{"diagnostics":["# : #",{"diagnostics":["#).utf8
      let findings = result.lint.findings
      let uri = findings.contains { !$0.related.isEmpty } ? uri(ofPath: result.path) : ""
      for (index, finding) in findings.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        writeDiagnostic(finding, in: result, uri: uri, into: &out)
        if out.count > 1 << 20 {
          flush(String(decoding: out, as: UTF8.self))
          out.removeAll(keepingCapacity: true)
        }
      }
      out += "]".utf8
      if let failure = result.failure {
        // Optional: why the file could not be read (it then has no diagnostics).
        out += #","error":"#.utf8
        LSPAny.string(failure).writeJSON(into: &out)
      }
      out += #","path":"#.utf8
      LSPAny.string(result.path).writeJSON(into: &out)
      // Optional: each report the file holds, its kind and lines (0-based, inclusive).
      let reports: [LSPAny] = result.lint.parts.map { part in
        let first = result.source.line(ofUTF8Offset: part.range.lowerBound)
        let last = result.source.line(ofUTF8Offset: max(part.range.lowerBound, part.range.upperBound - 1))
        return ["kind": .string(part.kind.rawValue), "startLine": .int(first), "endLine": .int(last)]
      }
      if !reports.isEmpty {
        out += #","reports":"#.utf8
        LSPAny.array(reports).writeJSON(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
    out += "],\"version\":1}\n".utf8
    flush(String(decoding: out, as: UTF8.self))
  }

  /// The JSON text of `value`: keys sorted, `/` and non-ASCII unescaped.
  static func text(_ value: LSPAny) -> String {
    var out: [UInt8] = []
    value.writeJSON(into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Writes a finding as the contract writes it: the LSP diagnostic of the shared mapping (with no
  /// `tags`, which the contract does not list), its fixes, and the page or place of a PDF or Word
  /// file. `uri` names the file in related places. Written straight into `out`, keys sorted: the
  /// text `LSPAny.writeJSON` gives of the diagnostic's `jsonObject` with those members added.
  static func writeDiagnostic(_ finding: Finding, in result: FileResult, uri: String, into out: inout [UInt8]) {
    let source = result.source
    var extra = [
      JSONMember("fixes") { out in
        out.append(UInt8(ascii: "["))
        for (index, fix) in finding.fixes.enumerated() {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          // Ruff's word: "safe" fixes are applied by `fix` and fixAll, "unsafe" ones only offered.
          JSONOut.raw(
            fix.isSafe ? #"{"applicability":"safe","edits":["# : #"{"applicability":"unsafe","edits":["#, into: &out)
          for (editIndex, edit) in fix.edits.enumerated() {
            JSONOut.raw(editIndex > 0 ? #",{"newText":"# : #"{"newText":"#, into: &out)
            JSONOut.string(edit.newText, into: &out)
            JSONOut.raw(#","range":"#, into: &out)
            PositionRange(source.lineRange(of: edit.range)).writeJSON(into: &out)
            out.append(UInt8(ascii: "}"))
          }
          JSONOut.raw(
            fix.isPreferred ? #"],"isPreferred":true,"safe":"# : #"],"isPreferred":false,"safe":"#, into: &out)
          JSONOut.raw(fix.isSafe ? #"true,"title":"# : #"false,"title":"#, into: &out)
          JSONOut.string(fix.title, into: &out)
          out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
      }
    ]
    // Optional keys for a PDF or Word file (the contract's keys are unchanged): the page, or the
    // paragraph or table cell the finding is in.
    if let page = result.page(ofUTF8Offset: finding.range.lowerBound) {
      extra.append(JSONMember("page") { JSONOut.int(page, into: &$0) })
    } else if let location = result.location(ofUTF8Offset: finding.range.lowerBound) {
      extra.append(JSONMember("location") { JSONOut.string(location, into: &$0) })
    }
    Diagnostic(finding, in: source, uri: uri, tags: nil).writeJSON(into: &out, adding: extra)
  }

  /// The URI of `path` in related places: a file URL, "stdin" for standard input.
  static func uri(ofPath path: String) -> String {
    path == "-" ? "stdin" : URL(fileURLWithPath: path).absoluteString
  }
}

/// `--format text` (file:line:col: severity code message) and `--format github`.
enum TextOutput {
  static func render(_ results: [FileResult], options: CheckCommand.Options) -> String {
    var out = ""
    var counts: [Severity: Int] = [:]
    for result in results {
      for finding in result.lint.findings {
        counts[finding.severity, default: 0] += 1
        if options.quiet, finding.severity > (options.failLevel ?? result.failLevel) { continue }
        let position = result.source.position(ofUTF8Offset: finding.range.lowerBound)
        let level = colored(finding.severity, options.color)
        // A PDF's or Word file's finding names its page, paragraph or cell before the line of
        // the text read from it: report.pdf:p3:12:5.
        let place = result.location(ofUTF8Offset: finding.range.lowerBound).map { $0 + ":" } ?? ""
        out +=
          "\(result.path):\(place)\(position.line + 1):\(position.character + 1): \(level) \(finding.code) \(finding.message.rendered())\n"
      }
    }
    if !options.quiet {
      let total = counts.values.reduce(0, +)
      let unreadable = results.filter { $0.failure != nil }.count
      if unreadable > 0 { out += "\(unreadable) 个文件无法读取，未检查。\n" }
      out +=
        total == 0
        ? "检查了 \(results.count - unreadable) 个文件，未发现问题。\n"
        : "检查了 \(results.count - unreadable) 个文件：\(counts[.error] ?? 0) 个错误，\(counts[.warning] ?? 0) 个警告，\(counts[.information] ?? 0) 条提示。\n"
    }
    return out
  }

  private static func colored(_ severity: Severity, _ color: Bool) -> String {
    guard color else { return severity.name }
    let code =
      switch severity {
      case .error: "31"
      case .warning: "33"
      case .information: "36"
      case .hint: "37"
      }
    return "\u{1B}[\(code)m\(severity.name)\u{1B}[0m"
  }

  /// GitHub Actions workflow commands.
  static func github(_ results: [FileResult]) -> String {
    var out = ""
    for result in results {
      for finding in result.lint.findings {
        let start = result.source.position(ofUTF8Offset: finding.range.lowerBound)
        let end = result.source.position(ofUTF8Offset: finding.range.upperBound)
        let command =
          switch finding.severity {
          case .error: "error"
          case .warning: "warning"
          default: "notice"
          }
        let message = escape(finding.message.rendered(), property: false)
        out +=
          "::\(command) file=\(escape(result.path, property: true)),line=\(start.line + 1),col=\(start.character + 1),"
        out +=
          "endLine=\(end.line + 1),endColumn=\(end.character + 1),title=\(escape(finding.code, property: true))::\(message)\n"
      }
    }
    return out
  }

  private static func escape(_ text: String, property: Bool) -> String {
    var result = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
    if property {
      result = result.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
    return result
  }

  /// `--statistics`: per report of each file, how each of the nine tables was read (and why not),
  /// the checks run and those skipped (by rule, with the first reasons); then per rule the
  /// findings' counts.
  static func statistics(_ results: [FileResult]) -> String {
    var out = ""
    var perRule: [String: Int] = [:]
    for result in results {
      let parts = result.lint.parts
      for (index, part) in parts.enumerated() {
        let offset = part.placement?.line ?? result.source.line(ofUTF8Offset: part.range.lowerBound)
        let lastLine = result.source.line(ofUTF8Offset: max(part.range.lowerBound, part.range.upperBound - 1))
        let which = parts.count > 1 ? "第 \(index + 1) 份报告（第 \(offset + 1)–\(lastLine + 1) 行）" : "报告"
        let counts = TableCoverage.Status.allCases.compactMap { status -> String? in
          let count = part.tables.filter { $0.status == status }.count
          return count == 0 ? nil : "\(status.rawValue) \(count) 张"
        }
        out += "\(result.path): \(which)（\(part.kind.rawValue)）：九张公开表\(counts.joined(separator: "、"))；"
        out += "运行检查 \(part.checksRun) 项，跳过 \(part.skipped.count) 项\n"
        for table in part.tables {
          let place = table.line.map { "（第 \($0 + offset + 1) 行）" } ?? ""
          let reason = table.reason.map { "：" + $0.rendered(lineOffset: offset) } ?? ""
          out +=
            "  表 \(table.kind.rawValue) \(table.title ?? table.kind.officialTitle)\(place) \(table.status.rawValue)\(reason)\n"
        }
        var byRule: [(code: String, reasons: [String])] = []
        for skipped in part.skipped {
          let reason = skipped.reason.rendered(lineOffset: offset).utf8Text.trimmingWhitespace()
          if let at = byRule.firstIndex(where: { $0.code == skipped.code }) {
            byRule[at].reasons.append(reason)
          } else {
            byRule.append((skipped.code, [reason]))
          }
        }
        for (code, reasons) in byRule {
          let shown = reasons.prefix(3).joined(separator: "；")
          out += "  跳过 \(code) \(reasons.count) 项：\(shown)\(reasons.count > 3 ? "；…" : "")\n"
        }
      }
      for finding in result.lint.findings { perRule[finding.code, default: 0] += 1 }
    }
    for (code, count) in perRule.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
      out += String(format: "%5d  ", count) + code + "\n"
    }
    return out
  }
}

/// SARIF 2.1.0 for code-scanning uploads.
enum SARIFOutput {
  static func render(_ results: [FileResult]) -> String {
    let rules: [LSPAny] = RuleRegistry.all.map { rule in
      let description = rule.description
      return [
        "id": .string(description.code),
        "shortDescription": ["text": .string(description.summary)],
        "fullDescription": ["text": .string(description.rationale)],
        "help": ["text": .string(description.summary + "\n" + description.rationale)],
        "helpUri": .string(RuleDocumentation.link(description.code)),
        "defaultConfiguration": ["level": .string(level(description.defaultSeverity))],
      ]
    }
    var sarifResults: [LSPAny] = []
    for result in results {
      for finding in result.lint.findings {
        let start = result.source.position(ofUTF8Offset: finding.range.lowerBound)
        let end = result.source.position(ofUTF8Offset: finding.range.upperBound)
        let region: LSPAny = [
          "startLine": .int(start.line + 1), "startColumn": .int(start.character + 1), "endLine": .int(end.line + 1),
          "endColumn": .int(end.character + 1),
        ]
        var entry: [String: LSPAny] = [
          "ruleId": .string(finding.code), "level": .string(level(finding.severity)),
          "message": ["text": .string(finding.message.rendered())],
          "locations": [["physicalLocation": ["artifactLocation": ["uri": .string(result.path)], "region": region]]],
        ]
        let fixes = finding.fixes.filter { !$0.title.utf8Text.hasPrefix("忽略") }
        if !fixes.isEmpty {
          entry["fixes"] = .array(
            fixes.map { fix -> LSPAny in
              [
                "description": ["text": .string(fix.title)],
                "artifactChanges": [
                  [
                    "artifactLocation": ["uri": .string(result.path)],
                    "replacements": .array(
                      fix.edits.map { edit -> LSPAny in
                        let a = result.source.position(ofUTF8Offset: edit.range.lowerBound)
                        let b = result.source.position(ofUTF8Offset: edit.range.upperBound)
                        return [
                          "deletedRegion": [
                            "startLine": .int(a.line + 1), "startColumn": .int(a.character + 1),
                            "endLine": .int(b.line + 1), "endColumn": .int(b.character + 1),
                          ],
                          "insertedContent": ["text": .string(edit.newText)],
                        ]
                      }),
                  ]
                ],
              ]
            })
        }
        sarifResults.append(.object(entry))
      }
    }
    let object: LSPAny = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "juesuan", "informationUri": "https://github.com/juesuan/juesuan", "rules": .array(rules),
            ]
          ],
          "results": .array(sarifResults),
        ]
      ],
    ]
    return JSONOutput.text(object) + "\n"
  }

  private static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    default: "note"
    }
  }
}
