/// The official subject classification (政府收支分类科目): function codes (支出功能分类, 3/5/7 digits)
/// and economic codes (部门预算支出经济分类, 3/5 digits), by edition year.
///
/// API contract used by the rules, the CLI (`juesuan explain-code`) and the server (hover,
/// completion). The bundled data is embedded TSV parsed lazily.
package struct SubjectCatalogue: Sendable {
  /// Which classification a code belongs to.
  package enum Classification: String, Sendable, Hashable, CaseIterable {
    case function  // 支出功能分类科目
    case economic  // 部门预算支出经济分类科目
  }

  /// 类 / 款 / 项.
  package enum Level: Int, Sendable, Hashable, Comparable {
    case category = 1  // 类
    case section = 2  // 款
    case item = 3  // 项

    package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "类", "款", "项".
    package var chineseName: String {
      switch self {
      case .category: "类"
      case .section: "款"
      case .item: "项"
      }
    }
  }

  /// One code's official name in a span of editions.
  package struct Entry: Sendable, Hashable {
    package var code: String
    package var name: String
    package var classification: Classification
    package var level: Level
    /// First and last edition year (inclusive) in which this name is official.
    package var editions: ClosedRange<Int>
    /// True where the exact official wording is not certain: a mismatch is then at most a warning.
    package var isUncertain: Bool
    /// Where the row comes from ("2023 edition", "user catalogue").
    package var source: String

    package init(
      code: String, name: String, classification: Classification, level: Level, editions: ClosedRange<Int>,
      isUncertain: Bool = false, source: String
    ) {
      self.code = code
      self.name = name
      self.classification = classification
      self.level = level
      self.editions = editions
      self.isUncertain = isUncertain
      self.source = source
    }

    /// The code of the parent level ("2010301" → "20103"), nil for a 类.
    package var parentCode: String? {
      switch level {
      case .category: nil
      case .section: String(code.prefix(3))
      case .item: String(code.prefix(5))
      }
    }
  }

  /// Every row: one per code and name, in catalogue order. Changing it rebuilds the look-up indexes.
  package var entries: [Entry] {
    didSet { index = Index(entries) }
  }

  /// Look-up tables derived from `entries`.
  private(set) var index: Index

  /// A catalogue of the given rows.
  ///
  /// - Complexity: O(n log n) in the number of entries (the indexes are built here).
  package init(entries: [Entry]) {
    self.entries = entries
    self.index = Index(entries)
  }

  /// Entries by code (each list ordered by first edition) and by normalised name.
  struct Index: Sendable {
    var byCode: [String: [Entry]] = [:]
    var byName: [NameKey: [Entry]] = [:]
    /// Every code, ascending.
    var codes: [String] = []

    init(_ entries: [Entry]) {
      byCode.reserveCapacity(entries.count)
      byName.reserveCapacity(entries.count)
      for entry in entries {
        byCode[entry.code, default: []].append(entry)
        byName[NameKey(SubjectCatalogue.normalizedName(entry.name)), default: []].append(entry)
      }
      for (code, list) in byCode {
        byCode[code] = list.sorted {
          ($0.editions.lowerBound, $0.editions.upperBound) < ($1.editions.lowerBound, $1.editions.upperBound)
        }
      }
      for (name, list) in byName {
        byName[name] = list.sorted { ($0.code, $0.editions.lowerBound) < ($1.code, $1.editions.lowerBound) }
      }
      codes = byCode.keys.sorted()
    }
  }

  /// A normalised name as a dictionary key, hashed and compared as UTF-8 bytes: `String`'s own
  /// hashing normalises non-ASCII text first, which made building the index the slowest part of
  /// a process's start.
  struct NameKey: Hashable, Sendable {
    var name: String

    init(_ name: String) { self.name = name }

    static func == (lhs: NameKey, rhs: NameKey) -> Bool {
      lhs.name.utf8.count == rhs.name.utf8.count && lhs.name.utf8.elementsEqual(rhs.name.utf8)
    }

    func hash(into hasher: inout Hasher) {
      var name = name
      name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }
}
