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

  package var entries: [Entry]

  package init(entries: [Entry]) {
    self.entries = entries
  }
}
