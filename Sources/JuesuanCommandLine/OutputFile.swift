import Foundation

/// Where `check` writes its report: standard output, or the file `-o` names (written beside it
/// and renamed over it when complete, so that a reader never sees half a page).
final class OutputFile {
  private let path: String?
  private let temporaryPath: String?
  private let handle: FileHandle
  private var failed = false

  /// Standard output when `path` is nil; nil when the file cannot be created.
  init?(path: String?) {
    self.path = path
    guard let path else {
      temporaryPath = nil
      handle = FileHandle.standardOutput
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).juesuan-\(ProcessInfo.processInfo.processIdentifier).tmp").path
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else { return nil }
    temporaryPath = temporary
    self.handle = handle
  }

  /// Writes `text` straight from the string's storage (no second copy of it).
  func write(_ text: String) {
    var text = text
    let descriptor = handle.fileDescriptor
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
        if count <= 0 {
          failed = true
          break
        }
        offset += count
      }
    }
  }

  /// Finishes the file (renames it into place); false when something could not be written.
  func close() -> Bool {
    guard let path, let temporaryPath else { return !failed }
    try? handle.close()
    guard !failed, rename(temporaryPath, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      return false
    }
    return true
  }
}
