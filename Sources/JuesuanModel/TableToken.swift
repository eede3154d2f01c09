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
  static func tokens(of line: Line, in source: SourceText) -> [TableToken] {
    let pieces = line.pieces(in: source)
    var result: [TableToken] = []
    result.reserveCapacity(pieces.count)
    guard line.shape != .tabbed && line.shape != .piped else {
      for piece in pieces {
        let text = piece.text(in: source)
        if text.isEmpty {
          result.append(.blank(piece.range))
        } else {
          classify(text, range: piece.range, positional: true, into: &result)
        }
      }
      return result
    }
    // A token of one or two digits after one ending in "." continues it ("1,861." "64").
    var pending: (text: String, range: Range<Int>)?
    for piece in pieces {
      let text = piece.text(in: source)
      if let last = pending, last.text.utf8Text.hasSuffix("."), !last.text.utf8Text.hasAtMostCharacters(1),
        text.utf8.count <= 2,
        text.utf8.allSatisfy(isASCIIDigit)
      {
        pending = (last.text + text, last.range.lowerBound..<piece.range.upperBound)
        continue
      }
      if let last = pending, !last.text.isEmpty {
        classify(last.text, range: last.range, positional: false, into: &result)
      }
      pending = (text, piece.range)
    }
    if let last = pending, !last.text.isEmpty {
      classify(last.text, range: last.range, positional: false, into: &result)
    }
    return result
  }

  private static func classify(_ text: String, range: Range<Int>, positional: Bool, into result: inout [TableToken]) {
    if isDash(text) {
      result.append(.figure(Table.Cell(amount: nil, text: text, range: range)))
      return
    }
    if isCode(text) {
      result.append(.code(text, range))
      return
    }
    // "21011 行政事业单位医疗": code and name in one cell.
    if positional, let split = codeAndName(text, range: range) {
      result += split
      return
    }
    // "03", "0502": digits after a leading zero are a code's 款/项 split off, never an amount.
    if text.utf8.count >= 2, text.utf8.first == 0x30, text.utf8.allSatisfy(isASCIIDigit) {
      result.append(.figure(Table.Cell(amount: nil, text: text, range: range, isDamaged: true)))
      return
    }
    if let amount = Amount(parsing: text) {
      result.append(.figure(Table.Cell(amount: amount, text: text, range: range)))
      return
    }
    let isNumberLike = text.utf8.allSatisfy { isASCIIDigit($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 }
    // "990 .24", "58 5. 92", "1,861. 64": a number broken by spaces inside one cell.
    if positional, isNumberLike, text.utf8.contains(0x20) {
      let joined = String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
      if let amount = Amount(parsing: joined) {
        result.append(.figure(Table.Cell(amount: amount, text: text, range: range, isDamaged: amount.decimals != 2)))
        return
      }
    }
    if isNumberLike {
      // "144." or ".8": a fragment of a number split over lines.
      result.append(.figure(Table.Cell(amount: nil, text: text, range: range, isDamaged: true)))
      return
    }
    result.append(.text(text, range))
  }

  /// A code and a name in one cell, split at the first space ("21011 行政事业单位医疗").
  private static func codeAndName(_ text: String, range: Range<Int>) -> [TableToken]? {
    // The code's digits run to the first space byte; only then can the Characters split there.
    let startsWithCode =
      text.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.firstIndex(of: 0x20).map { isCode(UnsafeBufferPointer(rebasing: bytes[..<$0])) } ?? false
      } ?? true  // no contiguous bytes: the Characters decide
    guard startsWithCode, let space = text.firstIndex(of: " ") else { return nil }
    let head = String(text[..<space])
    guard isCode(head), text[space...].contains(where: { !$0.isASCII }) else { return nil }
    let nameStart = range.lowerBound + text.utf8.distance(from: text.startIndex, to: space) + 1
    let name = String(text[space...].drop { $0 == " " })
    return [
      .code(head, range.lowerBound..<(range.lowerBound + head.utf8.count)),
      .text(name, nameStart..<range.upperBound),
    ]
  }

  private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// A dash cell: only "-", "—", "－", "–" or "/" (each a Character of its own, so the scalars say).
  static func isDash(_ text: String) -> Bool {
    // "-" and "/" are 2D and 2F; "—" and "–" start with E2, "－" with EF.
    guard let first = text.utf8.first, first == 0x2D || first == 0x2F || first == 0xE2 || first == 0xEF else {
      return false
    }
    return !text.isEmpty
      && text.unicodeScalars.allSatisfy { scalar in
        switch scalar.value {
        case 0x2D, 0x2F, 0x2014, 0x2013, 0xFF0D: true
        default: false
        }
      }
  }

  /// `isCode(_:)` of the text of `bytes`.
  private static func isCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count == 3 || count == 5 || count == 7, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    let first = bytes.first
    if first == UInt8(ascii: "2") { return true }
    return (first == UInt8(ascii: "3") || first == UInt8(ascii: "5")) && count <= 5
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
