import Foundation

/// Reads a PDF's text through poppler's `pdftotext`: `-bbox-layout` (every word with its box),
/// laid out by `PDFPageLayout`; `-layout` when that fails. poppler is a run-time dependency of
/// PDF input only, so its absence is one clear error, not a build failure.
package enum PDFReader {
  /// The text of the PDF at `path`, one origin (its page) per line.
  /// - Throws: `DocumentError` when pdftotext is missing, the file is encrypted, damaged or not
  ///   a PDF, or has no text layer.
  package static func read(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> ExtractedDocument
  {
    guard let pdftotext = executable(named: "pdftotext", environment: environment) else {
      throw DocumentError(
        "读取 PDF 需要 poppler 的 pdftotext，未找到（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler）")
    }
    let bbox = try PopplerProcess.run(pdftotext, arguments: ["-bbox-layout", "-enc", "UTF-8", path, "-"])
    if bbox.status == 0 {
      let pages = BoundingBoxXHTML.pages(in: bbox.output)
      if !pages.isEmpty {
        return try document(pages: pages.map(PDFPageLayout.lines(of:)), notes: [])
      }
    }
    try diagnose(bbox.errors, status: bbox.status)
    // -bbox-layout gave nothing usable: -layout, which poppler has had for longer.
    let layout = try PopplerProcess.run(pdftotext, arguments: ["-layout", "-enc", "UTF-8", path, "-"])
    try diagnose(layout.errors, status: layout.status)
    var pages = String(decoding: layout.output, as: UTF8.self).components(separatedBy: "\u{0C}")
    if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
    let lines = pages.map { page -> [String] in
      var lines = page.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      return lines
    }
    return try document(pages: lines, notes: ["pdftotext -bbox-layout 失败，改用 -layout 读取"])
  }

  /// Joins pages of lines into one text with a form feed before each page after the first.
  /// - Throws: `DocumentError` when no page has any text (a scan).
  package static func document(pages: [[String]], notes: [String]) throws -> ExtractedDocument {
    guard pages.contains(where: { $0.contains { !$0.allSatisfy(\.isWhitespace) } }) else {
      throw DocumentError("没有文字层（可能是扫描件），无法检查；请先做文字识别（OCR）或提供 Word 稿")
    }
    var text = ""
    var origins: [ExtractedDocument.Origin] = []
    var formFeeds = ""
    for (index, lines) in pages.enumerated() {
      if index > 0 { formFeeds += "\u{0C}" }
      for line in lines {
        if !origins.isEmpty { text += "\n" }
        text += formFeeds + line
        formFeeds = ""
        origins.append(.page(index + 1))
      }
    }
    return ExtractedDocument(text: text, origins: origins, kind: .pdf, notes: notes)
  }

  /// Throws the reviewer's reason when pdftotext failed.
  private static func diagnose(_ errors: [UInt8], status: Int32) throws {
    guard status != 0 else { return }
    let message = String(decoding: errors, as: UTF8.self)
    if message.contains("Incorrect password") || status == 3 || message.contains("ermission") {
      throw DocumentError("PDF 已加密（需要密码或禁止提取文字），无法读取；请提供未加密的文件")
    }
    if status == PopplerProcess.timedOut {
      throw DocumentError("pdftotext 超时（\(Int(PopplerProcess.timeLimit.components.seconds)) 秒），文件可能已损坏")
    }
    if status == PopplerProcess.tooLarge {
      throw DocumentError("pdftotext 的输出超过 \(PopplerProcess.outputLimit >> 20) MB 上限")
    }
    let first =
      message.split(separator: "\n").first { !$0.hasPrefix("Syntax Warning") }.map(String.init) ?? "退出码 \(status)"
    throw DocumentError("不是可读的 PDF 文件（已损坏或格式不符）：\(first)")
  }

  /// The path of `name` on `PATH`, nil when absent.
  static func executable(named name: String, environment: [String: String]) -> String? {
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = directory + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// The pages of poppler's `-bbox-layout` XHTML (`<page>`, `<flow>`, `<block>`, `<line>`,
/// `<word xMin yMin xMax yMax>`).
package enum BoundingBoxXHTML {
  /// Every page with its words; a word whose box cannot be read is left out.
  /// - Complexity: O(n) in the bytes.
  package static func pages(in bytes: [UInt8]) -> [PDFPage] {
    var pages: [PDFPage] = []
    var scanner = XMLScanner(bytes)
    var block = 0
    var line = 0
    var word: PDFWord?
    var text = ""
    while let event = scanner.next() {
      switch event {
      case .start("page", _): pages.append(PDFPage(words: []))
      case .start("block", _): block += 1
      case .start("line", _): line += 1
      case .start("word", let attributes):
        text = ""
        word = nil
        guard let xMin = attributes["xMin"].flatMap(Double.init), let yMin = attributes["yMin"].flatMap(Double.init),
          let xMax = attributes["xMax"].flatMap(Double.init), let yMax = attributes["yMax"].flatMap(Double.init)
        else { continue }
        word = PDFWord("", xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax, block: block, line: line)
      case .text(let content) where word != nil: text += content
      case .end("word"):
        if var finished = word, !pages.isEmpty {
          finished.text = text.filter { !$0.isWhitespace && $0 != "\u{0C}" }
          pages[pages.count - 1].words.append(finished)
        }
        word = nil
      default: break
      }
    }
    return pages
  }
}
