/// The cells and tokens of a self-evaluation line, and the numbers they hold.
extension SelfEvaluationReader {
  /// A cell (tab/pipe rows) or a whitespace token (plain rows), a unit token merged into the
  /// number before it ("112 套" → "112套", "0.0 %" → "0.0%"). What `bare(_:)` and `figure(_:)`
  /// read from the text is read once, when the item is made: a line's items are asked many times.
  struct Item {
    let text: String
    let range: Range<Int>
    /// The text as a plain number, and as a number or a percentage.
    private let bareAmount: Amount?
    private let figureAmount: Amount?

    init(text: String, range: Range<Int>) {
      self.text = text
      self.range = range
      (bareAmount, figureAmount) =
        text.utf8.withContiguousStorageIfAvailable(Self.amounts)
        ?? Array(text.utf8).withUnsafeBufferPointer(
          Self.amounts)
    }

    /// The text (of `bytes`) as a plain number, and as a number or a percentage.
    private static func amounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Amount?, Amount?) {
      if let bare = bareAmount(bytes) { return (bare, bare) }
      // "%" or "％" (EF BC 85) last: other texts are ruled out by their last byte.
      guard let last = bytes.last, last == 0x25 || last == 0x85 else { return (nil, nil) }
      guard UTF8Text.hasSingleScalarCharacters(bytes) else {
        return (nil, percentAmount(String(decoding: bytes, as: UTF8.self)))
      }
      var end = bytes.count
      if last == 0x25 {
        end -= 1
      } else if bytes.count >= 3, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xBC {
        end -= 3
      } else {
        return (nil, nil)
      }
      while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
      return (nil, bareAmount(UnsafeBufferPointer(rebasing: bytes[..<end])))
    }

    /// The amount of a plain number ("45.50", "-94.00", "10"): it starts with "-" or a digit.
    private static func bareAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Amount? {
      guard let first = bytes.first, first == 0x2D || (0x30...0x39).contains(first) else { return nil }
      return Amount(parsingUTF8: bytes)
    }

    /// The amount of a plain number, by Characters.
    private static func bareAmount(_ text: Substring) -> Amount? {
      guard let first = text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first) else { return nil }
      return Amount(parsing: text)
    }

    /// The amount of a percentage ("100%", "0.0 %"), by Characters.
    private static func percentAmount(_ text: String) -> Amount? {
      var text = Substring(text)
      guard text.utf8Text.hasSuffix("%") || text.utf8Text.hasSuffix("％") else { return nil }
      text = text.dropLast()
      while text.last == " " { text = text.dropLast() }
      return bareAmount(text)
    }

    /// True when the item is a plain number.
    var isNumber: Bool { bareAmount != nil }

    /// True when the item is a number or a percentage.
    var isFigure: Bool { figureAmount != nil }

    /// The item as a plain number, no percent sign, no unit.
    var bare: SelfEvaluation.Figure? { bareAmount.map { SelfEvaluation.Figure(value: $0, text: text, range: range) } }

    /// The item as a number or a percentage.
    var figure: SelfEvaluation.Figure? {
      figureAmount.map { SelfEvaluation.Figure(value: $0, text: text, range: range) }
    }
  }

  private static let units = [
    "%", "％", "套", "个", "人", "次", "家", "条", "期", "件", "箱", "元", "万元", "亿元", "小时", "天", "月", "份", "辆", "万个",
    "万人", "台", "分",
  ]

  /// The items of a line: its cells, or its whitespace tokens with units joined to numbers.
  static func items(of line: Line, in source: SourceText) -> [Item] {
    var result: [Item] = []
    let pieces = line.pieces(in: source)
    result.reserveCapacity(pieces.count)
    let positional = line.shape == .tabbed || line.shape == .piped
    for piece in pieces {
      let text = piece.text(in: source)
      if positional {
        result.append(Item(text: text, range: piece.range))
        continue
      }
      if let last = result.last, endsWithDigitOrPoint(last.text), text.utf8Text.isSame(asAnyOf: units),
        isQuantity(last.text)
      {
        result[result.count - 1] = Item(text: last.text + text, range: last.range.lowerBound..<piece.range.upperBound)
      } else {
        result.append(Item(text: text, range: piece.range))
      }
    }
    return result
  }

  /// What `isQuantity(_:)` needs of its last Character (an ASCII one), from the last byte.
  private static func endsWithDigitOrPoint(_ text: String) -> Bool {
    guard let last = text.utf8.last else { return false }
    return last == 0x2E || (0x30...0x39).contains(last)
  }

  /// "112", "=112", "≥0.05": a number, maybe after a comparison sign (a unit may follow it).
  static func isQuantity(_ text: String) -> Bool {
    let digits = text.drop { "≥≤=<>＝".utf8Text.contains($0) }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCIIDigit || $0 == "." }
  }

  /// "100%", "≥95%", "112套", "=4135": a quantity with its unit, and nothing else.
  static func isMeasure(_ text: String) -> Bool {
    let digits = text.drop { "≥≤=<>＝".utf8Text.contains($0) }
    let number = digits.prefix { $0.isASCIIDigit || $0 == "." }
    guard number.first?.isASCIIDigit == true else { return false }
    let unit = digits.dropFirst(number.count)
    return unit.isEmpty || unit.utf8Text.isSame(asAnyOf: units)
  }

  /// A plain number ("45.50", "-94.00", "10"), no percent sign, no unit.
  static func bare(_ item: Item) -> SelfEvaluation.Figure? { item.bare }

  /// A number or a percentage ("91.00", "100%", "0.0%").
  static func figure(_ item: Item) -> SelfEvaluation.Figure? { item.figure }

  /// "10" of "10资金来" (a funds figure glued to the next label by PDF export).
  static func leadingNumber(_ item: Item) -> Item? {
    if figure(item) != nil { return item }
    let digits = item.text.prefix { $0.isASCIIDigit || $0 == "." || $0 == "%" }
    guard !digits.isEmpty, digits.first?.isASCIIDigit == true, Amount(parsing: digits.filter { $0 != "%" }) != nil
    else { return nil }
    return Item(text: String(digits), range: item.range.lowerBound..<(item.range.lowerBound + digits.utf8.count))
  }
}
