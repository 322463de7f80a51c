struct YAMLSyntaxRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-001", name: "yaml-syntax", family: .format, severity: .error, basis: .recipeDefect,
        summary: "The file must be well-formed YAML.",
        rationale: """
            A recipe is read as YAML before anything else; a tab used for indentation, a quote left open or a line indented \
            out of step stops the reading at that place. The error points at the character where the reader gave up. The \
            whole file is read before any check runs, as RFC 9512 advises, so a recipe is never half-checked.
            """,
        references: ["rfc-9512-yaml-media-type"],
        triggering: [
            RuleExample("anchorage: 1\nid: x\ntitle: \"unclosed\n↓"),
            RuleExample("anchorage: 1\nreagents:\n↓\tzn: {name: zinc nitrate}\n"),
        ],
        nonTriggering: [
            RuleExample("anchorage: 1\nid: x\ntitle: \"closed\"\n")
        ])
}
