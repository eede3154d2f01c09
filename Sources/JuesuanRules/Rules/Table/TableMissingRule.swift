import JuesuanModel

/// One of the nine standard tables is absent and no statement explains why.
struct TableMissingRule: Rule {
  static let description = RuleDescription(
    code: "table/missing",
    summary: "部门决算（预算）公开应包含九张公开表；缺少某张表时须说明原因（如“本部门不涉及…，故未公开此表”）。",
    rationale: """
      财政部规定的九张公开表缺一不可；确无此项收支的，也应公开空表并说明，或至少写明不公开的理由。\
      只检查看起来是完整报告的文本（至少识别出三张公开表，或有“第二部分”部门决算表标题）；\
      表名出现在正文中、但未被识别为表的，视为已有该表而未能读取，不报告。预算按预算表的名称（上海的与全国模板的）查找与报告，\
      不以决算表要求预算。
      """,
    defaultSeverity: .warning,
    nonTriggeringExamples: [
      .init(
        "收入决算表\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\n201\t一般公共服务支出\t5.00\t5.00\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n201\t一般公共服务支出\t5.00\t5.00\t\n"
      ),
      .init(
        "第二部分 部门决算表\n\n收入支出决算总表\n项目\t金额\n总计\t5.00\n\n收入决算表\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t5.00\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\n201\t一般公共服务支出\t5.00\n\n财政拨款收入支出决算总表\n项目\t金额\n总计\t5.00\n\n一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t5.00\n\n一般公共预算财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t0.00\n\n本部门没有政府性基金预算财政拨款收支，也不涉及国有资本经营预算财政拨款支出，故未公开相关决算表。\n"
      ),
      .init(
        "# 2024年部门预算\n\n部门收支总表\n项目\t预算数\n收入总计\t5.00\n\n部门收入总表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n部门支出总表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n财政拨款收支总表\n项目\t预算数\n收入总计\t5.00\n\n一般公共预算支出表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n一般公共预算基本支出表\n科目编码\t科目名称\t合计\n301\t工资福利支出\t5.00\n\n一般公共预算“三公”经费支出表\n项目\t预算数\n合计\t0.00\n\n国有资本经营预算支出表\n科目编码\t科目名称\t合计\n\n本部门没有政府性基金预算拨款安排的支出，故本表无数据。\n"
      ),
    ],
    triggeringExamples: [
      // A budget (the national template's names) without its 政府性基金 table or a word on it.
      .init(
        "# 2024年部门预算\n\n⟦部门收支总表⟧\n项目\t预算数\n收入总计\t5.00\n\n部门收入总表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n部门支出总表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n财政拨款收支总表\n项目\t预算数\n收入总计\t5.00\n\n一般公共预算支出表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n一般公共预算基本支出表\n科目编码\t科目名称\t合计\n301\t工资福利支出\t5.00\n\n一般公共预算“三公”经费支出表\n项目\t预算数\n合计\t0.00\n\n国有资本经营预算支出表\n科目编码\t科目名称\t合计\n"
      ),
      .init(
        "⟦第二部分 部门决算表⟧\n\n收入支出决算总表\n项目\t金额\n总计\t5.00\n\n收入决算表\n科目编码\t科目名称\t本年收入合计\n201\t一般公共服务支出\t5.00\n\n支出决算表\n科目编码\t科目名称\t本年支出合计\n201\t一般公共服务支出\t5.00\n\n财政拨款收入支出决算总表\n项目\t金额\n总计\t5.00\n\n一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t5.00\n\n一般公共预算财政拨款基本支出决算表\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t5.00\n\n一般公共预算财政拨款“三公”经费支出决算表\n项目\t决算数\n合计\t0.00\n\n本部门没有政府性基金预算财政拨款收支，故未公开相关决算表。\n"
      ),
    ])

  func check(_ report: Report, context: inout RuleContext) {
    let present = Set(report.tables.map(\.kind))
    let recognised = Table.Kind.standard.filter { present.contains($0) }
    let partTwo = report.headings.first {
      $0.level == .part && ($0.text.utf8Text.contains("第二部分") || $0.text.utf8Text.contains("决算表"))
    }
    guard recognised.count >= 3 || partTwo != nil else { return }
    let anchor = partTwo?.range ?? report.tables.first { Table.Kind.standard.contains($0.kind) }?.titleRange
    guard let anchor, Table.Kind.standard.contains(where: { !present.contains($0) }) else { return }
    let lines = Self.meaningfulLines(report.source)
    let isBudget = report.kind.isBudget
    for kind in Table.Kind.standard where !present.contains(kind) {
      context.ran()
      let keys = isBudget ? Self.budgetKeywords(of: kind) : Self.keywords(of: kind)
      let name = isBudget ? Self.budgetTitle(of: kind) : kind.officialTitle
      // A line naming the table (a title the parser did not take): present but unread.
      if lines.contains(where: { line in line.utf8Text.hasSuffix("表") && line.count <= 50 && keys.title(line) }) {
        context.skip("“\(name)”的表名出现在文中，但未能识别为表")
        continue
      }
      if lines.contains(where: { line in keys.topic(line) && Self.explains(line) }) { continue }
      context.report(
        anchor,
        "报告缺少公开表“\(name)”，也没有说明原因：请补上该表（无数据时公开空表并注明“本部门无…，故本表无数据”），或说明为何不公开")
    }
  }

  /// A budget's table as Shanghai's template names it (the national template's names differ; the
  /// keywords take both).
  static func budgetTitle(of kind: Table.Kind) -> String {
    switch kind {
    case .summary: "部门财务收支预算总表"
    case .income: "部门收入预算总表"
    case .expenditure: "部门支出预算总表"
    case .fiscalSummary: "部门财政拨款收支预算总表"
    case .generalBudget: "一般公共预算支出功能分类预算表"
    case .basicExpenditure: "一般公共预算基本支出经济分类预算表"
    case .sangong: "“三公”经费预算表"
    case .governmentFund: "政府性基金预算支出功能分类预算表"
    case .stateCapital: "国有资本经营预算支出功能分类预算表"
    default: kind.officialTitle
    }
  }

  /// A budget's tables, by the words of Shanghai's names and the national template's alike
  /// ("部门收支总表", "收入预算总表", "一般公共预算支出表", "部门收支情况表"…): loose, so that a table
  /// named otherwise is taken for present rather than reported missing.
  static func budgetKeywords(of kind: Table.Kind) -> Keywords {
    let others = none("财政拨款", "一般公共预算", "政府性基金", "国有资本", "三公", "基本支出", "项目")
    switch kind {
    case .summary:
      return Keywords(title: { has("收支")($0) && none("财政拨款")($0) }, topic: has("收支", "总表"))
    case .income:
      return Keywords(title: { has("收入")($0) && none("收支", "收入支出")($0) && others($0) }, topic: has("收入", "总表"))
    case .expenditure:
      return Keywords(title: { has("支出")($0) && none("收支", "收入支出")($0) && others($0) }, topic: has("支出", "总表"))
    case .fiscalSummary: return Keywords(title: has("财政拨款", "收"), topic: has("财政拨款收"))
    case .generalBudget:
      return Keywords(title: { has("一般公共预算")($0) && none("基本支出", "三公")($0) }, topic: has("一般公共预算"))
    case .basicExpenditure: return Keywords(title: has("基本支出"), topic: has("基本支出"))
    default: return keywords(of: kind)
    }
  }

  /// A line test: the line holds every one of `words`.
  private static func has(_ words: String...) -> (String) -> Bool {
    { line in words.allSatisfy { line.utf8Text.contains($0) } }
  }

  /// A line test: the line holds none of `words`.
  private static func none(_ words: String...) -> (String) -> Bool {
    { line in !words.contains { line.utf8Text.contains($0) } }
  }

  struct Keywords {
    var title: (String) -> Bool
    var topic: (String) -> Bool
  }

  static func keywords(of kind: Table.Kind) -> Keywords {
    switch kind {
    case .summary:
      return Keywords(
        title: { $0.utf8Text.contains("收入支出决算总表") && !$0.utf8Text.contains("财政拨款收入支出") }, topic: has("收入支出决算总表"))
    case .income: return Keywords(title: { $0.utf8Text.hasSuffix("收入决算表") }, topic: has("收入决算表"))
    case .expenditure:
      return Keywords(
        title: { $0.utf8Text.hasSuffix("支出决算表") && !$0.utf8Text.contains("财政拨款") && !$0.utf8Text.contains("三公") },
        topic: has("支出决算表"))
    case .fiscalSummary: return Keywords(title: has("财政拨款收入支出决算总表"), topic: has("财政拨款收入支出"))
    case .generalBudget:
      return Keywords(
        title: { $0.utf8Text.contains("一般公共预算财政拨款支出决算") }, topic: has("一般公共预算财政拨款"))
    case .basicExpenditure: return Keywords(title: has("基本支出决算"), topic: has("基本支出"))
    case .sangong: return Keywords(title: has("三公"), topic: has("三公"))
    case .governmentFund: return Keywords(title: has("政府性基金"), topic: has("政府性基金"))
    case .stateCapital: return Keywords(title: has("国有资本经营"), topic: has("国有资本经营"))
    default: return Keywords(title: { _ in false }, topic: { _ in false })
    }
  }

  /// A line that says a table is left out or empty on purpose.
  static func explains(_ line: String) -> Bool {
    let words = [
      "未公开", "不公开", "不涉及", "无此项", "本表无数据", "故本表", "没有", "本部门无", "我部门无", "本单位无", "无相关", "未编制", "不编制", "无需公开", "空表",
    ]
    return words.contains { line.utf8Text.contains($0) }
  }

  /// Every line without whitespace and Markdown/HTML decoration, skipping table-of-contents lines.
  static func meaningfulLines(_ source: SourceText) -> [String] {
    var result: [String] = []
    for index in 0..<source.lineCount {
      var text = ""
      var inTag = false
      for character in source.text(ofLine: index) {
        if character == "<" {
          inTag = true
        } else if character == ">" && inTag {
          inTag = false
        } else if !inTag,
          !character.isWhitespace, character != "#", character != "*", character != "|"
        {
          text.append(character)
        }
      }
      guard !text.isEmpty, !text.utf8Text.contains("……"), !text.utf8Text.contains("...."),
        !text.utf8Text.contains("···")
      else { continue }
      result.append(text)
    }
    return result
  }
}
