/// Raw DEFLATE decompression (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks), as a
/// .docx's zip entries need it. Our own, so that reading Word needs no zlib headers to build.
///
/// Every length and distance is checked against what has been read and written, and the output
/// against `limit`: damaged or hostile input throws `DocumentError`, never traps and never runs
/// past the limit (a zip bomb stops at its first byte over).
package enum Inflate {
  /// The bytes `compressed` inflates to, at most `limit` of them.
  /// - Throws: `DocumentError` when the stream is damaged, truncated, or inflates past `limit`.
  /// - Complexity: O(output + input).
  package static func inflate(_ compressed: ArraySlice<UInt8>, limit: Int) throws -> [UInt8] {
    var reader = BitReader(compressed)
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, max(compressed.count * 4, 1024)))
    var isFinal = false
    while !isFinal {
      isFinal = try reader.bits(1) == 1
      switch try reader.bits(2) {
      case 0: try storedBlock(&reader, into: &output, limit: limit)
      case 1: try huffmanBlock(&reader, Tables.fixed.literals, Tables.fixed.distances, into: &output, limit: limit)
      case 2:
        let (literals, distances) = try dynamicTables(&reader)
        try huffmanBlock(&reader, literals, distances, into: &output, limit: limit)
      default: throw DocumentError("压缩数据已损坏（无效的块类型）")
      }
    }
    return output
  }

  private static func storedBlock(_ reader: inout BitReader, into output: inout [UInt8], limit: Int) throws {
    reader.alignToByte()
    let length = try reader.bits(16)
    let complement = try reader.bits(16)
    guard length == ~complement & 0xFFFF else { throw DocumentError("压缩数据已损坏（存储块长度不符）") }
    guard output.count + length <= limit else { throw tooLarge(limit) }
    try reader.copyBytes(length, into: &output)
  }

  static func tooLarge(_ limit: Int) -> DocumentError {
    DocumentError("解压后超过 \(limit >> 20) MB 上限（疑似压缩炸弹），已停止读取")
  }

  // Length and distance bases and extra bits (RFC 1951, 3.2.5).
  private static let lengthBase: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  private static let lengthExtra: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
    6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]

  private static func huffmanBlock(
    _ reader: inout BitReader, _ literals: HuffmanTable, _ distances: HuffmanTable, into output: inout [UInt8],
    limit: Int
  ) throws {
    while true {
      let symbol = try literals.decode(&reader)
      if symbol < 256 {
        guard output.count < limit else { throw tooLarge(limit) }
        output.append(UInt8(symbol))
        continue
      }
      if symbol == 256 { return }
      let lengthIndex = symbol - 257
      guard lengthIndex < lengthBase.count else { throw DocumentError("压缩数据已损坏（无效的长度码）") }
      let length = lengthBase[lengthIndex] + (try reader.bits(lengthExtra[lengthIndex]))
      let distanceSymbol = try distances.decode(&reader)
      guard distanceSymbol < distanceBase.count else { throw DocumentError("压缩数据已损坏（无效的距离码）") }
      let distance = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
      guard distance <= output.count else { throw DocumentError("压缩数据已损坏（距离超出已解压的数据）") }
      guard output.count + length <= limit else { throw tooLarge(limit) }
      // Byte by byte: a copy may overlap what it writes (distance < length repeats a pattern).
      let start = output.count - distance
      for offset in 0..<length { output.append(output[start + offset]) }
    }
  }

  /// The order code-length code lengths are sent in (RFC 1951, 3.2.7).
  private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  private static func dynamicTables(_ reader: inout BitReader) throws -> (HuffmanTable, HuffmanTable) {
    let literalCount = try reader.bits(5) + 257
    let distanceCount = try reader.bits(5) + 1
    let codeLengthCount = try reader.bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else { throw DocumentError("压缩数据已损坏（码表过大）") }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for index in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[index]] = UInt8(try reader.bits(3)) }
    let codeLengths = try HuffmanTable(lengths: codeLengthLengths)
    var lengths: [UInt8] = []
    lengths.reserveCapacity(literalCount + distanceCount)
    while lengths.count < literalCount + distanceCount {
      let symbol = try codeLengths.decode(&reader)
      switch symbol {
      case 0...15: lengths.append(UInt8(symbol))
      case 16:
        guard let last = lengths.last else { throw DocumentError("压缩数据已损坏（重复码前无码长）") }
        lengths += repeatElement(last, count: 3 + (try reader.bits(2)))
      case 17: lengths += repeatElement(0, count: 3 + (try reader.bits(3)))
      default: lengths += repeatElement(0, count: 11 + (try reader.bits(7)))
      }
    }
    guard lengths.count == literalCount + distanceCount else { throw DocumentError("压缩数据已损坏（码长越界）") }
    guard lengths[256] != 0 else { throw DocumentError("压缩数据已损坏（缺少块结束码）") }
    return (
      try HuffmanTable(lengths: lengths[0..<literalCount]),
      try HuffmanTable(lengths: lengths[literalCount...])
    )
  }

  private enum Tables {
    static let fixed: (literals: HuffmanTable, distances: HuffmanTable) = {
      var lengths = [UInt8](repeating: 8, count: 288)
      for index in 144..<256 { lengths[index] = 9 }
      for index in 256..<280 { lengths[index] = 7 }
      // Both tables are complete, so building them cannot fail.
      let literals = (try? HuffmanTable(lengths: lengths)) ?? HuffmanTable.empty
      let distances = (try? HuffmanTable(lengths: [UInt8](repeating: 5, count: 30))) ?? HuffmanTable.empty
      return (literals, distances)
    }()
  }
}

/// Reads a DEFLATE stream's bits, least significant first.
struct BitReader {
  private let bytes: ArraySlice<UInt8>
  private var position: Int
  private var buffer: UInt64 = 0
  private var count = 0

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    self.position = bytes.startIndex
  }

  /// Fills the buffer with as many whole bytes as fit; at the end of the input it stays short.
  @inline(__always) private mutating func refill() {
    while count <= 56, position < bytes.endIndex {
      buffer |= UInt64(bytes[position]) << UInt64(count)
      position += 1
      count += 8
    }
  }

  /// The next `n` (≤ 16) bits as a number.
  @inline(__always) mutating func bits(_ n: Int) throws -> Int {
    if n == 0 { return 0 }
    if count < n {
      refill()
      guard count >= n else { throw DocumentError("压缩数据不完整（意外结束）") }
    }
    let value = Int(buffer & ((1 << UInt64(n)) - 1))
    buffer >>= UInt64(n)
    count -= n
    return value
  }

  /// Up to 16 bits without consuming them, and how many are really there.
  @inline(__always) mutating func peek(_ n: Int) -> (value: Int, available: Int) {
    if count < n { refill() }
    return (Int(buffer & ((1 << UInt64(n)) - 1)), count)
  }

  @inline(__always) mutating func consume(_ n: Int) {
    buffer >>= UInt64(n)
    count -= n
  }

  /// Drops the bits left of the current byte.
  mutating func alignToByte() {
    let drop = count % 8
    buffer >>= UInt64(drop)
    count -= drop
  }

  /// Copies `length` whole bytes (after `alignToByte`).
  mutating func copyBytes(_ length: Int, into output: inout [UInt8]) throws {
    var remaining = length
    while remaining > 0, count >= 8 {
      output.append(UInt8(truncatingIfNeeded: buffer))
      buffer >>= 8
      count -= 8
      remaining -= 1
    }
    guard remaining <= bytes.endIndex - position else { throw DocumentError("压缩数据不完整（存储块被截断）") }
    output += bytes[position..<(position + remaining)]
    position += remaining
  }
}

/// A canonical Huffman code as one table indexed by the next `maxLength` bits of input.
struct HuffmanTable {
  /// Per entry: symbol << 4 | code length; 0 where no code begins with those bits.
  private let entries: [UInt32]
  private let maxLength: Int

  static let empty = HuffmanTable(entries: [0, 0], maxLength: 1)

  private init(entries: [UInt32], maxLength: Int) {
    self.entries = entries
    self.maxLength = maxLength
  }

  /// The code whose symbol `s` has length `lengths[s]` (0: unused).
  /// - Throws: when the lengths describe more codes than fit (an over-subscribed code).
  init<Lengths: Collection>(lengths: Lengths) throws where Lengths.Element == UInt8 {
    let maxLength = Int(lengths.max() ?? 0)
    guard maxLength > 0 else {
      // No codes at all (a distance table of a block with only literals): nothing decodes.
      self.init(entries: [0, 0], maxLength: 1)
      return
    }
    guard maxLength <= 15 else { throw DocumentError("压缩数据已损坏（码长过大）") }
    var counts = [Int](repeating: 0, count: 16)
    for length in lengths where length > 0 { counts[Int(length)] += 1 }
    var next = [Int](repeating: 0, count: 16)
    var code = 0
    for length in 1...15 {
      code = (code + counts[length - 1]) << 1
      next[length] = code
      guard code + counts[length] <= 1 << length else { throw DocumentError("压缩数据已损坏（霍夫曼码表无效）") }
    }
    var entries = [UInt32](repeating: 0, count: 1 << maxLength)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      let length = Int(length)
      let code = next[length]
      next[length] += 1
      // Codes are sent most significant bit first, the table is indexed least significant first.
      var reversed = 0
      for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
      var index = reversed
      while index < entries.count {
        entries[index] = UInt32(symbol) << 4 | UInt32(length)
        index += 1 << length
      }
    }
    self.init(entries: entries, maxLength: maxLength)
  }

  /// The next symbol of `reader`.
  @inline(__always) func decode(_ reader: inout BitReader) throws -> Int {
    let (bits, available) = reader.peek(maxLength)
    let entry = entries[bits]
    let length = Int(entry & 0xF)
    guard length > 0 else { throw DocumentError("压缩数据已损坏（无效的霍夫曼码）") }
    guard length <= available else { throw DocumentError("压缩数据不完整（意外结束）") }
    reader.consume(length)
    return Int(entry >> 4)
  }
}
