struct DuplicateKeyRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-007", name: "duplicate-key", family: .format, severity: .error,
        summary: "A key may be given once in a mapping.",
        rationale: """
            YAML forbids a key twice in one mapping, and which value would win is not something a recipe should leave open \
            (two masses for one reagent). The second occurrence is reported, with the first.
            """,
        triggering: [
            RuleExample("anchorage: 1\nid: x\n↓id: y\n"),
        ],
        nonTriggering: [
            RuleExample("anchorage: 1\nid: x\ntitle: y\n"),
        ])
}
