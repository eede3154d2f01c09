/// A word of `pdftotext -bbox-layout`: its text and its box in points, y growing downwards.
package struct PDFWord: Sendable, Equatable {
  package var text: String
  package var xMin: Double
  package var yMin: Double
  package var xMax: Double
  package var yMax: Double
  /// The numbers (in page order) of the block and of the line within the page that poppler put
  /// the word in: words of one block line belong to one table cell or one line of prose.
  package var block: Int
  package var line: Int

  /// A word `text` in the box (xMin, yMin)–(xMax, yMax) of block line `line` of block `block`.
  package init(
    _ text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double, block: Int = 0, line: Int = 0
  ) {
    self.text = text
    self.xMin = xMin
    self.yMin = yMin
    self.xMax = xMax
    self.yMax = yMax
    self.block = block
    self.line = line
  }

  var height: Double { max(yMax - yMin, 0.1) }
  var centre: Double { (yMin + yMax) / 2 }
}

/// One page of words.
package struct PDFPage: Sendable, Equatable {
  package var words: [PDFWord]

  /// A page holding `words`.
  package init(words: [PDFWord]) {
    self.words = words
  }
}

/// Lays a page's words out as lines of text the way `pdftotext -layout` does — words on one
/// line when their vertical centres agree, columns made of runs of spaces, blank lines for
/// vertical gaps — but with one column grid for the whole page, so that a table's cells line up
/// from row to row whatever the rows hold.
///
/// The grid's unit is the page's typical advance of a half-width character (CJK characters are
/// two units wide on paper but one character in the text, as in -layout output). A word that
/// follows another cell (a different block line of poppler's, or a wide gap) starts
/// at its grid column, at least two spaces after what precedes it; a word that continues its
/// cell or its line of prose (the same block line, less than two CJK characters away, or any
/// word closer than about half a character) follows after one space, so that neither a cell nor
/// a sentence is torn apart by the grid.
package enum PDFPageLayout {
  /// The page's lines, top to bottom; blank lines stand for vertical gaps.
  /// - Complexity: O(n log n) in the page's words.
  package static func lines(of page: PDFPage) -> [String] {
    let words = page.words.filter { !$0.text.isEmpty && $0.xMax.isFinite && $0.yMax.isFinite }
    guard let left = words.map(\.xMin).min() else { return [] }
    let unit = characterUnit(of: words)
    var lines: [String] = []
    var previousBottom: Double?
    for row in rows(of: words) {
      let top = row.map(\.yMin).min() ?? 0
      let height = row.map(\.height).max() ?? 1
      if let previousBottom {
        // A gap of about a line's height or more is a blank line, as in -layout's prose (lines
        // there are spaced a line apart); a table's rows, closer than that, follow each other.
        let gap = (top - previousBottom) / height
        if gap.isFinite, gap > 0.75 {
          for _ in 0..<min(4, Int(gap + 0.25)) { lines.append("") }
        }
      }
      previousBottom = row.map(\.yMax).max()
      lines.append(text(of: row, left: left, unit: unit))
    }
    return lines
  }

  /// The words grouped into lines: sorted by vertical centre, a word joins the line above when
  /// its centre lies within half a word's height of that line's first word.
  static func rows(of words: [PDFWord]) -> [[PDFWord]] {
    let sorted = words.sorted { ($0.centre, $0.xMin) < ($1.centre, $1.xMin) }
    var rows: [[PDFWord]] = []
    var anchor: PDFWord?
    for word in sorted {
      if let first = anchor, abs(word.centre - first.centre) <= 0.5 * min(word.height, first.height) {
        rows[rows.count - 1].append(word)
      } else {
        rows.append([word])
        anchor = word
      }
    }
    return rows.map { $0.sorted { $0.xMin < $1.xMin } }
  }

  private static func text(of row: [PDFWord], left: Double, unit: Double) -> String {
    var line = ""
    var column = 0
    var previous: PDFWord?
    for word in row {
      let target = max(0, Int(((word.xMin - left) / unit).rounded()))
      var spaces: Int
      if let previous {
        let gap = word.xMin - previous.xMax
        let sameCell = previous.block == word.block && previous.line == word.line
        spaces = sameCell && gap < 4 * unit || gap < 0.6 * unit ? 1 : max(2, target - column)
      } else {
        spaces = target
      }
      spaces = min(spaces, 400)
      line += String(repeating: " ", count: spaces)
      line += word.text
      column += spaces + word.text.count
      previous = word
    }
    return line
  }

  /// The page's typical advance of one half-width character, in points: the median, weighted by
  /// length, of each word's width per unit (a wide character counting two).
  static func characterUnit(of words: [PDFWord]) -> Double {
    var samples: [(advance: Double, weight: Int)] = []
    for word in words {
      let units = word.text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
      let width = word.xMax - word.xMin
      guard units > 0, width > 0 else { continue }
      samples.append((width / Double(units), units))
    }
    samples.sort { $0.advance < $1.advance }
    let total = samples.reduce(0) { $0 + $1.weight }
    var seen = 0
    for sample in samples {
      seen += sample.weight
      if 2 * seen >= total { return max(sample.advance, 0.5) }
    }
    return 5
  }

  /// Whether `scalar` is set two units wide: CJK, Hangul, full-width forms, and the quotation
  /// marks and dashes Chinese fonts draw full-width.
  package static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2014, 0x2018...0x201D, 0x2026, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
