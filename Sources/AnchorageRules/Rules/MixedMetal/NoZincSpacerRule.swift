import AnchorageCore

struct NoZincSpacerRule: Rule {
    static let description = RuleDescription(
        id: "MIX-003", name: "no-zinc-spacer", family: .mixedMetal, severity: .error,
        basis: .ruledOut(citation: "han-2019-co-np-cluster-sa"),
        summary: "A mixed-metal ZIF needs Zn beside the target metal to keep its atoms apart.",
        rationale: """
            Zn dilutes the target metal over the nodes of the ZIF so that, when the framework is pyrolysed and Zn \
            evaporates, the target atoms are too far apart to aggregate; with too little Zn the metal forms clusters and \
            nanoparticles instead (Han et al. show Zn content deciding between nanoparticles, clusters and single atoms). \
            The minimum Zn:M ratio could not be sourced (data: mixed_metal_zif.zn_to_metal_min_molar_ratio is empty), so \
            with no Zn at all this rule is an error (the nanoparticle end of Han's series), and with Zn supplied the \
            ratio check says it could not run (not checked) until a sourced ratio is in the data; below such a ratio \
            it is a warning.
            """,
        references: ["review-pom-admc", "han-2019-co-np-cluster-sa", "yin-2016-co-sas"],
        triggering: [
            .recipe(
                route: "↓mixed-metal-pyrolysis", metals: "[Co]",
                reagents:
                    "co: {name: cobalt(II) nitrate hexahydrate, mass: 1.0 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [co]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", host: "Mg-MOF-74", metals: "[Ni]",
                reagents:
                    "mg: {name: magnesium nitrate hexahydrate, formula: Mg(NO3)2·6H2O, mass: 0.71 g}\nni: {name: nickel(II) nitrate hexahydrate, mass: 0.04 g}\ndobdc: {name: \"2,5-dihydroxyterephthalic acid\", formula: C8H6O6, mass: 0.17 g}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- dissolve: [mg, ni, dobdc]\n  in: {dmf: 30 mL}\n- solvothermal: {temperature: 125 °C, time: 20 h, vessel: 50 mL}\n- pyrolyze: {temperature: 800 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: Ar}"
            )
        ],
        unknown: [
            .recipe(
                route: "mixed-metal-pyrolysis", metals: "[Co]",
                reagents:
                    "↓zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}\nco: {name: cobalt(II) nitrate hexahydrate, mass: 0.33 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn, co]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let targets = Set(context.recipe.target.metals.map(\.value))
        guard context.route == .mixedMetalPyrolysis, !targets.contains("Zn") else { return [] }
        // The spacer is Zn in a ZIF; in another host the host's own node metal does the same work (Mg in MgNi-MOF-74).
        let hostOwn = (context.host?.metals ?? []).filter { !targets.contains($0) && $0 != "Zn" }
        let spacers = ["Zn"] + hostOwn
        let zinc = context.resolved.metalAmounts["Zn"] ?? 0
        if zinc > 0 {
            // The ratio matters only for metals on record as ZIF nodes: for the others MIX-001/MIX-002 say what is wrong.
            let substituting = Set(context.knowledge.chemistry.list("mixed_metal_zif.metals_that_substitute_zn"))
            return targets.isSubset(of: substituting) ? zincRatio(context, zinc: zinc) : []
        }
        guard spacers.allSatisfy({ (context.resolved.metalAmounts[$0] ?? 0) == 0 }) else { return [] }
        // A reagent whose formula is unknown may carry Zn: the check cannot run until its formula is known.
        if let reagent = context.resolved.reagents.first(where: { $0.formula == nil && !$0.isSolventLike && $0.role != .support }) {
            return [notChecked(context.unknownFormula(of: reagent))]
        }
        // A spacer salt is declared but its amount could not be computed (CHEM-003 says why): it is supplied.
        let declared = context.resolved.reagents.contains { reagent in
            !reagent.isSolventLike && reagent.moles == nil && !Set(reagent.metals).isDisjoint(with: spacers)
        }
        guard !declared else { return [] }
        let named =
            hostOwn.isEmpty ? "Zn" : "Zn or \(hostOwn.joined(separator: ", ")) (the node metal of \(context.host?.name ?? "the host"))"
        let hint =
            hostOwn.isEmpty
            ? "add a Zn salt (e.g. zinc nitrate) to build a Zn/M bimetallic ZIF"
            : "add a salt of \(hostOwn.joined(separator: " or ")) so that the target metal takes only some of the node positions"
        return [
            finding(
                "no \(named) is supplied to space the target metal apart: it will aggregate into particles on pyrolysis",
                at: context.recipe.route.location,
                notes: [DiagnosticNote(hint)])
        ]
    }

    /// Zn is supplied; whether it is enough is the Zn:M molar ratio against the least one at which M was reported as single
    /// atoms (data: mixed_metal_zif.zn_to_metal_min_molar_ratio, the margin its data support written into the value).
    /// Below it is a warning (clusters or particles are the published risk); while no value is on record the check
    /// cannot run, and says so.
    func zincRatio(_ context: RuleContext, zinc: Double) -> [Diagnostic] {
        let location =
            context.resolved.reagents.first { $0.metals.contains("Zn") && !$0.isSolventLike }?.reagent.id.location
            ?? context.recipe.route.location
        guard let limit = context.knowledge.chemistry.threshold("mixed_metal_zif.zn_to_metal_min_molar_ratio"), let minimum = limit.number
        else {
            return [
                notChecked(
                    .chemistry(
                        "the least Zn:M molar ratio that keeps M single atoms", key: "mixed_metal_zif.zn_to_metal_min_molar_ratio",
                        at: location),
                    notes: [
                        DiagnosticNote(
                            "Han et al. show Zn content deciding between nanoparticles, clusters and single atoms; their ratios were not read",
                            citation: "han-2019-co-np-cluster-sa")
                    ])
            ]
        }
        let metals = context.recipe.target.metals.map(\.value).filter { $0 != "Zn" }
        let metal = metals.compactMap { context.resolved.metalAmounts[$0] }.reduce(0, +)
        guard metal > 0, zinc / metal < minimum else { return [] }
        return [
            finding(
                .warning,
                "Zn:M \(QuantityFormat.number(zinc / metal, significant: 3)) is below the \(QuantityFormat.number(minimum)) at which M stayed single atoms: expect clusters or particles",
                at: location, notes: [DiagnosticNote("add Zn, or less of the target metal"), limit.sourceNote])
        ]
    }
}
