import AnchorageCore

struct WrongCoReactantRule: Rule {
    static let description = RuleDescription(
        id: "AIM-002", name: "wrong-co-reactant", family: .aim, severity: .error, basis: .ruledOut(citation: "review-pom-admc"),
        summary: "The ALD co-reactant must be H2O or H2S.",
        rationale: """
            AIM alternates pulses of the metal precursor with H2O (giving metal oxide or hydroxide sites) or H2S (giving \
            sulfide sites); the co-reactant restores the surface groups the next precursor pulse reacts with. Another \
            co-reactant is not what the route has been shown with (data: aim.co_reactants).
            """,
        references: ["review-pom-admc", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nmeoh: {name: methanol, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: ↓meoh, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ],
        unknown: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nox: {name: ↓reactive oxidant X, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: ox, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let allowed = context.knowledge.chemistry.list("aim.co_reactants")
        guard !allowed.isEmpty else { return [] }
        return context.depositionSteps.compactMap { step in
            guard let id = step.reagent(.coReactant), let reagent = context.resolved.reagent(id.value) else { return nil }
            guard let formula = reagent.formula else { return notChecked(context.unknownFormula(of: reagent)) }
            let matches = allowed.contains { (try? ChemicalFormula(parsing: $0))?.composition == formula.composition }
            guard !matches else { return nil }
            return finding(
                "'\(id.value)' (\(formula.text)) is not an ALD co-reactant of the route: use " + allowed.joined(separator: " or "),
                at: id.location)
        }
    }
}
