import Dispatch

/// One physical line, pre-digested for the parser: its cells (tab- or pipe-separated) or its
/// whitespace tokens, each with its byte range, and its text without Markdown decoration.
struct Line {
  /// A cell or token: trimmed text and byte range.
  struct Piece {
    var text: String
    var range: Range<Int>
  }

  enum Shape {
    case blank
    case tabbed  // cells separated by tabs
    case piped  // GFM pipe table row
    case pipeSeparator  // | --- | ---: |
    case plain  // prose or space-aligned
  }

  var index: Int
  var range: Range<Int>
  var shape: Shape
  /// Cells for tabbed/piped lines (empty cells kept); whitespace tokens for the rest.
  var pieces: [Piece]
  /// The text with tags (<b>, <h2 …>), Markdown heading marks and emphasis removed, trimmed.
  var plain: String
  /// `plain` without any whitespace: for keyword matching across "本年支 出合计".
  var compact: String
  /// The line's bytes without surrounding whitespace, and their text (decoration kept).
  var trimmedRange: Range<Int>
  var raw: String

  init(index: Int, source: SourceText) {
    self.index = index
    range = source.byteRange(ofLine: index)
    let bytes = source.bytes
    var hasTab = false
    var first = range.lowerBound
    while first < range.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
    for offset in range where bytes[offset] == 0x09 {
      hasTab = true
      break
    }
    let isPipe = first < range.upperBound && bytes[first] == UInt8(ascii: "|")
    var low = range.lowerBound
    var high = range.upperBound
    while low < high, Self.isSpace(bytes, low) { low += Self.spaceLength(bytes, low) }
    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
    while high - 3 >= low, bytes[high - 3] == 0xE3, bytes[high - 2] == 0x80, bytes[high - 1] == 0x80 { high -= 3 }
    trimmedRange = low..<high
    raw = source.text(in: low..<high)
    plain = Self.stripDecoration(raw)
    compact = Self.removingWhitespace(plain)
    if plain.isEmpty {
      shape = .blank
      pieces = []
    } else if isPipe {
      pieces = Self.split(bytes, range: first..<range.upperBound, separator: UInt8(ascii: "|"))
      if pieces.first?.text.isEmpty == true { pieces.removeFirst() }
      if pieces.last?.text.isEmpty == true { pieces.removeLast() }
      let isSeparator = pieces.allSatisfy { piece in
        !piece.text.isEmpty && piece.text.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
      }
      shape = isSeparator ? .pipeSeparator : .piped
    } else if hasTab {
      shape = .tabbed
      pieces = Self.split(bytes, range: range, separator: 0x09)
    } else {
      shape = .plain
      pieces = Self.tokens(bytes, range: range)
    }
    for index in pieces.indices { pieces[index].text = Self.stripDecoration(pieces[index].text) }
  }

  var isBlank: Bool { shape == .blank }

  /// Every line of `source`: as `memo` holds it when an earlier parse read the same bytes, else
  /// read. Lines are independent, so a long text is read on two cores.
  static func all(of source: SourceText, memo: ParseMemo = ParseMemo()) -> [Line] {
    @Sendable func line(_ index: Int) -> Line {
      memo.line(index, at: source.byteRange(ofLine: index), in: source) ?? Line(index: index, source: source)
    }
    let count = source.lineCount
    guard count >= 512 else { return (0..<count).map(line) }
    return [Line](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let base = buffer.baseAddress!
      let half = count / 2
      DispatchQueue.concurrentPerform(iterations: 2) { chunk in
        for index in chunk == 0 ? 0..<half : half..<count { (base + index).initialize(to: line(index)) }
      }
      initialized = count
    }
  }

  /// The same line read from the same bytes at line `index`, `offset` bytes further on.
  func moved(to index: Int, by offset: Int) -> Line {
    var moved = self
    moved.index = index
    guard offset != 0 else { return moved }
    moved.range = range.shifted(by: offset)
    moved.trimmedRange = trimmedRange.shifted(by: offset)
    for piece in moved.pieces.indices { moved.pieces[piece].range = pieces[piece].range.shifted(by: offset) }
    return moved
  }

  /// The text without ASCII spaces, tabs, CR and U+3000 (fast path over UTF-8).
  static func removingWhitespace(_ text: String) -> String {
    var text = text
    let removed: String? = text.withUTF8 { source in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(source.count)
      var index = 0
      while index < source.count {
        let byte = source[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
          index += 1
        } else if byte == 0xE3, index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] == 0x80 {
          index += 3
        } else {
          bytes.append(byte)
          index += 1
        }
      }
      return bytes.count == source.count ? nil : String(decoding: bytes, as: UTF8.self)
    }
    return removed ?? text
  }

  /// Splits at `separator`, trimming each cell (ranges cover the trimmed text).
  private static func split(_ bytes: [UInt8], range: Range<Int>, separator: UInt8) -> [Piece] {
    var result: [Piece] = []
    var start = range.lowerBound
    var offset = range.lowerBound
    while offset <= range.upperBound {
      if offset == range.upperBound || bytes[offset] == separator {
        var low = start
        var high = offset
        while low < high, isSpace(bytes, low) { low += spaceLength(bytes, low) }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
        result.append(Piece(text: String(decoding: bytes[low..<high], as: UTF8.self), range: low..<high))
        start = offset + 1
      }
      offset += 1
    }
    return result
  }

  /// Whitespace tokens (ASCII space, tab, U+3000).
  private static func tokens(_ bytes: [UInt8], range: Range<Int>) -> [Piece] {
    var result: [Piece] = []
    var offset = range.lowerBound
    while offset < range.upperBound {
      if isSpace(bytes, offset) {
        offset += spaceLength(bytes, offset)
        continue
      }
      let start = offset
      while offset < range.upperBound, !isSpace(bytes, offset) { offset += 1 }
      result.append(Piece(text: String(decoding: bytes[start..<offset], as: UTF8.self), range: start..<offset))
    }
    return result
  }

  private static func isSpace(_ bytes: [UInt8], _ offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D { return true }
    return byte == 0xE3 && offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80
  }

  private static func spaceLength(_ bytes: [UInt8], _ offset: Int) -> Int { bytes[offset] == 0xE3 ? 3 : 1 }

  /// Removes HTML tags, leading `#`s, `**`, `>` quote marks; trims.
  static func stripDecoration(_ text: String) -> String {
    let utf8 = text.utf8
    let decorated = utf8.contains { $0 == 0x3C || $0 == 0x23 || $0 == 0x2A }
    let padded =
      utf8.first.map { $0 == 0x20 || $0 == 0x09 || $0 == 0xE3 } == true
      || utf8.last.map { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x80 } == true
    guard decorated || padded else { return text }
    var result = ""
    var inTag = false
    var previous: Character = " "
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        if character == "*" && previous == "*" {
          result.removeLast()
        } else {
          result.append(character)
        }
      }
      previous = character
    }
    var trimmed = Substring(result).drop { $0.isWhitespace }
    if trimmed.hasPrefix("#") {
      trimmed = trimmed.drop { $0 == "#" }.drop { $0.isWhitespace }
    }
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }
}
