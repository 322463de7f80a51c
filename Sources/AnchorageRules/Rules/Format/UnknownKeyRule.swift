struct UnknownKeyRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-004", name: "unknown-key", family: .format, severity: .error, basis: .recipeDefect,
        summary: "Every key must be one the format defines; a misspelling is named with the likely intended key.",
        rationale: """
            A misspelt key (`temprature`) would otherwise be ignored, and the step would run at a default the chemist never \
            chose. Every key of the recipe, a reagent or a step is checked against the format, with a suggestion. \
            Structured reaction records are built the same way: a record of the Open Reaction Database is a message of \
            a fixed schema and holds only the fields that schema defines (Kearnes et al.).
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: """
                    - dissolve: [zn, fe, hmim]
                      in: {meoh: 60 mL}
                    - stir: {time: 24 h, ↓temprature: 25 °C}
                    """),
            RuleExample("anchorage: 1\n↓titel: x\n"),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])
}
