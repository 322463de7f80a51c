import AnchorageCore

struct PrecursorTooSmallRule: Rule {
    static let description = RuleDescription(
        id: "CONF-004", name: "precursor-too-small", family: .poreConfinement, severity: .warning,
        basis: .publishedRisk(citation: "dai-2024-fe-sn-c"),
        summary: "A precursor small enough that two fit one cage (less than about half the cage) will not stay isolated.",
        rationale: """
            One molecule per cage is what isolates the metal; the review's worked case is Fe(acac)3 (9.7 Å), which allows \
            only one molecule in ZIF-8's 11.6 Å cavity. A molecule less than about half the cage can pair up in one cage \
            and the two metals meet on pyrolysis. The count per cage is the fit module's sphere-packing count of the \
            precursor's van der Waals size in the cage.
            """,
        references: ["review-pom-admc", "dai-2024-fe-sn-c", "park2006-zif"],
        triggering: [
            .recipe(
                host: "MOF-808",
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}",
                    with: "fe: {name: ↓ferrocene, formula: Fe(C5H5)2, mass: 0.05 g, role: metal-precursor}"),
                steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.confinedPrecursors.compactMap { confined in
            guard let verdict = confined.verdict, !verdict.precursor.isSimpleSalt, verdict.fitsCage == true,
                let perCage = verdict.perCageMax, perCage >= 2
            else { return nil }
            return finding(
                "\(verdict.precursor.name) is small for the cage of \(verdict.framework.name): up to \(perCage) fit in one cage, so it will not stay isolated",
                at: confined.location, notes: [DiagnosticNote("choose a host with a smaller cage, or a larger precursor")])
        }
    }
}
