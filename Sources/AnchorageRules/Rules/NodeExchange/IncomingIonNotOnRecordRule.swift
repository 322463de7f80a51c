import AnchorageCore

struct IncomingIonNotOnRecordRule: Rule {
    static let description = RuleDescription(
        id: "NODE-002", name: "incoming-ion-not-on-record", family: .nodeExchange, severity: .unknown, basis: .missingData,
        summary: "The incoming metal should be one known to exchange into that node (MFU-4l: Ni2+, Co2+, Ti3+/4+, Cr2+/3+, V4+).",
        rationale: """
            Whether an ion replaces a node cation depends on its charge, size and preferred coordination matching the \
            site it enters. For the Zn5 node of MFU-4l the review lists Ni2+, Co2+, Ti3+/Ti4+, Cr2+/Cr3+ and V4+ as \
            exchanged while keeping the local coordination; other ions are not on record and may not enter \
            (data: node_exchange.nodes.<host>.incoming_ions).
            """,
        references: ["review-pom-admc", "comito-2016-mfu4l-exchange"],
        triggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[↓Fe]",
                reagents: "fe: {name: iron(II) chloride tetrahydrate, formula: FeCl2·4H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [fe]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h")
        ],
        nonTriggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Co]",
                reagents: "co: {name: cobalt(II) chloride hexahydrate, formula: CoCl2·6H2O, mass: 50 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- ion-exchange: [co]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 24 h")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .nodeExchange, let (name, entry) = context.hostEntry(in: "node_exchange.nodes") else { return [] }
        let ions = entry["incoming_ions"]?.strings ?? []
        let metals = Set(ions.map { String($0.prefix { $0.isLetter }) })
        guard !metals.isEmpty else { return [] }
        return context.recipe.target.metals.compactMap { metal in
            guard !metals.contains(metal.value) else { return nil }
            return notChecked(
                .chemistry(
                    "\(metal.value) exchanging into the node of \(name)", key: "node_exchange.nodes.\(name).incoming_ions",
                    at: metal.location),
                notes: [DiagnosticNote("on record: " + ions.joined(separator: ", "), citation: "review-pom-admc")])
        }
    }
}
