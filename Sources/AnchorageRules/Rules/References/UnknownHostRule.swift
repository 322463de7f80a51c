import AnchorageCore

struct UnknownHostRule: Rule {
    static let description = RuleDescription(
        id: "REF-006", name: "unknown-host", family: .references, severity: .unknown, basis: .missingData,
        summary:
            "The host should be a framework the catalog knows by name or alias; otherwise the checks on its sites, cages and stability are skipped.",
        rationale: """
            The route rules read what they know of the host from the framework catalog: its chelating sites (LINK), its \
            exchangeable nodes (NODE), its terminal –OH (SIM), its cage and window (CONF), its metals and decomposition \
            temperature. A host written as no catalog entry names it (a typo such as 'ZIF-8x', or a framework the \
            catalog lacks) leaves all of those checks silent, so a recipe would pass that nothing has looked at. The \
            finding names the closest catalog name; a framework that is missing belongs in the framework catalog, with \
            its cage and window taken, as the shipped entries are, from its CoRE MOF 2019 entry (Chung et al. 2019).
            """,
        references: ["chung2019-coremof"],
        triggering: [
            .recipe(host: "↓ZIF-8x", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
            .recipe(host: "zif8", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let catalog = context.knowledge.hosts.hosts
        guard let written = context.recipe.host, !catalog.isEmpty, let missing = context.unknownHost else { return [] }
        let names = catalog.map(\.name)
        let suggestion = Suggestion.closest(to: written.value, among: names + catalog.flatMap(\.aliases))
            .map { alias in catalog.first { $0.answers(to: alias) }?.name ?? alias }
        return [
            notChecked(
                missing,
                notes: [
                    DiagnosticNote(
                        "its sites, cages and stability are not checked; "
                            + (suggestion.map { "did you mean '\($0)'?" } ?? "known: " + names.joined(separator: ", ")))
                ])
        ]
    }
}
