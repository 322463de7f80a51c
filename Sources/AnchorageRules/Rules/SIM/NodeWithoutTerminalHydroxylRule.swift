import AnchorageCore

struct NodeWithoutTerminalHydroxylRule: Rule {
    static let description = RuleDescription(
        id: "SIM-001", name: "node-without-terminal-hydroxyl", family: .sim, severity: .error,
        basis: .ruledOut(citation: "planas-2014-nu1000-protons"),
        summary: "SIM grafts the metal onto terminal –OH/–OH2 of the node: the host must have them (Hf-MOF-808, Zr-NU-1000).",
        rationale: """
            In solvothermal deposition in MOFs the metal precursor reacts with the terminal hydroxo and aqua ligands of \
            robust Zr6/Hf6-oxo nodes, which is what binds each metal atom to the node and keeps it isolated. A node whose \
            coordination is filled by linkers (ZIF-8's ZnN4, a defect-free UiO-66) offers nothing to graft onto. Defective \
            UiO-66 and Zr-MOF-808 carry such ligands at some nodes but no SIM source was read for them, so they get a \
            warning (data: sim.supports_with_terminal_oh, .candidates_not_sourced).
            """,
        references: ["review-pom-admc", "otake-2018-v-sim", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "sim", host: "↓ZIF-8", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ],
        nonTriggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ],
        unknown: [
            .recipe(
                route: "sim", host: "↓MOF-9999", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .sim else { return [] }
        guard let host = context.host else { return context.unknownHost.map { [notChecked($0)] } ?? [] }
        guard !host.has(site: "terminal-oh") else { return [] }
        let supports = context.knowledge.chemistry.list("sim.supports_with_terminal_oh")
        let candidates = context.knowledge.chemistry.entry("sim.supports_with_terminal_oh.candidates_not_sourced")?.strings ?? []
        if context.hostIsListed(candidates) {
            return [
                finding(
                    .warning,
                    "\(host.name) carries terminal –OH/–OH2 only at missing-linker defects: grafting depends on the defect density",
                    at: context.hostLocation, notes: [DiagnosticNote("hosts on record: " + supports.joined(separator: ", "))])
            ]
        }
        return [
            finding(
                "\(host.name)'s node has no terminal –OH/–OH2 to graft the metal onto", at: context.hostLocation,
                notes: [DiagnosticNote("use " + supports.joined(separator: " or "))])
        ]
    }
}
