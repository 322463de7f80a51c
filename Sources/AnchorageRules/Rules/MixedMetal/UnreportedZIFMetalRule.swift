import AnchorageCore

struct UnreportedZIFMetalRule: Rule {
    static let description = RuleDescription(
        id: "MIX-002", name: "zif-metal-not-on-record", family: .mixedMetal, severity: .unknown, basis: .missingData,
        summary: "A target metal that is neither known to replace Zn in a ZIF nor known not to should be checked in the literature first.",
        rationale: """
            The review names Fe, Co, Ni and Mn as metals spaced apart by Zn in a bimetallic ZIF, and Pt, Pd, Ru, Ir as \
            metals that cannot be nodes; Cu is on record from a Cu-doped ZIF-8 (Parkash 2020). Any other metal on \
            neither list gets a warning: the route may work, but nothing on record says so \
            (data: mixed_metal_zif.metals_that_substitute_zn).
            """,
        references: ["review-pom-admc", "yin-2016-co-sas"],
        triggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", metals: "[↓Cr]",
                reagents:
                    "zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}\ncr: {name: chromium(III) nitrate nonahydrate, mass: 0.10 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn, cr]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", metals: "[Ni]",
                reagents:
                    "zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}\nni: {name: nickel(II) nitrate hexahydrate, mass: 0.10 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn, ni]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .mixedMetalPyrolysis else { return [] }
        let data = context.knowledge.chemistry
        let known = Set(data.list("mixed_metal_zif.metals_that_substitute_zn") + data.list("mixed_metal_zif.metals_that_cannot") + ["Zn"])
        guard !known.isEmpty else { return [] }
        return context.recipe.target.metals.compactMap { metal in
            guard !known.contains(metal.value) else { return nil }
            return notChecked(
                .chemistry(
                    "\(metal.value) as a node of an isostructural Zn/M ZIF",
                    key: "mixed_metal_zif.metals_that_substitute_zn (or .metals_that_cannot)", at: metal.location),
                notes: [DiagnosticNote("known to work: " + data.list("mixed_metal_zif.metals_that_substitute_zn").joined(separator: ", "))])
        }
    }
}
