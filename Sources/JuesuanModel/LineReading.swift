#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reading of one line's bytes that `Line.init(index:source:)` keeps: the line trimmed and
/// classified, its `compact` text built straight from the bytes, its pieces as ranges.
struct LineReading {
  var trimmed = 0..<0
  var shape = Line.Shape.blank
  var pieces: [Line.Piece] = []
  var compact = ""
  var compactCount = 0
  var leadingHashes = 0
  var isSingleScalar = true

  /// Reads the line at `range` of `bytes` (the line without its terminator).
  mutating func read(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
    var first = range.lowerBound
    while first < range.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
    let hasTab = Self.offset(of: 0x09, in: bytes, range) != nil
    let isPipe = first < range.upperBound && bytes[first] == UInt8(ascii: "|")
    var low = range.lowerBound
    var high = range.upperBound
    while low < high, let length = Self.spaceLength(bytes, low) { low += length }
    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
    while high - 3 >= low, bytes[high - 3] == 0xE3, bytes[high - 2] == 0x80, bytes[high - 1] == 0x80 { high -= 3 }
    trimmed = low..<high
    let raw = UnsafeBufferPointer(rebasing: bytes[trimmed])
    isSingleScalar = SingleScalarText.holds(in: raw)
    let plainIsEmpty = readCompact(raw)
    if isSingleScalar {
      leadingHashes = raw.prefix { $0 == 0x23 }.count
    } else {
      leadingHashes = String(decoding: raw, as: UTF8.self).prefix { $0 == "#" }.count
    }
    if plainIsEmpty {
      shape = .blank
    } else if isPipe {
      pieces = Self.split(bytes, range: first..<range.upperBound, separator: UInt8(ascii: "|"))
      if pieces.first?.range.isEmpty == true { pieces.removeFirst() }
      if pieces.last?.range.isEmpty == true { pieces.removeLast() }
      let isSeparator = pieces.allSatisfy { piece in
        !piece.range.isEmpty && bytes[piece.range].allSatisfy { $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }
      }
      shape = isSeparator ? .pipeSeparator : .piped
    } else if hasTab {
      shape = .tabbed
      pieces = Self.split(bytes, range: range, separator: 0x09)
    } else {
      shape = .plain
      pieces = Self.tokens(bytes, range: range)
    }
    for index in pieces.indices {
      pieces[index].stripped = stripped(UnsafeBufferPointer(rebasing: bytes[pieces[index].range]))
    }
  }

  /// Sets `compact` (and its Character count) from the trimmed bytes; true when the text
  /// without decoration is empty.
  private mutating func readCompact(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    if !Decoration.mayChange(raw) {
      setCompact(raw)
      return raw.isEmpty
    }
    if isSingleScalar {
      let plain = Decoration.stripped(raw)
      plain.withUnsafeBufferPointer { setCompact($0) }
      return plain.isEmpty
    }
    let plain = Decoration.stripped(String(decoding: raw, as: UTF8.self))
    compact = Line.removingWhitespace(plain)
    compactCount = compact.count
    return plain.isEmpty
  }

  /// `compact` is `plain` without ASCII spaces, tabs, CR, LF and U+3000, copied straight into
  /// the String's storage; its scalars are counted on the way.
  private mutating func setCompact(_ plain: UnsafeBufferPointer<UInt8>) {
    var scalars = 0
    compact = String(unsafeUninitializedCapacity: plain.count) { buffer in
      var written = 0
      var index = 0
      while index < plain.count {
        let byte = plain[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
          index += 1
          continue
        }
        if byte == 0xE3, index + 2 < plain.count, plain[index + 1] == 0x80, plain[index + 2] == 0x80 {
          index += 3
          continue
        }
        buffer[written] = byte
        written += 1
        index += 1
        if byte & 0xC0 != 0x80 { scalars += 1 }
      }
      return written
    }
    compactCount = isSingleScalar ? scalars : compact.count
  }

  /// The text of a piece without decoration, when it differs from its bytes.
  private func stripped(_ piece: UnsafeBufferPointer<UInt8>) -> String? {
    guard Decoration.mayChange(piece) else { return nil }
    guard isSingleScalar else { return Decoration.stripped(String(decoding: piece, as: UTF8.self)) }
    let kept = Decoration.stripped(piece)
    return kept.count == piece.count ? nil : String(decoding: kept, as: UTF8.self)
  }

  /// False when the bytes hold no ASCII space, tab, CR or LF and no U+3000 (true may be either).
  static func mayHoldLineWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0xE3 }
  }

  /// The bytes without ASCII spaces, tabs, CR, LF and U+3000.
  static func compacted(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
        index += 1
      } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
        index += 3
      } else {
        kept.append(byte)
        index += 1
      }
    }
    return kept
  }

  /// Splits at `separator`, trimming each cell (ranges cover the trimmed text).
  private static func split(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, separator: UInt8) -> [Line.Piece] {
    var result: [Line.Piece] = []
    var start = range.lowerBound
    while true {
      let end = offset(of: separator, in: bytes, start..<range.upperBound) ?? range.upperBound
      var low = start
      var high = end
      while low < high, let length = spaceLength(bytes, low) { low += length }
      while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
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

  /// Whitespace tokens (ASCII space, tab, CR, U+3000).
  private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Line.Piece] {
    var result: [Line.Piece] = []
    var offset = range.lowerBound
    while offset < range.upperBound {
      if let length = spaceLength(bytes, offset) {
        offset += length
        continue
      }
      let start = offset
      while offset < range.upperBound, spaceLength(bytes, offset) == nil { offset += 1 }
      result.append(Line.Piece(range: start..<offset))
    }
    return result
  }

  /// The length of the ASCII space, tab, CR or U+3000 at `offset`; nil for any other byte.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int? {
    let byte = bytes[offset]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D { return 1 }
    guard byte == 0xE3, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x80 else {
      return nil
    }
    return 3
  }
}
