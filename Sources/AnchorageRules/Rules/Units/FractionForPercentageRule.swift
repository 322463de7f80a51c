struct FractionForPercentageRule: LoaderRule {
    static let description = RuleDescription(
        id: "UNIT-004", name: "fraction-for-percentage", family: .units, severity: .error, basis: .recipeDefect,
        summary: "A percentage is written with '%': 0.05 where 5 % is meant is refused.",
        rationale: """
            An H2 content of '0.05' may mean 5 % or 0.05 %, a hundredfold difference in a flammability check. Percentages \
            carry their sign: the symbol % is simply the number 0.01 (NIST SP 811, 7.10.2), so '5 %' leaves nothing open.
            """,
        references: ["nist-sp811-2008"],
        triggering: [
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}",
                steps: """
                    - reduce: {gas: H2/Ar, h2: ↓0.05, temperature: 300 °C, time: 2 h}
                    """)
        ],
        nonTriggering: [
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}",
                steps: """
                    - reduce: {gas: H2/Ar, h2: 5 %, temperature: 300 °C, time: 2 h}
                    """)
        ])
}
