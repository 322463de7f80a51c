import AnchorageCore

struct NotASolventRule: Rule {
    static let description = RuleDescription(
        id: "REF-004", name: "not-a-solvent", family: .references, severity: .warning, basis: .writingSlip,
        summary: "What a step dissolves in or washes with should be a liquid, not a metal salt, precursor or linker.",
        rationale: """
            `in: {zn: 30 mL}` measures a volume of a solid; most often the solvent id and a reagent id were swapped.
            """,
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: """
                    - dissolve: [meoh, fe]
                      in: {↓zn: 30 mL}
                    - dissolve: [hmim]
                      in: {meoh: 30 mL}
                    """)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    static let solidRoles: Set<ReagentRole> = [.metalSalt, .metalPrecursor, .linker, .support]

    func check(_ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for step in context.recipe.steps {
            var liquids = step.solventVolumes(.`in`).map(\.reagent)
            if let with = step.reagent(.with) { liquids.append(with) }
            for liquid in liquids {
                guard let reagent = context.resolved.reagent(liquid.value), let role = reagent.role, Self.solidRoles.contains(role) else {
                    continue
                }
                findings.append(
                    finding("'\(liquid.value)' (\(reagent.displayName), a \(role.rawValue)) is used as a solvent", at: liquid.location))
            }
        }
        return findings
    }
}
