import JuesuanModel

/// How serious a finding is; raw values are LSP `DiagnosticSeverity`.
package enum Severity: Int, Sendable, Codable, Comparable, CaseIterable {
  case error = 1
  case warning = 2
  case information = 3
  case hint = 4

  /// "error", "warning", "info", "hint": the words of configuration and `--fail-level`.
  package var name: String {
    switch self {
    case .error: "error"
    case .warning: "warning"
    case .information: "info"
    case .hint: "hint"
    }
  }

  package init?(name: String) {
    switch name.lowercased() {
    case "error": self = .error
    case "warning", "warn": self = .warning
    case "info", "information": self = .information
    case "hint": self = .hint
    default: return nil
    }
  }

  /// More severe compares smaller (error < warning), as in LSP.
  package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One replacement of a byte range of the document.
package struct TextEdit: Hashable, Sendable {
  package var range: Range<Int>
  package var newText: String

  package init(range: Range<Int>, newText: String) {
    self.range = range
    self.newText = newText
  }

  /// Deletes `range` of `source` but keeps its line breaks: the text joins where it was cut and
  /// every later line keeps its number (a wrapped paragraph stays wrapped).
  package static func deletion(_ range: Range<Int>, in source: SourceText) -> TextEdit {
    let breaks = source.bytes[range].reduce(into: "") { kept, byte in
      if byte == 0x0A { kept += "\n" } else if byte == 0x0D { kept += "\r" }
    }
    return TextEdit(range: range, newText: breaks)
  }
}

/// A quick fix: a titled set of non-overlapping edits.
package struct Fix: Hashable, Sendable {
  package var title: String
  package var edits: [TextEdit]
  /// Safe fixes are applied by `juesuan fix` and `source.fixAll`; the others only on request.
  package var isSafe: Bool
  /// The fix an editor may pick by default; at most one per finding, none when two are plausible.
  package var isPreferred: Bool

  package init(title: String, edits: [TextEdit], isSafe: Bool = false, isPreferred: Bool = false) {
    self.title = title
    self.edits = edits
    self.isSafe = isSafe
    self.isPreferred = isPreferred
  }
}

/// A diagnostic as data: what rule, where (byte range), what, and how to fix it.
package struct Finding: Hashable, Sendable {
  /// Another place involved (the other cell, the other table), with a short note.
  package struct Related: Hashable, Sendable {
    package var range: Range<Int>
    package var message: Message

    package init(range: Range<Int>, message: Message) {
      self.range = range
      self.message = message
    }
  }

  package var code: String
  package var severity: Severity
  package var range: Range<Int>
  /// What is wrong, with the arithmetic. The lines it cites are counted from the start of the
  /// report it was found in until the finding is placed in the document (`LintedPart.Placement`).
  package var message: Message
  package var related: [Related]
  package var fixes: [Fix]
  /// A short label an editor may show right after the finding's range (an inlay hint): the figure
  /// the text should hold, "Σ 1,234.56" or "= 12.35%". Kept relative to `range`, so it moves with it.
  package var hint: String?

  package init(
    code: String, severity: Severity, range: Range<Int>, message: Message, related: [Related] = [], fixes: [Fix] = [],
    hint: String? = nil
  ) {
    self.code = code
    self.severity = severity
    self.range = range
    self.message = message
    self.related = related
    self.fixes = fixes
    self.hint = hint
  }
}

/// A check a rule could not run, and why (the coverage summary, `check --statistics`).
package struct SkippedCheck: Hashable, Sendable {
  /// The rule's code.
  package var code: String
  package var reason: Message

  package init(code: String, reason: Message) {
    self.code = code
    self.reason = reason
  }
}
