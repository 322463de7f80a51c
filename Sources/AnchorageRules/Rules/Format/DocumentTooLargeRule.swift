struct DocumentTooLargeRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-009", name: "document-too-large", family: .format, severity: .error, basis: .recipeDefect,
        summary: "A recipe must stay recipe-sized, also once YAML aliases are expanded.",
        rationale: """
            Nested YAML aliases can make a few lines expand to billions of values (an 'alias bomb', the 'billion laughs' \
            of RFC 9512, which advises limiting alias expansion); a recipe has a few hundred. Anchorage stops at a fixed \
            budget instead of exhausting the machine.
            """,
        references: ["rfc-9512-yaml-media-type"],
        triggering: [
            RuleExample(
                """
                anchorage: 1
                a: &a [x, x, x, x, x, x, x, x, x, x]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]

                """)
        ],
        nonTriggering: [
            RuleExample("anchorage: 1\na: &a [x, x]\nb: [*a, *a]\n")
        ])
}
