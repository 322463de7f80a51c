struct WrongTypeRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-006", name: "wrong-type", family: .format, severity: .error, basis: .recipeDefect,
        summary: "Each field must have the shape the format gives it: a value, a list or a mapping.",
        rationale: """
            `reagents` is a mapping from id to reagent, `steps` a list, a step's solvent a mapping from solvent to volume. \
            A value of the wrong shape is reported where it is written, with the expected shape.
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: """
                    - dissolve: [zn, fe, hmim]
                      in: ↓[meoh]
                    """)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])
}
