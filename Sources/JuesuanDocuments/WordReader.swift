import Foundation

/// Reads a Word document (.docx, WordprocessingML) straight from its XML: paragraphs become
/// lines (with their list labels), each table row one line of tab-separated cells — the shape the
/// table reader reads best — with a merged cell's extra grid columns and the continuation of a
/// vertical merge as empty cells, so that every row has its table's columns.
package enum WordReader {
  /// Everything inflated from one archive together stays under this: a .docx of reports is a
  /// few megabytes, and a zip bomb stops here.
  package static let inflatedLimit = 64 << 20

  /// The text of the .docx at `path`.
  /// - Throws: `DocumentError` when the file is not a readable .docx.
  package static func read(path: String) throws -> ExtractedDocument {
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
    guard size <= inflatedLimit else { throw DocumentError("文件过大（\(size >> 20) MB，上限 \(inflatedLimit >> 20) MB）") }
    guard let data = FileManager.default.contents(atPath: path) else { throw DocumentError("无法读取文件") }
    return try read(bytes: Array(data))
  }

  /// The text of the .docx whose bytes are `bytes`.
  /// - Throws: `DocumentError` when `bytes` is not a readable .docx.
  package static func read(bytes: [UInt8]) throws -> ExtractedDocument {
    let archive = try ZipArchive(bytes)
    var budget = inflatedLimit
    func contents(_ name: String) throws -> [UInt8]? {
      guard let entry = archive.entry(named: name) else { return nil }
      let contents = try archive.contents(of: entry, limit: budget)
      budget -= contents.count
      return contents
    }
    let main = try mainDocumentName(try contents("_rels/.rels") ?? [])
    guard let document = try contents(main) else {
      throw DocumentError("不是 Word 文件（压缩包中没有 \(main)）")
    }
    let folder = main.split(separator: "/").dropLast().joined(separator: "/")
    let prefix = folder.isEmpty ? "" : folder + "/"
    let numbering = WordNumbering(
      numbering: try contents(prefix + "numbering.xml") ?? [], styles: try contents(prefix + "styles.xml") ?? [])
    var body = WordBody(numbering: numbering)
    body.read(document)
    guard !body.origins.isEmpty else { throw DocumentError("Word 文件中没有正文") }
    return ExtractedDocument(text: body.lines.joined(separator: "\n"), origins: body.origins, kind: .word)
  }

  /// The main part named by the package's relationships ("word/document.xml" when they do not say).
  private static func mainDocumentName(_ relationships: [UInt8]) throws -> String {
    var scanner = XMLScanner(relationships)
    while let event = scanner.next() {
      guard case .start(let name, let attributes) = event, WordNumbering.local(name) == "Relationship",
        attributes["Type"]?.hasSuffix("/officeDocument") == true, let target = attributes["Target"]
      else { continue }
      return target.hasPrefix("/") ? String(target.dropFirst()) : target
    }
    return "word/document.xml"
  }
}

/// The walk over document.xml's body.
struct WordBody {
  private static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  private static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
  private static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

  private(set) var lines: [String] = []
  private(set) var origins: [ExtractedDocument.Origin] = []
  private var numbering: WordNumbering
  private var prefixes: [String: String] = [:]

  private struct Paragraph {
    var text = ""
    var list: String?
    var level = 0
    var style: String?
  }
  private var paragraphs: [Paragraph] = []
  private var paragraphCount = 0
  private var inText = false
  /// Inside a run, where w:tab is a tab character (in w:tabs it is a tab stop).
  private var runDepth = 0
  private var skipping = 0
  private var tableDepth = 0
  private var tableCount = 0
  private var rowCount = 0
  private var cells: [String] = []
  private var cell = ""
  private var span = 1
  private var continuesMerge = false

  init(numbering: WordNumbering) {
    self.numbering = numbering
  }

  /// The WordprocessingML local name of `name`, nil for another namespace's element.
  private func wordName(_ name: String) -> Substring? {
    let colon = name.firstIndex(of: ":")
    let prefix = colon.map { String(name[..<$0]) } ?? ""
    let namespace = prefixes[prefix] ?? (prefix == "w" ? Self.main : nil)
    guard namespace == Self.main || namespace == Self.strict else { return nil }
    return colon.map { name[name.index(after: $0)...] } ?? name[...]
  }

  mutating func read(_ xml: [UInt8]) {
    var scanner = XMLScanner(xml)
    while let event = scanner.next() {
      switch event {
      case .start(let name, let attributes):
        for (key, value) in attributes where key == "xmlns" || key.hasPrefix("xmlns:") {
          prefixes[key == "xmlns" ? "" : String(key.dropFirst(6))] = value
        }
        if skipping > 0 || isFallback(name) {
          skipping += 1
          continue
        }
        if let local = wordName(name) { start(local, attributes) }
      case .end(let name):
        if skipping > 0 {
          skipping -= 1
          continue
        }
        if let local = wordName(name) { end(local) }
      case .text(let text):
        // Line breaks in a w:t are only XML whitespace; Word's own come as w:br.
        if inText, skipping == 0 {
          append(text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text)
        }
      }
    }
  }

  /// mc:Fallback repeats what mc:Choice holds (a text box's text, for older readers).
  private func isFallback(_ name: String) -> Bool {
    guard let colon = name.firstIndex(of: ":"), name[name.index(after: colon)...] == "Fallback" else { return false }
    return prefixes[String(name[..<colon])] == Self.compatibility
  }

  private mutating func append(_ text: String) {
    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += text }
  }

  private mutating func start(_ local: Substring, _ attributes: [String: String]) {
    let value = WordNumbering.value(attributes, "val")
    switch local {
    case "p": paragraphs.append(Paragraph())
    case "t": inText = true
    case "r": runDepth += 1
    // A tab inside a cell would split it; a line break inside one joins its lines.
    case "tab" where runDepth > 0: append(tableDepth > 0 ? " " : "\t")
    case "br", "cr": if runDepth > 0, tableDepth == 0 { append("\n") }
    case "noBreakHyphen" where runDepth > 0: append("-")
    case "numId": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].list = value }
    case "ilvl": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].level = value.flatMap { Int($0) } ?? 0 }
    case "pStyle": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = value }
    case "tbl":
      tableDepth += 1
      if tableDepth == 1 {
        tableCount += 1
        rowCount = 0
      }
    case "tr" where tableDepth == 1: cells = []
    case "gridBefore" where tableDepth == 1:
      cells += repeatElement("", count: min(max(value.flatMap { Int($0) } ?? 0, 0), 64))
    case "tc" where tableDepth == 1:
      cell = ""
      span = 1
      continuesMerge = false
    case "gridSpan" where tableDepth == 1: span = min(max(value.flatMap { Int($0) } ?? 1, 1), 64)
    // <w:vMerge/> or val="continue" continues the cell above; val="restart" begins a merge.
    case "vMerge" where tableDepth == 1: continuesMerge = value == nil || value == "continue"
    default: break
    }
  }

  private mutating func end(_ local: Substring) {
    switch local {
    case "t": inText = false
    case "r": runDepth = max(0, runDepth - 1)
    case "p": endParagraph()
    case "tc" where tableDepth == 1:
      cells.append(continuesMerge ? "" : cell)
      cells += repeatElement("", count: span - 1)
    case "tc" where tableDepth > 1: cell += " "
    case "tr" where tableDepth == 1:
      rowCount += 1
      lines.append(cells.joined(separator: "\t"))
      origins.append(.tableRow(table: tableCount, row: rowCount))
    case "tbl": tableDepth = max(0, tableDepth - 1)
    default: break
    }
  }

  private mutating func endParagraph() {
    guard let paragraph = paragraphs.popLast() else { return }
    var list = paragraph.list
    var level = paragraph.level
    if list == nil, let style = paragraph.style, let styled = numbering.numbering(ofStyle: style) {
      list = styled.list
      level = styled.level
    }
    let label = list.map { numbering.label(list: $0, level: level) } ?? ""
    let text = label + paragraph.text
    if tableDepth > 0 {
      cell += text
      return
    }
    if !text.allSatisfy(\.isWhitespace) { paragraphCount += 1 }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(String(line))
      origins.append(.paragraph(max(paragraphCount, 1)))
    }
  }
}
