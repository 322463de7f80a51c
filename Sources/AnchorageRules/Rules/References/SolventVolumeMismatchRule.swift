import AnchorageCore

struct SolventVolumeMismatchRule: Rule {
    static let description = RuleDescription(
        id: "REF-003", name: "solvent-volume-mismatch", family: .references, severity: .error, basis: .recipeDefect,
        summary: "A solvent's declared total volume must equal the sum of the volumes the steps use (within 2 %).",
        rationale: """
            When a recipe states 'methanol, 60 mL' and its steps use 30 + 30 + 3 × 20 mL, one of the two is wrong: the \
            chemist either runs short at the bench or the scaled protocol misstates the waste. Washes count once per \
            repetition. An `acid-etch` volume counts against the acid only when the acid reagent is the solution at the \
            step's concentration: a concentrated stock is diluted to that volume, not used as it.
            """,
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "meoh: {name: methanol, role: solvent}", with: "meoh: {name: methanol, role: solvent, volume: ↓60 mL}"),
                steps: RuleExample.feZIF8Steps)
        ],
        nonTriggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents.replacingOccurrences(
                    of: "meoh: {name: methanol, role: solvent}", with: "meoh: {name: methanol, role: solvent, volume: 120 mL}"),
                steps: RuleExample.feZIF8Steps),
            .recipe(
                reagents: RuleExample.feZIF8Reagents + "\nh2so4: {name: sulfuric acid, volume: 2.8 mL, density: 1.84 g/mL, role: acid}",
                steps: RuleExample.feZIF8Steps
                    + "\n- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h, volume: 100 mL}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.resolved.reagents.compactMap { reagent in
            guard let declared = reagent.reagent.volume, reagent.reagent.concentration == nil, reagent.volumeUsedInSteps > 0 else {
                return nil
            }
            let stated = declared.value.canonicalValue
            let used = reagent.volumeUsedInSteps
            guard abs(stated - used) / max(stated, used) > AmountsDisagreeRule.tolerance else { return nil }
            return finding(
                "'\(reagent.id)' is declared as \(declared.value) but the steps use \(QuantityFormat.volume(milliliters: used))",
                at: declared.location,
                notes: context.recipe.steps.flatMap { step in
                    step.solventVolumes(.`in`).filter { $0.reagent.value == reagent.id }.map {
                        DiagnosticNote("step \(step.number): \($0.volume.value)", at: $0.volume.location)
                    }
                })
        }
    }
}
