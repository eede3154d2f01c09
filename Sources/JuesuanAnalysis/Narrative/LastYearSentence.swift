import JuesuanModel

/// A sentence that speaks of last year as a whole: "上年“三公”经费财政拨款支出决算中，因公出国（境）费
/// 支出决算 4.00 万元，占 10.00%；公务用车购置及运行费…". Its figures are last year's, whatever
/// they are named, so they are neither this year's table figures nor this year's totals.
package enum LastYearSentence {
  /// Whether the figure at `offset` of `bytes` (a paragraph's text) is in such a sentence: the
  /// text from the sentence's start to the figure opens with last year — 上年, 上一年, 去年 or the
  /// year before `year`, after an enumerator ("（三）", "2.") — and names nothing that makes the
  /// figure another (`otherFigureWords`): this year (本年, 今年, `year`年), a comparison (比, 较) or
  /// a carry-over, as in "上年结转 5.00 万元" or "2022年决算 0.50 万元，2023年决算 10.00 万元".
  /// - Complexity: O(sentence) byte searches.
  package static func holds(_ bytes: [UInt8], before offset: Int, year: Int?) -> Bool {
    let end = min(offset, bytes.count)
    var start = end
    while start > 0, !endsSentence(bytes, before: start) { start -= 1 }
    // Most sentences do not open with last year: their first bytes are searched before anything
    // else is read.
    let head = start..<min(end, start + 24)
    var openings = lastYearOpenings.filter {
      UTF8Text.firstOffset(of: $0, in: bytes, from: head.lowerBound, before: head.upperBound) != nil
    }
    if let year {
      let before = Array("\(year - 1)年".utf8)
      if UTF8Text.firstOffset(of: before, in: bytes, from: head.lowerBound, before: head.upperBound) != nil {
        openings.append(before)
      }
    }
    guard !openings.isEmpty else { return false }
    start = afterEnumerator(bytes, from: start, before: end)
    guard openings.contains(where: { UTF8Text.has($0, at: start, in: bytes) }) else { return false }
    let thisYear = year.map { [Array("\($0)年".utf8)] } ?? []
    return !(otherFigureBytes + thisYear).contains {
      UTF8Text.firstOffset(of: $0, in: bytes, from: start, before: end) != nil
    }
  }

  /// Whether a sentence ends right before `index`: after 。！？ or a line break.
  @inline(__always)
  private static func endsSentence(_ bytes: [UInt8], before index: Int) -> Bool {
    switch bytes[index - 1] {
    case 0x0A: return true
    case 0x82: return index >= 3 && bytes[index - 3] == 0xE3 && bytes[index - 2] == 0x80  // 。
    case 0x81, 0x9F: return index >= 3 && bytes[index - 3] == 0xEF && bytes[index - 2] == 0xBC  // ！？
    default: return false
    }
  }

  /// What opens a statement of last year's figure: 上年, 上一年, 去年, the year before `year`.
  package static func openings(year: Int?) -> [String] {
    ["上年", "上一年", "去年"] + (year.map { ["\($0 - 1)年"] } ?? [])
  }

  /// Words that make a figure after them not last year's own: this year, a comparison, a
  /// carry-over or a balance ("上年结转", "上年年末").
  package static let otherFigureWords = ["本年", "今年", "比", "较", "相比", "结转", "结余", "年末", "年初"]

  private static let lastYearOpenings = openings(year: nil).map { Array($0.utf8) }
  private static let otherFigureBytes = otherFigureWords.map { Array($0.utf8) }

  /// Where the text after the spaces and the enumerator at `start` begins: "（三）", "(3)", "三、",
  /// "3.", "3、" and the like.
  private static func afterEnumerator(_ bytes: [UInt8], from start: Int, before end: Int) -> Int {
    // A few characters are enough; one cut at the end is repaired alike in `head` and `rest`.
    let head = String(decoding: bytes[start..<min(end, start + 30)], as: UTF8.self)
    let trimmed = head.drop { $0 == " " || $0 == "\t" }
    var rest = trimmed
    let bracketed = rest.first == "（" || rest.first == "("
    if bracketed { rest = rest.dropFirst() }
    let numeral = rest.prefix { "0123456789一二三四五六七八九十".contains($0) }
    rest = rest.dropFirst(numeral.count)
    guard !numeral.isEmpty, let close = rest.first, (bracketed ? "）)" : "、.．").contains(close) else {
      return start + head.utf8.count - trimmed.utf8.count
    }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
    return start + head.utf8.count - rest.utf8.count
  }
}
