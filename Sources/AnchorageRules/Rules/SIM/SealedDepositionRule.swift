import AnchorageCore

struct SealedDepositionRule: Rule {
    static let description = RuleDescription(
        id: "SIM-004", name: "sim-not-mild", family: .sim, severity: .warning, basis: .publishedRisk(citation: "review-pom-admc"),
        summary: "SIM is done under mild conditions, typically ambient temperature and pressure, not in a sealed autoclave.",
        rationale: """
            The point of SIM is that the metal binds to the node under mild conditions, typically at ambient temperature \
            and pressure, which keeps the framework and its nodes intact and the deposited metal isolated. A sealed \
            autoclave raises pressure and temperature beyond that and favours hydrolysis of the precursor to oxide \
            clusters (data: sim.typical_conditions).
            """,
        references: ["review-pom-admc", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- dissolve: [v]\n  in: {meoh: 10 mL}\n- ↓solvothermal: {temperature: 150 °C, time: 12 h, vessel: 25 mL}")
        ],
        nonTriggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .sim else { return [] }
        let conditions = context.knowledge.chemistry.threshold("sim.typical_conditions")
        return context.sealedSteps.map { step in
            finding(
                "a sealed autoclave step is not the mild deposition SIM relies on", at: step.kind.location,
                notes: [
                    DiagnosticNote(
                        "SIM runs at \(conditions?.text ?? "ambient temperature and pressure")", citation: conditions?.citations.first)
                ])
        }
    }
}
