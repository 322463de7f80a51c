import AnchorageCore
import Testing

@testable import AnchorageRules

/// The same data path with a value written in: what a check does once a datum that is missing today is on record.
func knowledge(setting value: DataValue, at path: [String]) throws -> Knowledge {
    func set(_ value: DataValue, at path: ArraySlice<String>, in node: DataValue) -> DataValue {
        guard let key = path.first, case .map(var entries) = node else { return value }
        entries[key] = set(value, at: path.dropFirst(), in: entries[key] ?? .map([:]))
        return .map(entries)
    }
    var knowledge = try Knowledge.bundled()
    knowledge.chemistry = ChemistryData(root: set(value, at: path[...], in: knowledge.chemistry.root))
    return knowledge
}

/// A Zn/Co ZIF with Zn:Co = 5.0 (5.681 mmol Zn, 1.134 mmol Co).
let zincCobaltZIF = RuleExample.recipe(
    route: "mixed-metal-pyrolysis", host: nil, metals: "[Co]",
    reagents: """
        zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}
        co: {name: cobalt(II) nitrate hexahydrate, mass: 0.33 g}
        hmim: {name: 2-methylimidazole, mass: 3.70 g}
        meoh: {name: methanol, role: solvent}
        """,
    steps: """
        - dissolve: [zn, co]
          in: {meoh: 30 mL}
        - dissolve: [hmim]
          in: {meoh: 30 mL}
        - combine: all
        - stir: {time: 24 h}
        - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}
        """)

/// The Zn:M check of MIX-003 in its three outcomes: unknown while the ratio is not on record (today), violated below a
/// ratio once one is written, held above it.
@Test(arguments: [(nil, Severity?.some(.unknown)), (10.0, .warning), (2.0, nil)] as [(Double?, Severity?)])
func zincRatioOfAZnMZIF(_ minimum: Double?, _ expected: Severity?) throws {
    let path = ["mixed_metal_zif", "zn_to_metal_min_molar_ratio"]
    let data: Knowledge =
        if let minimum {
            try knowledge(
                setting: .map(["value": .number(minimum), "source": .map(["citation": .text("han-2019-co-np-cluster-sa")])]), at: path)
        } else {
            try Knowledge.bundled()
        }
    let result = Validator(knowledge: data).validate(text: zincCobaltZIF.unmarked.text, file: "zn-co.yaml")
    let findings = result.diagnostics.filter { $0.ruleID == "MIX-003" }
    #expect(findings.map(\.severity) == (expected.map { [$0] } ?? []), "\(findings.map(\.compilerStyle))")
    if expected == .unknown {
        #expect(findings.first?.message.contains("mixed_metal_zif.zn_to_metal_min_molar_ratio") == true)
    }
    if expected == .warning {
        #expect(findings.first?.message.contains("Zn:M 5.01 is below the 10") == true, "\(findings.map(\.message))")
    }
}

/// A datum that turns up in the data turns the unknown into a held or a violated check: the host's decomposition
/// temperature for NODE-003 (MFU-4l has none on record today).
@Test(arguments: [(nil, Severity?.some(.unknown)), (400.0, nil), (100.0, .error)] as [(Double?, Severity?)])
func exchangeBelowTheHostsStability(_ limit: Double?, _ expected: Severity?) throws {
    var data = try Knowledge.bundled()
    if let limit {
        data.hosts = HostCatalog(
            data.hosts.hosts.map { host in
                var host = host
                if host.answers(to: "MFU-4l") { host.thermalStabilityC = limit }
                return host
            })
    }
    let recipe = RuleExample.recipe(
        route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
        reagents:
            "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) nitrate hexahydrate, mass: 150 mg}\ndmf: {name: DMF, role: solvent}",
        steps: "- add: [mof]\n  in: {dmf: 5 mL}\n- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 120 °C\n  time: 3 d")
    let result = Validator(knowledge: data).validate(text: recipe.unmarked.text, file: "mfu.yaml")
    let findings = result.diagnostics.filter { $0.ruleID == "NODE-003" }
    #expect(findings.map(\.severity) == (expected.map { [$0] } ?? []), "\(findings.map(\.compilerStyle))")
}

/// Missing data never makes a recipe look sound: a host no catalog knows stops every check on it, and each says so.
@Test func anUnknownHostStopsEveryCheckOnItAndSaysSo() {
    let recipe = RuleExample.recipe(
        route: "sim", host: "MOF-9999", metals: "[V]",
        reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
        steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
    let result = validator.validate(text: recipe.unmarked.text, file: "sim.yaml")
    let unknown = result.diagnostics.filter { $0.severity == .unknown }
    #expect(Set(unknown.map(\.ruleID)) == ["REF-006", "SIM-001", "SIM-002"], "\(result.diagnostics.map(\.compilerStyle))")
    #expect(Set(unknown.map(\.message)).count == 1, "one missing datum, said in the same words by every check it stops")
    #expect(unknown.allSatisfy { $0.message.contains("frameworks.yaml") })
    #expect(!result.diagnostics.contains { $0.severity == .error || $0.severity == .warning })
}
