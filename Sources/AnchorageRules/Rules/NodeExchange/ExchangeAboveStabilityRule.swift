import AnchorageCore

struct ExchangeAboveStabilityRule: Rule {
    static let description = RuleDescription(
        id: "NODE-003", name: "exchange-above-framework-stability", family: .nodeExchange, severity: .error,
        basis: .ruledOut(citation: "brozek-dinca-2014-cation-exchange"),
        summary: "Exchange conditions must stay below the temperature at which the host decomposes.",
        rationale: """
            Node exchange only gives isolated sites if the framework survives it: the incoming ions take the place of \
            node cations in an intact lattice. Heated to its decomposition temperature the framework collapses and the \
            metal ends in an amorphous solid. The limit is the host's thermal stability from the framework catalog; no \
            sourced 'mild' limit for exchange exists (data: node_exchange.mild_conditions.max_temperature_C is empty), so \
            for a host without a sourced stability the rule says nothing.
            """,
        references: ["review-pom-admc", "brozek-dinca-2014-cation-exchange"],
        triggering: [
            .recipe(
                route: "node-exchange", host: "ZIF-8", metals: "[Co]",
                reagents: "co: {name: cobalt(II) chloride hexahydrate, formula: CoCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [co]\n  in: {dmf: 10 mL}\n  temperature: ↓600 °C\n  time: 24 h")
        ],
        nonTriggering: [
            .recipe(
                route: "node-exchange", host: "ZIF-8", metals: "[Co]",
                reagents: "co: {name: cobalt(II) chloride hexahydrate, formula: CoCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [co]\n  in: {dmf: 10 mL}\n  temperature: 60 °C\n  time: 24 h")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .nodeExchange else { return [] }
        guard let host = context.host else { return context.unknownHost.map { [notChecked($0)] } ?? [] }
        if let missing = context.unknownHostStability { return [notChecked(missing)] }
        return context.stepsAboveHostStability().map { hot in
            finding(
                "\(QuantityFormat.number(hot.celsius)) °C reaches the \(QuantityFormat.number(hot.limit)) °C at which \(host.name) decomposes",
                at: hot.location, notes: [DiagnosticNote("stability source: \(host.thermalStabilitySource ?? "framework catalog")")])
        }
    }
}
