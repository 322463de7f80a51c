import AnchorageCore

struct MetalExceedsNodeSitesRule: Rule {
    static let description = RuleDescription(
        id: "SIM-003", name: "metal-exceeds-node-sites", family: .sim, severity: .warning,
        basis: .publishedRisk(citation: "planas-2014-nu1000-protons"),
        summary: "More metal per node than the node has terminal –OH/–OH2 ligands cannot all be grafted as isolated sites.",
        rationale: """
            Each grafted metal atom replaces terminal –OH/–OH2 ligands of a node; the NU-1000 node \
            [Zr6(μ3-O)4(μ3-OH)4(OH)4(OH2)4]8+ has four of each. Metal beyond that count has no site and deposits as \
            oxide clusters. The nodes are counted from the support weighed in (its formula gives moles of node metal, six \
            per node); the count per node is an upper bound (data: sim.anchoring_sites_per_node, sourced for NU-1000 only).
            """,
        references: ["planas-2014-nu1000-protons", "review-pom-admc"],
        triggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents:
                    "nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}\nv: {name: vanadyl acetylacetonate, mass: ↓200 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- add: [nu]\n  in: {meoh: 10 mL}\n- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ],
        nonTriggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents:
                    "nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}\nv: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- add: [nu]\n  in: {meoh: 10 mL}\n- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .sim || context.route == .aim else { return [] }
        guard let (key, entry) = context.hostEntry(in: "sim.anchoring_sites_per_node"),
            let sites = context.knowledge.chemistry.threshold("sim.anchoring_sites_per_node.\(key)"), let perNode = sites.number
        else {
            // A known host with terminal –OH/–OH2 whose node is not counted: the sites per node are missing (an unknown
            // host is REF-006's; a node without terminal –OH/–OH2 is SIM-001's).
            guard let host = context.host, host.has(site: "terminal-oh"), context.targetMetalMoles != nil else { return [] }
            let key = context.hostEntry(in: "sim.anchoring_sites_per_node")?.key ?? host.name
            return [
                notChecked(
                    .chemistry(
                        "the terminal –OH/–OH2 per node of \(host.name)", key: "sim.anchoring_sites_per_node.\(key)",
                        at: context.hostLocation))
            ]
        }
        guard
            let nodeMetal = entry["node_metal"]?.text, let atomsPerNode = entry["node_metal_atoms"]?.number, atomsPerNode > 0,
            let support = context.supportReagent, let supportMoles = support.moles, let formula = support.formula,
            let metal = context.targetMetalMoles
        else { return [] }
        let nodes = supportMoles * formula.count(of: nodeMetal) / atomsPerNode
        guard nodes > 0, metal / nodes > perNode else { return [] }
        let location = context.targetMetalReagents.first?.estimates.first?.location ?? context.recipe.target.site.location
        return [
            finding(
                "\(QuantityFormat.number(metal / nodes, significant: 3)) metal atoms per \(key) node, which has \(QuantityFormat.number(perNode)) terminal –OH/–OH2: the excess cannot be grafted",
                at: location, notes: [sites.sourceNote])
        ]
    }
}
