import AnchorageCore

struct MoreThanOnePerCageRule: Rule {
    static let description = RuleDescription(
        id: "CONF-005", name: "more-than-one-per-cage", family: .poreConfinement, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary: "More precursor than one molecule per cage leaves molecules to aggregate outside or two to a cage.",
        rationale: """
            The cage can hold a single precursor molecule; the most precursor a batch can keep isolated is one molecule \
            per cage. The cages are counted from the framework metal the recipe brings (ZIF-8: two sodalite cages per \
            twelve Zn) or from the support weighed in, with the cell formula and cages per cell of the framework catalog.
            """,
        references: ["review-pom-admc", "liu-corma-2021-confinement", "park2006-zif"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "mass: 0.10 g, role: metal-precursor", with: "mass: ↓0.50 g, role: metal-precursor"),
                steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard let framework = context.fitFramework else { return [] }
        guard let cages = context.cageMoles(of: framework), cages > 0 else {
            // The cages cannot be counted: from the cell's contents (data) when the host forms in the recipe or is weighed in.
            guard framework.cagesPerCell == nil || framework.metalAtomsPerCell == nil,
                context.confinedPrecursors.contains(where: { $0.verdict?.fitsCage == true })
            else { return [] }
            return [
                notChecked(
                    MissingDatum(
                        "the cages and metal atoms per unit cell of \(framework.name)",
                        addTo: "them with their source to its entry in frameworks.yaml",
                        at: context.hostLocation))
            ]
        }
        return context.confinedPrecursors.compactMap { confined in
            guard let moles = confined.reagent.moles, let verdict = confined.verdict, verdict.fitsCage == true else { return nil }
            let occupancy = moles / cages
            guard occupancy > 1 else { return nil }
            return finding(
                "\(QuantityFormat.amount(moles: moles)) of \(verdict.precursor.name) for \(QuantityFormat.amount(moles: cages)) of cages: \(QuantityFormat.number(occupancy, significant: 2)) per cage",
                at: confined.reagent.estimates.first?.location ?? confined.location,
                notes: [DiagnosticNote("at most \(QuantityFormat.amount(moles: cages)) (one per cage) stays isolated")])
        }
    }
}
