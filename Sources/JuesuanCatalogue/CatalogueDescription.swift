extension SubjectCatalogue.Classification {
  /// "支出功能分类科目" or "支出经济分类科目".
  package var chineseName: String {
    switch self {
    case .function: "支出功能分类科目"
    case .economic: "支出经济分类科目"
    }
  }
}

extension SubjectCatalogue {
  /// The classification's full name for a code: economic codes starting with 3 are 部门预算支出经济分类科目,
  /// those starting with 5 政府预算支出经济分类科目.
  package static func classificationName(ofCode code: String) -> String? {
    switch classification(ofCode: code) {
    case .function: "支出功能分类科目"
    case .economic: code.hasPrefix("5") ? "政府预算支出经济分类科目" : "部门预算支出经济分类科目"
    case nil: nil
    }
  }

  /// What `juesuan explain-code CODE` prints: the name official in the edition of `year` (nil: the newest), the
  /// classification and level, the parent codes, the editions, former names with their spans, and whether the
  /// wording is uncertain. Nil for a code the catalogue does not know.
  ///
  ///     2210202 提租补贴
  ///     分类：支出功能分类科目 项
  ///     上级：22102 住房改革支出 ← 221 住房保障支出
  ///     版本：2023–2025 年版，适用于 2023 年度报告；来源：内置目录
  package func explanation(code: String, year: Int?) -> String? {
    guard let entry = entry(code: code, year: year) else { return nil }
    var lines = ["\(entry.code) \(entry.name)"]
    let classification = Self.classificationName(ofCode: code) ?? entry.classification.chineseName
    lines.append("分类：\(classification) \(entry.level.chineseName)")
    var parents: [String] = []
    var parentCode = entry.parentCode
    while let code = parentCode {
      if let parent = self.entry(code: code, year: year) {
        parents.append("\(parent.code) \(parent.name)")
        parentCode = parent.parentCode
      } else {
        parents.append("\(code)（目录中未收录）")
        parentCode = code.count > 3 ? String(code.prefix(code.count - 2)) : nil
      }
    }
    if !parents.isEmpty { lines.append("上级：" + parents.joined(separator: " ← ")) }
    let applies = year.map { "，适用于 \($0) 年度报告" } ?? ""
    lines.append("版本：\(Self.editionDescription(entry.editions))\(applies)；来源：\(entry.source)")
    for other in history(code: code) where other != entry {
      let relation = other.editions.upperBound < entry.editions.lowerBound ? "曾用名" : "后续名称"
      let marker = other.isUncertain ? "（措辞或年份未经核实）" : ""
      lines.append("\(relation)：\(other.name)（\(Self.editionDescription(other.editions))）\(marker)")
    }
    if entry.isUncertain {
      lines.append("注意：该名称的官方措辞或适用年份未经核实，名称不符时仅作提示。")
    }
    return lines.joined(separator: "\n")
  }

  /// Counts of the catalogue's codes per classification, edition and level, one line each, for the README:
  ///
  ///     支出功能分类科目 2023 年版：类 25，款 190，项 1100
  /// - Complexity: O(n) per edition in the number of entries.
  package func statistics() -> String {
    let groups: [(String, (String) -> Bool)] = [
      ("支出功能分类科目", { $0.hasPrefix("2") }),
      ("部门预算支出经济分类科目", { $0.hasPrefix("3") }),
      ("政府预算支出经济分类科目", { $0.hasPrefix("5") }),
    ]
    let span = editionSpan
    let editions = Swift.max(span.lowerBound, Self.bundledEditions.lowerBound)...span.upperBound
    var lines: [String] = []
    for (title, belongs) in groups {
      for year in editions {
        var counts: [Level: Int] = [:]
        for entry in entries where entry.editions.contains(year) && belongs(entry.code) {
          counts[entry.level, default: 0] += 1
        }
        let total = counts.values.reduce(0, +)
        guard total > 0 else { continue }
        // Economic codes have no 项 level: show only the levels the classification has.
        let levels: [Level] = title.hasPrefix("支出功能") ? [.category, .section, .item] : [.category, .section]
        let parts = levels.map { "\($0.chineseName) \(counts[$0] ?? 0)" }
        lines.append("\(title) \(year) 年版：\(parts.joined(separator: "，"))，共 \(total)")
      }
    }
    let former = entries.filter { $0.editions.upperBound < Self.bundledEditions.lowerBound }.count
    let uncertain = entries.filter(\.isUncertain).count
    let user = entries.filter { $0.source != Self.bundledSource }.count
    lines.append("历史名称（\(Self.bundledEditions.lowerBound) 年版以前）：\(former) 条")
    lines.append("措辞或年份未经核实：\(uncertain) 条")
    if user > 0 { lines.append("用户科目表：\(user) 条") }
    lines.append("合计：\(entries.count) 条，\(codes.count) 个编码")
    return lines.joined(separator: "\n")
  }
}
