import JSONRPC
import Testing

@Suite("Content-Length framing")
struct FrameParserTests {
  private static let body = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"text":"共计××万元😀"}}"#

  private static func parse(_ chunks: [[UInt8]]) -> [FrameParser.Output] {
    var parser = FrameParser()
    var outputs: [FrameParser.Output] = []
    for chunk in chunks {
      parser.append(chunk)
      while let output = parser.next() { outputs.append(output) }
    }
    return outputs
  }

  @Test("a message split at every byte boundary is read whole")
  func splitAtEveryBoundary() {
    let framed = FrameParser.frame(Array(Self.body.utf8))
    for cut in 0...framed.count {
      let outputs = Self.parse([Array(framed[..<cut]), Array(framed[cut...])])
      #expect(outputs == [.message(Array(Self.body.utf8))], "cut at \(cut)")
    }
  }

  @Test("a message fed one byte at a time is read whole")
  func oneByteAtATime() {
    let framed = FrameParser.frame(Array(Self.body.utf8))
    #expect(Self.parse(framed.map { [$0] }) == [.message(Array(Self.body.utf8))])
  }

  @Test("several messages in one read come out in order")
  func severalMessagesInOneRead() {
    let bodies = ["{}", "[1]", Self.body]
    let framed = bodies.flatMap { FrameParser.frame(Array($0.utf8)) }
    #expect(Self.parse([framed]) == bodies.map { .message(Array($0.utf8)) })
  }

  @Test("header names are case-insensitive and other headers are ignored")
  func headerCaseAndExtraHeaders() {
    let text = "content-TYPE: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}"
    #expect(Self.parse([Array(text.utf8)]) == [.message(Array("{}".utf8))])
  }

  @Test("a missing or invalid Content-Length is reported and the next message is still read")
  func resynchronises() {
    let text = "Content-Type: x\r\n\r\n{}garbage Content-Length: abc\r\n\r\nxx" + "Content-Length: 2\r\n\r\n{}"
    let outputs = Self.parse([Array(text.utf8)])
    #expect(outputs.count == 3)
    #expect(outputs.last == .message(Array("{}".utf8)))
    #expect(outputs.dropLast().allSatisfy { if case .malformed = $0 { true } else { false } })
  }

  @Test("resynchronisation works when the stream arrives byte by byte")
  func resynchronisesByteByByte() {
    let text = "Content-Length: -1\r\n\r\n{}junk" + "Content-Length: 2\r\n\r\n{}"
    let outputs = Self.parse(Array(text.utf8).map { [$0] })
    #expect(outputs.count == 2)
    #expect(outputs.last == .message(Array("{}".utf8)))
  }

  @Test("a body over the limit is skipped, not buffered forever")
  func oversizedBodyIsSkipped() {
    let text = "Content-Length: \(FrameParser.maximumBodyBytes + 1)\r\n\r\n"
    let outputs = Self.parse([Array(text.utf8)])
    #expect(outputs.count == 1)
  }

  @Test("garbage without any header ends in an error, not a hang")
  func longGarbage() {
    let garbage = [UInt8](repeating: 0x41, count: FrameParser.maximumHeaderBytes * 2)
    let outputs = Self.parse([garbage, FrameParser.frame(Array("{}".utf8))])
    #expect(outputs.first.map { if case .malformed = $0 { true } else { false } } == true)
    #expect(outputs.last == .message(Array("{}".utf8)))
  }
}
