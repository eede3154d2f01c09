#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reading of one line's bytes that `Line.init(index:source:)` keeps: the line trimmed and
/// classified, its `compact` text built straight from the bytes, its cells as ranges.
struct LineReading {
  /// `Line.trimmedRange`, `shape`, `cells`, `compact`, `compactCount`, `leadingHashes` and
  /// `hasSingleScalarCharacters`, as read.
  var trimmed = 0..<0
  var shape = Line.Shape.blank
  var cells: [Line.Piece] = []
  var compact = ""
  var compactCount = 0
  var leadingHashes = 0
  var isSingleScalar = true
  /// A form feed before the text: the line opens a page (`pdftotext` writes one per page).
  var startsPage = false

  /// Reads the line at `range` of `bytes` (the line without its terminator).
  mutating func read(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
    var first = range.lowerBound
    while first < range.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0C { first += 1 }
    let hasTab = Self.offset(of: 0x09, in: bytes, range) != nil
    let isPipe = first < range.upperBound && bytes[first] == UInt8(ascii: "|")
    var low = range.lowerBound
    var high = range.upperBound
    while low < high, let length = Self.spaceLength(bytes, low) { low += length }
    high = Self.trimmedEnd(bytes, from: high, downTo: low)
    trimmed = low..<high
    startsPage = low > range.lowerBound && Self.offset(of: 0x0C, in: bytes, range.lowerBound..<low) != nil
    let raw = UnsafeBufferPointer(rebasing: bytes[trimmed])
    let scan = Self.scan(raw)
    isSingleScalar = scan.isSingleScalar
    let plainIsEmpty = readCompact(raw, scan: scan)
    if isSingleScalar {
      leadingHashes = raw.prefix { $0 == 0x23 }.count
    } else {
      leadingHashes = String(decoding: raw, as: UTF8.self).prefix { $0 == "#" }.count
    }
    if plainIsEmpty {
      shape = .blank
    } else if isPipe {
      cells = Self.split(bytes, range: first..<range.upperBound, separator: UInt8(ascii: "|"))
      if cells.first?.range.isEmpty == true { cells.removeFirst() }
      if cells.last?.range.isEmpty == true { cells.removeLast() }
      let isSeparator = cells.allSatisfy { cell in
        !cell.range.isEmpty && bytes[cell.range].allSatisfy { $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }
      }
      shape = isSeparator ? .pipeSeparator : .piped
    } else if hasTab {
      shape = .tabbed
      cells = Self.split(bytes, range: range, separator: 0x09)
    } else {
      shape = .plain
    }
    Self.strip(&cells, in: bytes, singleScalar: isSingleScalar, decorated: scan.hasDecorationByte)
  }

  /// What one pass over a line's trimmed bytes finds.
  private struct Scan {
    /// Every scalar is a Character of its own (`UTF8Text.hasSingleScalarCharacters`).
    var isSingleScalar = true
    /// A byte is `<`, `#` or `*`.
    var hasDecorationByte = false
    /// The bytes hold an ASCII space, tab, CR or LF or a U+3000 (true when not known).
    var hasSpace = false
    /// How many scalars the bytes hold (when `isSingleScalar`).
    var scalars = 0
  }

  private static func scan(_ raw: UnsafeBufferPointer<UInt8>) -> Scan {
    var scan = Scan()
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      scan.scalars += 1
      if byte < 0x80 {
        if byte == 0x3C || byte == 0x23 || byte == 0x2A { scan.hasDecorationByte = true }
        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0C { scan.hasSpace = true }
        if byte == 0x0D, index + 1 < raw.count, raw[index + 1] == 0x0A { break }
        index += 1
        continue
      }
      guard let length = UTF8Text.singleScalarLength(in: raw, at: index) else { break }
      if byte == 0xE3, raw[index + 1] == 0x80, raw[index + 2] == 0x80 { scan.hasSpace = true }
      index += length
    }
    guard index < raw.count else { return scan }
    // Not a single-scalar text: the rest is read the slow way.
    return Scan(
      isSingleScalar: false, hasDecorationByte: Decoration.hasDecorationByte(raw), hasSpace: true, scalars: 0)
  }

  /// Sets `compact` (and its Character count) from the trimmed bytes; true when the text
  /// without decoration is empty.
  private mutating func readCompact(_ raw: UnsafeBufferPointer<UInt8>, scan: Scan) -> Bool {
    if !scan.hasDecorationByte && !Decoration.isPadded(raw) {
      if scan.hasSpace {
        setCompact(raw, scalars: scan.scalars)
      } else {
        // Nothing to remove: the trimmed bytes are the compact text.
        compact = String(decoding: raw, as: UTF8.self)
        compactCount = isSingleScalar ? scan.scalars : compact.count
      }
      return raw.isEmpty
    }
    if isSingleScalar {
      let plain = Decoration.stripped(raw)
      plain.withUnsafeBufferPointer { setCompact($0, scalars: $0.count { $0 & 0xC0 != 0x80 }) }
      return plain.isEmpty
    }
    let plain = Decoration.stripped(String(decoding: raw, as: UTF8.self))
    compact = Line.removingWhitespace(plain)
    compactCount = compact.count
    return plain.isEmpty
  }

  /// `compact` is `plain` without ASCII spaces, tabs, CR, LF and U+3000: the runs between them
  /// copied straight into the String's storage. `scalars` counts the scalars of `plain` when it
  /// is a single-scalar text; each space removed is one of them.
  private mutating func setCompact(_ plain: UnsafeBufferPointer<UInt8>, scalars: Int) {
    var removed = 0
    compact = String(unsafeUninitializedCapacity: plain.count) { buffer in
      guard let source = plain.baseAddress, let target = buffer.baseAddress else { return 0 }
      var written = 0
      var run = 0  // the start of the run not yet copied
      var index = 0
      while index < plain.count {
        let byte = plain[index]
        // Only a byte up to 0x20 or an E3 can start the whitespace removed.
        if byte <= 0x20 || byte == 0xE3, let length = Self.removedLength(plain, at: index) {
          (target + written).update(from: source + run, count: index - run)
          written += index - run
          index += length
          run = index
          removed += 1
          continue
        }
        index += 1
      }
      (target + written).update(from: source + run, count: plain.count - run)
      return written + plain.count - run
    }
    compactCount = isSingleScalar ? scalars - removed : compact.count
  }

  /// The length of the ASCII space, tab, CR, LF or form feed or the U+3000 at `index`, nil for
  /// anything else.
  private static func removedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0C { return 1 }
    guard byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else { return nil }
    return 3
  }

  /// Sets each piece's text without decoration where it differs from its bytes; `decorated`
  /// false when the line holds no `<`, `#` or `*` (then only a padded piece can change).
  static func strip(
    _ pieces: inout [Line.Piece], in bytes: UnsafeBufferPointer<UInt8>, singleScalar: Bool, decorated: Bool = true
  ) {
    for index in pieces.indices {
      let piece = UnsafeBufferPointer(rebasing: bytes[pieces[index].range])
      guard Decoration.isPadded(piece) || decorated && Decoration.hasDecorationByte(piece) else { continue }
      if singleScalar {
        let kept = Decoration.stripped(piece)
        if kept.count != piece.count { pieces[index].stripped = String(decoding: kept, as: UTF8.self) }
      } else {
        pieces[index].stripped = Decoration.stripped(String(decoding: piece, as: UTF8.self))
      }
    }
  }

  /// False when the bytes hold no ASCII space, tab, CR or LF and no U+3000 (true may be either).
  static func mayHoldLineWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0x0C || $0 == 0xE3 }
  }

  /// The bytes without ASCII spaces, tabs, CR, LF and U+3000.
  static func compacted(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if let length = removedLength(bytes, at: index) {
        index += length
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return kept
  }

  /// Splits at `separator`, trimming each cell (ranges cover the trimmed text).
  private static func split(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, separator: UInt8) -> [Line.Piece] {
    var result: [Line.Piece] = []
    result.reserveCapacity(8)
    var start = range.lowerBound
    while true {
      let end = offset(of: separator, in: bytes, start..<range.upperBound) ?? range.upperBound
      var low = start
      var high = end
      while low < high, let length = spaceLength(bytes, low) { low += length }
      high = trimmedEnd(bytes, from: high, downTo: low)
      result.append(Line.Piece(range: low..<high))
      guard end < range.upperBound else { return result }
      start = end + 1
    }
  }

  /// The offset of the first `byte` in `range` of `bytes` (found by `memchr`).
  private static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty, let base = bytes.baseAddress,
      let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
    else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  /// The whitespace tokens (ASCII space, tab, CR, U+3000) of the line at `range`, decoration
  /// removed from their texts where it differs.
  static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, singleScalar: Bool) -> [Line.Piece] {
    var result: [Line.Piece] = []
    var offset = range.lowerBound
    while offset < range.upperBound {
      if let length = spaceLength(bytes, offset) {
        offset += length
        continue
      }
      let start = offset
      while offset < range.upperBound,
        bytes[offset] > 0x20 && bytes[offset] != 0xE3 || spaceLength(bytes, offset) == nil
      {
        offset += 1
      }
      result.append(Line.Piece(range: start..<offset))
    }
    strip(&result, in: bytes, singleScalar: singleScalar)
    return result
  }

  /// `high` moved back over the ASCII spaces, tabs, CRs and U+3000s before it, in any order, but
  /// not past `low`: what trimming the start removes, trimming the end removes too.
  private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from high: Int, downTo low: Int) -> Int {
    var high = high
    while high > low {
      let byte = bytes[high - 1]
      if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C {
        high -= 1
      } else if byte == 0x80, high - 3 >= low, bytes[high - 3] == 0xE3, bytes[high - 2] == 0x80 {
        high -= 3
      } else {
        break
      }
    }
    return high
  }

  /// The length of the ASCII space, tab, CR, form feed or U+3000 at `offset`; nil for any other
  /// byte.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int? {
    let byte = bytes[offset]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C { return 1 }
    guard byte == 0xE3, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x80 else {
      return nil
    }
    return 3
  }
}
