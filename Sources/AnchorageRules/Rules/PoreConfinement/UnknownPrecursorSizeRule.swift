import AnchorageCore

struct UnknownPrecursorSizeRule: Rule {
    static let description = RuleDescription(
        id: "CONF-010", name: "unknown-precursor-size", family: .poreConfinement, severity: .unknown, basis: .missingData,
        summary: "A precursor whose size is not in the catalog cannot be checked against the cage and window.",
        rationale: """
            The confinement rules compare the precursor's van der Waals size with the host's cage and window. Where \
            the precursor catalog has no sourced geometry for it (or the host's cage is unknown), none of those checks \
            can run; the finding says so rather than passing the recipe silently. A lab can add the molecule's \
            geometry to its own catalog, or check one with `anchorage fit --xyz`.
            """,
        references: ["review-pom-admc", "park2006-zif"],
        triggering: [
            .recipe(
                metals: "[V]",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "v: {name: ↓vanadyl acetylacetonate, formula: VO(acac)2, mass: 0.05 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "[zn, fe]", with: "[zn, v]"))
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.fitFramework != nil else { return [] }
        return context.confinedPrecursors.compactMap { confined in
            let salt = confined.precursor.map(\.isSimpleSalt) ?? confined.reagent.isSimpleSaltByFormula
            guard !salt, confined.verdict?.fitsCage == nil else { return nil }
            let missing = MissingDatum(
                "the size of \(confined.reagent.displayName)",
                addTo: confined.precursor == nil
                    ? "its geometry to precursors.yaml or a lab catalog's `precursors:` (--catalog)"
                    : "a sourced size to its entry in precursors.yaml",
                at: confined.location)
            return notChecked(
                missing,
                notes: [DiagnosticNote("its fit in the cage and window is not checked; `anchorage fit --xyz` sizes a structure file")])
        }
    }
}
