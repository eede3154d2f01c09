/// A zip archive read from its central directory (PKWARE APPNOTE 4.3): the entries' names,
/// methods, sizes and checksums, and their contents — stored or deflated — inflated with
/// `Inflate`, checked against their CRC-32 and size, within a budget of bytes for the archive.
package struct ZipArchive {
  /// One file of the archive, as the central directory describes it.
  package struct Entry: Sendable, Equatable {
    package var name: String
    package var method: Int
    package var flags: Int
    package var crc32: UInt32
    package var compressedSize: Int
    package var uncompressedSize: Int
    package var localHeaderOffset: Int
  }

  private let bytes: [UInt8]
  /// The archive's entries in the central directory's order.
  package let entries: [Entry]

  /// Reads the central directory of `bytes`.
  /// - Throws: `DocumentError` when `bytes` is not a zip archive or its directory is damaged.
  /// - Complexity: O(n) in the bytes (the end record is searched from the end).
  package init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    guard let end = Self.endOfCentralDirectory(in: bytes) else {
      throw DocumentError("不是有效的 Word 文件（.docx 应是 zip 压缩包，未找到其目录）")
    }
    let count = Self.uint16(bytes, end + 10)
    let directorySize = Self.uint32(bytes, end + 12)
    let directoryOffset = Self.uint32(bytes, end + 16)
    guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else {
      throw DocumentError("不支持 ZIP64 格式的压缩包（Word 文件不会这样大）")
    }
    guard directoryOffset + directorySize <= end else { throw DocumentError("压缩包目录已损坏") }
    var entries: [Entry] = []
    var position = directoryOffset
    for _ in 0..<count {
      guard position + 46 <= end, Self.uint32(bytes, position) == 0x0201_4B50 else {
        throw DocumentError("压缩包目录已损坏")
      }
      let nameLength = Self.uint16(bytes, position + 28)
      let extraLength = Self.uint16(bytes, position + 30)
      let commentLength = Self.uint16(bytes, position + 32)
      let nameStart = position + 46
      guard nameStart + nameLength <= end else { throw DocumentError("压缩包目录已损坏") }
      entries.append(
        Entry(
          name: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
          method: Self.uint16(bytes, position + 10), flags: Self.uint16(bytes, position + 8),
          crc32: UInt32(Self.uint32(bytes, position + 16)), compressedSize: Self.uint32(bytes, position + 20),
          uncompressedSize: Self.uint32(bytes, position + 24), localHeaderOffset: Self.uint32(bytes, position + 42)))
      position = nameStart + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// The entry named `name`, nil when the archive has none.
  package func entry(named name: String) -> Entry? {
    entries.first { $0.name == name }
  }

  /// The contents of `entry`, at most `limit` bytes.
  /// - Throws: `DocumentError` when the entry is encrypted, compressed with a method other than
  ///   stored or deflate, damaged, larger than `limit`, or fails its CRC-32.
  /// - Complexity: O(entry's size).
  package func contents(of entry: Entry, limit: Int) throws -> [UInt8] {
    guard entry.flags & 1 == 0 else { throw DocumentError("文件已加密（\(entry.name)），无法读取") }
    guard entry.uncompressedSize <= limit else { throw Inflate.tooLarge(limit) }
    let header = entry.localHeaderOffset
    guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4B50 else {
      throw DocumentError("压缩包已损坏（\(entry.name) 的文件头无效）")
    }
    let start = header + 30 + Self.uint16(bytes, header + 26) + Self.uint16(bytes, header + 28)
    guard start + entry.compressedSize <= bytes.count else {
      throw DocumentError("压缩包不完整（\(entry.name) 被截断）")
    }
    let data = bytes[start..<(start + entry.compressedSize)]
    let contents: [UInt8]
    switch entry.method {
    case 0: contents = Array(data)
    // The declared size bounds the output: a directory that understates it cannot hide a bomb.
    case 8:
      do {
        contents = try Inflate.inflate(data, limit: entry.uncompressedSize)
      } catch let error as DocumentError where error == Inflate.tooLarge(entry.uncompressedSize) {
        throw DocumentError("压缩包已损坏（\(entry.name) 解压后比目录所记的长）")
      }
    default: throw DocumentError("不支持的压缩方式 \(entry.method)（\(entry.name)）")
    }
    guard contents.count == entry.uncompressedSize else {
      throw DocumentError("压缩包已损坏（\(entry.name) 的长度与目录不符）")
    }
    guard CRC32.checksum(contents) == entry.crc32 else {
      throw DocumentError("压缩包已损坏（\(entry.name) 的 CRC-32 校验失败）")
    }
    return contents
  }

  /// The offset of the end-of-central-directory record: searched backwards over the 64 KB a
  /// trailing comment may take.
  private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
    guard bytes.count >= 22 else { return nil }
    var position = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while position >= lowest {
      if bytes[position] == 0x50, uint32(bytes, position) == 0x0605_4B50 { return position }
      position -= 1
    }
    return nil
  }

  private static func uint16(_ bytes: [UInt8], _ offset: Int) -> Int {
    guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
    return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
  }

  private static func uint32(_ bytes: [UInt8], _ offset: Int) -> Int {
    guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
    return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16
      | Int(bytes[offset + 3]) << 24
  }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip stores it.
package enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  /// The checksum of `bytes`.
  /// - Complexity: O(n).
  package static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return ~crc
  }
}
