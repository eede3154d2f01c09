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
    guard let kind = withBytes(of: text, { kind(of: $0, positional: positional) }) else {
      // "21011 行政事业单位医疗": code and name in one cell.
      if let split = codeAndName(text, range: range) {
        result += split
      } else {
        result.append(token(withBytes(of: text) { kindOfNoCode($0, positional: positional) }, text, range))
      }
      return
    }
    result.append(token(kind, text, range))
  }

  /// What a text that is not a code and a name is, as its bytes tell.
  private enum Kind {
    case dash, code
    /// A figure; damaged when spaces broke it and it has not two decimals.
    case amount(Amount, isDamaged: Bool)
    /// "03" (a code's 款/项 split off, never an amount), or "144." ".8" (a piece of a number
    /// split over lines).
    case fragment
    case text
  }

  private static func token(_ kind: Kind, _ text: String, _ range: Range<Int>) -> TableToken {
    switch kind {
    case .dash: .figure(Table.Cell(amount: nil, text: text, range: range))
    case .code: .code(text, range)
    case .amount(let amount, let isDamaged):
      .figure(Table.Cell(amount: amount, text: text, range: range, isDamaged: isDamaged))
    case .fragment: .figure(Table.Cell(amount: nil, text: text, range: range, isDamaged: true))
    case .text: .text(text, range)
    }
  }

  /// `body` of the UTF-8 bytes of `text`: one lending for all of a token's tests.
  private static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// The kind of the text of `bytes`; nil when it may be a code and a name in one cell, which its
  /// Characters decide (`codeAndName`).
  private static func kind(of bytes: UnsafeBufferPointer<UInt8>, positional: Bool) -> Kind? {
    if isDash(bytes) { return .dash }
    if isCode(bytes) { return .code }
    // The code's digits run to the first space byte; only then can the Characters split there.
    if positional, let space = bytes.firstIndex(of: 0x20), isCode(UnsafeBufferPointer(rebasing: bytes[..<space])) {
      return nil
    }
    return kindOfNoCode(bytes, positional: positional)
  }

  /// The kind of the text of `bytes`, which is no dash, no code, and no code and name.
  private static func kindOfNoCode(_ bytes: UnsafeBufferPointer<UInt8>, positional: Bool) -> Kind {
    // "03", "0502": digits after a leading zero are a code's 款/项 split off, never an amount.
    if bytes.count >= 2, bytes[0] == 0x30, bytes.allSatisfy(isASCIIDigit) { return .fragment }
    if let amount = Amount(parsingUTF8: bytes) { return .amount(amount, isDamaged: false) }
    let isNumberLike = bytes.allSatisfy { isASCIIDigit($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 }
    // "990 .24", "58 5. 92", "1,861. 64": a number broken by spaces inside one cell.
    if positional, isNumberLike, bytes.contains(0x20),
      let amount = bytes.filter({ $0 != 0x20 }).withUnsafeBufferPointer(Amount.init(parsingUTF8:))
    {
      return .amount(amount, isDamaged: amount.decimals != 2)
    }
    // "144." or ".8": a fragment of a number split over lines.
    return isNumberLike ? .fragment : .text
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
  static func isDash(_ text: String) -> Bool { withBytes(of: text, isDash) }

  /// `isDash(_:)` of the text of `bytes`.
  private static func isDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // "-" and "/" are 2D and 2F; "—" and "–" start with E2, "－" with EF.
    guard let first = bytes.first, first == 0x2D || first == 0x2F || first == 0xE2 || first == 0xEF else {
      return false
    }
    var offset = 0
    while offset < bytes.count {
      let (scalar, length) = UTF8Text.scalar(in: bytes, at: offset)
      switch scalar.value {
      case 0x2D, 0x2F, 0x2014, 0x2013, 0xFF0D: offset += length
      default: return false
      }
    }
    return true
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
  static func isCode(_ text: String) -> Bool { withBytes(of: text, isCode) }
}
