import AnchorageCore

struct NoExchangeStepRule: Rule {
    static let description = RuleDescription(
        id: "NODE-004", name: "no-exchange-step", family: .nodeExchange, severity: .error,
        summary: "A node-exchange recipe needs an `ion-exchange` step that soaks the host in the incoming metal salt.",
        rationale: """
            The route is post-synthetic: a made framework is soaked in a solution of the incoming metal salt, often \
            repeatedly with fresh solution, until the node cations are exchanged. Without that step nothing is exchanged.
            """,
        references: ["review-pom-admc", "brozek-dinca-2014-cation-exchange"],
        triggering: [
            .recipe(route: "↓node-exchange", host: "MFU-4l", metals: "[Ni]",
                    reagents: "ni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                    steps: "- dissolve: [ni]\n  in: {dmf: 10 mL}\n- stir: {time: 24 h}"),
        ],
        nonTriggering: [
            .recipe(route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                    reagents: "ni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                    steps: "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .nodeExchange, context.steps(.ionExchange).isEmpty else { return [] }
        return [finding("a node-exchange recipe without an `ion-exchange` step exchanges nothing", at: context.recipe.route.location)]
    }
}
