import AnchorageRules
import Foundation
import Testing

@testable import AnchorageCLI

@Test func exitCodesFollowTheContract() {
    #expect(validateFromRoot(["recipes/fe-sa-nc-fe-acac3-zif8.yaml"]).exitCode == 0)
    #expect(validateFromRoot(["recipes/broken/misspelled-key.yaml"]).exitCode == 1)
    let missing = validateFromRoot(["recipes/no-such-recipe.yaml"])
    #expect(missing.exitCode == 2)
    #expect(missing.standardError.contains("no such file"))
}

@Test func strictTurnsWarningsIntoErrors() {
    let path = "recipes/broken/hydrate-dropped.yaml"
    let relaxed = validateFromRoot([path])
    #expect(relaxed.standardOutput.contains("warning[CHEM-005]"))
    let strict = validateFromRoot([path], strict: true)
    #expect(strict.standardOutput.contains("error[CHEM-005]"))
    #expect(strict.exitCode == 1)
}

@Test func jsonReportIsMachineReadable() throws {
    let output = validateFromRoot(["recipes/broken/mass-with-rate-unit.yaml"], format: .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["rule"] as? String == "UNIT-001")
    #expect(diagnostics.first?["line"] as? Int == 13)
    #expect(object["errors"] as? Int == 1)
}

@Test func sarifHasTheShapeCodeScanningExpects() throws {
    let output = validateFromRoot(["recipes/broken/misspelled-key.yaml"], format: .sarif)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    #expect(result["ruleId"] as? String == "FMT-004")
    let index = try #require(result["ruleIndex"] as? Int)
    #expect(rules[index]["id"] as? String == "FMT-004")
    let region = try #require(
        (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]) as? [String: Any])
    #expect(region["startLine"] as? Int == 23)
    #expect(region["startColumn"] as? Int == 24)
}

@Test func explainPrintsRationaleAndExamples() {
    let output = ExplainCommand.execute(id: "chem-002")
    #expect(output.exitCode == 0)
    #expect(output.standardOutput.contains("CHEM-002 amounts-disagree"))
    #expect(output.standardOutput.contains("doi:10.1515/pac-2019-0603"))
    #expect(output.standardOutput.contains("Does not trigger"))
    let unknown = ExplainCommand.execute(id: "CHEM-02")
    #expect(unknown.exitCode == 2)
    #expect(unknown.standardError.contains("did you mean CHEM-002?"))
}

@Test func rulesListsEveryRuleAsJSON() throws {
    let output = RulesCommand.execute(format: .json)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
    #expect(entries.count == AnchorageRules.RuleRegistry.descriptions.count)
}

@Test func aLabCatalogAddsChemicalsWithoutRebuilding() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let recipe = directory.appendingPathComponent("r.yaml")
    let original = try String(contentsOf: packageRoot.appendingPathComponent("recipes/fe-sa-nc-fe-acac3-zif8.yaml"), encoding: .utf8)
    try Data(
        original.replacingOccurrences(of: "meoh: {name: methanol, role: solvent}", with: "meoh: {name: lab blend 7, role: solvent}").utf8
    )
    .write(to: recipe)
    let catalog = directory.appendingPathComponent("lab.yaml")
    try Data(
        """
        chemicals:
          - id: lab-blend-7
            name: lab blend 7
            formula: CH4O
            class: solvent
            density_g_per_mL: 0.79
            boiling_point_C: 64.7
            source: {note: "our own solvent, density and boiling point measured in the lab"}

        """.utf8
    ).write(to: catalog)
    let without = ValidateCommand.execute(files: [recipe.path], format: .text, strict: false)
    #expect(without.standardOutput.contains("not checked[CHEM-004]: the chemical 'lab blend 7' is not on record"))
    let with = ValidateCommand.execute(files: [recipe.path], format: .text, strict: false, catalogFiles: [catalog.path])
    #expect(with.standardOutput.isEmpty, "\(with.standardOutput)")
    let broken = ValidateCommand.execute(files: [recipe.path], format: .text, strict: false, catalogFiles: [recipe.path])
    #expect(broken.exitCode == 2)
}

@Test func aProjectFileNamesTheLabCatalog() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-project-\(UUID().uuidString)")
    let nested = directory.appendingPathComponent("runs/2026")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(
        """
        chemicals:
          - {id: lab-blend-7, name: lab blend 7, formula: CH4O, class: solvent, source: {note: "measured in the lab"}}

        """.utf8
    ).write(to: directory.appendingPathComponent("lab.yaml"))
    try Data("catalogs: [lab.yaml]\n".utf8).write(to: directory.appendingPathComponent(".anchorage.yaml"))
    let knowledge = try KnowledgeOptions.load(catalogFiles: [], searchingFrom: nested)
    #expect(knowledge.chemicals.chemical(named: "Lab Blend 7")?.id == "lab-blend-7")
    let bare = try KnowledgeOptions.load(catalogFiles: [], searchingFrom: FileManager.default.temporaryDirectory)
    #expect(bare.chemicals.chemical(named: "lab blend 7") == nil)
}

/// Checks that could not run come after the findings, once per missing datum with every rule it stopped; the summary
/// counts them, JSON counts them as unknown, and only --strict fails on them.
@Test func checksThatCouldNotRunAreListedOnceAndCounted() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-unknown-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let recipe = directory.appendingPathComponent("sim.yaml")
    try Data(
        """
        anchorage: 1
        id: sim-unknown-host
        title: V on a host no catalog knows
        target: {metals: [V], site: single-atom}
        route: sim
        host: MOF-9999
        reagents:
          v: {name: vanadyl acetylacetonate, mass: 10 mg}
          meoh: {name: methanol, role: solvent}
        steps:
          - impregnate: [v]
            in: {meoh: 10 mL}
            time: 12 h
            temperature: 25 °C

        """.utf8
    ).write(to: recipe)
    let text = ValidateCommand.execute(files: [recipe.path], format: .text, strict: false)
    let lines = text.standardOutput.split(separator: "\n").filter { $0.contains("not checked[") }
    #expect(lines.count == 1, "\(text.standardOutput)")
    #expect(
        lines.first?.contains(
            "not checked[REF-006, SIM-001, SIM-002]: the framework 'MOF-9999' is not on record: add it to frameworks.yaml") == true)
    #expect(text.standardError.contains("1 file checked: no problems found; 3 checks could not run"), "\(text.standardError)")
    #expect(text.exitCode == 0)
    #expect(ValidateCommand.execute(files: [recipe.path], format: .text, strict: true).exitCode == 1)
    let json = ValidateCommand.execute(files: [recipe.path], format: .json, strict: false)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    #expect(report["unknown"] as? Int == 3)
    let sarif = ValidateCommand.execute(files: [recipe.path], format: .sarif, strict: false)
    #expect(sarif.standardOutput.components(separatedBy: "\"kind\" : \"open\"").count - 1 == 3, "\(sarif.standardOutput)")
}
