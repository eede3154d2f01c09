/// Recognises table titles ("支出决算表", "公开05表 一般公共预算财政拨款支出决算表") by content.
enum TableTitle {
  /// The kind a line names when it is a table title; nil for prose, table-of-contents entries
  /// ("一、收入决算表.....9") and narrative headings ("…决算情况说明").
  static func kind(of line: Line, in source: SourceText) -> Table.Kind? {
    // Every title contains 表: a byte search rules out most lines at once.
    guard line.compact.utf8.count <= 240, line.compact.utf8Text.contains("表") else { return nil }
    var text = line.compact
    guard !text.isEmpty, line.compactCount <= 60 else { return nil }
    if text.utf8Text.contains("……") || text.utf8Text.contains("....") || text.utf8Text.contains("···")
      || text.utf8Text.contains("。")
    {
      return nil
    }
    if text.utf8Text.hasPrefix("第") && text.utf8Text.contains("部分") || text.utf8Text.contains("年度部门决算表") { return nil }
    if text.utf8Text.contains("说明") || text.utf8Text.contains("解释")
      || text.utf8Text.contains("情况") && !text.utf8Text.contains("自评")
    {
      return nil
    }
    // "公开01表" labels and leading enumerators are not part of the title.
    text = Table.normalizedLabel(text)
    if text.utf8Text.hasPrefix("附件") || text.utf8Text.hasPrefix("附表") {
      text = String(text.drop { $0 != "：" && $0 != ":" && !$0.isWhitespace }.dropFirst())
    }
    // "…绩效自评表 (2023年度)": a year in brackets after the title.
    // (`hasSuffix` answers `last ==`: the bracket must be a Character of its own.)
    if text.utf8Text.hasSuffix(")") || text.utf8Text.hasSuffix("）"),
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
      text[open...].utf8Text.contains("年"), text[..<open].utf8Text.hasSuffix("表")
    {
      text = String(text[..<open])
    }
    if text.utf8Text.hasSuffix("表"), text.utf8Text.hasAtMostCharacters(40) || text.utf8Text.contains("自评") {
      return kind(ofTitle: text)
    }
    // A title cell followed by unit/side labels in the same row: "收入支出决算总表→→→".
    if line.shape == .tabbed || line.shape == .piped,
      case let pieces = line.pieces(in: source), let first = pieces.first(where: { !$0.isEmpty }),
      pieces.filter({ !$0.isEmpty }).count <= 2
    {
      let cell = Table.normalizedLabel(first.text(in: source))
      if cell.utf8Text.hasSuffix("表") { return kind(ofTitle: cell) }
    }
    return nil
  }

  /// Maps a title text (spaces removed) to a kind.
  static func kind(ofTitle raw: String) -> Table.Kind? {
    let title = raw.utf8.contains(0x22) ? raw.replacingAll("\"", with: "“") : raw
    guard title.utf8Text.hasSuffix("表") else { return nil }
    if title.utf8Text.contains("自评") { return .selfEvaluation }
    if title.utf8Text.contains("三公") { return .sangong }
    if isBudgetTitle(title) { return budgetKind(ofTitle: title) }
    if title.utf8Text.contains("政府性基金") { return .governmentFund }
    if title.utf8Text.contains("国有资本经营") { return .stateCapital }
    if title.utf8Text.contains("财政拨款收入支出决算总表") { return .fiscalSummary }
    if title.utf8Text.contains("收入支出决算总表") { return .summary }
    if title.utf8Text.contains("基本支出决算") { return .basicExpenditure }
    if title.utf8Text.contains("一般公共预算财政拨款支出决算表") || title.utf8Text.contains("一般公共预算财政拨款支出决算明细表") {
      return .generalBudget
    }
    if title.utf8Text.hasSuffix("收入决算表") { return .income }
    // "支出决算表", "部门支出决算表", "2023年度支出决算表", "示范局2023年度支出决算表": short once a year
    // and what comes before it are set aside (a longer name is another table's).
    if title.utf8Text.hasSuffix("支出决算表") && Self.afterYear(title).count <= 8 { return .expenditure }
    if title.utf8Text.hasSuffix("统计表") || title.utf8Text.hasSuffix("决算表") { return .unknown }
    return nil
  }
}

extension TableTitle {
  /// The title after its year ("2023年度", "2023年"), or the whole title when it names none.
  static func afterYear(_ title: String) -> String {
    let scalars = Array(title.unicodeScalars)
    var cut = 0
    for index in scalars.indices where scalars[index] == "年" && index > 0 && ("0"..."9").contains(scalars[index - 1]) {
      cut = index + 1 + (index + 1 < scalars.count && scalars[index + 1] == "度" ? 1 : 0)
    }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: scalars[cut...])
    return String(rest)
  }

  /// A budget's table (部门预算 / 单位预算): its title ends in 预算表 or 预算总表, or is one of the
  /// national template's names without it ("部门收支总表", "一般公共预算支出表", "政府性基金预算
  /// 支出表"…), where a final account's says 决算表.
  static func isBudgetTitle(_ title: String) -> Bool {
    let text = title.utf8Text
    guard !text.contains("决算") else { return false }
    return title.hasSuffix("预算表") || title.hasSuffix("预算总表") || nationalBudgetKind(ofTitle: title) != nil
      || text.hasSuffix("支出表") && text.contains("预算") && budgetExpenditureWords.contains { text.contains($0) }
  }

  /// What names the national template's 预算…支出表 (they are told apart as Shanghai's are).
  private static let budgetExpenditureWords = ["三公", "政府性基金", "国有资本经营", "基本支出", "一般公共预算"]

  /// The national template's totals, named without 预算 ("部门收支总表", "收入总表", "财政拨款收支
  /// 总表", "项目支出表").
  private static func nationalBudgetKind(ofTitle title: String) -> Table.Kind? {
    let text = title.utf8Text
    if text.hasSuffix("收支总表") || text.hasSuffix("收入支出总表") {
      return text.contains("财政拨款") ? .fiscalSummary : .summary
    }
    if text.hasSuffix("收入总表") { return .income }
    if text.hasSuffix("支出总表") { return .expenditure }
    if text.hasSuffix("项目支出表") { return .unknown }
    return nil
  }

  /// The kind of a budget table, by content (DOMAIN.md §6; Shanghai's numbering and the national
  /// template's names alike).
  private static func budgetKind(ofTitle title: String) -> Table.Kind {
    if title.utf8Text.contains("政府性基金") { return .governmentFund }
    if title.utf8Text.contains("国有资本经营") { return .stateCapital }
    if let kind = nationalBudgetKind(ofTitle: title) { return kind }
    if title.utf8Text.contains("财政拨款收支") || title.utf8Text.contains("财政拨款收入支出") { return .fiscalSummary }
    if title.utf8Text.contains("收支预算总表") || title.utf8Text.contains("收入支出预算总表") { return .summary }
    if title.utf8Text.contains("基本支出") { return .basicExpenditure }
    if title.utf8Text.contains("一般公共预算") { return .generalBudget }
    if title.utf8Text.contains("收入预算") { return .income }
    if title.utf8Text.contains("支出预算") { return .expenditure }
    return .unknown
  }
}

extension String {
  /// Replaces every occurrence of `target` (a single character) with `replacement`.
  func replacingAll(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
