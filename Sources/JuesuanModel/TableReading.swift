/// How far a table's reading can be trusted, judged by the table's own arithmetic: a reading that
/// fails most of its identities, or whose codes do not nest, is a misreading and is not used.
extension Table {
  /// What the parser made of a table region.
  package struct Reading: Sendable, Equatable {
    package enum Status: String, Sendable {
      /// Every row and column placed.
      case read
      /// Read, but some figures could not be placed (`Table.damage`, or rows whose columns are
      /// not certain): the checks on those are skipped.
      case partlyRead
      /// The reading did not hold together: the table's rows were dropped and every check on
      /// them is skipped.
      case unread
    }

    package var status: Status
    /// The informative identities (some figure not zero) that hold, and those that fail.
    package var held: Int
    package var failed: Int
    /// Coded rows listed under a parent that is not theirs.
    package var misplaced: Int
    /// Rows whose name runs two numbered items together ("二、政府性基金二、公共安全支出"): a
    /// side-by-side table whose left figure was blank, its name read into the right one's.
    package var runTogether = 0
    /// Rows with a subject code, and whether the failing identities all share one cell (one
    /// wrong figure, not a misreading): what `isBetter(than:)` weighs when a figure is wrong.
    package var codedRows = 0
    package var oneWrongCell = false
    /// Why the table was not (fully) read, for `table/unparsed` and the coverage.
    package var reason: Message?

    package init(status: Status, held: Int = 0, failed: Int = 0, misplaced: Int = 0, reason: Message? = nil) {
      self.status = status
      self.held = held
      self.failed = failed
      self.misplaced = misplaced
      self.reason = reason
    }

    /// Judges `table` as read: `.unread` when more identities fail than hold (at least two
    /// failing), or when codes are misplaced in more than a fifth of the coded rows.
    /// - Complexity: O(r) in the rows (the code hierarchy groups children by parent).
    package static func judging(_ table: Table) -> Reading {
      let identities = table.identities.filter(\.isInformative)
      // Each identity's sum is worked once: the failing ones, and how many cells explain them.
      let failing = identities.filter { !$0.holds }
      let failed = failing.count
      let held = identities.count - failed
      let cellsNeeded = failing.isEmpty ? 0 : wrongCellsNeeded(failing)
      let (misplaced, coded) = misplacedCodes(in: table)
      let rows = table.rows
      var reading = Reading(status: .read, held: held, failed: failed, misplaced: misplaced)
      reading.runTogether = rows.count { Self.runsItemsTogether($0.name) }
      reading.codedRows = rows.count { $0.code != nil }
      reading.oneWrongCell = cellsNeeded == 1
      // A reading that puts figures in the wrong places fails most of the table's identities, or
      // most of one family of them (every row's 合计, every parent's sum), in cells that no single
      // wrong figure explains.
      // Families in the order they first appear, so the reason names the same one every time.
      let grouped = Dictionary(grouping: identities, by: \.family)
      var seen: Set<TableIdentity.Family> = []
      let families = identities.compactMap { seen.insert($0.family).inserted ? grouped[$0.family] : nil }
      let broken = families.first { family in
        let failing = family.filter { !$0.holds }
        return failing.count >= 3 && failing.count * 2 > family.count && wrongCellsNeeded(failing) >= 2
      }
      // A subject row with more figures than the header has columns was read a column off.
      var overfull = 0
      for panel in table.panels where Table.functionTables.contains(table.kind) {
        let width = panel.columns.count
        overfull +=
          panel.rows.filter { row in
            row.code != nil && row.cells.count > width && row.cells[width...].contains { $0 != nil }
          }.count
      }
      if failed >= 2 && failed > held && cellsNeeded >= 2 {
        reading.status = .unread
        reading.reason = "表内 \(identities.count) 个勾稽关系中有 \(failed) 个不成立，读取的行列很可能错位"
      } else if let broken {
        reading.status = .unread
        let failing = broken.filter { !$0.holds }.count
        reading.reason =
          "同类勾稽关系 \(broken.count) 个中有 \(failing) 个不成立（如\(broken.first { !$0.holds }?.what ?? "")），读取的行列很可能错位"
      } else if overfull >= 2 {
        reading.status = .unread
        reading.reason = "有 \(overfull) 行的数字比表头的栏数多，读取的行列很可能错位"
      } else if table.kind == .sangong, !rows.isEmpty, !Self.namesSangongItems(table) {
        reading.status = .unread
        reading.reason = "“三公”经费表中读不出因公出国（境）费、公务用车、公务接待费各项，行与数字很可能错开"
      } else if misplaced >= 2 && misplaced * 5 > coded {
        reading.status = .unread
        reading.reason = "\(coded) 个科目中有 \(misplaced) 个不在其上级科目之下，读取的行序很可能错乱"
      } else if !table.damage.isEmpty || rows.contains(where: { !$0.isPositional && $0.cells.count > 1 }) {
        reading.status = .partlyRead
        reading.reason = table.damage.first ?? "部分行的数字所在栏不确定，只核对了第一栏"
      }
      return reading
    }

    /// True when `table`, rebuilt from a cell stream, is proven: at least three identities with
    /// figures, every one holding, every code under its parent and none repeated without a name
    /// (`repeatsCodes`).
    package static func proves(_ table: Table) -> Bool {
      let identities = table.identities.filter(\.isInformative)
      return identities.count >= 3 && identities.allSatisfy(\.holds) && misplacedCodes(in: table).misplaced == 0
        && !repeatsCodes(table)
    }

    /// Whether a 三公 table's rows name one of its items at least (因公出国（境）费, 公务用车…,
    /// 公务接待费): a reading without them put the figures beside other words.
    static func namesSangongItems(_ table: Table) -> Bool {
      let items = ["出国", "公务用车", "接待"]
      return items.contains { item in table.rows.contains { $0.label.utf8Text.contains(item) } }
    }

    /// Whether a nameless row repeats an earlier row's code in the same panel: a coded table lists
    /// each subject once, so "201" again without a name is the 类 of a code whose 款 and 项 digits
    /// were written on lines of their own.
    static func repeatsCodes(_ table: Table) -> Bool {
      table.panels.contains { panel in
        var seen = Set<String>()
        return panel.rows.contains { row in
          guard let code = row.code else { return false }
          return !seen.insert(code).inserted && row.name.isEmpty
        }
      }
    }

    /// Between two readings of one region, whether `self` is the better: a reading that stands
    /// over one that does not, then one that places more coded rows and fails only where one
    /// wrong figure explains it over one that fails nothing, then more identities held than
    /// failed, then fewer codes misplaced and fewer names run together. (A wrong figure fails
    /// every identity it is in, and a reading that lost the rows around it, or merged them, forms
    /// none of those and must not win by hiding the failure: so a name run together costs as much
    /// as a failed identity.)
    package func isBetter(than other: Reading) -> Bool {
      if (status == .unread) != (other.status == .unread) { return other.status == .unread }
      if status != .unread, oneWrongCell, other.failed == 0, codedRows > other.codedRows { return true }
      if other.status != .unread, other.oneWrongCell, failed == 0, other.codedRows > codedRows { return false }
      let score = held - 2 * failed - 2 * misplaced - 2 * runTogether
      let otherScore = other.held - 2 * other.failed - 2 * other.misplaced - 2 * other.runTogether
      return score > otherScore
    }

    /// Whether `name` holds two numbered items ("二、政府性基金二、公共安全支出"): two 、 each right
    /// after a Chinese numeral. Read from the bytes: this runs on every row of every reading judged.
    static func runsItemsTogether(_ name: String) -> Bool {
      let found =
        name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
          var items = 0
          var index = 3
          while index + 3 <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 else { continue }
            let before = (bytes[index - 3], bytes[index - 2], bytes[index - 1])
            if numerals.contains(where: { $0 == before }) { items += 1 }
          }
          return items >= 2
        }
      return found ?? false
    }

    /// 一 to 十 in UTF-8.
    private static let numerals: [(UInt8, UInt8, UInt8)] = "一二三四五六七八九十".unicodeScalars.map { scalar in
      let bytes = Array(String(scalar).utf8)
      return (bytes[0], bytes[1], bytes[2])
    }

    /// How many cells at least would have to be wrong for every one of `failing` to fail (counted
    /// up to three): failures that all share one cell are one wrong figure, a defect to report;
    /// failures spread over unrelated cells are a reading that put figures in the wrong places.
    private static func wrongCellsNeeded(_ failing: [TableIdentity]) -> Int {
      var remaining = failing.map { identity in
        Set([identity.total.range.lowerBound] + identity.parts.compactMap { $0.cell?.range.lowerBound })
      }
      var picked = 0
      while !remaining.isEmpty, picked < 3 {
        var counts: [Int: Int] = [:]
        for cells in remaining { for cell in cells { counts[cell, default: 0] += 1 } }
        // Ties go to the earliest cell: a dictionary's order differs between two equal dictionaries.
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { break }
        remaining.removeAll { $0.contains(best) }
        picked += 1
      }
      return picked
    }

    /// The coded rows whose code does not sit under the last parent listed above it, and the
    /// number of coded rows.
    private static func misplacedCodes(in table: Table) -> (misplaced: Int, coded: Int) {
      var misplaced = 0
      var coded = 0
      // 06 lists its groups side by side, read line by line: only one-per-row tables keep order.
      guard Table.functionTables.contains(table.kind) else { return (0, 0) }
      for panel in table.panels {
        var lastClass: String?
        var lastSection: String?
        for row in panel.rows {
          guard let code = row.code else { continue }
          coded += 1
          switch code.utf8.count {
          case 3:
            lastClass = code
            lastSection = nil
          case 5:
            if let parent = lastClass, !code.utf8Text.hasPrefix(parent) { misplaced += 1 }
            lastSection = code
          default:
            if let parent = lastSection ?? lastClass, !code.utf8Text.hasPrefix(parent) { misplaced += 1 }
          }
        }
      }
      return (misplaced, coded)
    }
  }
}
