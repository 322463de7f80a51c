import AnchorageCore

struct UnreadableFormulaRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-001", name: "unreadable-formula", family: .chemistry, severity: .error, basis: .recipeDefect,
        summary: "A reagent's formula must be readable: known element symbols, balanced brackets, a numeric hydrate.",
        rationale: """
            Every mole, ratio and loading comes from the formula's molar mass (IUPAC standard atomic weights). An unknown \
            element ('Fa'), an unclosed bracket or 'xH2O' would make each of them wrong; the finding lands on the character.
            """,
        references: ["ciaaw-2021"],
        triggering: [
            .recipe(reagents: "fe: {name: iron(III) acetylacetonate, formula: ↓Fa(acac)3, mass: 0.10 g}", steps: "- add: [fe]"),
            .recipe(reagents: "ru: {name: ruthenium chloride, formula: RuCl3·↓xH2O, mass: 0.10 g}", steps: "- add: [ru]"),
        ],
        nonTriggering: [
            .recipe(reagents: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g}", steps: "- add: [fe]")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.resolved.reagents.compactMap { reagent in
            guard let problem = reagent.formulaProblem else { return nil }
            return finding(
                "formula '\(reagent.reagent.formula?.value ?? "")': \(problem.error.message)", at: problem.location,
                notes: problem.error.hint.map { [DiagnosticNote($0)] } ?? [])
        }
    }
}
