import AnchorageCore

struct NoALDStepRule: Rule {
    static let description = RuleDescription(
        id: "AIM-004", name: "no-ald-step", family: .aim, severity: .error, basis: .ruledOut(citation: "review-pom-admc"),
        summary: "An AIM recipe needs an `ald` step: precursor, co-reactant, pulse, purge, cycles and temperature.",
        rationale: """
            AIM deposits the metal by alternating gas-phase pulses of a precursor and a co-reactant, separated by purges, \
            over a set number of cycles at a set temperature; a solution step is SIM, not AIM.
            """,
        references: ["review-pom-admc", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "↓aim", host: "NU-1000", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ],
        nonTriggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .aim, context.depositionSteps.isEmpty else { return [] }
        return [
            finding(
                "an AIM recipe without an `ald` step deposits nothing by ALD", at: context.recipe.route.location,
                notes: [DiagnosticNote("a solution deposition onto the nodes is route: sim")])
        ]
    }
}
