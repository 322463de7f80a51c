struct UnreadableQuantityRule: LoaderRule {
    static let description = RuleDescription(
        id: "UNIT-001", name: "unreadable-quantity", family: .units, severity: .error, basis: .recipeDefect,
        summary: "A quantity is a number and a known, unambiguous unit.",
        rationale: """
            Every amount, temperature and time is converted and compared; a number with no unit, an unknown unit or one that \
            could mean two things ('m': metre or minute, as the Open Reaction Database also refuses) cannot be. The finding \
            points at the unit and names the accepted ones.
            """,
        references: ["kearnes-2021-ord", "iupac-green-book-2007"],
        triggering: [
            .recipe(
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 ↓kg/s}
                    meoh: {name: methanol, role: solvent}
                    """, steps: "- dissolve: [zn]\n  in: {meoh: 30 mL}"),
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 30 ↓m}"),
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 30↓ }"),
        ],
        nonTriggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 30 min}")
        ])
}
