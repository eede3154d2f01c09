/// The text juesuan reads from a PDF or Word file, with where each of its lines came from.
package struct ExtractedDocument: Sendable, Equatable {
  /// What a line of the text was made from.
  package enum Origin: Sendable, Equatable {
    /// A line of page `page` (1-based) of a PDF.
    case page(Int)
    /// Part of the `index`-th (1-based) paragraph with text, outside tables, of a Word document.
    case paragraph(Int)
    /// Row `row` of table `table` (both 1-based) of a Word document; the line's cells are
    /// separated by tabs, one per column of the table's grid.
    case tableRow(table: Int, row: Int)
  }

  /// The kind of file the text came from.
  package enum Kind: String, Sendable {
    case pdf
    case word
  }

  /// The text, lines separated by "\n" (a PDF's pages by a form feed at the start of the first
  /// line of each page after the first, as `pdftotext -layout` separates them).
  package var text: String
  /// One entry per line of `text` ("\n"-separated); a line past the end has no origin.
  package var origins: [Origin]
  package var kind: Kind
  /// A note for the reader about how the text was made (the fallback used), if any.
  package var notes: [String] = []

  /// A document of `text` whose lines came from `origins`.
  package init(text: String, origins: [Origin], kind: Kind, notes: [String] = []) {
    self.text = text
    self.origins = origins
    self.kind = kind
    self.notes = notes
  }

  /// Where line `line` (0-based) came from, nil past the end.
  package func origin(ofLine line: Int) -> Origin? {
    origins.indices.contains(line) ? origins[line] : nil
  }

  /// The place a reviewer looks for a position on line `line` (0-based) preceded on its line by
  /// `textBefore` — "p3", "第12段", "表2第3行第4列" — or nil when the line has no origin.
  /// - Complexity: O(textBefore) for a table row (its tabs are counted), else O(1).
  package func location(ofLine line: Int, textBefore: Substring) -> String? {
    switch origin(ofLine: line) {
    case .page(let page): return "p\(page)"
    case .paragraph(let index): return "第\(index)段"
    case .tableRow(let table, let row):
      let column = textBefore.reduce(1) { $1 == "\t" ? $0 + 1 : $0 }
      return "表\(table)第\(row)行第\(column)列"
    case nil: return nil
    }
  }
}

/// Why a PDF or Word file could not be read: one line for the reviewer, in Chinese.
package struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The reason, without the file's name.
  package var description: String

  /// An error saying `description`.
  package init(_ description: String) {
    self.description = description
  }
}
