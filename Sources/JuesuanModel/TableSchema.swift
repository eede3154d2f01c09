/// The columns each standard table is expected to have, with the keywords that find them in a
/// header whose cells were broken by PDF export ("本年收 入合计").
enum TableSchema {
  struct ColumnSpec {
    var title: String
    var role: Table.Column.Role
    /// Any of these (spaces removed) in the header text means the column is present.
    var keys: [String]
  }

  /// How rows of a table are laid out.
  enum Layout {
    case coded  // one subject per row: code, name, amounts
    case economic  // code–name–amount triplets, several per line (06)
    case labelled(sides: Int)  // label rows, possibly two sides (01, 04)
    case sangong  // 07: label rows, or one row of 6/12 figures
    case free  // self-evaluation, unknown: rows kept, not checked by sum rules
  }

  static func layout(of kind: Table.Kind, isBudget: Bool = false) -> Layout {
    // A budget's 基本支出 table lists one subject per row, with 人员经费 and 公用经费 columns.
    switch kind {
    case .income, .expenditure, .generalBudget, .governmentFund, .stateCapital: return .coded
    case .basicExpenditure: return isBudget ? .coded : .economic
    case .summary, .fiscalSummary: return .labelled(sides: 2)
    case .sangong: return .sangong
    case .selfEvaluation, .unknown: return .free
    }
  }

  /// Amount columns for coded tables, in the official order.
  static func columns(of kind: Table.Kind, header: String, isBudget: Bool = false) -> [Table.Column] {
    specs(of: kind, header: header, isBudget: isBudget).map { Table.Column(title: $0.title, role: $0.role) }
  }

  /// The specs of `columns(of:header:)`, with the keywords that find each in a header.
  static func specs(of kind: Table.Kind, header: String, isBudget: Bool = false) -> [ColumnSpec] {
    if isBudget, let budget = budgetSpecs(of: kind, header: header) { return budget }
    let specs: [ColumnSpec]
    switch kind {
    case .income:
      specs = [
        ColumnSpec(title: "本年收入合计", role: .total, keys: ["合计"]),
        ColumnSpec(title: "财政拨款收入", role: .component, keys: ["财政拨款", "财政拨"]),
        ColumnSpec(title: "上级补助收入", role: .component, keys: ["上级补助", "上级补"]),
        ColumnSpec(title: "事业收入", role: .component, keys: ["事业"]),
        ColumnSpec(title: "经营收入", role: .component, keys: ["经营"]),
        ColumnSpec(title: "附属单位上缴收入", role: .component, keys: ["附属单位"]),
        ColumnSpec(title: "其他收入", role: .component, keys: ["其他收入", "其他"]),
      ]
    case .expenditure:
      specs = [
        ColumnSpec(title: "本年支出合计", role: .total, keys: ["合计"]),
        ColumnSpec(title: "基本支出", role: .component, keys: ["基本"]),
        ColumnSpec(title: "项目支出", role: .component, keys: ["项目支出", "项目支"]),
        ColumnSpec(title: "上缴上级支出", role: .component, keys: ["上缴上级", "上缴上"]),
        ColumnSpec(title: "经营支出", role: .component, keys: ["经营"]),
        ColumnSpec(title: "对附属单位补助支出", role: .component, keys: ["附属单位"]),
      ]
    case .generalBudget, .stateCapital:
      var list: [ColumnSpec] = []
      if header.utf8Text.contains("年初预算") {
        list.append(ColumnSpec(title: "年初预算", role: .budget, keys: ["年初预算"]))
      }
      if header.utf8Text.contains("调整预算") || header.utf8Text.contains("全年预算") {
        list.append(ColumnSpec(title: "全年预算", role: .budget, keys: ["调整预算", "全年预算"]))
      }
      if list.isEmpty, header.utf8Text.contains("预算数") {
        list.append(ColumnSpec(title: "预算数", role: .budget, keys: ["预算数"]))
      }
      list += [
        ColumnSpec(title: "合计", role: .total, keys: ["合计", "小计", "本年支出", "决算数"]),
        ColumnSpec(title: "基本支出", role: .component, keys: ["基本"]),
        ColumnSpec(title: "项目支出", role: .component, keys: ["项目支出", "项目支"]),
      ]
      specs = list
    case .governmentFund:
      specs = [
        ColumnSpec(title: "年初结转和结余", role: .other, keys: ["年初结转"]),
        ColumnSpec(title: "本年收入", role: .other, keys: ["本年收入", "本年收"]),
        ColumnSpec(title: "本年支出合计", role: .total, keys: ["本年支出", "小计", "合计"]),
        ColumnSpec(title: "基本支出", role: .component, keys: ["基本"]),
        ColumnSpec(title: "项目支出", role: .component, keys: ["项目支出", "项目支"]),
        ColumnSpec(title: "年末结转和结余", role: .other, keys: ["年末结转"]),
      ]
    case .basicExpenditure:
      specs = [ColumnSpec(title: "决算数", role: .total, keys: ["决算数", "金额"])]
    case .summary:
      specs = [ColumnSpec(title: "决算数", role: .total, keys: ["决算数", "金额"])]
    case .fiscalSummary:
      specs = [
        ColumnSpec(title: "合计", role: .total, keys: ["合计"]),
        ColumnSpec(title: "一般公共预算财政拨款", role: .component, keys: ["一般公共预算"]),
        ColumnSpec(title: "政府性基金预算财政拨款", role: .component, keys: ["政府性基金"]),
        ColumnSpec(title: "国有资本经营预算财政拨款", role: .component, keys: ["国有资本"]),
      ]
    case .sangong:
      let hasBudget = header.utf8Text.contains("预算数") || header.utf8Text.contains("预算")
      specs =
        (hasBudget ? [ColumnSpec(title: "预算数", role: .budget, keys: ["预算"])] : [])
        + [ColumnSpec(title: "决算数", role: .total, keys: ["决算"])]
    case .selfEvaluation:
      specs = []
    case .unknown:
      // A table of no known kind whose rows are numbered (部门决算公开相关信息统计表: 行次, 统计数): its
      // first column, for the order of its numbers.
      specs = header.utf8Text.contains("行次") ? [ColumnSpec(title: "行次", role: .other, keys: ["行次"])] : []
    }
    // A header that names the total column and no part of it has no parts (a table of 合计 alone
    // has no 基本支出 to add up). One that names some parts may hide others in wrapped cells.
    let named = specs.filter { spec in spec.keys.contains { header.utf8Text.contains($0) } }
    guard kind != .sangong, specs.count > 1, named.contains(where: { $0.role == .total }),
      named.allSatisfy({ $0.role == .total || $0.role == .budget })
    else { return specs }
    // Nor has a header that names the total and budgets beside it ("预算数 | 决算数").
    return named
  }

  /// The columns a budget's table may have (Shanghai's and the national template's, which keep
  /// this order), those its header names; the usual ones when it names none. Nil for the tables
  /// whose columns do not differ from a final account's.
  private static func budgetSpecs(of kind: Table.Kind, header: String) -> [ColumnSpec]? {
    let candidates: [ColumnSpec]
    switch kind {
    case .summary:
      // A unit's 支出 side may split its 预算数 into 基本支出 (人员经费, 公用经费) and 项目支出.
      let split = [
        ColumnSpec(title: "合计", role: .total, keys: ["合计"]),
        ColumnSpec(title: "人员经费", role: .component, keys: ["人员经费"]),
        ColumnSpec(title: "公用经费", role: .component, keys: ["公用经费"]),
        ColumnSpec(title: "项目支出", role: .component, keys: ["项目支出"]),
      ]
      guard split.dropFirst().contains(where: { spec in spec.keys.contains { header.utf8Text.contains($0) } }) else {
        return [ColumnSpec(title: "预算数", role: .total, keys: ["预算数", "金额", "预算"])]
      }
      return split
    case .income:
      // Shanghai's 财政拨款收入 in one column; the national template's by fund, and its other
      // sources (部门收入总表).
      candidates = [
        ColumnSpec(title: "合计", role: .total, keys: ["合计", "总计"]),
        ColumnSpec(title: "上年结转", role: .component, keys: ["上年结转"]),
        ColumnSpec(title: "财政拨款收入", role: .component, keys: ["财政拨款"]),
        ColumnSpec(title: "一般公共预算拨款收入", role: .component, keys: ["一般公共预算"]),
        ColumnSpec(title: "政府性基金预算拨款收入", role: .component, keys: ["政府性基金"]),
        ColumnSpec(title: "国有资本经营预算拨款收入", role: .component, keys: ["国有资本"]),
        ColumnSpec(title: "财政专户管理资金收入", role: .component, keys: ["财政专户"]),
        ColumnSpec(title: "事业收入", role: .component, keys: ["事业收入"]),
        ColumnSpec(title: "事业单位经营收入", role: .component, keys: ["事业单位经营", "经营收入"]),
        ColumnSpec(title: "上级补助收入", role: .component, keys: ["上级补助"]),
        ColumnSpec(title: "附属单位上缴收入", role: .component, keys: ["附属单位"]),
        ColumnSpec(title: "其他收入", role: .component, keys: ["其他收入"]),
      ]
    case .expenditure, .generalBudget, .governmentFund, .stateCapital:
      candidates = [
        ColumnSpec(title: "合计", role: .total, keys: ["合计", "总计"]),
        ColumnSpec(title: "基本支出", role: .component, keys: ["基本支出", "基本"]),
        ColumnSpec(title: "项目支出", role: .component, keys: ["项目支出", "项目支"]),
        ColumnSpec(title: "事业单位经营支出", role: .component, keys: ["经营支出"]),
        ColumnSpec(title: "上缴上级支出", role: .component, keys: ["上缴上级"]),
        ColumnSpec(title: "对附属单位补助支出", role: .component, keys: ["附属单位"]),
      ]
    case .basicExpenditure:
      candidates = [
        ColumnSpec(title: "合计", role: .total, keys: ["合计", "总计"]),
        ColumnSpec(title: "人员经费", role: .component, keys: ["人员经费", "人员"]),
        ColumnSpec(title: "公用经费", role: .component, keys: ["公用经费", "公用"]),
      ]
    default:
      return nil
    }
    let named = candidates.filter { spec in spec.keys.contains { header.utf8Text.contains($0) } }
    guard named.contains(where: { $0.role == .total }), named.count >= 2 else {
      return kind == .income ? [candidates[0], candidates[2]] : Array(candidates.prefix(3))
    }
    return named
  }

  /// Column order of a horizontal 三公 row: 合计, 出国, 车小计, 购置, 运行, 接待.
  static let sangongLabels = [
    "合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务接待费",
  ]
}
