import Foundation

/// Reads the text of a PDF or Word file, chosen by the path's extension.
package enum DocumentReader {
  /// The extensions read as documents rather than as text.
  package static let extensions: Set<String> = ["pdf", "docx"]

  /// Whether `path` names a PDF or Word file (by its extension).
  package static func isDocument(_ path: String) -> Bool {
    extensions.contains((path as NSString).pathExtension.lowercased())
  }

  /// The text of the document at `path`.
  /// - Throws: `DocumentError` with the reason the file cannot be read.
  package static func read(path: String) throws -> ExtractedDocument {
    switch (path as NSString).pathExtension.lowercased() {
    case "pdf": return try PDFReader.read(path: path)
    case "docx": return try WordReader.read(path: path)
    default: throw DocumentError("不是 PDF 或 Word（.docx）文件")
    }
  }
}
