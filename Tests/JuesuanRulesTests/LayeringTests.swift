import Foundation
import Testing

/// The targets are the layers of the pipeline, and the arrows between them point one way:
/// model → analysis → rules → server and command line, the catalogue beside. The compiler keeps
/// a target from importing what it does not depend on; these tests keep the dependencies
/// themselves to the picture, and the rule folders to rules.
@Suite("Layering")
struct LayeringTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources")

  /// The targets of this package each target may import.
  static let allowed: [String: Set<String>] = [
    "JuesuanModel": [],
    "JuesuanCatalogue": [],
    "JuesuanAnalysis": ["JuesuanModel", "JuesuanCatalogue"],
    "JuesuanRules": ["JuesuanModel", "JuesuanCatalogue", "JuesuanAnalysis"],
    "JuesuanDocuments": [],
    "JSONRPC": [],
    "LanguageServerProtocol": ["JSONRPC"],
    "JuesuanServer": [
      "JuesuanModel", "JuesuanCatalogue", "JuesuanAnalysis", "JuesuanRules", "LanguageServerProtocol", "JSONRPC",
    ],
    "JuesuanCommandLine": [
      "JuesuanModel", "JuesuanCatalogue", "JuesuanAnalysis", "JuesuanRules", "JuesuanServer", "LanguageServerProtocol",
      "JSONRPC", "JuesuanDocuments",
    ],
    "juesuan": ["JuesuanCommandLine"],
    "JuesuanTestSupport": [],
  ]

  /// The Swift files under `folder`, relative to it.
  static func swiftFiles(under folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
      .filter { $0.hasSuffix(".swift") }.sorted()
  }

  /// The modules a Swift file imports, whatever the access level of the import.
  static func imports(of file: URL) throws -> [String] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ").map(String.init)
      guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
        words[..<index].allSatisfy({ $0.hasPrefix("@") || ["internal", "package", "public"].contains($0) })
      else { return nil }
      return words[index + 1]
    }
  }

  @Test("each target imports only the targets below it")
  func importArrows() throws {
    let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
    #expect(Set(targets) == Set(Self.allowed.keys), "a target to place in the picture")
    let ours = Set(Self.allowed.keys)
    for target in targets {
      let folder = Self.sources.appendingPathComponent(target)
      for file in Self.swiftFiles(under: folder) {
        for module in try Self.imports(of: folder.appendingPathComponent(file)) where ours.contains(module) {
          #expect(Self.allowed[target]?.contains(module) == true, "\(target)/\(file) imports \(module)")
        }
      }
    }
  }

  @Test("Rules/<Category>/ holds rules, one per file, and the category's list of them")
  func ruleFolders() throws {
    let rules = Self.sources.appendingPathComponent("JuesuanRules/Rules")
    let files = Self.swiftFiles(under: rules)
    #expect(files.count >= 50)
    for file in files {
      let parts = file.split(separator: "/")
      #expect(parts.count == 2, "\(file): a file of a category folder")
      guard let category = parts.first, let name = parts.last else { continue }
      let text = try String(contentsOf: rules.appendingPathComponent(file), encoding: .utf8)
      if name == "\(category)Rules.swift" {
        // The list: an enum whose one member lists the category's rules, nothing else.
        let declarations = text.split(separator: "\n").filter {
          !$0.hasPrefix(" ") && !$0.hasPrefix("/") && !$0.isEmpty
        }
        #expect(declarations.map(String.init) == ["enum \(category)Rules {", "}"], "\(file)")
        continue
      }
      #expect(name.hasSuffix("Rule.swift"), "\(file) is not a rule: it belongs in JuesuanAnalysis or Shared/")
      // A rule, or a rule whose findings on a line or paragraph depend on it alone (`LocalRule`).
      let ruleDeclarations = text.split(separator: "\n").filter {
        $0.hasPrefix("struct ") && ($0.hasSuffix(": Rule {") || $0.hasSuffix(": LocalRule {"))
      }
      let type = name.dropLast(".swift".count)
      #expect(
        ruleDeclarations == ["struct \(type): Rule {"] || ruleDeclarations == ["struct \(type): LocalRule {"],
        "\(file): one rule")
    }
  }

  @Test("no rule names another rule, and Core/ names none but to register them")
  func ruleTypesStayInTheirFiles() throws {
    let target = Self.sources.appendingPathComponent("JuesuanRules")
    let ruleFiles = Self.swiftFiles(under: target.appendingPathComponent("Rules")).filter { $0.hasSuffix("Rule.swift") }
    let names = ruleFiles.map { String($0.split(separator: "/").last?.dropLast(".swift".count) ?? "") }
    for file in Self.swiftFiles(under: target) where !file.hasPrefix("Rules/") || file.hasSuffix("Rule.swift") {
      if file == "Core/RuleRegistry.swift" { continue }
      let text = try String(contentsOf: target.appendingPathComponent(file), encoding: .utf8)
      let own = String(file.split(separator: "/").last?.dropLast(".swift".count) ?? "")
      for name in names where name != own {
        #expect(text.range(of: "\\b\(name)\\b", options: .regularExpression) == nil, "\(file) names \(name)")
      }
    }
  }
}
