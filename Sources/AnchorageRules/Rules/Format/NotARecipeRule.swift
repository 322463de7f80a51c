struct NotARecipeRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-002", name: "not-a-recipe", family: .format, severity: .error, basis: .recipeDefect,
        summary: "The file must be an Anchorage recipe, not another kind of document.",
        rationale: """
            A notebook record (XML), the recipe JSON Schema, an empty file or a plain list handed to `validate` by mistake \
            would otherwise produce a cascade of meaningless findings. Anchorage says once what the file is instead.
            """,
        triggering: [
            RuleExample("↓<?xml version=\"1.0\"?>\n<record xmlns=\"urn:anchorage:notebook\"/>\n"),
            RuleExample("↓{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", \"properties\": {}}\n"),
            RuleExample("↓- just\n- a list\n"),
        ],
        nonTriggering: [
            RuleExample("anchorage: 1\nid: x\n")
        ])
}
