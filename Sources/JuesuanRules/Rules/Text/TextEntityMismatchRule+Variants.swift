import JuesuanModel

// The unit's own name written slightly wrong in the body or a table's heading:
// "上海市普陀区规划与自然资源局" for 规划和自然资源局, "上海市规划和自然资源局 2024 年度部门决算表"
// with the district dropped.
extension TextEntityMismatchRule {
  /// A name as a line writes it, white space removed: its characters and each one's source offset.
  private struct CompactLine {
    var characters: [Character] = []
    var offsets: [Int] = []
    var end = 0

    init(_ source: SourceText, line: Int) {
      let range = source.byteRange(ofLine: line)
      end = range.upperBound
      var offset = range.lowerBound
      for character in source.text(in: range) {
        if !character.isWhitespace {
          characters.append(character)
          offsets.append(offset)
        }
        offset += character.utf8.count
      }
    }

    func sourceRange(_ range: Range<Int>) -> Range<Int> {
      let upper = range.upperBound < offsets.count ? offsets[range.upperBound] : end
      // The last character's end, not the next one's start (spaces between are not the name's).
      let last = offsets[range.upperBound - 1] + characters[range.upperBound - 1].utf8.count
      return offsets[range.lowerBound]..<min(upper, last)
    }
  }

  /// Interchangeable conjunctions: a name with one swapped for another is the same name miswritten.
  private static let conjunctions: Set<Character> = ["和", "与", "及"]

  /// Variants of `reference` (the unit's name) that the report writes where only its own name
  /// belongs. A name one conjunction off ("规划与自然资源局") is wrong anywhere; a name a few
  /// characters off (a district dropped) only where it names the report itself ("X 2024 年度部门
  /// 决算表", "X 2024 年度无…", "X所属各预算单位"). Only when the reference is the name the report
  /// writes most often.
  func checkNameVariants(_ report: Report, reference: String, context: inout RuleContext) {
    let name = Array(reference)
    guard name.count >= 6, name.contains(where: { Self.adminMarks.contains($0) }) else { return }
    let anchor = Array(name.suffix(3))
    let source = report.source
    var variants: [(text: String, range: Range<Int>, isTitle: Bool)] = []
    var exact = 0
    // The name's last character, which a line holding the name must have (spaced or not).
    let last = Array(String(name[name.count - 1]).utf8)
    for line in 0..<source.lineCount {
      guard source.bytes[source.byteRange(ofLine: line)].firstRange(of: last) != nil else { continue }
      let compact = CompactLine(source, line: line)
      let characters = compact.characters
      guard characters.count >= anchor.count else { continue }
      for end in anchor.count...characters.count where Array(characters[(end - anchor.count)..<end]) == anchor {
        guard let (start, distance) = Self.closestStart(of: name, endingAt: end, in: characters) else { continue }
        if distance == 0 {
          exact += 1
          continue
        }
        let written = Array(characters[start..<end])
        let following = String(characters[end..<min(characters.count, end + 8)])
        let isTitle = Self.namesReport(following: following)
        guard isTitle || Self.differsByConjunction(written, name) else { continue }
        // The body template spots are checked by `checkBodyNames`.
        guard !following.hasPrefix("的主要职责") else { continue }
        variants.append((String(written), compact.sourceRange(start..<end), isTitle))
      }
    }
    guard !variants.isEmpty else { return }
    context.ran()
    guard exact > variants.count else { return }
    for variant in variants {
      context.report(
        variant.range,
        "单位名称写作“\(variant.text)”，报告其余 \(exact) 处均为“\(reference)”"
          + (variant.isTitle ? "：此处是本报告的名称，应为“\(reference)”" : "：应为“\(reference)”"),
        fixes: [Fix(title: "改为 \(reference)", edits: [TextEdit(range: variant.range, newText: reference)])])
    }
  }

  /// The start of the name ending at `end` closest to `name` (by edit distance, at most 4), when it
  /// begins with the name's first two characters.
  private static func closestStart(of name: [Character], endingAt end: Int, in characters: [Character])
    -> (start: Int, distance: Int)?
  {
    var best: (start: Int, distance: Int)?
    let lengths = max(2, name.count - 4)...(name.count + 2)
    for length in lengths where length <= end {
      let start = end - length
      guard characters[start] == name[0], characters[start + 1] == name[1] else { continue }
      let distance = editDistance(Array(characters[start..<end]), name)
      if distance <= 4, distance < (best?.distance ?? Int.max) { best = (start, distance) }
    }
    return best
  }

  /// What follows a name that names the report's own unit: "2024年度部门决算", "2024年度无…",
  /// "本年度", "所属", "部门决算".
  private static func namesReport(following: String) -> Bool {
    if ["所属", "部门决算", "单位决算", "部门预算", "单位预算", "本年度", "本级"].contains(where: following.hasPrefix) {
      return true
    }
    let digits = following.prefix(4)
    return digits.count == 4 && digits.allSatisfy(\.isASCIIDigit) && following.dropFirst(4).hasPrefix("年")
  }

  /// Same length, one character different, both of the differing characters conjunctions.
  private static func differsByConjunction(_ written: [Character], _ name: [Character]) -> Bool {
    guard written.count == name.count else { return false }
    let differences = zip(written, name).filter { $0 != $1 }
    return differences.count == 1 && conjunctions.contains(differences[0].0) && conjunctions.contains(differences[0].1)
  }

  /// Levenshtein distance of two short names.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
