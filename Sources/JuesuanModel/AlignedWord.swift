/// A word of a space-aligned table line (the shape `pdftotext -layout` writes), with the character
/// columns it covers: where a word sits tells which column of the table it belongs to.
///
/// `pdftotext -layout` writes one character per column whatever its width, so a column is a
/// count of Unicode scalars from the line's start (a form feed opening a page not counted).
struct AlignedWord {
  /// What a word holds.
  enum Kind {
    /// A subject code ("2010301"), or a code written in 类/款/项 columns ("201 03 01").
    case code(String)
    /// A figure with decimals or thousands separators, a dash, or "0".
    case figure(Table.Cell)
    /// Digits only, not a code: a 栏次 label, a count, or a whole-yuan figure.
    case integer(Table.Cell)
    case text(String)
  }

  var kind: Kind
  var range: Range<Int>
  var columns: Range<Int>

  var text: String {
    switch kind {
    case .code(let code): code
    case .figure(let cell), .integer(let cell): cell.text
    case .text(let text): text
    }
  }

  var isText: Bool {
    if case .text = kind { return true }
    return false
  }

  var isCode: Bool {
    if case .code = kind { return true }
    return false
  }

  /// The cell of a figure or integer.
  var cell: Table.Cell? {
    switch kind {
    case .figure(let cell), .integer(let cell): cell
    case .code, .text: nil
    }
  }

  /// The middle of the columns, doubled (so that it stays an integer).
  var doubledCentre: Int { columns.lowerBound + columns.upperBound }

  /// The words of the line at `range`: runs of characters between spaces, a run of text words one
  /// space apart joined into one ("信息 网络 及软件 购置"), a code glued to its name split
  /// ("310资本性支出"), and a code written over 类/款/项 columns joined ("201 03 01").
  /// - Complexity: O(n) in the line.
  static func words(in range: Range<Int>, of source: SourceText) -> [AlignedWord] {
    var raw: [(range: Range<Int>, columns: Range<Int>)] = []
    source.bytes.withUnsafeBufferPointer { bytes in
      var offset = range.lowerBound
      var column = 0
      var start: (offset: Int, column: Int)?
      func close() {
        if let open = start.take() { raw.append((open.offset..<offset, open.column..<column)) }
      }
      while offset < range.upperBound {
        let byte = bytes[offset]
        if byte == 0x0C {  // a form feed opens the page; it takes no column
          close()
          offset += 1
          continue
        }
        let isSpace =
          byte == 0x20 || byte == 0x09 || byte == 0x0D
          || (byte == 0xE3 && offset + 2 < range.upperBound && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80)
        if isSpace {
          close()
        } else if start == nil {
          start = (offset, column)
        }
        offset += byte < 0x80 ? 1 : max(1, UTF8Text.length(ofLead: byte))
        column += 1
      }
      close()
    }
    var words: [AlignedWord] = []
    words.reserveCapacity(raw.count)
    for piece in raw {
      let text = source.text(in: piece.range)
      let word = classify(text, range: piece.range, columns: piece.columns)
      if let last = words.last, last.isText, word.isText, piece.columns.lowerBound - last.columns.upperBound <= 1 {
        words[words.count - 1] = AlignedWord(
          kind: .text(last.text + text), range: last.range.lowerBound..<piece.range.upperBound,
          columns: last.columns.lowerBound..<piece.columns.upperBound)
      } else if let split = splitGluedCode(text, range: piece.range, columns: piece.columns) {
        words += split
      } else {
        words.append(word)
      }
    }
    joinSplitCode(&words)
    return words
  }

  private static func classify(_ text: String, range: Range<Int>, columns: Range<Int>) -> AlignedWord {
    if TableToken.isDash(text) {
      return AlignedWord(
        kind: .figure(Table.Cell(amount: nil, text: text, range: range)), range: range, columns: columns)
    }
    if TableToken.isCode(text) { return AlignedWord(kind: .code(text), range: range, columns: columns) }
    if let amount = Amount(parsing: text) {
      let cell = Table.Cell(amount: amount, text: text, range: range)
      let isInteger = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      return AlignedWord(
        kind: isInteger && text != "0" ? .integer(cell) : .figure(cell), range: range, columns: columns)
    }
    return AlignedWord(kind: .text(text), range: range, columns: columns)
  }

  /// "310资本性支出": a code and the name written against it, as two words.
  private static func splitGluedCode(_ text: String, range: Range<Int>, columns: Range<Int>) -> [AlignedWord]? {
    let digits = text.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    guard digits == 3 || digits == 5 || digits == 7, digits < text.utf8.count,
      let next = text.utf8.dropFirst(digits).first, next >= 0xC0
    else { return nil }
    let code = String(text.utf8.prefix(digits)) ?? ""
    guard TableToken.isCode(code) else { return nil }
    let name = String(text.utf8.dropFirst(digits)) ?? ""
    return [
      AlignedWord(
        kind: .code(code), range: range.lowerBound..<(range.lowerBound + digits),
        columns: columns.lowerBound..<(columns.lowerBound + digits)),
      AlignedWord(
        kind: .text(name), range: (range.lowerBound + digits)..<range.upperBound,
        columns: (columns.lowerBound + digits)..<columns.upperBound),
    ]
  }

  /// "201" "03" "01" (or "301" "01") at the start of a line: one code written in 类/款/项 columns.
  /// A part that lost its leading zero ("301 2 津贴补贴") is read as "02" when a name follows it.
  private static func joinSplitCode(_ words: inout [AlignedWord]) {
    guard case .code(var code) = words.first?.kind, code.utf8.count == 3 else { return }
    var end = 1
    while end < words.count, end < 3, case .integer(let cell) = words[end].kind, cell.text.utf8.count <= 2 {
      if cell.text.utf8.count == 1 {
        guard end + 1 < words.count, words[end + 1].isText else { break }
        code += "0" + cell.text
      } else {
        code += cell.text
      }
      end += 1
    }
    guard end > 1, TableToken.isCode(code) else { return }
    let joined = AlignedWord(
      kind: .code(code), range: words[0].range.lowerBound..<words[end - 1].range.upperBound,
      columns: words[0].columns.lowerBound..<words[end - 1].columns.upperBound)
    words.replaceSubrange(0..<end, with: [joined])
  }
}

/// The words of a table region's lines, each line split once: a region is read up to three ways
/// (whether it is a cell stream, whether it is aligned, its aligned reading).
struct LineWords {
  let source: SourceText
  private var known: [Int: [AlignedWord]] = [:]

  init(_ source: SourceText) {
    self.source = source
  }

  /// The words of `line`.
  mutating func of(_ line: Line) -> [AlignedWord] {
    if let words = known[line.index] { return words }
    let words = AlignedWord.words(in: line.range, of: source)
    known[line.index] = words
    return words
  }
}
