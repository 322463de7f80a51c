struct DuplicateKeyRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-007", name: "duplicate-key", family: .format, severity: .error, basis: .recipeDefect,
        summary: "A key may be given once in a mapping.",
        rationale: """
            YAML forbids a key twice in one mapping, and which value would win is not something a recipe should leave open \
            (two masses for one reagent). For JSON objects, which a YAML mapping in flow style resembles, RFC 8259 says \
            names SHOULD be unique and that readers of a repeated name behave unpredictably: many keep the last value, \
            others fail, some report every pair. The second occurrence is reported, with the first.
            """,
        references: ["rfc-8259-json", "rfc-9512-yaml-media-type"],
        triggering: [
            RuleExample("anchorage: 1\nid: x\n↓id: y\n")
        ],
        nonTriggering: [
            RuleExample("anchorage: 1\nid: x\ntitle: y\n")
        ])
}
