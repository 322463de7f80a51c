import AnchorageCore
import Foundation

/// The whole pipeline for one recipe: load → resolve → check.
public struct ValidationResult: Sendable {
    public var file: String
    public var recipe: Recipe?
    public var resolved: ResolvedRecipe?
    public var diagnostics: [Diagnostic]
}

public struct Validator: Sendable {
    public var knowledge: Knowledge
    public var rules: [any Rule]

    public init(knowledge: Knowledge, rules: [any Rule] = RuleRegistry.rules) {
        self.knowledge = knowledge
        self.rules = rules
    }

    public func validate(text: String, file: String) -> ValidationResult {
        var decoder = RecipeDecoder(file: file)
        let recipe = decoder.decode(text: text)
        return check(recipe: recipe, loadDiagnostics: decoder.diagnostics, file: file)
    }

    /// Reads the file; throws only when it cannot be read at all.
    public func validate(path: String) throws -> ValidationResult {
        let (recipe, diagnostics) = try RecipeDecoder.load(path: path)
        return check(recipe: recipe, loadDiagnostics: diagnostics, file: path)
    }

    func check(recipe: Recipe?, loadDiagnostics: [Diagnostic], file: String) -> ValidationResult {
        guard let recipe else {
            return ValidationResult(file: file, recipe: nil, resolved: nil, diagnostics: loadDiagnostics.sortedByLocation())
        }
        let resolved = RecipeResolver.resolve(
            recipe, catalog: knowledge.chemicals, elements: knowledge.elements, course: knowledge.courseKnowledge(for: recipe))
        let context = RuleContext(recipe: recipe, resolved: resolved, knowledge: knowledge)
        var diagnostics = loadDiagnostics
        for rule in rules { diagnostics += rule.check(context) }
        return ValidationResult(file: file, recipe: recipe, resolved: resolved, diagnostics: Self.deduplicated(diagnostics).sortedByLocation())
    }

    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
