// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one target per layer: text → model → rules → findings → adapters (CLI, LSP).
// No third-party packages: Foundation, Dispatch, Synchronization and Swift Testing only.
let package = Package(
  name: "juesuan",
  products: [
    .executable(name: "juesuan", targets: ["juesuan"])
  ],
  targets: [
    .target(name: "JuesuanModel"),
    .target(name: "JuesuanCatalogue"),
    // PDF (through poppler's pdftotext) and Word (our own zip and inflate) → text; knows no rules.
    .target(name: "JuesuanDocuments"),
    // What several rules read from a report (narrative readers, subject mentions, reasons…); no rules.
    .target(name: "JuesuanAnalysis", dependencies: ["JuesuanModel", "JuesuanCatalogue"]),
    .target(name: "JuesuanRules", dependencies: ["JuesuanModel", "JuesuanCatalogue", "JuesuanAnalysis"]),
    .target(name: "JSONRPC"),
    .target(name: "LanguageServerProtocol", dependencies: ["JSONRPC"]),
    .target(
      name: "JuesuanServer",
      dependencies: [
        "JuesuanModel", "JuesuanCatalogue", "JuesuanAnalysis", "JuesuanRules", "LanguageServerProtocol", "JSONRPC",
      ]),
    .target(
      name: "JuesuanCommandLine",
      dependencies: [
        "JuesuanModel", "JuesuanCatalogue", "JuesuanRules", "JuesuanServer", "LanguageServerProtocol",
        "JuesuanDocuments",
      ]),
    .executableTarget(name: "juesuan", dependencies: ["JuesuanCommandLine"]),
    // What the test targets share (seeded generator, fuzz budget, corpus); no product uses it.
    .target(name: "JuesuanTestSupport"),
    .testTarget(name: "JuesuanModelTests", dependencies: ["JuesuanModel", "JuesuanTestSupport"]),
    .testTarget(name: "JuesuanCatalogueTests", dependencies: ["JuesuanCatalogue", "JuesuanTestSupport"]),
    .testTarget(
      name: "JuesuanAnalysisTests", dependencies: ["JuesuanAnalysis", "JuesuanModel", "JuesuanTestSupport"]),
    .testTarget(
      name: "JuesuanRulesTests",
      dependencies: ["JuesuanRules", "JuesuanAnalysis", "JuesuanModel", "JuesuanCatalogue", "JuesuanTestSupport"]),
    .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "LanguageServerProtocol", "JuesuanTestSupport"]),
    .testTarget(
      name: "JuesuanServerTests",
      dependencies: [
        "JuesuanServer", "JuesuanRules", "JuesuanModel", "LanguageServerProtocol", "JSONRPC", "JuesuanTestSupport",
      ]),
    .testTarget(name: "JuesuanDocumentsTests", dependencies: ["JuesuanDocuments", "JuesuanTestSupport"]),
    .testTarget(
      name: "JuesuanCommandLineTests", dependencies: ["JuesuanCommandLine", "JuesuanRules", "JuesuanTestSupport"]),
  ]
)
