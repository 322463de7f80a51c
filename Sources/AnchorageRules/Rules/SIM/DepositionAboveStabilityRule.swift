import AnchorageCore

struct DepositionAboveStabilityRule: Rule {
    static let description = RuleDescription(
        id: "SIM-002", name: "deposition-above-framework-stability", family: .sim, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary: "SIM deposition must stay below the temperature at which the host decomposes.",
        rationale: """
            SIM relies on the thermal and chemical stability of the node-bearing framework: the metal is grafted onto \
            nodes of an intact lattice, which keeps the sites apart. At the host's decomposition temperature the \
            framework collapses. The limit is the host's thermal stability in the framework catalog; no sourced upper \
            temperature for SIM itself exists (data: sim.max_temperature_C is empty), so for a host without a sourced \
            stability the rule says nothing.
            """,
        references: ["review-pom-admc", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "sim", host: "UiO-66", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C\n- heat: {temperature: ↓600 °C, time: 2 h}")
        ],
        nonTriggering: [
            .recipe(
                route: "sim", host: "UiO-66", metals: "[V]",
                reagents: "v: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C\n- heat: {temperature: 120 °C, time: 2 h}")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .sim else { return [] }
        guard let host = context.host else { return context.unknownHost.map { [notChecked($0)] } ?? [] }
        if let missing = context.unknownHostStability { return [notChecked(missing)] }
        return context.stepsAboveHostStability().map { hot in
            finding(
                "\(QuantityFormat.number(hot.celsius)) °C reaches the \(QuantityFormat.number(hot.limit)) °C at which \(host.name) decomposes",
                at: hot.location, notes: [DiagnosticNote("stability source: \(host.thermalStabilitySource ?? "framework catalog")")])
        }
    }
}
