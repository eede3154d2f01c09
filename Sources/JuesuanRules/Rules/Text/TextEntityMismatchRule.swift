import Foundation
import JuesuanModel

/// The unit's name differs between the cover and the tables' 部门： lines, or an evaluation names
/// as its object a project that appears nowhere else in the report (residue of another report).
struct TextEntityMismatchRule: Rule {
  static let description = RuleDescription(
    code: "text/entity-mismatch",
    summary: "单位名称在封面、各表“部门：”行中应一致；绩效评价报告所评价的对象应是本报告中的项目。",
    rationale: """
      套用其他单位或上年的模板时，最容易遗留别的单位名称或别的项目名称。表头单位名称与封面不一致（缩写、\
      跨行折断不算），或“本次绩效评价的对象为…”所说的项目在报告别处从未出现、而报告评价的是另一个项目时报告。\
      正文和表头中本单位名称写错一个连词（“规划与自然资源局”之于“规划和自然资源局”），或在称呼本报告之处\
      （“X 2024 年度部门决算表”“X 2024 年度无…”“X所属各预算单位”）少了或多了几个字的，只要报告其余各处\
      写作正确名称的更多，也在此报告。\
      “主管部门”等栏目中出现的其他单位名称是正常的，不检查。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init("长治市上党区人民政府办公室\n2023年度部门决算\n\n收入决算表\n部门名称：长治市上党区人民政府\n办公室\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t5.00\n"),
      .init(
        "项目名称\t数字人民币试点奖补资金\n\n1. 绩效评价的对象和范围。本次绩效评价的对象为数字人民币试点奖补资金项目。\n"),
      .init("2023年度福州市晋安区人民政府办公室部门决算\n\n一、部门主要职责\n\n区政府办公室的主要职责是：\n"),
      .init(
        "上海市普陀区规划和自然资源局\n2024年度部门决算\n\n上海市普陀区规划和自然资源局所属单位。根据上海市规划和自然资源局的要求，本局完成了工作。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "长治市上党区人民政府办公室\n2023年度部门决算\n\n收入决算表\n部门名称：长治市上党区人民政府办公室\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t5.00\n\n支出决算表\n部门名称：⟦长治市潞州区人民政府办公室⟧\n科目编码\t科目名称\t本年支出合计\n201\t一般公共服务支出\t5.00\n"
      ),
      .init(
        "项目名称\t数字人民币试点奖补资金\n\n1. 绩效评价的对象和范围。本次绩效评价的对象为⟦社区禁毒工作经费支出项目⟧。\n"),
      .init(
        "2023年度福州市晋安区人民政府办公室部门决算\n\n一、部门主要职责\n\n⟦福州市鼓楼区人民政府办公室⟧的主要职责是：\n",
        fixed: "2023年度福州市晋安区人民政府办公室部门决算\n\n一、部门主要职责\n\n福州市晋安区人民政府办公室的主要职责是：\n"),
      .init(
        "上海市普陀区规划和自然资源局\n2024年度部门决算\n\n上海市普陀区规划和自然资源局本级。上海市普陀区规划和自然资源局执法大队。\n\n⟦上海市规划和自然资源局⟧ 2024 年度部门决算表\n\n2024 年，⟦上海市普陀区规划与自然资源局⟧所属各预算单位。\n",
        fixed:
          "上海市普陀区规划和自然资源局\n2024年度部门决算\n\n上海市普陀区规划和自然资源局本级。上海市普陀区规划和自然资源局执法大队。\n\n上海市普陀区规划和自然资源局 2024 年度部门决算表\n\n2024 年，上海市普陀区规划和自然资源局所属各预算单位。\n"
      ),
    ])

  private static let prefixes = ["部门名称：", "部门名称:", "单位名称：", "单位名称:", "编制单位：", "编制单位:", "部门：", "部门:"]

  func check(_ report: Report, context: inout RuleContext) {
    if let reference = checkHeaderNames(report, context: &context) {
      checkBodyNames(report, reference: reference, context: &context)
      checkNameVariants(report, reference: reference, context: &context)
    }
    checkEvaluationObject(report, context: &context)
  }

  // MARK: Unit names

  private static let prefixBytes = prefixes.map { Array($0.utf8) }

  /// Whether the bytes, after spaces, tabs and U+3000, start with a prefix's bytes: what the
  /// Characters of a header line must do first (most lines do not).
  private static func mayStartWithPrefix(_ bytes: ArraySlice<UInt8>) -> Bool {
    var start = bytes.startIndex
    while start < bytes.endIndex {
      if bytes[start] == 0x20 || bytes[start] == 0x09 {
        start += 1
      } else if bytes[start...].starts(with: [0xE3, 0x80, 0x80]) {
        start += 3
      } else {
        break
      }
    }
    // The first two bytes rule out most lines before a prefix is compared whole.
    guard start + 1 < bytes.endIndex else { return false }
    let (lead, second) = (bytes[start], bytes[start + 1])
    return prefixBytes.contains { $0[0] == lead && $0[1] == second && bytes[start...].starts(with: $0) }
  }

  private struct Named {
    var name: String
    var range: Range<Int>
    var line: Int
  }

  @discardableResult
  private func checkHeaderNames(_ report: Report, context: inout RuleContext) -> String? {
    let source = report.source
    var named: [Named] = []
    // Only the header lines of the standard tables: other tables (self-evaluations) may name
    // subordinate or supervising units on purpose.
    var inTable = [Bool](repeating: false, count: source.lineCount)
    for table in report.tables where Table.Kind.standard.contains(table.kind) {
      let first = source.line(ofUTF8Offset: table.range.lowerBound)
      let last = source.line(ofUTF8Offset: max(table.range.lowerBound, table.range.upperBound - 1))
      for line in first...last { inTable[line] = true }
    }
    for line in 0..<source.lineCount where inTable[line] {
      let range = source.byteRange(ofLine: line)
      guard range.count >= 9, Self.mayStartWithPrefix(source.bytes[range]) else { continue }
      let raw = source.text(in: range)
      let text = raw.drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
      guard let prefix = Self.prefixes.first(where: { text.utf8Text.hasPrefix($0) }) else { continue }
      var rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{3000}" }
      if let cut = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) { rest = rest[..<cut] }
      for stop in ["单位：", "金额单位", "单位:"] {
        if let cut = rest.utf8Text.range(of: stop) { rest = rest[..<cut.lowerBound] }
      }
      let name = String(rest)
      guard name.count >= 4, !name.utf8Text.hasPrefix("万元"), !name.utf8Text.hasPrefix("元"),
        name.first?.isNumber == false
      else {
        continue
      }
      let start = range.lowerBound + raw.utf8.distance(from: raw.startIndex, to: rest.startIndex)
      named.append(Named(name: name, range: start..<(start + name.utf8.count), line: line))
    }
    guard !named.isEmpty else { return report.unitName.flatMap { $0.count >= 4 ? $0 : nil } }
    // The reference: the cover's name, else the name most header lines give.
    var counts: [String: Int] = [:]
    for item in named { counts[item.name, default: 0] += 1 }
    let majority = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
    let reference: String
    if let cover = report.unitName, cover.count >= 4 {
      reference = cover
    } else if let majority, majority.value >= 2 {
      reference = majority.key
    } else {
      return nil
    }
    // When the cover disagrees with every header, the cover's reading is doubtful: say nothing.
    guard named.contains(where: { Self.sameUnit($0.name, reference) }) else { return nil }
    for item in named {
      context.ran()
      if Self.sameUnit(item.name, reference) { continue }
      if reference.utf8Text.hasPrefix(item.name) {
        // "长治市上党区人民政府" / "办公室": the name wrapped onto the next line.
        let remainder = String(reference.dropFirst(item.name.count))
        let next = ((item.line + 1)..<min(source.lineCount, item.line + 3)).map { source.text(ofLine: $0) }
          .first { !$0.allSatisfy(\.isWhitespace) }?.utf8Text.removingWhitespace()
        if let next, next.utf8Text.hasPrefix(remainder) { continue }
        context.report(
          item.range, "表头单位名称“\(item.name)”与封面的“\(reference)”不一致（疑为名称不完整）：请核对", severity: .information)
        continue
      }
      context.report(
        item.range, "表头单位名称“\(item.name)”与报告单位“\(reference)”不一致：疑为套用其他单位的表格，应为“\(reference)”",
        fixes: [Fix(title: "改为 \(reference)", edits: [TextEdit(range: item.range, newText: reference)])])
    }
    return reference
  }

  /// Equal, or one the shortened form of the other ("北关区便民服务中心").
  private static func sameUnit(_ first: String, _ second: String) -> Bool {
    // "（汇总）", "(本级)" qualify the report, not the unit.
    func bare(_ name: String) -> String {
      guard let open = name.firstIndex(where: { $0 == "（" || $0 == "(" }),
        name.distance(from: name.startIndex, to: open) >= 4
      else { return name }
      return String(name[..<open])
    }
    let a = bare(first)
    let b = bare(second)
    // A shortened form keeps the characters in order ("区政府办公室" in "长治市上党区人民政府办公室").
    if a.count >= 5 && isSubsequence(a, of: b) || b.count >= 5 && isSubsequence(b, of: a) { return true }
    return a == b || (a.count >= 6 && b.utf8Text.hasSuffix(a)) || (b.count >= 6 && a.utf8Text.hasSuffix(b))
  }

  private static func isSubsequence(_ short: String, of long: String) -> Bool {
    var iterator = long.makeIterator()
    return short.allSatisfy { character in
      while let next = iterator.next() { if next == character { return true } }
      return false
    }
  }

  // MARK: Body

  /// Template spots that name the unit: "X的主要职责是", "从决算单位构成看，X包括", "根据主要职责，X设".
  private static let bodyPatterns: [(before: String, after: [String])] = [
    ("从决算单位构成看，", ["决算包括", "包括"]), ("根据主要职责，", ["设"]), ("", ["的主要职责"]),
  ]
  static let adminMarks: Set<Character> = ["省", "市", "区", "县", "旗", "州", "镇", "乡"]

  private func checkBodyNames(_ report: Report, reference: String, context: inout RuleContext) {
    guard reference.count >= 6, reference.contains(where: { Self.adminMarks.contains($0) }) else { return }
    for paragraph in report.paragraphs.prefix(80) {
      let text = paragraph.text
      for pattern in Self.bodyPatterns {
        var searchStart = text.startIndex
        if !pattern.before.isEmpty {
          guard let found = text.utf8Text.range(of: pattern.before) else { continue }
          searchStart = found.upperBound
        }
        let rest = text[searchStart...]
        guard
          let after = pattern.after.compactMap({ rest.utf8Text.range(of: $0) }).min(by: {
            $0.lowerBound < $1.lowerBound
          })
        else { continue }
        var name = rest[..<after.lowerBound]
        if pattern.before.isEmpty {
          // "X的主要职责" at the start of the paragraph only.
          guard name.count <= 30, !name.utf8Text.contains("，"), !name.utf8Text.contains("。") else { continue }
        }
        name = name.drop { $0.isWhitespace }
        while let last = name.last, last.isWhitespace { name = name.dropLast() }
        let candidate = String(name)
        guard candidate.count >= 6, candidate.count <= 30, candidate.contains(where: { Self.adminMarks.contains($0) }),
          !candidate.utf8Text.contains("，"), !candidate.utf8Text.contains("、")
        else { continue }
        context.ran()
        guard !Self.sameUnit(candidate, reference) else { continue }
        let lower = text.utf8.distance(from: text.startIndex, to: name.startIndex)
        let range = paragraph.sourceRange(ofTextRange: lower..<(lower + candidate.utf8.count))
        context.report(
          range, "正文中的单位名称“\(candidate)”与报告单位“\(reference)”不一致：疑为套用其他单位的文字，应为“\(reference)”",
          fixes: [Fix(title: "改为 \(reference)", edits: [TextEdit(range: range, newText: reference)])])
      }
    }
  }

  // MARK: Evaluation object

  private static let objectMarkers = ["评价的对象为", "评价对象为", "评价的对象是", "评价对象是"]
  /// A word every marker holds (nil if they share none): a paragraph without it holds no marker.
  private static let objectWord: [UInt8]? =
    objectMarkers.allSatisfy { $0.utf8Text.contains("对象") } ? Array("对象".utf8) : nil
  private static let projectSuffixes = ["支出项目", "项目支出", "专项资金", "项目", "经费", "资金", "支出"]

  private func checkEvaluationObject(_ report: Report, context: inout RuleContext) {
    let whole = report.source.bytes
    let projects = Self.projectNames(report.source)
    for paragraph in report.paragraphs
    where Self.objectWord.map({ UTF8Text.firstOffset(of: $0, in: paragraph.utf8) != nil }) ?? true {
      for marker in Self.objectMarkers {
        guard let found = paragraph.text.utf8Text.range(of: marker) else { continue }
        let tail = paragraph.text[found.upperBound...]
        let end = tail.firstIndex { "。，；,;（(".utf8Text.contains($0) } ?? tail.endIndex
        let object = String(tail[..<end]).utf8Text.trimmingWhitespace()
        guard object.count >= 4 else { break }
        context.ran()
        let core = Self.core(object)
        guard core.count >= 4 else { break }
        // The object's core elsewhere in the report (a 项目名称 cell, the title, the purpose).
        let pattern = Array(core.utf8)
        if let first = UTF8Text.firstOffset(of: pattern, in: whole),
          UTF8Text.firstOffset(of: pattern, in: whole, from: first + pattern.count) != nil
        {
          break
        }
        // A project written slightly differently ("业务费" / "业务经费") shares a run of four characters.
        guard !projects.contains(where: { Self.sharesRun(Self.core($0.name), core, length: 4) }) else { break }
        let others = projects.filter { !$0.name.utf8Text.contains("部门整体") }
        let before = others.last { $0.offset < paragraph.range.lowerBound }
        guard let other = (before ?? others.first)?.name else { break }
        let lower = paragraph.text.utf8.distance(from: paragraph.text.startIndex, to: tail.startIndex)
        let objectBytes = object.utf8.count
        let leading = tail.prefix { $0.isWhitespace }.utf8.count
        let range = paragraph.sourceRange(ofTextRange: (lower + leading)..<(lower + leading + objectBytes))
        context.report(
          range,
          "绩效评价对象“\(object)”在报告其他地方均未出现，而本报告评价的项目是“\(other)”：疑为其他报告的残留，应为“\(other)”项目")
        break
      }
    }
  }

  /// The project names of 项目名称 cells ("项目名称\t…", "项目名称 …").
  private static func projectNames(_ source: SourceText) -> [(name: String, offset: Int)] {
    var result: [(name: String, offset: Int)] = []
    for line in source.lines(holding: Array("项目名称".utf8)) {
      let text = source.text(ofLine: line).drop { $0 == " " || $0 == "\t" }
      guard text.utf8Text.hasPrefix("项目名称") else { continue }
      let rest = text.dropFirst(4).drop { $0 == " " || $0 == "\t" || $0 == "：" || $0 == ":" }
      let name = String(rest.prefix { $0 != "\t" && $0 != " " })
      if name.count >= 4, !result.contains(where: { $0.name == name }) {
        result.append((name, source.lineStarts[line]))
      }
    }
    return result
  }

  /// True when `a` and `b` have `length` consecutive characters in common.
  private static func sharesRun(_ a: String, _ b: String, length: Int) -> Bool {
    let chars = Array(a)
    guard chars.count >= length else { return false }
    for start in 0...(chars.count - length) where b.utf8Text.contains(String(chars[start..<(start + length)])) {
      return true
    }
    return false
  }

  private static func core(_ name: String) -> String {
    var core = Substring(name)
    var changed = true
    while changed {
      changed = false
      for suffix in projectSuffixes where core.utf8Text.hasSuffix(suffix) && core.count - suffix.count >= 4 {
        core = core.dropLast(suffix.count)
        changed = true
      }
    }
    // A leading year ("2022年省级…") is not part of the name.
    if let year = core.utf8Text.range(of: "年"), core.distance(from: core.startIndex, to: year.lowerBound) == 4,
      core.prefix(4).allSatisfy(\.isNumber)
    {
      core = core[year.upperBound...]
    }
    return String(core).utf8Text.trimmingWhitespace()
  }
}

// The unit's own name written slightly wrong in the body or a table's heading:
// "上海市普陀区规划与自然资源局" for 规划和自然资源局, "上海市规划和自然资源局 2024 年度部门决算表"
// with the district dropped.
extension TextEntityMismatchRule {
  /// A name as a line writes it, white space removed: its characters and each one's source offset.
  private struct CompactLine {
    /// The line's scalars without white space (a unit's name is CJK: one scalar per character).
    var characters: [Unicode.Scalar] = []
    var offsets: [Int] = []
    var end = 0

    init(_ source: SourceText, line: Int) {
      let range = source.byteRange(ofLine: line)
      end = range.upperBound
      var offset = range.lowerBound
      for scalar in source.text(in: range).unicodeScalars {
        if !scalar.isWhiteSpace {
          characters.append(scalar)
          offsets.append(offset)
        }
        offset += UTF8.width(scalar)
      }
    }

    func sourceRange(_ range: Range<Int>) -> Range<Int> {
      let upper = range.upperBound < offsets.count ? offsets[range.upperBound] : end
      // The last scalar's end, not the next one's start (spaces between are not the name's).
      let last = offsets[range.upperBound - 1] + UTF8.width(characters[range.upperBound - 1])
      return offsets[range.lowerBound]..<min(upper, last)
    }
  }

  /// Interchangeable conjunctions: a name with one swapped for another is the same name miswritten.
  private static let conjunctions: Set<Unicode.Scalar> = ["和", "与", "及"]

  /// Variants of `reference` (the unit's name) that the report writes where only its own name
  /// belongs. A name one conjunction off ("规划与自然资源局") is wrong anywhere; a name a few
  /// characters off (a district dropped) only where it names the report itself ("X 2024 年度部门
  /// 决算表", "X 2024 年度无…", "X所属各预算单位"). Only when the reference is the name the report
  /// writes most often.
  func checkNameVariants(_ report: Report, reference: String, context: inout RuleContext) {
    let name = Array(reference.unicodeScalars)
    guard name.count >= 6, reference.contains(where: { Self.adminMarks.contains($0) }) else { return }
    let anchor = Array(name.suffix(3))
    let source = report.source
    var variants: [(text: String, range: Range<Int>, isTitle: Bool)] = []
    var exact = 0
    // The lines that hold the name's last three characters.
    for line in source.lines(holding: Array(String(String.UnicodeScalarView(anchor)).utf8)) {
      let compact = CompactLine(source, line: line)
      let characters = compact.characters
      guard characters.count >= anchor.count else { continue }
      for end in anchor.count...characters.count where characters[(end - anchor.count)..<end].elementsEqual(anchor) {
        // The name itself, as most places write it: no distance to work out.
        if end >= name.count, characters[(end - name.count)..<end].elementsEqual(name) {
          exact += 1
          continue
        }
        guard let (start, distance) = Self.closestStart(of: name, endingAt: end, in: characters) else { continue }
        if distance == 0 {
          exact += 1
          continue
        }
        let written = Array(characters[start..<end])
        let following = String(String.UnicodeScalarView(characters[end..<min(characters.count, end + 8)]))
        let isTitle = Self.namesReport(following: following)
        guard isTitle || Self.differsByConjunction(written, name) else { continue }
        // The body template spots are checked by `checkBodyNames`.
        guard !following.hasPrefix("的主要职责") else { continue }
        variants.append((String(String.UnicodeScalarView(written)), compact.sourceRange(start..<end), isTitle))
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
  private static func closestStart(of name: [Unicode.Scalar], endingAt end: Int, in characters: [Unicode.Scalar])
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
  private static func differsByConjunction(_ written: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
    guard written.count == name.count else { return false }
    let differences = zip(written, name).filter { $0 != $1 }
    return differences.count == 1 && conjunctions.contains(differences[0].0) && conjunctions.contains(differences[0].1)
  }

  /// Levenshtein distance of two short names.
  private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
