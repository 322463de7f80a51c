import AnchorageCore

struct PrecursorLargerThanCageRule: Rule {
    static let description = RuleDescription(
        id: "CONF-001", name: "precursor-larger-than-cage", family: .poreConfinement, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary: "A confined precursor must be smaller than the host's cage.",
        rationale: """
            Pore confinement isolates one precursor molecule in each cage of the host; the molecule's diameter must stay \
            below the cage's so that it fits inside. Sizes are the fit module's: the precursor's van der Waals size from \
            its geometry against the cage (largest cavity diameter) of the framework, each with its source.
            """,
        references: ["review-pom-admc", "liu-corma-2021-confinement", "park2006-zif"],
        triggering: [
            .recipe(
                host: "UiO-66",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(of: "fe: {name: iron(III)", with: "fe: {name: ↓iron(III)"),
                steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        if context.route == .poreConfinement, context.fitFramework == nil, let missing = context.unknownHost {
            return [notChecked(missing)]
        }
        return context.confinedPrecursors.compactMap { confined in
            guard let verdict = confined.verdict, verdict.fitsCage == false else { return nil }
            let size = verdict.effectiveCageSize.map { QuantityFormat.number($0, significant: 3) + " Å" } ?? "?"
            let cage = verdict.framework.cageDiameter.map { QuantityFormat.number($0, significant: 3) + " Å" } ?? "?"
            return finding(
                "\(verdict.precursor.name) (\(size)) does not fit the \(cage) cage of \(verdict.framework.name)", at: confined.location,
                notes: [DiagnosticNote("choose a host with a larger cage, or a smaller precursor")])
        }
    }
}
