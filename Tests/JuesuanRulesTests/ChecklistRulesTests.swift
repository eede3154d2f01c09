import Foundation
import JuesuanModel
import JuesuanRules
import Testing

/// The checklist rules (table/missing, table/unparsed, explain/empty-table,
/// explain/sangong-disclosure, text/precision, text/truncated, text/entity-mismatch) on the corpus
/// reports, their traps, and copies with planted defects.
@Suite("Checklist rules")
struct ChecklistRulesTests {
  static let codes: Set<String> = [
    "table/missing", "table/unparsed", "explain/empty-table", "explain/sangong-disclosure", "text/precision",
    "text/truncated", "text/entity-mismatch",
  ]

  private func findings(_ code: String, in text: String) -> [Finding] {
    Linter().lint(SourceText(text)).findings.filter { $0.code == code }
  }

  /// 1-based line numbers of the findings.
  private func lines(_ found: [Finding], in text: String) -> [Int] {
    let source = SourceText(text)
    return found.map { source.line(ofUTF8Offset: $0.range.lowerBound) + 1 }
  }

  private func corpus(_ id: String) throws -> String { try corpusText(id) }

  /// The text with 1-based lines `range` removed.
  private func removingLines(_ range: ClosedRange<Int>, from text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { !range.contains($0.offset + 1) }.map(\.element).joined(separator: "\n")
  }

  /// The text with 1-based line `line` replaced.
  private func replacingLine(_ line: Int, with newText: String, in text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[line - 1] = newText
    return lines.joined(separator: "\n")
  }

  private func line(_ line: Int, of text: String) -> String {
    String(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
  }

  // MARK: Corpus as given

  @Test("on the three corpus reports: only the reviewer's defects are warnings; no trap is flagged")
  func corpusWarnings() throws {
    let expected: [String: Set<String>] = [
      "000": ["715 text/entity-mismatch"], "001": [], "002": ["909 text/truncated"],
    ]
    for (id, wanted) in expected {
      let text = try corpus(id)
      let found = Linter().lint(SourceText(text)).findings.filter {
        Self.codes.contains($0.code) && $0.severity <= .warning
      }
      let got = Set(zip(lines(found, in: text), found).map { "\($0.0) \($0.1.code)" })
      #expect(got == wanted, "\(id): \(found.map(\.message))")
    }
  }

  @Test("text/precision: the three-decimal figures of 000 and 002 are information")
  func precisionInCorpus() throws {
    let zero = try corpus("000")
    let found000 = findings("text/precision", in: zero)
    #expect(lines(found000, in: zero).contains(416))
    #expect(found000.allSatisfy { $0.severity == .information })
    let two = try corpus("002")
    let found002 = findings("text/precision", in: two)
    #expect(Set(lines(found002, in: two)).isSuperset(of: [580, 621, 834]))
    let cell = try #require(found002.first { SourceText(two).text(in: $0.range) == "39.586" })
    #expect(cell.fixes.first?.edits.first?.newText == "39.59")
    #expect(cell.fixes.first?.isSafe == false)
  }

  // MARK: Planted defects

  @Test("text/truncated: a corpus paragraph cut after 主要原因是 at a table edge, and one ending in U+FFFD")
  func plantedTruncation() throws {
    let text = try corpus("000")
    // 528: "（二）2010350-事业运行 188.57 万元，…。主要原因是…" — cut after 主要原因是, then a table.
    let original = line(528, of: text)
    let cut = try #require(original.range(of: "主要原因是"))
    let planted = replacingLine(
      528, with: String(original[..<cut.upperBound]) + "\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\n2010350\t事业运行\t188.57",
      in: text)
    let found = findings("text/truncated", in: planted).filter { $0.severity == .warning }
    #expect(lines(found, in: planted) == [528])
    #expect(found.first.map { SourceText(planted).text(in: $0.range) } == "主要原因是")

    // 000 ends inside its 部门整体支出绩效自评表 (no 总分 row): information only.
    let end = findings("text/truncated", in: text)
    #expect(lines(end, in: text) == [873])
    #expect(end.allSatisfy { $0.severity == .information })

    let broken = replacingLine(528, with: String(original.prefix(40)) + "\u{FFFD}", in: text)
    #expect(lines(findings("text/truncated", in: broken).filter { $0.severity == .warning }, in: broken) == [528])
  }

  @Test("explain/empty-table: 000's 08 without its statement; a 无 statement under a table with figures")
  func plantedEmptyTable() throws {
    let text = try corpus("000")
    #expect(line(469, of: text).contains("没有使用政府性基金"))
    let without = replacingLine(469, with: "", in: text)
    #expect(findings("explain/empty-table", in: without).isEmpty, "section 四 still says there is none")
    // The narrative section 四 still says so: remove it too.
    let bare = replacingLine(570, with: "", in: without)
    let found = findings("explain/empty-table", in: bare)
    #expect(lines(found, in: bare) == [462])
    #expect(found.first?.severity == .warning)

    let contradiction =
      "国有资本经营预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t12.00\t12.00\t\n2080501\t行政单位离退休\t12.00\t12.00\t\n说明：本表无数据。\n"
    let error = try #require(findings("explain/empty-table", in: contradiction).first)
    #expect(error.severity == .error)
    #expect(error.message.rendered().contains("12.00"))
  }

  @Test("explain/sangong-disclosure: 000's narrative without the 批次/人次 sentence")
  func plantedSangong() throws {
    let text = try corpus("000")
    let reception = line(600, of: text)
    let cut = try #require(reception.range(of: "累计接待"))
    var planted = replacingLine(600, with: String(reception[..<cut.lowerBound]), in: text)
    planted = planted.replacingOccurrences(of: "元，完成全年预算的 0%；与上年决算持平。主要是本年无公务接待费用支出。", with: "元。")
    planted = planted.replacingOccurrences(of: "（三）公务接待费支出 0.00 万元", with: "（三）公务接待费支出 3.00 万元")
    let found = findings("explain/sangong-disclosure", in: planted)
    #expect(lines(found, in: planted) == [586], "\(found.map(\.message))")
    #expect(found.first?.message.rendered().contains("批次") == true)
  }

  @Test("table/missing: 000 without its 三公 table")
  func plantedMissingTable() throws {
    let text = try corpus("000")
    #expect(line(444, of: text).contains("三公"))
    let planted = removingLines(444...458, from: text)
    let found = findings("table/missing", in: planted)
    #expect(found.count == 1)
    #expect(found.first?.message.rendered().contains("三公") == true)
    // A snippet of two tables is not a report.
    #expect(findings("table/missing", in: "收入决算表\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t5.00\n").isEmpty)
  }

  @Test("table/unparsed: a table with no title, and a recognised table's damage")
  func plantedUnparsed() throws {
    let text = "公用经费明细\n\n项目\t预算数\t决算数\n办公费\t12.50\t11.20\n印刷费\t3.00\t2.80\n差旅费\t6.00\t5.10\n"
    let found = findings("table/unparsed", in: text)
    #expect(lines(found, in: text) == [3])
    #expect(found.allSatisfy { $0.severity == .information })
    let zero = try corpus("000")
    #expect(lines(findings("table/unparsed", in: zero), in: zero).contains(388), "the damaged 06 table, at its title")
  }

  @Test("text/entity-mismatch: a 部门名称 line of another unit in 002; the wrapped name at 203 is fine")
  func plantedEntity() throws {
    let text = try corpus("002")
    #expect(findings("text/entity-mismatch", in: text).isEmpty)
    let planted = replacingLine(253, with: "部门名称：长治市潞州区人民政府办公室", in: text)
    let found = findings("text/entity-mismatch", in: planted)
    #expect(lines(found, in: planted) == [253])
    #expect(found.first?.fixes.first?.edits.first?.newText == "长治市上党区人民政府办公室")
    // 001's 主管部门 is another unit on purpose.
    let other = try corpus("001")
    #expect(findings("text/entity-mismatch", in: other).isEmpty)
  }
}
