import Foundation

/// The three published reports under Tests/Corpus (copies of shared/corpus, never edited).
package enum Corpus {
  /// Tests/Corpus, found from this file's place in the checkout.
  package static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests")
    .appendingPathComponent("Corpus")

  /// The file of report `id` ("000").
  package static func url(_ id: String) throws -> URL {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    guard let name = names.first(where: { $0.hasPrefix(id + "_") && $0.hasSuffix(".txt") }) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.appendingPathComponent(id).path])
    }
    return directory.appendingPathComponent(name)
  }

  /// The text of report `id`.
  package static func text(_ id: String) throws -> String {
    try String(contentsOf: url(id), encoding: .utf8)
  }

  /// Every report's bytes, in file-name order.
  package static func allBytes() -> [[UInt8]] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
      (try? Data(contentsOf: directory.appendingPathComponent(name))).map { Array($0) }
    }
  }
}

/// Real published reports from another province, as `pdftotext` made them (Tests/Fixtures/wild,
/// copies of shared/wild, never edited).
package enum WildFixture {
  package static let directory = Corpus.directory.deletingLastPathComponent().appendingPathComponent("Fixtures")
    .appendingPathComponent("wild")

  /// The text of the fixture file `name` ("01_…_layout.txt").
  package static func text(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  /// The `-layout` text of wild report `id` ("01", "02", "b04").
  package static func layout(_ id: String) throws -> String {
    try text(fileName(id) { $0.hasSuffix("_layout.txt") })
  }

  /// The plain text of wild report `id`.
  package static func plain(_ id: String) throws -> String {
    try text(fileName(id) { $0.hasSuffix(".txt") && !$0.hasSuffix("_layout.txt") })
  }

  private static func fileName(_ id: String, _ matches: (String) -> Bool) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    guard let name = names.first(where: { $0.hasPrefix(id + "_") && matches($0) }) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.appendingPathComponent(id).path])
    }
    return name
  }
}
