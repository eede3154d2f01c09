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
    .target(name: "JuesuanRules", dependencies: ["JuesuanModel", "JuesuanCatalogue"]),
    .target(name: "JSONRPC"),
    .target(name: "LanguageServerProtocol", dependencies: ["JSONRPC"]),
    .target(
      name: "JuesuanServer",
      dependencies: ["JuesuanModel", "JuesuanCatalogue", "JuesuanRules", "LanguageServerProtocol", "JSONRPC"]),
    .target(
      name: "JuesuanCommandLine",
      dependencies: ["JuesuanModel", "JuesuanCatalogue", "JuesuanRules", "JuesuanServer"]),
    .executableTarget(name: "juesuan", dependencies: ["JuesuanCommandLine"]),
    .testTarget(name: "JuesuanModelTests", dependencies: ["JuesuanModel"]),
    .testTarget(name: "JuesuanCatalogueTests", dependencies: ["JuesuanCatalogue"]),
    .testTarget(name: "JuesuanRulesTests", dependencies: ["JuesuanRules", "JuesuanModel", "JuesuanCatalogue"]),
    .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "LanguageServerProtocol"]),
    .testTarget(
      name: "JuesuanServerTests",
      dependencies: ["JuesuanServer", "JuesuanRules", "JuesuanModel", "LanguageServerProtocol", "JSONRPC"]),
    .testTarget(name: "JuesuanCommandLineTests", dependencies: ["JuesuanCommandLine", "JuesuanRules"]),
  ]
)
