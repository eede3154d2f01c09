/// A classified piece of a table line: a subject code, text, a figure, or an empty cell.
enum TableToken {
  case code(String, Range<Int>)
  case text(String, Range<Int>)
  /// A figure; nil amount for "—" / "-" (reads as zero).
  case figure(Table.Cell)
  /// An empty cell of a tab- or pipe-separated row (position matters there).
  case blank(Range<Int>)

  var range: Range<Int> {
    switch self {
    case .code(_, let range), .text(_, let range), .blank(let range): range
    case .figure(let cell): cell.range
    }
  }

  var isFigure: Bool {
    if case .figure = self { return true }
    return false
  }

  /// The tokens of one line. Tab/pipe cells keep their blanks; whitespace tokens of plain lines
  /// are merged where PDF export split a number ("1,861." "64").
  static func tokens(of line: Line) -> [TableToken] {
    let positional = line.shape == .tabbed || line.shape == .piped
    var result: [TableToken] = []
    var pieces = line.pieces
    if !positional {
      var merged: [Line.Piece] = []
      for piece in pieces {
        if let last = merged.last, last.text.hasSuffix("."), last.text.count > 1,
          piece.text.count <= 2, piece.text.allSatisfy(\.isASCIIDigit)
        {
          merged[merged.count - 1] = Line.Piece(
            text: last.text + piece.text, range: last.range.lowerBound..<piece.range.upperBound)
        } else {
          merged.append(piece)
        }
      }
      pieces = merged
    }
    for piece in pieces {
      let text = piece.text
      if text.isEmpty {
        if positional { result.append(.blank(piece.range)) }
        continue
      }
      if let token = classify(text, range: piece.range, positional: positional) {
        result.append(contentsOf: token)
      }
    }
    return result
  }

  private static func classify(_ text: String, range: Range<Int>, positional: Bool) -> [TableToken]? {
    if isDash(text) {
      return [.figure(Table.Cell(amount: nil, text: text, range: range))]
    }
    if isCode(text) { return [.code(text, range)] }
    // "21011 行政事业单位医疗": code and name in one cell.
    if positional, let space = text.firstIndex(of: " ") {
      let head = String(text[..<space])
      if isCode(head), text[space...].contains(where: { !$0.isASCII }) {
        let nameStart = range.lowerBound + text.utf8.distance(from: text.startIndex, to: space) + 1
        let name = String(text[space...].drop { $0 == " " })
        return [
          .code(head, range.lowerBound..<(range.lowerBound + head.utf8.count)),
          .text(name, nameStart..<range.upperBound),
        ]
      }
    }
    if let amount = Amount(parsing: text) {
      return [.figure(Table.Cell(amount: amount, text: text, range: range))]
    }
    // "990 .24", "58 5. 92", "1,861. 64": a number broken by spaces inside one cell.
    if positional, text.contains(" "), text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == " " }) {
      let joined = String(text.filter { $0 != " " })
      if let amount = Amount(parsing: joined) {
        return [.figure(Table.Cell(amount: amount, text: text, range: range, isDamaged: amount.decimals != 2))]
      }
    }
    if text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == " " }) {
      // "144." or ".8": a fragment of a number split over lines.
      return [.figure(Table.Cell(amount: nil, text: text, range: range, isDamaged: true))]
    }
    return [.text(text, range)]
  }

  static func isDash(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0 == "-" || $0 == "—" || $0 == "－" || $0 == "–" || $0 == "/" }
  }

  /// A subject code: 3, 5 or 7 digits starting 2 (function) or 3/5 (economic).
  static func isCode(_ text: String) -> Bool {
    let count = text.utf8.count
    guard count == 3 || count == 5 || count == 7, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return false
    }
    let first = text.utf8.first
    if first == UInt8(ascii: "2") { return true }
    return (first == UInt8(ascii: "3") || first == UInt8(ascii: "5")) && count <= 5
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
