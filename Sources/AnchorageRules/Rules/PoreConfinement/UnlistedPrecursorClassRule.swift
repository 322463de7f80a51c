import AnchorageCore

struct UnlistedPrecursorClassRule: Rule {
    static let description = RuleDescription(
        id: "CONF-008", name: "unlisted-precursor-class", family: .poreConfinement, severity: .unknown, basis: .missingData,
        summary: "Acetylacetonates, metallocenes and phthalocyanines are the precursor classes shown to confine well; others are untested.",
        rationale: """
            The review names acetylacetonate salts, ferrocene and phthalocyanines as the precursors the method suits, for \
            their size. A mononuclear complex of another class (an acetate, a carbonyl) may work, but nothing on record \
            says so; its size against the cage is what decides (data: pore_confinement.suitable_precursor_classes; \
            acetates are deliberately not listed as unsuitable).
            """,
        references: ["review-pom-admc", "park2006-zif"],
        triggering: [
            .recipe(
                metals: "[Pd]",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "pd: {name: ↓palladium(II) acetate, formula: Pd(C2H3O2)2, mass: 0.02 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "[zn, fe]", with: "[zn, pd]"))
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    /// How each suitable class shows in a name.
    static let markers = [
        "acetylacetonate": ["acetylacetonat", "acac"], "metallocene": ["ocene"], "phthalocyanine": ["phthalocyanin", "pc"],
    ]

    func check(_ context: RuleContext) -> [Diagnostic] {
        let classes = context.knowledge.chemistry.list("pore_confinement.suitable_precursor_classes")
        return context.confinedPrecursors.compactMap { confined in
            let salt = confined.precursor.map(\.isSimpleSalt) ?? confined.reagent.isSimpleSaltByFormula
            guard !salt, (confined.precursor?.isPolynuclear ?? false) == false else { return nil }
            let names =
                ([confined.reagent.displayName, confined.reagent.chemical?.name, confined.precursor?.name].compactMap { $0 }
                + (confined.precursor?.record.aliases ?? [])).map { $0.lowercased() }
            let listed = classes.contains { kind in
                (Self.markers[kind] ?? [kind]).contains { marker in names.contains { $0.contains(marker.lowercased()) } }
            }
            guard !listed else { return nil }
            return notChecked(
                .chemistry(
                    "a confinement of \(confined.reagent.displayName)'s precursor class",
                    key: "pore_confinement.suitable_precursor_classes", at: confined.location),
                notes: [DiagnosticNote("classes shown to confine well: " + classes.joined(separator: ", "), citation: "review-pom-admc")])
        }
    }
}
