import AnchorageCore

struct NoExchangeStepRule: Rule {
    static let description = RuleDescription(
        id: "NODE-004", name: "no-exchange-step", family: .nodeExchange, severity: .error, basis: .ruledOut(citation: "review-pom-admc"),
        summary:
            "A node-exchange recipe must bring the incoming metal salt to the made host in solution: that is the exchange, whatever the step is called.",
        rationale: """
            The route is post-synthetic: a made framework is soaked in a solution of the incoming metal salt, often \
            repeatedly with fresh solution, until the node cations are exchanged. Without that step nothing is exchanged. \
            Soaking the host in the salt's solution is the exchange whether the step says `ion-exchange`, `impregnate` \
            or `add`; milling the salt with the dry host, or a host that is pyrolysed first, exchanges nothing.
            """,
        references: ["review-pom-admc", "brozek-dinca-2014-cation-exchange"],
        triggering: [
            .recipe(
                route: "↓node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- add: [mof]\n- pyrolyze: {temperature: 800 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: N2}\n- impregnate: [ni]\n  in: {dmf: 10 mL}\n  time: 24 h"
            ),
            .recipe(
                route: "↓node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}",
                steps: "- mill: [mof, ni]\n  time: 30 min"),
        ],
        nonTriggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents: "ni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h"),
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) nitrate hexahydrate, formula: Ni(NO3)2·6H2O, mass: 150 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- add: [mof]\n  in: {dmf: 5 mL}\n- impregnate: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 3 d"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .nodeExchange, context.course.exchanges.isEmpty else { return [] }
        return [
            finding(
                "nothing brings a metal salt to the made host in solution: a node-exchange recipe without that exchanges nothing",
                at: context.recipe.route.location,
                notes: [DiagnosticNote("soak the host in a solution of the incoming metal salt (an `ion-exchange` step)")])
        ]
    }
}
