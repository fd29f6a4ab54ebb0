// swift-tools-version: 6.0
// An example of another Swift tool embedding PotenziamentoKit (by path).
import PackageDescription

let package = Package(
    name: "RiepilogoAmbito",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "PotenziamentoKit", path: "../..")],
    targets: [
        .executableTarget(
            name: "RiepilogoAmbito",
            dependencies: [.product(name: "PotenziamentoKit", package: "PotenziamentoKit")]
        )
    ]
)
