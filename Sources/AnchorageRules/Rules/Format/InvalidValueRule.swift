struct InvalidValueRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-008", name: "invalid-value", family: .format, severity: .error, basis: .recipeDefect,
        summary: "A field with a fixed set of values (route, site type, role, atmosphere…) must name one of them.",
        rationale: """
            The route decides which chemistry rules apply, the atmosphere whether the carbon survives pyrolysis. An unknown \
            value is reported with the closest known one.
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(route: "↓pore-confinment", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(route: "pore-confinement", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])
}
