import AnchorageCore

struct NodeNotExchangeableRule: Rule {
    static let description = RuleDescription(
        id: "NODE-001", name: "node-not-known-exchangeable", family: .nodeExchange, severity: .unknown, basis: .missingData,
        summary: "Metal-node exchange needs a host whose node cations are known to exchange (MFU-4l's Zn5 clusters).",
        rationale: """
            Post-synthetic exchange replaces cations of the node while the framework stays intact; it works where the \
            node's metal is labile and its coordination can take the incoming ion, as for the peripheral Zn2+ of the Zn5 \
            clusters of MFU-4l. A node not known to exchange may not exchange at all, or only at the surface \
            (data: node_exchange.nodes).
            """,
        references: ["review-pom-admc", "comito-2016-mfu4l-exchange", "brozek-dinca-2014-cation-exchange"],
        triggering: [
            .recipe(
                route: "node-exchange", host: "↓UiO-66", metals: "[Ni]",
                reagents: "ni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h")
        ],
        nonTriggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents: "ni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h"),
            .recipe(
                route: "node-exchange", host: "MOF-5", metals: "[Ni]",
                reagents:
                    "ni: {name: nickel(II) nitrate hexahydrate, formula: Ni(NO3)2·6H2O, mass: 0.58 g}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 7 d"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .nodeExchange, let written = context.recipe.host else { return [] }
        if let (_, entry) = context.hostEntry(in: "node_exchange.nodes"), entry["exchangeable"]?.bool == true { return [] }
        if context.host?.has(site: "exchangeable-node") == true { return [] }
        let known = context.knowledge.chemistry.entry("node_exchange.nodes")?.keys ?? []
        return [
            notChecked(
                .chemistry(
                    "an exchange of \(context.host?.name ?? written.value)'s node cations", key: "node_exchange.nodes", at: written.location
                ),
                notes: [DiagnosticNote("nodes known to exchange: " + known.joined(separator: ", "))])
        ]
    }
}
