/// Coded tables in the aligned shape: one subject per row (02, 03, 05, 08, 09), or code–name–figure
/// groups side by side (06).
extension AlignedTableReader {
  /// The words of one line that belong to one group (or to the whole line of a one-group table),
  /// and the columns its figures were placed in.
  struct GroupLine {
    var line: AlignedLine
    var words: [AlignedWord]
    /// Figures by column index.
    var cells: [Int: Table.Cell] = [:]
    /// False when the figures' columns were inferred from a page without a header or a line whose
    /// figures did not line up: then only the first column is trusted.
    var isCertain = true
  }

  mutating func codedPanel(_ pages: [Page], header: String, groups: Int) -> Table.Panel {
    let specs = TableSchema.specs(of: kind, header: header, isBudget: isBudget)
    let wholeYuan = Self.integersAreFigures(pages)
    var byGroup = [[[GroupLine]]](repeating: [], count: groups)
    let anchors = groups > 1 ? Self.groupAnchors(pages, groups: groups, wholeYuan: wholeYuan) : []
    for page in pages {
      var perGroup = [[GroupLine]](repeating: [], count: groups)
      for line in page.data {
        let words = wholeYuan ? Self.withoutLeadingIntegers(line.words) : line.words
        for (group, words) in Self.segments(words, groups: groups, anchors: anchors, wholeYuan: wholeYuan) {
          perGroup[group].append(GroupLine(line: line, words: words))
        }
      }
      for group in 0..<groups { byGroup[group].append(perGroup[group]) }
    }
    var rows: [Table.Row] = []
    for group in 0..<groups {
      let placed =
        groups > 1
        ? placeSingleColumn(byGroup[group], wholeYuan: wholeYuan)
        : place(byGroup[group], headers: pages.map { pageHeader($0) }, specs: specs, wholeYuan: wholeYuan)
      rows += assembleRows(placed.flatMap { $0 }, width: groups > 1 ? 1 : specs.count, wholeYuan: wholeYuan)
    }
    return Table.Panel(columns: specs.map { Table.Column(title: $0.title, role: $0.role) }, rows: rows)
  }

  /// True when the table's figures are whole numbers (a whole-yuan table): no data word has a
  /// point, and integers other than column numbers are there.
  static func integersAreFigures(_ pages: [Page]) -> Bool {
    var integers = 0
    for page in pages {
      for line in page.data {
        for word in line.words {
          switch word.kind {
          case .figure(let cell): if let amount = cell.amount, amount.decimals > 0 { return false }
          case .integer: integers += 1
          default: break
          }
        }
      }
    }
    return integers >= 3
  }

  /// The words without whole numbers before the line's first name: in a whole-yuan table those are
  /// not figures but a code the export broke (" 7    11   02   事业单位医疗").
  static func withoutLeadingIntegers(_ words: [AlignedWord]) -> [AlignedWord] {
    guard let firstText = words.firstIndex(where: \.isText), firstText > 0,
      words[..<firstText].allSatisfy({ if case .integer = $0.kind { true } else { false } })
    else { return words }
    return Array(words[firstText...])
  }

  /// A word that is a figure of the table.
  static func isFigure(_ word: AlignedWord, wholeYuan: Bool) -> Bool {
    switch word.kind {
    case .figure: true
    case .integer: wholeYuan
    default: false
    }
  }

  // MARK: Groups (06)

  /// Where each group's segments start, for code-led and text-led segments: the median start of
  /// that group's segments on the lines that hold all the groups.
  static func groupAnchors(_ pages: [Page], groups: Int, wholeYuan: Bool) -> [(code: Int?, text: Int?)] {
    var codeStarts = [[Int]](repeating: [], count: groups)
    var textStarts = [[Int]](repeating: [], count: groups)
    for page in pages {
      for line in page.data {
        let parts = rawSegments(line.words, wholeYuan: wholeYuan)
        guard parts.count == groups else { continue }
        for (group, part) in parts.enumerated() {
          guard let first = part.first else { continue }
          if first.isCode {
            codeStarts[group].append(first.columns.lowerBound)
          } else if let text = part.first(where: \.isText) {
            textStarts[group].append(text.columns.lowerBound)
          }
        }
      }
    }
    func median(_ values: [Int]) -> Int? { values.isEmpty ? nil : values.sorted()[values.count / 2] }
    return (0..<groups).map { (median(codeStarts[$0]), median(textStarts[$0])) }
  }

  /// A line's words split into code–name–figure segments: a code, or a name after a figure, or a
  /// second figure, starts the next.
  static func rawSegments(_ words: [AlignedWord], wholeYuan: Bool) -> [[AlignedWord]] {
    var parts: [[AlignedWord]] = []
    var current: [AlignedWord] = []
    var sawFigure = false
    for word in words {
      let isFigure = Self.isFigure(word, wholeYuan: wholeYuan)
      if !current.isEmpty, word.isCode || (word.isText && sawFigure) || (isFigure && sawFigure) {
        parts.append(current)
        current = []
        sawFigure = false
      }
      current.append(word)
      if isFigure { sawFigure = true }
    }
    if !current.isEmpty { parts.append(current) }
    return parts
  }

  /// The words of a line by group: all of them for one group; for several, the segments in order
  /// when there is one per group, else each segment to the group whose segments start nearest.
  static func segments(
    _ words: [AlignedWord], groups: Int, anchors: [(code: Int?, text: Int?)], wholeYuan: Bool
  ) -> [(Int, [AlignedWord])] {
    guard groups > 1 else { return words.isEmpty ? [] : [(0, words)] }
    let parts = rawSegments(words, wholeYuan: wholeYuan)
    if parts.count == groups { return parts.enumerated().map { ($0.offset, $0.element) } }
    var result: [(Int, [AlignedWord])] = []
    var lowest = 0
    for part in parts {
      guard let first = part.first else { continue }
      let start = first.columns.lowerBound
      var best: (group: Int, distance: Int)?
      for group in lowest..<groups {
        let anchor =
          first.isCode ? anchors[group].code ?? anchors[group].text : anchors[group].text ?? anchors[group].code
        guard let anchor else { continue }
        let distance = abs(anchor - start)
        if best == nil || distance < best?.distance ?? Int.max { best = (group, distance) }
      }
      let group = best?.group ?? lowest
      if let last = result.last, last.0 == group {
        result[result.count - 1].1 += part
      } else {
        result.append((group, part))
      }
      lowest = group
    }
    return result
  }

  /// One figure column per group: the first figure of a group's line is its figure; a second one
  /// means the line was not split where it should have been.
  mutating func placeSingleColumn(_ pages: [[GroupLine]], wholeYuan: Bool) -> [[GroupLine]] {
    pages.map { lines in
      lines.map { line in
        var placed = line
        let figures = line.words.filter { Self.isFigure($0, wholeYuan: wholeYuan) }
        if let first = figures.first?.cell { placed.cells[0] = first }
        placed.isCertain = figures.count <= 1
        return placed
      }
    }
  }

  // MARK: Columns

  /// Places the figures of each page's lines in the columns of `specs`: the figures of a page
  /// that overlap form its columns, matched in order to the header's cells at the least distance
  /// (or, on a page without a header, to the page before's columns).
  mutating func place(
    _ pages: [[GroupLine]], headers: [TableHeader], specs: [TableSchema.ColumnSpec], wholeYuan: Bool,
    within columns: Range<Int>? = nil
  ) -> [[GroupLine]] {
    var previous: [(spec: Int, centre: Int)]?
    var result: [[GroupLine]] = []
    for (pageIndex, lines) in pages.enumerated() {
      let own = headers[pageIndex].amountColumns(specs, within: columns).map {
        (spec: $0.spec, centre: $0.cell.doubledCentre)
      }
      let targets = own.isEmpty ? previous : own
      var placed = lines
      var spans: [Range<Int>] = []
      var owners: [(line: Int, word: Int)] = []
      for (lineIndex, line) in lines.enumerated() {
        for (wordIndex, word) in line.words.enumerated() where Self.isFigure(word, wholeYuan: wholeYuan) {
          spans.append(word.columns)
          owners.append((lineIndex, wordIndex))
        }
      }
      guard !spans.isEmpty else {
        result.append(placed)
        continue
      }
      let clusters = ColumnAssignment.clusters(spans, lines: owners.map(\.line))
      var mapping: [(spec: Int, centre: Int)] = []
      if let clusters {
        let centres = clusters.map { cluster in
          cluster.reduce(0) { $0 + spans[$1].lowerBound + spans[$1].upperBound } / cluster.count
        }
        var clusterSpecs: [Int]?
        var certain = true
        if !own.isEmpty {
          clusterSpecs = ColumnAssignment.assign(centres, to: own.map(\.centre), maximumShift: 16).map {
            $0.map { own[$0].spec }
          }
        } else if let previous, previous.count == clusters.count {
          clusterSpecs = previous.map(\.spec)
        } else if let targets {
          clusterSpecs = ColumnAssignment.assign(centres, to: targets.map(\.centre)).map { $0.map { targets[$0].spec } }
          certain = false
        } else if clusters.count <= specs.count {
          clusterSpecs = Array(0..<clusters.count)
          certain = clusters.count == specs.count
        }
        if let clusterSpecs {
          for (cluster, spec) in zip(clusters, clusterSpecs) {
            for member in cluster {
              let owner = owners[member]
              if let cell = lines[owner.line].words[owner.word].cell { placed[owner.line].cells[spec] = cell }
              if !certain { placed[owner.line].isCertain = false }
            }
          }
          mapping = zip(clusterSpecs, centres).map { (spec: $0, centre: $1) }
        } else {
          damage.append("第 \(line: lines[0].line.index) 行起的一页：数字的栏数多于表头，无法确定各数所在栏")
          for index in placed.indices { placed[index].isCertain = false }
        }
      } else {
        // The figures do not line up in columns: each line on its own, against the targets.
        for (lineIndex, line) in lines.enumerated() {
          let figures = line.words.filter { Self.isFigure($0, wholeYuan: wholeYuan) }
          guard !figures.isEmpty else { continue }
          var lineSpecs: [Int]?
          if figures.count == specs.count {
            lineSpecs = Array(0..<specs.count)
          } else if let targets {
            lineSpecs = ColumnAssignment.assign(figures.map(\.doubledCentre), to: targets.map(\.centre)).map {
              $0.map { targets[$0].spec }
            }
            placed[lineIndex].isCertain = false
          }
          guard let lineSpecs else {
            placed[lineIndex].isCertain = false
            if let first = figures.first?.cell { placed[lineIndex].cells[0] = first }
            continue
          }
          for (figure, spec) in zip(figures, lineSpecs) { placed[lineIndex].cells[spec] = figure.cell }
        }
        mapping = targets ?? []
      }
      if !own.isEmpty || !mapping.isEmpty { previous = mapping.isEmpty ? own : mapping }
      result.append(placed)
    }
    return result
  }
}
