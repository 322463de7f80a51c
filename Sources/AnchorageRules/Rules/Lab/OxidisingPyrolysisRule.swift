import AnchorageCore

struct OxidisingPyrolysisRule: Rule {
    static let description = RuleDescription(
        id: "LAB-004", name: "oxidising-pyrolysis", family: .lab, severity: .error,
        summary: "Pyrolysis must run under an inert or reducing gas, never air or O2.",
        rationale: """
            Pyrolysis turns the organic framework into the N-doped carbon that holds the single atoms. In air or O2 at \
            several hundred °C that carbon burns away and the metal is left as oxide particles: no M–N–C sites form. The \
            worked pyrolyses of the review run under N2 (data: lab.furnace_atmospheres).
            """,
        references: ["review-pom-admc", "yin-2016-co-sas"],
        triggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps.replacingOccurrences(
                of: "atmosphere: N2", with: "atmosphere: ↓air")),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let oxidising = Set(context.knowledge.chemistry.list("lab.furnace_atmospheres.oxidising"))
        return context.steps(.pyrolyze).compactMap { step in
            guard let atmosphere = step.text("atmosphere"), oxidising.contains(atmosphere.value) else { return nil }
            return finding(
                "pyrolysis under \(atmosphere.value): the carbon burns and the metal ends as oxide, not as single atoms",
                at: atmosphere.location, notes: [DiagnosticNote("pyrolyse under N2 or Ar")])
        }
    }
}
