// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Anchorage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "anchorage", targets: ["anchorage"]),
        .library(name: "AnchorageCore", targets: ["AnchorageCore"]),
        // The stages the fuzz targets in Fuzz/ drive, each as a library product of its own.
        .library(name: "AnchorageRules", targets: ["AnchorageRules"]),
        .library(name: "AnchorageRender", targets: ["AnchorageRender"]),
        .library(name: "AnchoragePores", targets: ["AnchoragePores"]),
        .library(name: "AnchorageNotebook", targets: ["AnchorageNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Model, units and quantities, formulas, locations, diagnostics, the shipped knowledge (data files) and its loading.
        .target(
            name: "AnchorageCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Data")]
        ),
        // The rule type, the registry and every rule, foundation and route chemistry alike.
        .target(name: "AnchorageRules", dependencies: ["AnchorageCore", "AnchorageFit"]),
        // Precursor × framework size matching, cage occupancy, loading capacity, molecular geometry from XYZ.
        .target(name: "AnchorageFit", dependencies: ["AnchorageCore"]),
        // Synthesis planning: drafts a recipe per route, host and precursor and lets the rules and the fit judge it.
        .target(name: "AnchoragePlan", dependencies: ["AnchorageCore", "AnchorageRules", "AnchorageFit"]),
        // Pore geometry (cavity and pore-limiting diameters) computed from a CIF.
        .target(name: "AnchoragePores", dependencies: ["AnchorageCore"]),
        // Times `pores` on the reference structures and reports wall time and peak memory.
        .executableTarget(name: "PoresBenchmark", dependencies: ["AnchoragePores"], path: "Benchmarks/PoresBenchmark"),
        // Printable protocol (HTML for print, Markdown, text) rendered from templates/.
        .target(
            name: "AnchorageRender",
            dependencies: [
                "AnchorageCore", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates")]
        ),
        // libxml2, as a system library (tree API, XSD validation).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // XML lab-notebook records: built with libxml2, validated against schemas/notebook.xsd, hash-chained.
        .target(
            name: "AnchorageNotebook",
            dependencies: [
                "AnchorageCore", "CLibXML2", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // A byte-identical copy of schemas/notebook.xsd (a test keeps them equal): validation never runs without it.
            resources: [.copy("Resources/notebook.xsd")]
        ),
        // The commands, as a library, so tests call them without a process.
        .target(
            name: "AnchorageCLI",
            dependencies: [
                "AnchorageCore", "AnchorageRules", "AnchorageFit", "AnchoragePores", "AnchorageRender", "AnchorageNotebook",
                "AnchoragePlan", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The entry point: runs the root command.
        .executableTarget(
            name: "anchorage",
            dependencies: ["AnchorageCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Screens every catalog precursor × framework and a synthetic 10,000 × 1,000 catalog: verdicts per second.
        .executableTarget(name: "FitBenchmark", dependencies: ["AnchorageFit"], path: "Benchmarks/FitBenchmark"),
        // Yams directly too: the compiled-data tests decode every shipped file with it and with the tree decoder, and compare.
        .testTarget(
            name: "AnchorageCoreTests", dependencies: ["AnchorageCore", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "AnchorageRulesTests", dependencies: ["AnchorageRules", "AnchorageCore"]),
        // Geometries that check the method of scripts/precursor-geometries.py, read by #filePath.
        .testTarget(name: "AnchorageFitTests", dependencies: ["AnchorageFit", "AnchorageCore"], exclude: ["GeometryCheck"]),
        .testTarget(name: "AnchoragePlanTests", dependencies: ["AnchoragePlan", "AnchorageRules", "AnchorageFit", "AnchorageCore"]),
        .testTarget(name: "AnchoragePoresTests", dependencies: ["AnchoragePores", "AnchorageCore"], resources: [.copy("Fixtures")]),
        // Golden files are read from the source tree (by #filePath), so that record mode can write them.
        .testTarget(name: "AnchorageRenderTests", dependencies: ["AnchorageRender", "AnchorageRules", "AnchorageCore"], exclude: ["Goldens"]),
        .testTarget(name: "AnchorageNotebookTests", dependencies: ["AnchorageNotebook", "AnchorageCore", "AnchorageRules"]),
        .testTarget(name: "AnchorageCLITests", dependencies: ["AnchorageCLI", "AnchorageCore", "AnchorageRules", "AnchorageRender"]),
    ],
    swiftLanguageModes: [.v6]
)
