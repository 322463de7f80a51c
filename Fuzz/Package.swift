// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for Anchorage, kept apart from the main package so that its `swift build` and `swift test` are
// untouched. Build and run them with scripts/fuzz.sh (it passes -sanitize=fuzzer,address).
let package = Package(
    name: "AnchorageFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Anchorage", path: "..")],
    targets: [
        // libFuzzer's driver, called from each target's main.
        .target(name: "FuzzerDriver"),
        // Recipe bytes → load → resolve → rules → protocol in HTML, Markdown and text.
        .executableTarget(
            name: "FuzzRecipe",
            dependencies: [
                "FuzzerDriver",
                .product(name: "AnchorageCore", package: "Anchorage"), .product(name: "AnchorageRules", package: "Anchorage"),
                .product(name: "AnchorageRender", package: "Anchorage"),
            ]),
        // The quantity parser ("1.69 g", "900 °C", "5 °C/min").
        .executableTarget(name: "FuzzQuantity", dependencies: ["FuzzerDriver", .product(name: "AnchorageCore", package: "Anchorage")]),
        // The formula parser and molar mass ("Zn(NO3)2·6H2O").
        .executableTarget(name: "FuzzFormula", dependencies: ["FuzzerDriver", .product(name: "AnchorageCore", package: "Anchorage")]),
        // The CIF reader and the pore analysis, on a coarse grid.
        .executableTarget(
            name: "FuzzCIF",
            dependencies: [
                "FuzzerDriver", .product(name: "AnchorageCore", package: "Anchorage"), .product(name: "AnchoragePores", package: "Anchorage"),
            ]),
        // The notebook entry reader (XML → schema check → entry).
        .executableTarget(name: "FuzzNotebookEntry", dependencies: ["FuzzerDriver", .product(name: "AnchorageNotebook", package: "Anchorage")]),
    ],
    swiftLanguageModes: [.v6]
)
