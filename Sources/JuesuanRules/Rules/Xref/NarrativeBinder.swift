import JuesuanCatalogue
import JuesuanModel

/// A table cell a narrative amount can be compared with, and the table it sits in.
struct TableFigure {
  var value: Amount
  var range: Range<Int>
  var tableTitle: String
}

/// What a narrative amount names: a description for messages and the table figures that state it.
struct NarrativeBinding {
  var subject: String
  var figures: [TableFigure]
}

/// Finds which table figure a narrative amount names, by reading backwards from the amount over
/// a small grammar of filler words ("支出决算为", "年初预算为 §，") to a subject: a known total label
/// (收入总计, 基本支出, “三公”经费…), a subject code ("2010301-行政运行"), or a chain of names with
/// level markers ("一般公共服务（类）…（款）事业运行（项）"). Anything else binds nothing.
struct NarrativeBinder {
  /// A label the narrative uses for a table figure, and how to find the figure (actual, budget).
  private struct Anchor {
    var text: [Character]
    var lookup: (_ isBudget: Bool) -> [TableFigure]
  }

  private let report: Report
  private let catalogue: SubjectCatalogue
  private var anchors: [Anchor] = []
  /// Coded rows of 05, 03 and 02 (in that order), by code.
  private var codedRows: [String: [(table: Table, row: Table.Row)]] = [:]

  static let amountMark: Character = "§"
  static let otherNumberMark: Character = "¤"
  private static let boundaries: Set<Character> = ["，", "。", "；", "：", "、", ",", ";", ":", amountMark, otherNumberMark]
  private static let fillers: [[Character]] = [
    "支出决算数为", "支出决算数", "支出决算为", "支出决算", "决算支出为", "决算支出", "决算数为", "决算数", "决算为", "决算",
    "支出预算数为", "支出预算数", "支出预算为", "支出预算", "全年预算数为", "全年预算数", "全年预算为", "全年预算",
    "年初预算数为", "年初预算数", "年初预算为", "年初预算", "预算数为", "预算数", "预算为", "预算", "财政拨款", "拨款",
    "支出为", "支出", "金额为", "金额", "总额为", "总额", "均为", "共计", "合计为", "为", "是", "：", ":",
  ].map { Array($0) }
  private static let prefixFillers: [[Character]] = [
    "一般公共预算", "财政拨款", "拨款", "本年度", "年度", "本年", "全年", "年", "本部门", "我部门", "本单位", "我单位", "部门",
    "单位", "其中", "共", "的",
  ].map { Array($0) }
  private static let markers: [(text: [Character], digits: Int)] = [
    (Array("（类）"), 3), (Array("（款）"), 5), (Array("（项）"), 7),
  ]

  init(report: Report, catalogue: SubjectCatalogue) {
    self.report = report
    self.catalogue = catalogue
    for kind in [Table.Kind.generalBudget, .expenditure, .income] {
      for table in report.tables where table.kind == kind && table.unit != "元" {
        for row in table.rows where !row.isDamaged {
          guard let code = row.code else { continue }
          codedRows[code, default: []].append((table, row))
        }
      }
    }
    buildAnchors()
  }

  // MARK: Reading backwards

  /// The binding of the amount whose placeholder sits at `end` in `chars`, or nil.
  /// - Complexity: O(k) in the few dozen characters read.
  func bind(_ chars: [Character], before end: Int) -> NarrativeBinding? {
    var end = end
    var crossed = false
    var qualifiers: [String] = []
    for _ in 0..<40 {
      guard end > 0 else { return nil }
      let isBudget = qualifiers.contains { $0.contains("预算") } && !qualifiers.contains { $0.contains("决算") }
      if let anchor = anchors.first(where: { Self.ends(chars, end, with: $0.text) }) {
        guard prefixIsClean(chars, end - anchor.text.count) else { return nil }
        let figures = anchor.lookup(isBudget)
        return figures.isEmpty ? nil : NarrativeBinding(subject: String(anchor.text), figures: figures)
      }
      if Self.markers.contains(where: { Self.ends(chars, end, with: $0.text) }) {
        return isBudget ? nil : chain(chars, end)
      }
      if let (code, matched) = code(chars, end) {
        guard matched, !isBudget else { return nil }
        let figures = figures(code: code)
        return figures.isEmpty ? nil : NarrativeBinding(subject: code, figures: figures)
      }
      if let filler = Self.fillers.first(where: { Self.ends(chars, end, with: $0) }) {
        if !crossed { qualifiers.append(String(filler)) }
        end -= filler.count
        continue
      }
      if end >= 2, chars[end - 1] == "，", chars[end - 2] == Self.amountMark {
        end -= 2
        crossed = true
        continue
      }
      if chars[end - 1] == "。", Self.markers.contains(where: { Self.ends(chars, end - 1, with: $0.text) }) {
        end -= 1
        crossed = true
        continue
      }
      return nil
    }
    return nil
  }

  static func ends(_ chars: [Character], _ end: Int, with word: [Character]) -> Bool {
    end >= word.count && chars[(end - word.count)..<end].elementsEqual(word)
  }

  /// True when the words before a total label are only a year, "一般公共预算", "财政拨款", an
  /// enumerator and the like (so "政府性基金预算财政拨款基本支出" or "2022年基本支出" do not bind).
  private func prefixIsClean(_ chars: [Character], _ start: Int) -> Bool {
    var index = start
    var digits = ""
    func yearIsFine() -> Bool {
      defer { digits = "" }
      guard digits.count == 4, let year = report.year else { return true }
      return Int(digits) == year
    }
    while index > 0 {
      let char = chars[index - 1]
      if Self.boundaries.contains(char) { return yearIsFine() }
      if let filler = Self.prefixFillers.first(where: { Self.ends(chars, index, with: $0) }) {
        guard yearIsFine() else { return false }
        index -= filler.count
        continue
      }
      if char.isASCII, char.isNumber {
        digits = String(char) + digits
        index -= 1
        continue
      }
      guard yearIsFine() else { return false }
      if "（）().．一二三四五六七八九十".contains(char) {
        index -= 1
        continue
      }
      return false
    }
    return yearIsFine()
  }

  // MARK: Subject codes and names

  /// A subject code just before `end` ("2010301-行政运行", "2010301"): the code, and whether the
  /// written name (if any) is one of the code's names. Nil when there is no code there.
  private func code(_ chars: [Character], _ end: Int) -> (String, Bool)? {
    var index = end
    while index > 0, end - index < 40, !(chars[index - 1].isASCII && chars[index - 1].isNumber),
      !Self.boundaries.contains(chars[index - 1])
    {
      index -= 1
    }
    guard index > 0, chars[index - 1].isASCII, chars[index - 1].isNumber else { return nil }
    var start = index
    while start > 0, chars[start - 1].isASCII, chars[start - 1].isNumber { start -= 1 }
    if start > 0, chars[start - 1] == "." || chars[start - 1] == "," { return nil }
    let code = String(chars[start..<index])
    guard [3, 5, 7].contains(code.count), codedRows[code] != nil else { return nil }
    var name = Array(chars[index..<end].drop { "-－—–".contains($0) })
    if let marker = Self.markers.first(where: { Self.ends(name, name.count, with: $0.text) }) {
      name.removeLast(marker.text.count)
    }
    if name.isEmpty { return (code, true) }
    return (code, names(of: code).contains(Self.core(String(name))))
  }

  /// A chain of names with level markers ending at `end`; binds when the deepest name (with its
  /// parent, when the name alone is ambiguous) names exactly one coded row.
  private func chain(_ chars: [Character], _ end: Int) -> NarrativeBinding? {
    var segments: [(name: String, digits: Int)] = []
    var index = end
    while let marker = Self.markers.first(where: { Self.ends(chars, index, with: $0.text) }), segments.count < 3 {
      let nameEnd = index - marker.text.count
      var start = nameEnd
      while start > 0, !Self.boundaries.contains(chars[start - 1]),
        !Self.markers.contains(where: { Self.ends(chars, start, with: $0.text) }),
        !(chars[start - 1] == "." || chars[start - 1] == "．")
      {
        start -= 1
      }
      segments.append((Table.normalizedLabel(String(chars[start..<nameEnd])), marker.digits))
      index = start
    }
    guard let deepest = segments.first, !deepest.name.isEmpty else { return nil }
    let core = Self.core(deepest.name)
    var candidates = codedRows.keys.filter { $0.count == deepest.digits && names(of: $0).contains(core) }
    if candidates.count > 1, segments.count > 1 {
      let parent = Self.core(segments[1].name)
      candidates = candidates.filter { names(of: String($0.prefix(segments[1].digits))).contains(parent) }
    }
    guard candidates.count == 1, let code = candidates.first else { return nil }
    let figures = figures(code: code)
    return figures.isEmpty ? nil : NarrativeBinding(subject: "\(code) \(deepest.name)", figures: figures)
  }

  /// The compared forms of every name `code` carries in the tables and the catalogue.
  private func names(of code: String) -> Set<String> {
    var result = Set<String>()
    for (_, row) in codedRows[code] ?? [] where !row.name.isEmpty { result.insert(Self.core(row.name)) }
    for entry in catalogue.history(code: code) { result.insert(Self.core(entry.name)) }
    return result
  }

  /// A name as compared: whitespace, markers and a trailing "支出" removed.
  static func core(_ name: String) -> String {
    var text = SubjectCatalogue.normalizedName(name)
    if text.hasSuffix("支出"), text.count > 3 { text.removeLast(2) }
    return text
  }

  private func figures(code: String) -> [TableFigure] {
    (codedRows[code] ?? []).compactMap { table, row in figure(table, row, column: 0) }
  }

  // MARK: Table figures

  private func figure(_ table: Table, _ row: Table.Row, column: Int) -> TableFigure? {
    guard column >= 0, column < row.cells.count, let cell = row.cells[column], !cell.isDamaged, !row.isDamaged
    else { return nil }
    if column > 0, !row.isPositional { return nil }
    return TableFigure(value: cell.value, range: cell.range, tableTitle: Table.normalizedLabel(table.title))
  }

  /// The first column of `panel` that holds amounts (not 行次/栏次).
  private static func amountColumn(_ panel: Table.Panel) -> Int? {
    panel.columns.firstIndex { !$0.title.contains("行次") && !$0.title.contains("栏次") && !$0.title.contains("项目") }
  }

  private static func column(_ panel: Table.Panel, titled title: String) -> Int? {
    panel.columns.firstIndex { $0.title.filter { !$0.isWhitespace } == title }
  }

  private func tables(_ kind: Table.Kind) -> [Table] {
    report.tables.filter { $0.kind == kind && $0.unit != "元" }
  }

  /// A labelled row of 01/04 on one side (panel 0 收入, panel 1 支出; nil: both), its amount column.
  private func summaryFigures(_ kind: Table.Kind, side: Int?, label: String) -> [TableFigure] {
    tables(kind).flatMap { table in
      table.panels.indices.filter { side == nil || $0 == side }.compactMap { index -> TableFigure? in
        let panel = table.panels[index]
        guard let column = Self.amountColumn(panel), let row = panel.rows.first(where: { $0.label == label }) else {
          return nil
        }
        return figure(table, row, column: column)
      }
    }
  }

  /// The 合计 row of a coded table, in the column titled `title` (nil: the first column).
  private func totalRowFigures(_ kind: Table.Kind, column title: String?) -> [TableFigure] {
    tables(kind).compactMap { table in
      guard let panel = table.panels.first, let row = panel.rows.first(where: { $0.isTotalRow && $0.code == nil }) else {
        return nil
      }
      guard let title else { return figure(table, row, column: 0) }
      guard let column = Self.column(panel, titled: title) else { return nil }
      return figure(table, row, column: column)
    }
  }

  private func basicFigures(_ label: String) -> [TableFigure] {
    tables(.basicExpenditure).compactMap { table in
      guard let row = table.rows.first(where: { $0.label == label }) else { return nil }
      return figure(table, row, column: 0)
    }
  }

  /// A row of the 三公 table whose label satisfies `matches`, in its 预算/决算 column.
  private func sangongFigures(isBudget: Bool, _ matches: @escaping (String) -> Bool) -> [TableFigure] {
    tables(.sangong).compactMap { table in
      guard let panel = table.panels.first,
        let column = panel.columns.firstIndex(where: { $0.title.contains(isBudget ? "预算" : "决算") }),
        let row = panel.rows.first(where: { matches($0.label) })
      else { return nil }
      return figure(table, row, column: column)
    }
  }

  private mutating func add(_ texts: [String], _ lookup: @escaping (_ isBudget: Bool) -> [TableFigure]) {
    for text in texts { anchors.append(Anchor(text: Array(text), lookup: lookup)) }
  }

  private mutating func buildAnchors() {
    let binder = self
    func actual(_ body: @escaping () -> [TableFigure]) -> (Bool) -> [TableFigure] { { $0 ? [] : body() } }
    add(["收入总计"], actual { binder.summaryFigures(.summary, side: 0, label: "总计") })
    add(["支出总计"], actual { binder.summaryFigures(.summary, side: 1, label: "总计") })
    add(["收、支总计", "收支总计"], actual { binder.summaryFigures(.summary, side: nil, label: "总计") })
    add(["财政拨款收入总计"], actual { binder.summaryFigures(.fiscalSummary, side: 0, label: "总计") })
    add(["财政拨款支出总计"], actual { binder.summaryFigures(.fiscalSummary, side: 1, label: "总计") })
    add(["财政拨款收、支总计", "财政拨款收支总计"], actual { binder.summaryFigures(.fiscalSummary, side: nil, label: "总计") })
    add(["本年收入合计", "收入合计"], actual {
      binder.summaryFigures(.summary, side: 0, label: "本年收入合计") + binder.totalRowFigures(.income, column: nil)
    })
    add(["本年支出合计", "支出合计"], actual {
      binder.summaryFigures(.summary, side: 1, label: "本年支出合计") + binder.totalRowFigures(.expenditure, column: nil)
    })
    add(["一般公共预算财政拨款支出"], actual { binder.totalRowFigures(.generalBudget, column: nil) })
    add(["一般公共预算财政拨款收入"], actual {
      binder.summaryFigures(.summary, side: 0, label: "一般公共预算财政拨款收入")
        + binder.summaryFigures(.fiscalSummary, side: 0, label: "一般公共预算财政拨款")
    })
    add(["财政拨款收入"], actual { binder.totalRowFigures(.income, column: "财政拨款收入") })
    for label in ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"] {
      add([label], actual {
        binder.summaryFigures(.summary, side: 0, label: label) + binder.totalRowFigures(.income, column: label)
      })
    }
    for label in ["基本支出", "项目支出"] {
      add([label], actual {
        binder.totalRowFigures(.expenditure, column: label) + binder.totalRowFigures(.generalBudget, column: label)
      })
    }
    for label in ["上缴上级支出", "对附属单位补助支出"] {
      add([label], actual { binder.totalRowFigures(.expenditure, column: label) })
    }
    add(["人员经费"], actual { binder.basicFigures("人员经费合计") })
    add(["公用经费"], actual { binder.basicFigures("公用经费合计") })
    add(["“三公”经费", "\"三公\"经费", "三公经费", "‘三公’经费"]) { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "合计" }
    }
    add(["因公出国（境）费", "因公出国(境)费", "因公出国（境）费用"]) { budget in
      binder.sangongFigures(isBudget: budget) { $0.hasPrefix("因公出国") }
    }
    add(["公务用车购置及运行费", "公务用车购置及运行维护费"]) { budget in
      binder.sangongFigures(isBudget: budget) { $0.hasPrefix("公务用车购置及运行") }
    }
    add(["公务用车购置费", "公务用车购置"]) { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "公务用车购置费" }
    }
    add(["公务用车运行维护费", "公务用车运行维护", "公务用车运行费"]) { budget in
      binder.sangongFigures(isBudget: budget) { $0 == "公务用车运行维护费" || $0 == "公务用车运行费" }
    }
    add(["公务接待费"]) { budget in binder.sangongFigures(isBudget: budget) { $0 == "公务接待费" } }
    anchors.sort { $0.text.count > $1.text.count }
  }
}
