/// The list numbering of a Word document (`word/numbering.xml`, with the numbering of paragraph
/// styles from `word/styles.xml`): turns a paragraph's list and level into the label Word shows
/// before it — "一、", "（一）", "1." — counting as Word counts.
package struct WordNumbering {
  struct Level {
    var start = 1
    var format = "decimal"
    var text = ""
    var suffix = "tab"
  }

  /// Levels by abstract numbering and level.
  private var abstractLevels: [String: [Int: Level]] = [:]
  /// Per list (numId): its abstract numbering and the levels whose start it overrides.
  private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
  /// Per paragraph style: its list and level.
  private var styles: [String: (list: String, level: Int)] = [:]
  /// Counters per abstract numbering (lists sharing one continue each other, as in Word).
  private var counters: [String: [Int]] = [:]
  private var restarted: Set<String> = []

  /// Numbering read from the XML of numbering.xml and styles.xml (either may be empty).
  package init(numbering: [UInt8], styles stylesXML: [UInt8] = []) {
    var scanner = XMLScanner(numbering)
    var abstract: String?
    var list: String?
    var level: Int?
    var override: Int?
    while let event = scanner.next() {
      switch event {
      case .start(let name, let attributes):
        switch Self.local(name) {
        case "abstractNum": abstract = Self.value(attributes, "abstractNumId")
        case "num": list = Self.value(attributes, "numId")
        case "abstractNumId":
          if let list, let value = Self.value(attributes, "val") { lists[list] = (value, [:]) }
        case "lvlOverride": override = Self.value(attributes, "ilvl").flatMap { Int($0) }
        case "startOverride":
          if let list, let override, let start = Self.value(attributes, "val").flatMap({ Int($0) }) {
            lists[list]?.starts[override] = start
          }
        case "lvl":
          level = Self.value(attributes, "ilvl").flatMap { Int($0) }
          if let abstract, let level, override == nil { abstractLevels[abstract, default: [:]][level] = Level() }
        case "start", "numFmt", "lvlText", "suff":
          guard let abstract, let level, override == nil, let value = Self.value(attributes, "val") else { break }
          switch Self.local(name) {
          case "start": abstractLevels[abstract]?[level]?.start = Int(value) ?? 1
          case "numFmt": abstractLevels[abstract]?[level]?.format = value
          case "lvlText": abstractLevels[abstract]?[level]?.text = value
          default: abstractLevels[abstract]?[level]?.suffix = value
          }
        default: break
        }
      case .end(let name):
        switch Self.local(name) {
        case "abstractNum": abstract = nil
        case "num": list = nil
        case "lvlOverride": override = nil
        case "lvl": level = nil
        default: break
        }
      case .text: break
      }
    }
    readStyles(stylesXML)
  }

  private mutating func readStyles(_ xml: [UInt8]) {
    var scanner = XMLScanner(xml)
    var style: String?
    var list: String?
    var level = 0
    while let event = scanner.next() {
      switch event {
      case .start(let name, let attributes):
        switch Self.local(name) {
        case "style":
          style = Self.value(attributes, "styleId")
          list = nil
          level = 0
        case "numId": list = Self.value(attributes, "val")
        case "ilvl": level = Self.value(attributes, "val").flatMap { Int($0) } ?? 0
        default: break
        }
      case .end(let name) where Self.local(name) == "style":
        if let style, let list { styles[style] = (list, level) }
        style = nil
      default: break
      }
    }
  }

  /// The list and level of a paragraph of style `style` without numbering of its own.
  func numbering(ofStyle style: String) -> (list: String, level: Int)? {
    styles[style]
  }

  /// The label of the next paragraph of list `list` at level `level`, counted; "" for a bullet,
  /// a list without definition, or list "0" (numbering switched off).
  /// - Complexity: O(levels).
  package mutating func label(list: String, level: Int) -> String {
    guard list != "0", let (abstract, starts) = lists[list], let levels = abstractLevels[abstract],
      (0..<9).contains(level), let definition = levels[level]
    else { return "" }
    var counts = counters[abstract] ?? Array(repeating: 0, count: 9)
    func start(_ index: Int) -> Int { starts[index] ?? levels[index]?.start ?? 1 }
    if !starts.isEmpty, !restarted.contains(list) {
      restarted.insert(list)
      counts = Array(repeating: 0, count: 9)
    }
    counts[level] = counts[level] == 0 ? start(level) : counts[level] + 1
    for deeper in (level + 1)..<9 { counts[deeper] = 0 }
    counters[abstract] = counts
    guard definition.format != "bullet", definition.format != "none" else { return "" }
    var label = ""
    var characters = definition.text[...]
    while let first = characters.first {
      characters = characters.dropFirst()
      guard first == "%", let digit = characters.first?.wholeNumberValue, (1...9).contains(digit) else {
        label.append(first)
        continue
      }
      characters = characters.dropFirst()
      let index = digit - 1
      let format = levels[index]?.format ?? "decimal"
      label += Self.format(counts[index] == 0 ? start(index) : counts[index], as: format)
    }
    return definition.suffix == "space" ? label + " " : label
  }

  /// `number` as Word writes it in format `format` (the common formats; others as decimal).
  package static func format(_ number: Int, as format: String) -> String {
    switch format {
    case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "taiwaneseCounting":
      return chinese(number)
    case "ideographTraditional":
      let stems = Array("甲乙丙丁戊己庚辛壬癸")
      return (1...stems.count).contains(number) ? String(stems[number - 1]) : String(number)
    case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
      guard (1...20).contains(number), let scalar = Unicode.Scalar(0x2460 + UInt32(number - 1)) else {
        return String(number)
      }
      return String(Character(scalar))
    case "decimalFullWidth", "decimalFullWidth2":
      return String(String(number).unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0) }.map(Character.init))
    case "lowerLetter", "upperLetter":
      guard number > 0 else { return String(number) }
      let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((number - 1) % 26)))
      let text = String(repeating: letter, count: (number - 1) / 26 + 1)
      return format == "upperLetter" ? text.uppercased() : text
    case "lowerRoman", "upperRoman":
      let text = roman(number)
      return format == "upperRoman" ? text : text.lowercased()
    default: return String(number)
    }
  }

  private static func chinese(_ number: Int) -> String {
    let digits = Array("零一二三四五六七八九")
    guard number >= 0, number < 1000 else { return String(number) }
    if number < 10 { return String(digits[number]) }
    if number < 100 {
      let tens = number / 10
      let units = number % 10
      return (tens == 1 ? "" : String(digits[tens])) + "十" + (units == 0 ? "" : String(digits[units]))
    }
    let rest = number % 100
    let hundreds = String(digits[number / 100]) + "百"
    if rest == 0 { return hundreds }
    return hundreds + (rest < 10 ? "零" + String(digits[rest]) : (rest < 20 ? "一" : "") + chinese(rest))
  }

  private static func roman(_ number: Int) -> String {
    guard (1..<4000).contains(number) else { return String(number) }
    let values =
      [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL")]
      + [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var rest = number
    var text = ""
    for (value, symbol) in values {
      while rest >= value {
        text += symbol
        rest -= value
      }
    }
    return text
  }

  /// The local part of a qualified name.
  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
  }

  /// The value of attribute `local` whatever its prefix (WordprocessingML always writes w:).
  static func value(_ attributes: [String: String], _ local: String) -> String? {
    attributes["w:" + local] ?? attributes.first { Self.local($0.key) == local }?.value
  }
}
