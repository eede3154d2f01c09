import Foundation
import JuesuanCatalogue
import JuesuanTestSupport
import Testing

/// Codes and the names written next to them in the corpus reports of `../shared/corpus`.
private struct CorpusCode: Hashable {
  var file: String
  var line: Int
  var code: String
  /// The cell after the code when it holds Chinese text (the name, perhaps cut by a wrap), else nil.
  var writtenName: String?
}

@Suite("Corpus subject codes")
struct CorpusCodeTests {
  let catalogue = SubjectCatalogue.bundled

  @Test("every code in the corpus reports is in the catalogue")
  func everyCorpusCodePresent() throws {
    let codes = try Self.corpusCodes()
    #expect(codes.count > 300)
    let missing = Set(codes.filter { !catalogue.contains(code: $0.code) }.map { "\($0.file):\($0.line) \($0.code)" })
    #expect(missing.isEmpty, "missing: \(missing.sorted())")
  }

  @Test("names written in full in the corpus are official, except the reviewer's defects")
  func corpusNames() throws {
    // The reviewer's defects (truth/*.tsv, subject/*), PDF cuts ("委托业务" + a cell broken onto another line), the
    // uncertain 30999 wording, and "201 部门整体" (000:853, a project name in the 绩效 table, not a subject code).
    let knownWrong: Set<String> = [
      "30217 公务招待费", "30901 房屋建筑物构建", "31001 房屋建筑物构建", "30399 对其他个人和家庭的补助支", "30227 委托业务",
      "30108 机关事业单位基本养老保险", "30999 其他资本性支出", "201 部门整体",
    ]
    var unexpected: Set<String> = []
    for item in try Self.corpusCodes() {
      guard let name = item.writtenName, catalogue.contains(code: item.code) else { continue }
      let key = "\(item.code) \(SubjectCatalogue.normalizedName(name))"
      let verdict = catalogue.judge(name: name, code: item.code, year: 2023)
      if verdict != .official && !knownWrong.contains(key) && !Self.isCut(name, of: item.code, in: catalogue) {
        unexpected.insert("\(item.file):\(item.line) \(key) → \(verdict)")
      }
    }
    #expect(unexpected.isEmpty, "\(unexpected.sorted())")
  }

  /// True when a written name is the start of the official name: the rest wrapped onto the next lines.
  private static func isCut(_ name: String, of code: String, in catalogue: SubjectCatalogue) -> Bool {
    let written = SubjectCatalogue.normalizedName(name)
    guard let official = catalogue.entry(code: code, year: 2023) else { return false }
    return written.count >= 2 && SubjectCatalogue.normalizedName(official.name).hasPrefix(written)
  }

  /// The corpus folder, Tests/Corpus.
  static func corpusDirectory() -> URL { Corpus.directory }

  /// Codes at the start of a line, codes followed by a Chinese cell, and "2010301-行政运行" in prose.
  fileprivate static func corpusCodes() throws -> [CorpusCode] {
    let directory = corpusDirectory()
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    try #require(files.count >= 3, "corpus not found at \(directory.path)")
    var result: [CorpusCode] = []
    for file in files {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      for (offset, rawLine) in text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
      ).enumerated() {
        let line = rawLine.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
        let tokens = line.split(whereSeparator: { $0 == "|" || $0.isWhitespace }).map(String.init)
        for (index, token) in tokens.enumerated() {
          let next = index + 1 < tokens.count ? tokens[index + 1] : nil
          let nextIsName = next.map(hasChinese) ?? false
          if isCode(token), index == 0 || nextIsName {
            result.append(CorpusCode(file: file, line: offset + 1, code: token, writtenName: nextIsName ? next : nil))
          } else if let dash = token.firstIndex(of: "-") {
            // "（一）2010301-行政运行907.12万元": the digits before the dash, the Chinese name after it.
            let code = String(token[..<dash].reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            let name = String(token[token.index(after: dash)...].prefix { hasChinese(String($0)) || "（）".contains($0) })
            if isCode(code), hasChinese(name) {
              result.append(CorpusCode(file: file, line: offset + 1, code: code, writtenName: name))
            }
          }
        }
      }
    }
    return result
  }

  private static func isCode(_ token: String) -> Bool {
    [3, 5, 7].contains(token.utf8.count) && (token.hasPrefix("2") || token.hasPrefix("3"))
      && token.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }

  private static func hasChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }
}
