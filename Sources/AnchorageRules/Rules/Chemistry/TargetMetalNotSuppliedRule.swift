import AnchorageCore

struct TargetMetalNotSuppliedRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-006", name: "target-metal-not-supplied", family: .chemistry, severity: .error, basis: .recipeDefect,
        summary: "Every target metal must be brought by some reagent.",
        rationale: """
            A recipe for Fe single atoms whose reagents carry no iron cannot make them; most often a reagent is missing or \
            the target names the wrong metal.
            """,
        triggering: [
            .recipe(metals: "[↓Co]", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(metals: "[Fe]", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let supplied = Set(context.resolved.reagents.flatMap(\.metals))
        // A reagent whose formula is unknown may carry the metal: the check cannot run until its formula is known.
        let unknown = context.resolved.reagents.filter { $0.formula == nil && $0.chemical?.metal == nil && !$0.isSolventLike }
        return context.recipe.target.metals.compactMap { metal in
            guard !supplied.contains(metal.value) else { return nil }
            if let reagent = unknown.first { return notChecked(context.unknownFormula(of: reagent)) }
            return finding(
                "no reagent brings \(metal.value), the target metal", at: metal.location,
                notes: [DiagnosticNote("metals brought: " + (supplied.isEmpty ? "none" : supplied.sorted().joined(separator: ", ")))])
        }
    }
}
