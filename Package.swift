// swift-tools-version: 6.0
// PotenziamentoKit: the contribution of L. 178/2020, art. 1, commi 797-804, as exact, explainable numbers.
import PackageDescription

let package = Package(
    name: "PotenziamentoKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PotenziamentoKit", targets: ["PotenziamentoKit"]),
        .executable(name: "potenziamento", targets: ["potenziamento"]),
    ],
    targets: [
        // Generic formats with no domain knowledge: text decoding, CSV, JSON, files, and the workbooks
        // (CRC-32, DEFLATE, ZIP, XML, typed cells of .xlsx and .ods).
        .target(name: "PotenziamentoFormats"),
        // The law, the exact numbers, the rosters and the reports. No I/O beyond reading inputs.
        .target(name: "PotenziamentoKit", dependencies: ["PotenziamentoFormats"]),
        // The command line: our own argument parser and the subcommands, testable in-process.
        .target(name: "PotenziamentoCLI", dependencies: ["PotenziamentoKit", "PotenziamentoFormats"]),
        // The `potenziamento` executable: only calls into PotenziamentoCLI.
        .executableTarget(name: "potenziamento", dependencies: ["PotenziamentoCLI"]),
        // Benchmark of the command as processes (not part of `swift test`), from the package root:
        // `swift build -c release && .build/release/potenziamento-benchmark` (docs/benchmark.md).
        .executableTarget(
            name: "potenziamento-benchmark",
            path: "Benchmarks/PotenziamentoBenchmarks"
        ),
        // The library as an integrator uses it: `import PotenziamentoKit` only, no @testable.
        .testTarget(name: "PotenziamentoKitIntegrationTests", dependencies: ["PotenziamentoKit"]),
        .testTarget(
            name: "PotenziamentoKitTests",
            dependencies: ["PotenziamentoFormats", "PotenziamentoKit", "PotenziamentoCLI", "potenziamento"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "PotenziamentoFormatsTests", dependencies: ["PotenziamentoFormats"], exclude: ["Fixtures"]),
    ]
)
