import JuesuanDocuments
import Testing

@Suite("zip and inflate")
struct InflateTests {
  @Test(
    "archives of Python's zipfile (levels 0–9, stored) and of the zip tool read back to their payloads",
    arguments: (0...9).map { "python-level-\($0).zip" } + ["python-stored.zip", "zip-tool.zip"])
  func archives(_ name: String) throws {
    let archive = try ZipArchive(try Fixtures.bytes(name))
    let text = try Fixtures.bytes("payload.txt")
    let binary = try Fixtures.bytes("payload.bin")
    let expected: [String: [UInt8]] = ["payload.txt": text, "payload.bin": binary, "empty.txt": [], "-": text]
    #expect(archive.entries.count == 3)
    for entry in archive.entries {
      let contents = try archive.contents(of: entry, limit: 1 << 20)
      #expect(contents == expected[entry.name], "\(name): \(entry.name)")
    }
  }

  @Test(
    "raw streams of zlib's fixed, Huffman-only and run-length strategies", arguments: ["fixed", "huffman-only", "rle"])
  func strategies(_ name: String) throws {
    let stream = try Fixtures.bytes("\(name).deflate")
    #expect(try Inflate.inflate(stream[...], limit: 1 << 20) == Fixtures.bytes("payload.txt"))
  }

  @Test("CRC-32 of the standard check string")
  func checksum() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
  }

  @Test("every truncation of a stream throws; none traps or hangs")
  func truncated() throws {
    let stream = try Fixtures.bytes("fixed.deflate")
    let full = try Fixtures.bytes("payload.txt")
    for length in stride(from: 0, to: stream.count, by: 7) {
      // A prefix may end exactly after a final block in theory; here every one must be short.
      #expect(throws: DocumentError.self) { _ = try Inflate.inflate(stream[0..<length], limit: full.count) }
    }
  }

  @Test("damaged streams throw: a bad block type, a stored length without its complement, a distance too far")
  func damaged() {
    let cases: [[UInt8]] = [
      [0x07],  // final block of type 3
      [0x01, 0x05, 0x00, 0x05, 0x00, 0x41],  // stored block, length 5, complement wrong
      [0x4B, 0x04, 0x62, 0x00],  // fixed block: "a", then a match 4 back with 1 byte written
    ]
    for bytes in cases {
      #expect(throws: DocumentError.self) { _ = try Inflate.inflate(bytes[...], limit: 1 << 20) }
    }
  }

  @Test("random bytes either inflate within the limit or throw", arguments: 0..<200)
  func random(_ seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var bytes: [UInt8] = []
    for _ in 0..<(seed % 97 + 1) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
    }
    if let output = try? Inflate.inflate(bytes[...], limit: 4096) { #expect(output.count <= 4096) }
  }

  @Test(
    "output past the limit stops at once: a zip bomb is refused, and so is a stream that outgrows its declared size")
  func limit() throws {
    let stream = try Fixtures.bytes("rle.deflate")
    #expect(throws: DocumentError.self) { _ = try Inflate.inflate(stream[...], limit: 1000) }
    var archive = try Fixtures.bytes("python-level-9.zip")
    let entry = try #require(try ZipArchive(archive).entry(named: "payload.txt"))
    // Understate the size in the central directory: the entry must not inflate past it.
    var position = 0
    while position + 4 <= archive.count {
      if archive[position..<(position + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]),
        archive[(position + 46)..<(position + 46 + 11)].elementsEqual(Array("payload.txt".utf8))
      {
        archive[position + 24] = 100
        archive[position + 25] = 0
        archive[position + 26] = 0
        archive[position + 27] = 0
      }
      position += 1
    }
    let lying = try ZipArchive(archive)
    let shrunk = try #require(lying.entry(named: "payload.txt"))
    #expect(shrunk.uncompressedSize == 100 && entry.uncompressedSize > 100)
    #expect(throws: DocumentError.self) { _ = try lying.contents(of: shrunk, limit: 1 << 20) }
    #expect(throws: DocumentError.self) { _ = try ZipArchive(archive).contents(of: entry, limit: 1000) }
  }

  @Test("a corrupted byte inside a compressed entry is caught (by the inflate or the CRC-32)")
  func corrupted() throws {
    let original = try Fixtures.bytes("python-level-6.zip")
    let entry = try #require(try ZipArchive(original).entry(named: "payload.txt"))
    let start = entry.localHeaderOffset + 30 + "payload.txt".utf8.count
    for offset in stride(from: 10, to: entry.compressedSize, by: 211) {
      var bytes = original
      bytes[start + offset] ^= 0x5A
      #expect(throws: DocumentError.self) { _ = try ZipArchive(bytes).contents(of: entry, limit: 1 << 20) }
    }
  }

  @Test("not a zip, an empty file, a truncated directory: DocumentError, not a trap")
  func notZip() throws {
    let archive = try Fixtures.bytes("zip-tool.zip")
    for bytes in [[], Array("PK\u{5}\u{6}".utf8), Array(archive.prefix(archive.count / 2)), Array(archive.suffix(30))] {
      #expect(throws: DocumentError.self) {
        let zip = try ZipArchive(bytes)
        for entry in zip.entries { _ = try zip.contents(of: entry, limit: 1 << 20) }
      }
    }
  }
}
