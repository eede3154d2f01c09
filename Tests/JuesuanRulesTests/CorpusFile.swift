import Foundation
import Testing

/// Corpus report `id` ("000") from Tests/Corpus, for every suite of this target.
func corpusText(_ id: String) throws -> String {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("Corpus")
  let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
  let name = try #require(files.first { $0.hasPrefix(id + "_") && $0.hasSuffix(".txt") }, "corpus \(id) not found")
  return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
}
