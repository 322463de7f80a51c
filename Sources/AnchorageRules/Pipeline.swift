import AnchorageCore
import Foundation

/// The stages every command runs, as functions the tests call too: load → resolve (the reagents, the course of the
/// synthesis and the fit verdicts) → check (the rules). The protocol, the notebook record and the planner start from
/// a checked recipe.
public enum Pipeline {
  /// A file read and decoded: the recipe, or the diagnostics that say why there is none.
  public struct Loaded: Sendable {
    public var file: String
    public var recipe: Recipe?
    public var diagnostics: [Diagnostic]
  }

  /// A recipe with its chemicals looked up, its course followed and its precursors sized against the host.
  public struct Resolved: Sendable {
    public var file: String
    public var context: RuleContext
    /// What the course was given from the data; the protocol follows the (scaled) recipe with the same.
    public var course: CourseKnowledge
    public var loadDiagnostics: [Diagnostic]
  }

  public static func load(text: String, file: String) -> Loaded {
    var decoder = RecipeDecoder(file: file)
    let recipe = decoder.decode(text: text)
    return Loaded(file: file, recipe: recipe, diagnostics: decoder.diagnostics)
  }

  /// Reads the file; throws only when it cannot be read at all.
  public static func load(path: String) throws -> Loaded {
    let (recipe, diagnostics) = try RecipeDecoder.load(path: path)
    return Loaded(file: path, recipe: recipe, diagnostics: diagnostics)
  }

  public static func resolve(_ loaded: Loaded, knowledge: Knowledge) -> Resolved? {
    guard let recipe = loaded.recipe else { return nil }
    let course = knowledge.courseKnowledge(for: recipe)
    let resolved = RecipeResolver.resolve(
      recipe, catalog: knowledge.chemicals, elements: knowledge.elements, course: course)
    return Resolved(
      file: loaded.file,
      context: RuleContext(recipe: recipe, resolved: resolved, knowledge: knowledge),
      course: course,
      loadDiagnostics: loaded.diagnostics)
  }

  public static func check(
    _ loaded: Loaded, knowledge: Knowledge, rules: [any Rule] = RuleRegistry.rules
  ) -> ValidationResult {
    guard let resolved = resolve(loaded, knowledge: knowledge) else {
      return ValidationResult(
        file: loaded.file, recipe: nil, resolved: nil, course: nil,
        diagnostics: loaded.diagnostics.sortedByLocation())
    }
    var diagnostics = resolved.loadDiagnostics
    for rule in rules { diagnostics += rule.check(resolved.context) }
    return ValidationResult(
      file: loaded.file, recipe: resolved.context.recipe, resolved: resolved.context.resolved,
      course: resolved.course,
      confinedPrecursors: resolved.context.confinedPrecursors,
      diagnostics: Validator.deduplicated(diagnostics).sortedByLocation())
  }
}
