import AnchorageCore

struct UndeclaredReagentRule: Rule {
    static let description = RuleDescription(
        id: "REF-001", name: "undeclared-reagent", family: .references, severity: .error, basis: .recipeDefect,
        summary: "Every reagent a step names must be declared under `reagents`.",
        rationale: """
            A step that dissolves 'fe' when no reagent 'fe' exists cannot be weighed out, and is most often a typo of a \
            declared id; the finding names the closest one. XDL splits a procedure the same way, into declared reagents \
            and the steps that use them (Mehr et al.), and the Open Reaction Database's validator refuses a reference \
            to a reaction that is not defined (Kearnes et al.).
            """,
        references: ["mehr-2020-xdl", "kearnes-2021-ord"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: """
                    - dissolve: [zn, ↓fee]
                      in: {meoh: 30 mL}
                    - dissolve: [hmim]
                      in: {meoh: 30 mL}
                    """)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let declared = context.recipe.reagents.map(\.id.value)
        return context.recipe.steps.flatMap { step in
            step.reagentReferences.compactMap { reference -> Diagnostic? in
                guard !declared.contains(reference.value) else { return nil }
                let suggestion = Suggestion.closest(to: reference.value, among: declared)
                return finding(
                    "step \(step.number) (\(step.kind.value.rawValue)) names '\(reference.value)', which is not a declared reagent",
                    at: reference.location,
                    notes: [DiagnosticNote(suggestion.map { "did you mean '\($0)'?" } ?? "declared: " + declared.joined(separator: ", "))])
            }
        }
    }
}
