struct WrongDimensionRule: LoaderRule {
    static let description = RuleDescription(
        id: "UNIT-002", name: "wrong-dimension", family: .units, severity: .error, basis: .recipeDefect,
        summary: "A quantity's unit must measure what the field asks for (a mass for `mass`, a temperature for `temperature`).",
        rationale: """
            '10000 g' under a centrifuge's speed is grams, not a relative centrifugal force; a volume where a mass is asked \
            for cannot be weighed. Dimensions are checked where the value is written.
            """,
        references: ["kearnes-2021-ord", "iupac-green-book-2007"],
        triggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- centrifuge: {speed: 10000 ↓g, time: 10 min}"),
            .recipe(reagents: "zn: {name: zinc nitrate hexahydrate, mass: 30 ↓mL}", steps: "- add: [zn]"),
        ],
        nonTriggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- centrifuge: {speed: 10000 × g, time: 10 min}")
        ])
}
