/// Reads a draft (plain text, Markdown, TSV or space-aligned tables) into a `Report`.
package enum ReportParser {
  /// Never fails: what cannot be read becomes an `UnreadRegion`.
  /// - Complexity: O(n) in the text.
  package static func parse(_ source: SourceText) -> Report {
    Report(source: source)
  }
}
