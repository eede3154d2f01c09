import JuesuanDocuments
import JuesuanModel
import JuesuanRules

extension FileResult {
  /// Where in the PDF or Word file the byte `offset` of the text read from it lies — "p3",
  /// "第12段", "表2第3行第4列" — or nil for a text file.
  func location(ofUTF8Offset offset: Int) -> String? {
    guard let document else { return nil }
    let line = source.line(ofUTF8Offset: offset)
    let start = source.byteRange(ofLine: line).lowerBound
    return document.location(ofLine: line, textBefore: Substring(source.text(in: start..<max(start, offset))))
  }

  /// The 1-based page of the PDF the byte `offset` of its text lies on, nil for other files.
  func page(ofUTF8Offset offset: Int) -> Int? {
    guard let document, case .page(let page) = document.origin(ofLine: source.line(ofUTF8Offset: offset))
    else { return nil }
    return page
  }
}
