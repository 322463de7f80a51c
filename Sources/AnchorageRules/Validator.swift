import AnchorageCore
import Foundation

/// A checked recipe: what the rules found, with the stages before them.
public struct ValidationResult: Sendable {
    public var file: String
    public var recipe: Recipe?
    public var resolved: ResolvedRecipe?
    /// What the course of the synthesis was given from the data (for the protocol of the same recipe).
    public var course: CourseKnowledge?
    /// The pore-confinement precursors and their fit verdicts, as the rules saw them.
    public var confinedPrecursors: [ConfinedPrecursor] = []
    public var diagnostics: [Diagnostic]
}

/// The rules run over a recipe: `Pipeline.check` with a fixed knowledge and rule set.
public struct Validator: Sendable {
    public var knowledge: Knowledge
    public var rules: [any Rule]

    public init(knowledge: Knowledge, rules: [any Rule] = RuleRegistry.rules) {
        self.knowledge = knowledge
        self.rules = rules
    }

    public func validate(text: String, file: String) -> ValidationResult {
        Pipeline.check(Pipeline.load(text: text, file: file), knowledge: knowledge, rules: rules)
    }

    /// Reads the file; throws only when it cannot be read at all.
    public func validate(path: String) throws -> ValidationResult {
        Pipeline.check(try Pipeline.load(path: path), knowledge: knowledge, rules: rules)
    }

    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
