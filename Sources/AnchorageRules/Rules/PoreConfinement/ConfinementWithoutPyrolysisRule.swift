import AnchorageCore

struct ConfinementWithoutPyrolysisRule: Rule {
    static let description = RuleDescription(
        id: "CONF-006", name: "confinement-without-pyrolysis", family: .poreConfinement, severity: .warning,
        basis: .publishedRisk(citation: "review-pom-admc"),
        summary: "A confined precursor becomes single metal atoms on N-doped carbon (M–N–C) only by pyrolysis.",
        rationale: """
            Confinement isolates the precursor molecules; pyrolysis then decomposes the framework to N-doped carbon and \
            the precursor to metal atoms held by its N sites, while the cages keep neighbouring metal atoms apart. Without \
            it the product is the precursor in the framework, not a single-atom catalyst (the review's worked case: \
            Fe(acac)3@ZIF-8, 900 °C under N2).
            """,
        references: ["review-pom-admc", "dai-2024-fe-sn-c", "park2006-zif"],
        triggering: [
            .recipe(
                route: "↓pore-confinement", reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2, flow: 80 mL/min}", with: ""))
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .poreConfinement, context.pyrolysisSteps.isEmpty else { return [] }
        let worked = context.knowledge.chemistry.threshold("pore_confinement.reference_case.pyrolysis_C")?.number
        let example = worked.map { " (the review's Fe(acac)3@ZIF-8 case: \(QuantityFormat.number($0)) °C under N2)" } ?? ""
        return [
            finding(
                "no pyrolysis step: the confined precursor does not become M–N–C single atoms", at: context.recipe.route.location,
                notes: [DiagnosticNote("add a pyrolysis under an inert gas" + example)])
        ]
    }
}
