struct ImpossibleValueRule: LoaderRule {
    static let description = RuleDescription(
        id: "UNIT-003", name: "impossible-value", family: .units, severity: .error, basis: .recipeDefect,
        summary:
            "A value must be physically possible: no temperature below absolute zero, no negative amount, no percentage above 100, nothing beyond a bench's range.",
        rationale: """
            A sign slip (−500 °C) or a negative mass is a typo that a later calculation would carry silently into every \
            derived quantity. So is a value far past anything a lab does (a stir of 1e300 h, a furnace at 1e19 °C): \
            each kind of quantity has a largest value in input-limits.yaml, with the reason for it.
            """,
        references: ["iupac-green-book-2007"],
        triggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 1 h, temperature: ↓-500 °C}"),
            .recipe(reagents: "zn: {name: zinc nitrate hexahydrate, mass: ↓-1.69 g}", steps: "- add: [zn]"),
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: ↓1e300 h}"),
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 1 h, temperature: ↓1e19 °C}"),
        ],
        nonTriggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 1 h, temperature: -10 °C}"),
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 14 d}"),
        ])
}
