import AnchorageCore

/// A rule whose finding is made while the recipe is read (syntax, shape, units), before there is a recipe to check.
/// Its description and examples live here like every other rule's; its examples run through the same pipeline.
public protocol LoaderRule: Rule {}

extension LoaderRule {
    public func check(_ context: RuleContext) -> [Diagnostic] { [] }
}
