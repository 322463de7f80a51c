struct NewerFormatVersionRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-003", name: "newer-format-version", family: .format, severity: .error, basis: .recipeDefect,
        summary: "The recipe's format version must be one this Anchorage reads.",
        rationale: """
            A recipe written for a later format may use fields whose meaning this version does not know; reading it anyway \
            could silently drop a step or a quantity. Anchorage stops and asks for an update instead.
            """,
        triggering: [RuleExample("anchorage: ↓2\nid: x\n")],
        nonTriggering: [RuleExample("anchorage: 1\nid: x\n")])
}
