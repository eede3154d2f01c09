import JuesuanModel

extension Paragraph {
  /// The number the paragraph opens with, as a numbered list writes it ("1. ", "12.", "3、", "7．"),
  /// nil when it opens with none.
  package var ordinal: Int? {
    let bytes = utf8
    var index = UTF8Text.skippingSpaces(in: bytes, from: 0)
    var value = 0
    let first = index
    while index < bytes.count, (0x30...0x39).contains(bytes[index]), index - first < 3 {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    guard index > first, index < bytes.count else { return nil }
    let marks = [".", "．", "、"]
    return marks.contains(where: { UTF8Text.has($0, at: index, in: bytes) }) ? value : nil
  }
}
