import AnchorageCore
import AnchorageRules
import Foundation
import Testing

@testable import AnchorageCLI

@Suite struct PlanCommandTests {
    func run(_ arguments: [String]) throws -> CommandOutput {
        try PlanCommand.parse(arguments).execute()
    }

    @Test func platinumPlanInText() throws {
        let output = try run(["--metal", "Pt", "--site", "single-atom"])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("mixed-metal ZIF pyrolysis (mixed-metal-pyrolysis): not feasible"))
        #expect(output.standardOutput.contains("error[MIX-001]: Pt cannot take Zn's place"))
        #expect(output.standardOutput.contains("platinum(II) acetylacetonate"))
        #expect(output.standardOutput.contains("References:"))
    }

    @Test func passedChecksAreListedByIdUnlessWhyIsAsked() throws {
        let short = try run(["--metal", "Co", "--host", "ZIF-8"]).standardOutput
        #expect(short.contains("checks passed: MIX-001, MIX-002"))
        #expect(!short.contains("holds [MIX-001]"))
        let long = try run(["--metal", "Co", "--host", "ZIF-8", "--why"]).standardOutput
        #expect(long.contains("holds [MIX-001]: In a mixed-metal ZIF the target metal must be able to take Zn's place"))
        #expect(!long.contains("checks passed:"))
    }

    @Test func jsonPlan() throws {
        let output = try run(["--metal", "V", "--host", "NU-1000", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        let routes = try #require(object["routes"] as? [[String: Any]])
        #expect(routes.first?["route"] as? String == "sim")
        #expect(routes.first?["grade"] as? String == "precedent")
        let best = try #require(routes.first?["best"] as? [String: Any])
        let precedents = try #require(best["precedents"] as? [[String: Any]])
        #expect(precedents.contains { $0["id"] as? String == "otake-2018-v-sim-nu1000-mof808" })
        #expect(routes.allSatisfy { ($0["to_move_up"] as? [String]) != nil })
        #expect(routes.contains { $0["route"] as? String == "aim" && $0["grade"] as? String == "unknown" })
    }

    @Test func gradesInText() throws {
        let text = try run(["--metal", "Co"]).standardOutput
        #expect(text.contains("1. mixed-metal ZIF pyrolysis (mixed-metal-pyrolysis): precedent\n"))
        #expect(text.contains("precedent: Yin et al. (2016), doi:10.1002/anie.201604802"))
        #expect(text.contains("atomic layer deposition in MOFs (AIM) (aim): unknown"))
        #expect(text.contains("not checked[catalog]: no ALD precursor of Co in the chemical catalog"))
        #expect(text.contains("to move up: "))
        #expect(!text.contains("feasible with conditions"))
    }

    @Test func elementNamesAndTheSupportVocabulary() throws {
        let symbol = try run(["--metal", "Co"])
        let name = try run(["--metal", "Cobalt"])
        #expect(name.exitCode == 0)
        #expect(name.standardOutput == symbol.standardOutput)
        let written = try run(["--metal", "Co", "--support", "N-C"])
        #expect(written.exitCode == 0)
        #expect(written.standardOutput.contains("mixed-metal ZIF pyrolysis (mixed-metal-pyrolysis): precedent"))
        #expect(written.standardOutput.contains("not the requested support N-doped carbon"))
    }

    @Test func goldWithALabCatalog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-plan-au-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("lab.yaml")
        try Data(Self.goldCatalog.utf8).write(to: catalog)
        let output = try run(["--metal", "Au", "--catalog", catalog.path, "--format", "json"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        let routes = try #require(object["routes"] as? [[String: Any]])
        let grades = Dictionary(uniqueKeysWithValues: routes.map { ($0["route"] as? String ?? "", $0["grade"] as? String ?? "") })
        // No published Au single atoms by these routes: nothing is a precedent; AIM with a hydrated salt, Au as a ZIF
        // node and Au exchanged into MFU-4l are not "rules hold".
        #expect(!grades.values.contains("precedent"))
        #expect(grades["aim"] == "unknown")
        #expect(grades["mixed-metal-pyrolysis"] == "unknown" || grades["mixed-metal-pyrolysis"] == "not-feasible")
        #expect(grades["node-exchange"] == "unknown" || grades["node-exchange"] == "not-feasible")
        let aim = try #require(routes.first { $0["route"] as? String == "aim" })
        #expect((aim["to_move_up"] as? [String])?.contains { $0.contains("Me2Au(S2CNEt2)") } == true)
    }

    /// A lab's catalog entry for the gold salt of the issue: tetrachloroauric acid trihydrate.
    static let goldCatalog = """
        version: 1
        chemicals:
          - id: hydrogen-tetrachloroaurate-trihydrate
            name: "hydrogen tetrachloroaurate(III) trihydrate"
            aliases: ["HAuCl4·3H2O", "chloroauric acid trihydrate"]
            formula: "HAuCl4·3H2O"
            class: metal-precursor
            metal: Au
            state: solid
            source: "the lab's own entry"

        """

    @Test func emittedDraftValidates() throws {
        let output = try run(["--metal", "Pt", "--emit", "recipe", "--route", "pore-confinement", "--batch", "500mg"])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.hasPrefix("# yaml-language-server: $schema=../schemas/recipe.schema.json\n"))
        #expect(output.standardOutput.contains("Pt(acac)2"))
        let result = Validator(knowledge: try Knowledge.bundled()).validate(text: output.standardOutput, file: "draft.yaml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.compilerStyle))")
    }

    @Test func notFeasibleRouteIsNotEmitted() throws {
        let output = try run(["--metal", "Pt", "--emit", "recipe", "--route", "mixed-metal-pyrolysis"])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("MIX-001"))
    }

    @Test(
        "wrong usage exits 2",
        arguments: [
            ["--metal", "Pt", "--host", "ZIF-88"], ["--metal", "Pt", "--site", "triple-atom"], ["--metal", "Pt", "--emit", "recipe"],
            ["--metal", "Pt", "--batch", "1 mL"], ["--metal", "Pt", "--batch", "0 g"], ["--metal", ""], ["--metal", "Qq"],
            ["--metal", "Pt", "--emit", "recipe", "--route", "teleportation"],
        ])
    func wrongUsage(arguments: [String]) throws {
        let output = try run(arguments)
        #expect(output.exitCode == 2)
        #expect(!output.standardError.isEmpty)
    }

    @Test func metalSymbolInAnyCase() throws {
        #expect(try run(["--metal", "fe,CO", "--site", "dual-atom", "--format", "json"]).standardOutput.contains("\"Co\""))
    }

    @Test func unknownHostSuggests() throws {
        #expect(try run(["--metal", "Pt", "--host", "ZIF-88"]).standardError.contains("did you mean"))
    }
}

/// Emitted drafts conform to the published JSON Schema by an independent validator too (python-jsonschema).
@Test func emittedDraftsConformToTheSchema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-plan-drafts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for (metal, site, route) in [
        ("Pt", "single-atom", "pore-confinement"), ("Pt", "single-atom", "linker-anchoring"),
        ("Co", "single-atom", "mixed-metal-pyrolysis"),
        ("Co", "single-atom", "node-exchange"), ("V", "single-atom", "sim"), ("V", "single-atom", "aim"),
        ("Fe,Co", "dual-atom", "mixed-metal-pyrolysis"),
    ] {
        let output = try PlanCommand.parse(["--metal", metal, "--site", site, "--emit", "recipe", "--route", route]).execute()
        #expect(output.exitCode == 0, "\(metal) \(route): \(output.standardError)")
        let file = folder.appendingPathComponent("\(metal.replacingOccurrences(of: ",", with: "-"))-\(route).yaml")
        try Data(output.standardOutput.utf8).write(to: file)
        files.append(file.path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.currentDirectoryURL = packageRoot
    process.arguments = ["python3", "scripts/check-recipes-against-schema.py", "schemas/recipe.schema.json", "--valid"] + files
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(report)")
}
