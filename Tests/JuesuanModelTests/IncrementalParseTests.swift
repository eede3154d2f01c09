import Foundation
import JuesuanModel
import JuesuanTestSupport
import Testing

/// A parse after an edit moves the lines, tables, self-evaluation tables and paragraphs the edit
/// did not touch (`ParseMemo`) and reads the rest: its model, lines included, must be the model a
/// parse from scratch builds, whatever the edit.
@Suite("Incremental parse: tables and paragraphs reused by their bytes")
struct IncrementalParseTests {
  /// A random edit of the kinds a drafter makes: typing, deleting, pasting a figure or a line
  /// break, removing a line, duplicating one; inside tables as often as in prose.
  static func edit(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
    let insertions = ["1", "0", ".", ",", "万元", "合计", "\n", "\t", "  ", "。", "—", "2010301", "表"]
    var position = Int.random(in: 0...bytes.count, using: &random)
    while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    let lineStart = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let lineEnd = bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      bytes.insert(contentsOf: Array(random.pick(insertions).utf8), at: position)
    case 1:
      var end = min(bytes.count, position + Int.random(in: 1...8, using: &random))
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      bytes.removeSubrange(position..<end)
    case 2:
      bytes.removeSubrange(lineStart..<lineEnd)
    default:
      bytes.insert(contentsOf: Array(bytes[lineStart..<lineEnd]), at: lineStart)
    }
  }

  @Test("after every random edit of a corpus report, the incremental model is the full one")
  func incrementalEqualsFull() throws {
    let seed = UInt64(ProcessInfo.processInfo.environment["JUESUAN_FUZZ_SEED"] ?? "") ?? 20_261_125
    let edits = Int(ProcessInfo.processInfo.environment["JUESUAN_INCREMENTAL_EDITS"] ?? "") ?? 60
    var random = SeededGenerator(state: seed)
    for id in ["000", "001", "002"] {
      var bytes = Array(try Corpus.text(id).utf8)
      var previous = ReportParser.parse(SourceText(decoding: bytes))
      for step in 0..<edits / 3 {
        Self.edit(&bytes, &random)
        let source = SourceText(decoding: bytes)
        let incremental = ReportParser.parse(source, reusing: ParseMemo([previous]))
        let full = ReportParser.parse(source)
        #expect(Self.difference(incremental, full) == nil, "\(id) step \(step), seed \(seed)")
        previous = incremental
      }
    }
  }

  /// Where two models differ, briefly (a whole model in a failure message is unreadable).
  static func difference(_ left: Report, _ right: Report) -> String? {
    if left == right { return nil }
    if left.tables.count != right.tables.count { return "tables: \(left.tables.count) ≠ \(right.tables.count)" }
    if let index = left.tables.indices.first(where: { left.tables[$0] != right.tables[$0] }) {
      let (a, b) = (left.tables[index], right.tables[index])
      let row = zip(a.rows, b.rows).first { $0 != $1 }.map { "row \($0.0.name) line \($0.0.line)/\($0.1.line)" }
      return "table \(index) \(a.title): range \(a.range)/\(b.range), damage \(a.damage)/\(b.damage), \(row ?? "")"
    }
    if left.paragraphs != right.paragraphs { return "paragraphs" }
    return left.headings != right.headings ? "headings" : "cover, lines or unread regions"
  }

  @Test("edits at line ends, in LF, CRLF and CR text, keep the lines a parse from scratch reads")
  func linesAroundLineEnds() throws {
    let text = try Corpus.text("002")
    for ending in ["\n", "\r\n", "\r"] {
      let original = Array(text.replacingOccurrences(of: "\n", with: ending).utf8)
      let ends = original.indices.filter { original[$0] == 0x0A || original[$0] == 0x0D }
      // Line ends near the start, the middle and the end, and the text's two ends.
      let places =
        [0, original.count] + [ends[1], ends[ends.count / 2], ends[ends.count - 2]].flatMap { [$0, $0 + 1] }
      let edits: [(String, (inout [UInt8], Int) -> Void)] = [
        ("LF", { $0.insert(0x0A, at: $1) }), ("CR", { $0.insert(0x0D, at: $1) }),
        ("text", { $0.insert(contentsOf: Array("说明".utf8), at: $1) }),
        ("delete", { bytes, at in if at < bytes.count { bytes.remove(at: at) } }),
        ("delete before", { bytes, at in if at > 0 { bytes.remove(at: at - 1) } }),
      ]
      let before = ReportParser.parse(SourceText(decoding: original))
      for place in places {
        for (name, edit) in edits {
          var bytes = original
          edit(&bytes, place)
          let source = SourceText(decoding: bytes)
          let incremental = ReportParser.parse(source, reusing: ParseMemo([before]))
          #expect(
            Self.difference(incremental, ReportParser.parse(source)) == nil,
            "\(name) at \(place), \(ending.debugDescription)")
        }
      }
    }
  }

  @Test("the tables and paragraphs an edit did not touch come from the memo; the touched ones are read again")
  func untouchedTablesAreReused() throws {
    let text = try Corpus.text("002")
    let before = ReportParser.parse(SourceText(text))
    // A memo whose tables are marked: a table taken from it keeps the mark.
    var marked = before
    for index in marked.tables.indices { marked.tables[index].notes.append("memo") }
    for index in marked.paragraphs.indices { marked.paragraphs[index].text += "memo" }
    // Type a digit into the first figure of the 05 table (and a line of prose above it).
    let general = try #require(before.table(.generalBudget))
    let cell = try #require(general.rows.lazy.compactMap { $0.cells.first ?? nil }.first)
    var bytes = Array(text.utf8)
    bytes.insert(UInt8(ascii: "9"), at: cell.range.lowerBound)
    bytes.insert(contentsOf: Array("说明。\n".utf8), at: general.range.lowerBound)
    let after = ReportParser.parse(SourceText(decoding: bytes), reusing: ParseMemo([marked]))
    #expect(after.tables.count == before.tables.count)
    for table in after.tables {
      let reused = table.notes.last == "memo"
      #expect(reused == (table.kind != .generalBudget), "\(table.kind.rawValue) \(table.title)")
    }
    // Every paragraph but the one typed is taken from the memo, moved when it is below the edit.
    let typed = after.paragraphs.filter { !$0.text.hasSuffix("memo") }
    #expect(typed.map(\.text) == ["说明。"])
    #expect(after.paragraphs.count == before.paragraphs.count + 1)
    let edited = try #require(after.table(.generalBudget))
    #expect(edited.rows.lazy.compactMap { $0.cells.first ?? nil }.first?.text == "9" + cell.text)
    // Tables below the edit moved by the inserted bytes and line.
    let moved = try #require(after.table(.sangong))
    let original = try #require(before.table(.sangong))
    #expect(moved.range.lowerBound == original.range.lowerBound + 1 + "说明。\n".utf8.count)
    #expect(moved.rows.first?.line == original.rows.first.map { $0.line + 1 })
  }
}
