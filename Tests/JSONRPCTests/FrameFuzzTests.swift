import JSONRPC
import JuesuanTestSupport
import Testing

/// Random byte streams for the frame parser: well-framed messages with every header variant the
/// base protocol allows, mixed with lies, truncations, garbage and over-long headers.
struct RandomStream {
  var json: RandomJSON
  /// The bodies a correct reader returns, or nil once something broke the framing.
  var expectedBodies: [[UInt8]]? = []
  var bytes: [UInt8] = []

  init(seed: UInt64) {
    json = RandomJSON(seed: seed)
  }

  private mutating func headerName() -> String {
    let name = json.random.pick(["Content-Length", "content-length", "CONTENT-LENGTH", "Content-length"])
    return String(name.map { json.random.chance(1, in: 8) ? Character($0.uppercased()) : $0 })
  }

  private mutating func lineEnd() -> String { json.random.chance(1, in: 4) ? "\n" : "\r\n" }

  private mutating func body() -> [UInt8] {
    switch Int.random(in: 0..<6, using: &json.random) {
    case 0:
      return (0..<Int.random(in: 0...40, using: &json.random)).map { _ in UInt8.random(in: 0...255, using: &json.random)
      }
    case 1: return Array(json.value().utf8)
    default: return Array(json.envelope().text.utf8)
    }
  }

  /// A correctly framed message, with extra headers, odd spacing, LF-only lines, a repeated
  /// Content-Length of the same value.
  mutating func appendFrame() {
    let body = body()
    var lines = [
      "\(headerName()):\(json.random.pick(["", " ", "\t", "  "]))\(body.count)\(json.random.pick(["", " ", "\t"]))"
    ]
    for _ in 0..<Int.random(in: 0...2, using: &json.random) {
      let pad = FrameParser.maximumHeaderBytes - Int.random(in: -8...80, using: &json.random)
      let extra =
        json.random.chance(1, in: 12)
        ? "X-Pad: "
          + String(
            repeating: "p", count: json.random.chance(1, in: 2) ? pad : Int.random(in: 0...pad, using: &json.random))
        : json.random.pick([
          "Content-Type: application/vscode-jsonrpc; charset=utf-8", "X-Note: a:b:c", "no colon here",
          "Content-Lengthy: 7", "\(headerName()): \(body.count)",
        ])
      lines.insert(extra, at: Int.random(in: 0...lines.count, using: &json.random))
    }
    let header = lines.map { $0 + lineEnd() }.joined() + lineEnd()
    bytes += Array((json.random.pick(["", "\r\n", "\n"]) + header).utf8) + body
    // A header block may be up to maximumHeaderBytes long, blank line included (a few bytes of slack).
    if header.utf8.count <= FrameParser.maximumHeaderBytes {
      expectedBodies?.append(body)
    } else {
      expectedBodies = nil
    }
  }

  /// Something that breaks the framing.
  mutating func appendTrouble() {
    let body = body()
    let lie: String
    switch Int.random(in: 0..<8, using: &json.random) {
    case 0: lie = "Content-Length: \(max(0, body.count + Int.random(in: -body.count...20, using: &json.random)))"
    case 1:
      lie =
        "Content-Length: "
        + json.random.pick(["", "-1", "+2", "0x10", "1e3", "２", "2 3", "9999999999999", "99999999999999999999"])
    case 2: lie = "Content-Length: \(FrameParser.maximumBodyBytes + Int.random(in: 1...1000, using: &json.random))"
    case 3: lie = "Content-Length: \(body.count)\r\nContent-Length: \(body.count + 1)"
    case 4: lie = "Content-Type: text/plain"
    case 5:
      bytes += (0..<Int.random(in: 1...300, using: &json.random)).map { _ in
        json.random.pick(Array("Content-Length: 12\r\n{}:\u{0}".utf8) + [0xFF, 0xE4])
      }
      expectedBodies = nil
      return
    case 6:
      bytes += Array(
        repeating: UInt8(ascii: "x"),
        count: FrameParser.maximumHeaderBytes + Int.random(in: -8...8, using: &json.random))
      expectedBodies = nil
      return
    default:
      let framed = FrameParser.frame(body)
      bytes += framed.prefix(Int.random(in: 0..<framed.count, using: &json.random))
      expectedBodies = nil
      return
    }
    bytes += Array("\(lie)\(lineEnd())\(lineEnd())".utf8) + body
    expectedBodies = nil
  }

  /// Flips, inserts or deletes a few bytes anywhere.
  mutating func mangle() {
    for _ in 0..<Int.random(in: 1...4, using: &json.random) where !bytes.isEmpty {
      let position = Int.random(in: 0..<bytes.count, using: &json.random)
      switch Int.random(in: 0..<3, using: &json.random) {
      case 0:
        bytes[position] = json.random.pick([
          0x0D, 0x0A, 0x3A, 0x30, 0x39, UInt8.random(in: 0...255, using: &json.random),
        ])
      case 1: bytes.remove(at: position)
      default: bytes.insert(json.random.pick([0x0D, 0x0A, 0x3A, 0x20]), at: position)
      }
    }
    expectedBodies = nil
  }
}

@Suite("Fuzzing the Content-Length frame reader")
struct FrameFuzzTests {
  /// Everything the parser yields for `bytes` fed in the given chunk sizes (the rest in one piece).
  static func outputs(_ bytes: [UInt8], chunks: [Int] = []) -> (outputs: [FrameParser.Output], isIdle: Bool) {
    var parser = FrameParser()
    var outputs: [FrameParser.Output] = []
    var start = 0
    for size in chunks + [bytes.count] where start < bytes.count {
      let end = min(bytes.count, start + size)
      parser.append(bytes[start..<end])
      start = end
      while let output = parser.next() {
        outputs.append(output)
        if outputs.count > bytes.count + 1 { return (outputs, parser.isIdle) }  // a loop, not a reader
      }
    }
    return (outputs, parser.isIdle)
  }

  @Test("random streams read the same whole or in any chunks; well-framed ones give back every body")
  func streams() async {
    await FuzzBudget(defaultIterations: 300).run("frame-streams") { seed in
      var stream = RandomStream(seed: seed)
      for _ in 0..<Int.random(in: 1...5, using: &stream.json.random) {
        if stream.json.random.chance(1, in: 4) { stream.appendTrouble() } else { stream.appendFrame() }
      }
      if stream.json.random.chance(1, in: 5) { stream.mangle() }
      let bytes = stream.bytes
      let whole = Self.outputs(bytes)
      #expect(whole.outputs.count <= bytes.count + 1, "seed \(seed)")
      if let expected = stream.expectedBodies {
        #expect(whole.outputs == expected.map { .message($0) }, "seed \(seed)")
        #expect(whole.isIdle, "seed \(seed)")
      }
      // Byte by byte, in small pieces, or in large ones.
      // (Byte by byte only for short streams: the header scan restarts at each read.)
      let largest = stream.json.random.pick([bytes.count < 4000 ? 1 : 16, 64, 9000])
      var chunks: [Int] = []
      var total = 0
      while total < bytes.count {
        chunks.append(Int.random(in: 1...largest, using: &stream.json.random))
        total += chunks.last ?? 1
      }
      let chunked = Self.outputs(bytes, chunks: chunks)
      #expect(chunked.outputs == whole.outputs, "seed \(seed): \(chunks.count) chunks of up to \(largest) bytes")
      #expect(chunked.isIdle == whole.isIdle, "seed \(seed)")
      for case .message(let body) in whole.outputs {
        switch IncomingMessage(body: body) {
        case .request(_, _, let params), .notification(_, let params), .response(_, .success(let params)):
          #expect(MessageFuzzTests.decodeAsHandlersWould(params).allSatisfy { $0 == -32602 }, "seed \(seed)")
        default: break
        }
      }
    }
  }
}
