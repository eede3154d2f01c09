/// The header of a space-aligned table on one page: its cells, each the words of one header cell
/// (a title wrapped over several lines joined: "附属单位" over "上缴收入"), with the columns it
/// covers.
struct TableHeader {
  /// A header cell: its pieces top to bottom, and the columns they cover together.
  struct Cell {
    var pieces: [String]
    var columns: Range<Int>
    var lastLine: Int
    /// Each piece's own columns, in the order of `pieces`.
    var pieceColumns: [Range<Int>]

    var text: String { pieces.joined() }
    var doubledCentre: Int { columns.lowerBound + columns.upperBound }
  }

  var cells: [Cell] = []

  /// Reads the words of the header lines, in order (`lines[i]` the words of line i, blank lines
  /// kept as empty arrays so that distances hold). A piece joins the cell above it when they
  /// overlap one to one within two lines, centred or flush left alike: a wrapped title, not a
  /// group title over several.
  init(lines: [[AlignedWord]]) {
    for (index, words) in lines.enumerated() {
      // Column numbers (栏次 1 2 3) and codes are not titles.
      let fragments = words.filter(\.isText)
      for fragment in fragments {
        let above = cells.indices.filter { candidate in
          let cell = cells[candidate]
          return cell.lastLine < index && cell.lastLine >= index - 2 && cell.columns.overlaps(fragment.columns)
            && Self.wraps(cell.columns, fragment.columns)
        }
        let isOneToOne =
          above.count == 1 && !Self.leafTitles.contains(fragment.text)
          && fragments.filter { $0.columns.overlaps(cells[above[0]].columns) }.count == 1
        if isOneToOne, let cellIndex = above.first {
          cells[cellIndex].pieces.append(fragment.text)
          cells[cellIndex].pieceColumns.append(fragment.columns)
          let columns = cells[cellIndex].columns
          cells[cellIndex].columns =
            min(columns.lowerBound, fragment.columns.lowerBound)..<max(columns.upperBound, fragment.columns.upperBound)
          cells[cellIndex].lastLine = index
        } else {
          cells.append(
            Cell(pieces: [fragment.text], columns: fragment.columns, lastLine: index, pieceColumns: [fragment.columns]))
        }
      }
    }
    cells.sort { $0.columns.lowerBound < $1.columns.lowerBound }
  }

  var isEmpty: Bool { cells.isEmpty }

  /// Titles of a figure column under an item ("合计" over "预算数 决算数"): never a wrapped piece.
  private static let leafTitles: Set<String> = ["预算数", "决算数", "预算", "决算", "金额"]

  /// Whether a piece at `lower` continues the cell at `upper`: a wrapped title is centred or set
  /// flush left like its first line; a group title over narrower cells is neither.
  private static func wraps(_ upper: Range<Int>, _ lower: Range<Int>) -> Bool {
    abs((upper.lowerBound + upper.upperBound) - (lower.lowerBound + lower.upperBound)) <= 4
      || abs(upper.lowerBound - lower.lowerBound) <= 1
  }

  /// The cell's spec among `specs`: the first spec a key of which the cell's lowest piece holds,
  /// else one its pieces joined hold (a group title over a wrapped one is read last).
  func spec(of cell: Cell, among specs: [TableSchema.ColumnSpec]) -> Int? {
    for piece in cell.pieces.reversed() {
      let compact = piece.utf8Text.removingWhitespace()
      if let found = specs.firstIndex(where: { spec in spec.keys.contains { compact.utf8Text.contains($0) } }) {
        return found
      }
    }
    let joined = cell.text.utf8Text.removingWhitespace()
    return specs.firstIndex { spec in spec.keys.contains { joined.utf8Text.contains($0) } }
  }

  /// The cells that name a column of `specs`, left to right, each with its spec; of several
  /// cells naming one spec, the first.
  func amountColumns(_ specs: [TableSchema.ColumnSpec], within columns: Range<Int>? = nil) -> [(
    spec: Int, cell: Cell
  )] {
    var found: [(spec: Int, cell: Cell)] = []
    for cell in cells where columns.map({ $0.contains(cell.doubledCentre / 2) }) ?? true {
      guard let spec = spec(of: cell, among: specs), !found.contains(where: { $0.spec == spec }) else { continue }
      found.append((spec, cell))
    }
    return found
  }
}
