import AnchorageCore

struct MissingAmountRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-003", name: "missing-amount", family: .chemistry, severity: .error, basis: .recipeDefect,
        summary: "Every reagent that is weighed or measured out needs an amount (mass, moles, or volume with density or concentration).",
        rationale: """
            Without an amount nothing can be weighed, no ratio or loading can be computed and the protocol cannot be scaled. \
            Solvents take their volumes from the steps; gases and ALD reactants are dosed by the step; everything else \
            needs an amount.
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(reagents: "↓fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3}", steps: "- add: [fe]"),
            .recipe(reagents: "↓ox: {name: oxalic acid solution, formula: H2C2O4, volume: 5 mL, role: acid}", steps: "- add: [ox]"),
            .recipe(reagents: "zn: {name: zinc nitrate hexahydrate, concentration: ↓10 wt%, volume: 5 mL}", steps: "- add: [zn]"),
        ],
        nonTriggering: [
            .recipe(reagents: "fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g}", steps: "- add: [fe]"),
            .recipe(reagents: "hcl: {name: hydrochloric acid, formula: HCl, volume: 5 mL, concentration: 1 M}", steps: "- add: [hcl]"),
            .recipe(
                reagents: "zn: {name: zinc nitrate hexahydrate, concentration: 10 wt%, volume: 5 mL, density: 1.1 g/mL}",
                steps: "- add: [zn]"),
        ])

    static let dosedByTheStep: Set<ReagentRole> = [.solvent, .gas, .aldPrecursor, .coReactant]

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.resolved.reagents.compactMap { reagent in
            if let role = reagent.role, Self.dosedByTheStep.contains(role) { return nil }
            if reagent.isSolventLike { return nil }
            // A formula that cannot be read is reported by CHEM-001; the amount may be fine.
            if reagent.formulaProblem != nil || reagent.reagent.hasUnreadableAmount { return nil }
            if !reagent.estimates.isEmpty { return nil }
            let r = reagent.reagent
            if r.volume != nil, let strength = r.concentration?.value, strength.dimension == .massFraction {
                return finding(
                    "'\(reagent.id)': \(strength) is a mass fraction: the volume gives an amount only with the solution's density",
                    at: r.concentration?.location ?? r.id.location,
                    notes: [DiagnosticNote("add `density:` of the solution (not of the pure solid), or give the strength in M or mg/mL")])
            }
            if r.volume != nil {
                return finding(
                    "'\(reagent.id)': a volume alone does not give an amount: add a concentration or a density", at: r.id.location,
                    notes: [DiagnosticNote("or mark it `role: solvent` if it is a solvent")])
            }
            if r.mass != nil || r.amount != nil {
                return finding(
                    "'\(reagent.id)': no formula, so its amount cannot be computed", at: r.id.location,
                    notes: [DiagnosticNote("add `formula:` or use a name from the catalog")])
            }
            return finding(
                "'\(reagent.id)' has no amount: give `mass`, `amount`, or `volume` with `density` or `concentration`",
                at: r.id.location)
        }
    }
}
