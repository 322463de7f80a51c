import AnchorageCore

struct ChannelHostRule: Rule {
    static let description = RuleDescription(
        id: "CONF-009", name: "channel-host", family: .poreConfinement, severity: .warning,
        basis: .publishedRisk(citation: "review-pom-admc"),
        summary: "Pore confinement needs cages; in one-dimensional channels the precursor molecules line up and are not held apart.",
        rationale: """
            Confinement isolates one precursor molecule per cage, closed behind windows narrower than the molecule, so \
            that neighbouring metals stay apart through pyrolysis. A framework whose pores are one-dimensional channels \
            (NU-1000, PCN-222, Mg-MOF-74) has no such compartments: the molecules fit but line up along the channel and \
            meet when the framework decomposes. The pore type comes from the framework catalog.
            """,
        references: ["review-pom-admc", "park2006-zif"],
        triggering: [
            .recipe(
                host: "↓NU-1000",
                reagents:
                    "nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 10 mg, role: metal-precursor}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- add: [nu]\n  in: {meoh: 10 mL}\n- impregnate: [fe]\n  in: {meoh: 10 mL}\n  time: 24 h\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .poreConfinement, let framework = context.fitFramework, framework.record.poreType == .channel else {
            return []
        }
        return [
            finding(
                "\(framework.name) has one-dimensional channels, not cages: the precursor will not stay one per compartment",
                at: context.hostLocation, notes: [DiagnosticNote("choose a caged host (e.g. ZIF-8 for acetylacetonates)")])
        ]
    }
}
