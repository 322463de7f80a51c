import AnchorageCore

struct UnsuitableALDSupportRule: Rule {
    static let description = RuleDescription(
        id: "AIM-001", name: "unsuitable-ald-support", family: .aim, severity: .error, basis: .ruledOut(citation: "review-pom-admc"),
        summary:
            "ALD in MOFs needs a support known to tolerate it, chiefly NU-1000; narrow-windowed MOFs such as UiO-66 do not admit the precursor.",
        rationale: """
            In AIM a volatile precursor must diffuse in the gas phase through the framework's windows to the node \
            –OH/–OH2 in every pore, then react self-limitingly; the framework must survive both half-reactions. NU-1000, \
            with its mesoporous channels and its hydroxylated Zr6 nodes, is the support this has been shown on; the \
            review names the stringent requirements as limiting AIM chiefly to it. A microporous framework such as \
            UiO-66 (window about 4 Å) lets the precursor coat only the outside of the crystals \
            (data: aim.supports; windows from the framework catalog).
            """,
        references: ["review-pom-admc", "mondloch-2013-aim-nu1000", "kim-2015-aim-indium-nu1000", "planas-2014-nu1000-protons"],
        triggering: [
            .recipe(
                route: "aim", host: "↓UiO-66", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: inert gas only'}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .aim, let written = context.recipe.host else { return [] }
        let supports = context.knowledge.chemistry.list("aim.supports")
        guard !supports.isEmpty, !context.hostIsListed(supports) else { return [] }
        var notes = [DiagnosticNote("supports on record: " + supports.joined(separator: ", "), citation: "review-pom-admc")]
        if let window = context.host?.windowDiameter {
            let reference = supports.compactMap { context.knowledge.hosts.host(named: $0) }.compactMap { host in
                host.windowDiameter.map { "\(host.name) \(QuantityFormat.number($0, significant: 3)) Å" }
            }
            notes.append(
                DiagnosticNote(
                    "window (pore-limiting diameter) \(QuantityFormat.number(window, significant: 3)) Å"
                        + (reference.isEmpty ? "" : "; " + reference.joined(separator: ", "))))
        }
        return [
            finding(
                "\(context.host?.name ?? written.value) is not a support known to tolerate ALD: the precursor cannot reach the nodes inside",
                at: written.location, notes: notes)
        ]
    }
}
