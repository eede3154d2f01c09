import Foundation
import JSONRPC
import Testing

/// Replays every JSON-RPC input the fuzz harnesses ever broke (Tests/Fixtures/fuzz-regressions/jsonrpc:
/// raw byte streams as they would arrive on stdin).
@Suite("Fuzz regressions: JSON-RPC streams")
struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz-regressions/jsonrpc")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()

  @Test("the regression folder is there")
  func folderPresent() {
    #expect(!Self.names.isEmpty)
  }

  @Test("each saved stream reads the same whole, byte by byte and in pieces; its bodies decode", arguments: names)
  func replay(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    let whole = FrameFuzzTests.outputs(bytes)
    for size in [1, 7, 4096] {
      let chunked = FrameFuzzTests.outputs(bytes, chunks: Array(repeating: size, count: bytes.count / size + 1))
      #expect(chunked.outputs == whole.outputs, "\(name) in chunks of \(size)")
      #expect(chunked.isIdle == whole.isIdle, "\(name) in chunks of \(size)")
    }
    for case .message(let body) in whole.outputs {
      switch IncomingMessage(body: body) {
      case .request(_, _, let params), .notification(_, let params), .response(_, .success(let params)):
        #expect(MessageFuzzTests.decodeAsHandlersWould(params).allSatisfy { $0 == -32602 }, "\(name)")
      default: break
      }
    }
  }

  /// Found by the frame harness: a header block of 8 193 to 8 196 bytes was read when it arrived in
  /// one piece and refused when it arrived in several.
  @Test(
    "a header block may be maximumHeaderBytes long, blank line included, however it arrives",
    arguments: [-1, 0, 1, 2, 4, 5])
  func headerLimit(excess: Int) {
    let tail = "Content-Length: 2\r\n\r\n"
    let padding = FrameParser.maximumHeaderBytes + excess - tail.utf8.count - "X-Pad: \r\n".utf8.count
    let bytes = Array(("X-Pad: " + String(repeating: "p", count: padding) + "\r\n" + tail + "{}").utf8)
    let expected: [FrameParser.Output] =
      excess <= 0 ? [.message(Array("{}".utf8))] : [.malformed("报文头过长或缺少空行，已跳过"), .message(Array("{}".utf8))]
    #expect(FrameFuzzTests.outputs(bytes).outputs == expected)
    #expect(FrameFuzzTests.outputs(bytes, chunks: [FrameParser.maximumHeaderBytes]).outputs == expected)
    #expect(FrameFuzzTests.outputs(bytes, chunks: Array(repeating: 512, count: 20)).outputs == expected)
  }
}
