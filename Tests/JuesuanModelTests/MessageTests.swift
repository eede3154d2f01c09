import JuesuanModel
import Testing

/// Messages keep the lines they cite as numbers until they are rendered.
@Suite("Messages citing lines")
struct MessageTests {
  @Test("lines are rendered 1-based, counted from the line the text starts at")
  func rendering() {
    let message: Message = "第 \(line: 381) 行；第 \(line: 0)–\(line: 9) 行"
    #expect(message.rendered() == "第 382 行；第 1–10 行")
    #expect(message.rendered(lineOffset: 2479) == "第 2861 行；第 2480–2489 行")
    #expect(Message("没有行号").rendered(lineOffset: 5) == "没有行号")
    #expect(message.movingLines(by: 2479) == "第 \(line: 2860) 行；第 \(line: 2479)–\(line: 2488) 行")
    #expect(message.movingLines(by: 2479).rendered() == message.rendered(lineOffset: 2479))
  }

  @Test("interpolated values are written as in a String; texts join, so equal messages are equal")
  func pieces() {
    let amount = 12.5
    let message: Message = "金额 \(amount)，共 \(3) 项"
    #expect(message.segments == [.text("金额 12.5，共 3 项")])
    #expect(message == Message("金额 12.5，共 3 项"))
    let joined = ["第 \(line: 1) 行" as Message, "第 \(line: 4) 行"].joined(separator: "；")
    #expect(joined.segments == [.text("第 "), .line(1), .text(" 行；第 "), .line(4), .text(" 行")])
    let nested: Message = "（\(joined)）"
    #expect(nested.rendered() == "（第 2 行；第 5 行）")
  }
}
