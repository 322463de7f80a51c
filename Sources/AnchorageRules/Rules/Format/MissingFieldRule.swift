struct MissingFieldRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-005", name: "missing-field", family: .format, severity: .error, basis: .recipeDefect,
        summary: "Required fields of the recipe and of each step must be given.",
        rationale: """
            A pyrolysis without a temperature or a wash without a solvent cannot be carried out or checked. The format marks \
            what each step needs (docs/recipe-format.md); a missing one is reported at the step. The same check is made \
            by the Open Reaction Database's validator, which refuses a reaction without an input or an input component \
            without an amount (Kearnes et al.).
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: """
                    - dissolve: [zn, fe, hmim]
                      in: {meoh: 60 mL}
                    - stir: {time: 24 h}
                    - ↓pyrolyze: {temperature: 900 °C, hold: 3 h, atmosphere: N2}
                    """)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])
}
