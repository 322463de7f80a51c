import AnchorageCore

struct SimpleSaltPrecursorRule: Rule {
    static let description = RuleDescription(
        id: "CONF-003", name: "simple-salt-precursor", family: .poreConfinement, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary:
            "Nitrates, sulfates and halides are too small to be confined one per cage: use an acetylacetonate, metallocene or phthalocyanine.",
        rationale: """
            The cage can isolate a precursor only if the precursor nearly fills it, so that one molecule fits and no \
            second one; small ions such as nitrates, sulfates and halides move freely through the framework and gather \
            when it is pyrolysed. The review names the method unsuitable for most of them and effective for the larger \
            acetylacetonates, ferrocene and phthalocyanines (data: pore_confinement.simple_salt_anions, \
            .suitable_precursor_classes).
            """,
        references: ["review-pom-admc", "wu-yang-janiak-2019-confinement", "park2006-zif"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "fe: {name: ↓iron(III) nitrate nonahydrate, formula: Fe(NO3)3·9H2O, mass: 0.10 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let suitable = context.knowledge.chemistry.list("pore_confinement.suitable_precursor_classes")
        return context.confinedPrecursors.compactMap { confined in
            let salt = confined.precursor.map(\.isSimpleSalt) ?? confined.reagent.isSimpleSaltByFormula
            guard salt else { return nil }
            return finding(
                "\(confined.reagent.displayName) is a simple salt: too small to stay one per cage, it will not stay isolated",
                at: confined.location,
                notes: [DiagnosticNote("use a larger precursor: " + suitable.joined(separator: ", "), citation: "review-pom-admc")])
        }
    }
}
