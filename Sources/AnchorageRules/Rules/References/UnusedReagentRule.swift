import AnchorageCore

struct UnusedReagentRule: Rule {
    static let description = RuleDescription(
        id: "REF-002", name: "unused-reagent", family: .references, severity: .warning, basis: .writingSlip,
        summary: "Every declared reagent should be used by some step.",
        rationale: """
            A reagent weighed out but never added means either a missing step or a leftover line; either way the protocol \
            and its ratios would not describe what happens at the bench. In XDL the reagents section declares the \
            reagents that are used in the procedure (Mehr et al.); a declared reagent no step uses breaks that match.
            """,
        references: ["mehr-2020-xdl"],
        triggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents + "\n↓etoh: {name: ethanol, role: solvent}", steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let used = Set(context.recipe.steps.flatMap(\.reagentReferences).map(\.value))
        return context.recipe.reagents.compactMap { reagent in
            guard !used.contains(reagent.id.value) else { return nil }
            return finding("reagent '\(reagent.id.value)' is declared but no step uses it", at: reagent.id.location)
        }
    }
}
