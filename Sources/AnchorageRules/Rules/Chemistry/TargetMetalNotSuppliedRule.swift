import AnchorageCore

struct TargetMetalNotSuppliedRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-006", name: "target-metal-not-supplied", family: .chemistry, severity: .error,
        summary: "Every target metal must be brought by some reagent.",
        rationale: """
            A recipe for Fe single atoms whose reagents carry no iron cannot make them; most often a reagent is missing or \
            the target names the wrong metal.
            """,
        triggering: [
            .recipe(metals: "[↓Co]", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
        ],
        nonTriggering: [
            .recipe(metals: "[Fe]", reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        // Reagents whose formula is unknown may carry the metal: say nothing rather than something wrong.
        guard context.resolved.reagents.allSatisfy({ $0.formula != nil || $0.chemical?.metal != nil || $0.isSolventLike }) else { return [] }
        let supplied = Set(context.resolved.reagents.flatMap(\.metals))
        return context.recipe.target.metals.compactMap { metal in
            guard !supplied.contains(metal.value) else { return nil }
            return finding("no reagent brings \(metal.value), the target metal", at: metal.location,
                           notes: [DiagnosticNote("metals brought: " + (supplied.isEmpty ? "none" : supplied.sorted().joined(separator: ", ")))])
        }
    }
}
