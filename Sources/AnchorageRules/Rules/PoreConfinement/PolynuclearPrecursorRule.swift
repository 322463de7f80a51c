import AnchorageCore

struct PolynuclearPrecursorRule: Rule {
    static let description = RuleDescription(
        id: "CONF-007", name: "polynuclear-precursor", family: .poreConfinement, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary: "A precursor with several metal atoms (Ru3(CO)12) gives clusters, not single atoms.",
        rationale: """
            Confinement isolates molecules, not atoms: what a cage holds after pyrolysis is the metal of one molecule. \
            The review's route rests on mononuclear complexes; a cluster compound such as Ru3(CO)12 brings its metal \
            atoms already bonded together and leaves a cluster in each cage. For a dual-atom target the pair is the \
            design: a dinuclear precursor such as Fe2(CO)9 confined one per cage gives the M2 site, so only more than \
            two metal atoms per molecule are flagged there.
            """,
        references: ["review-pom-admc", "liu-corma-2021-confinement", "park2006-zif"],
        triggering: [
            .recipe(
                metals: "[Ru]",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "ru: {name: ↓triruthenium dodecacarbonyl, formula: Ru3(CO)12, mass: 0.05 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "[zn, fe]", with: "[zn, ru]")),
            .recipe(
                metals: "[Ru]", site: "dual-atom",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "ru: {name: ↓triruthenium dodecacarbonyl, formula: Ru3(CO)12, mass: 0.05 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "[zn, fe]", with: "[zn, ru]")),
        ],
        nonTriggering: [
            .recipe(
                metals: "[Ru]",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "ru: {name: ruthenium(III) acetylacetonate, formula: Ru(acac)3, mass: 0.05 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "[zn, fe]", with: "[zn, ru]")),
            .recipe(
                metals: "[Fe]", site: "dual-atom",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "fe: {name: diiron nonacarbonyl, formula: Fe2(CO)9, mass: 0.04 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let targets = context.recipe.target.metals.map(\.value)
        // A dual-atom site is built from a pair: a dinuclear precursor is the design, not a mistake.
        let allowed: Double = context.recipe.target.site.value == .dualAtom ? 2 : 1
        return context.confinedPrecursors.compactMap { confined in
            let atoms = confined.reagent.formula.map { formula in targets.map { formula.count(of: $0) }.reduce(0, +) }
            if allowed > 1, let atoms, atoms <= allowed { return nil }
            guard confined.precursor?.isPolynuclear == true || (atoms ?? 0) > allowed else { return nil }
            return finding(
                "\(confined.reagent.displayName) carries several metal atoms per molecule: each cage will hold a cluster, not a single atom",
                at: confined.location,
                notes: [
                    DiagnosticNote(
                        allowed > 1
                            ? "a dual-atom site needs exactly two metal atoms per molecule (e.g. Fe2(CO)9)"
                            : "use a mononuclear complex (e.g. an acetylacetonate)")
                ])
        }
    }
}
