import AnchorageCore

struct NobleMetalInZIFRule: Rule {
    static let description = RuleDescription(
        id: "MIX-001", name: "metal-cannot-replace-zinc", family: .mixedMetal, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary: "In a mixed-metal ZIF the target metal must be able to take Zn's place as a node; Pt, Pd, Ru and Ir cannot.",
        rationale: """
            The mixed-metal route builds the target metal into the framework as a node beside Zn, so that Zn spaces the \
            target atoms apart and evaporates during pyrolysis. Fe, Co, Ni and Mn coordinate 2-methylimidazolate as Zn \
            does and form isostructural ZIFs; noble metals (Pt, Pd, Ru, Ir) do not act as nodes of an isostructural \
            framework, so the route cannot place them. Pore confinement of their acetylacetonates (Ru(acac)3@ZIF-8) or \
            linker anchoring (Pt or Ir in a porphyrinic MOF) are the routes for them (data: mixed_metal_zif.metals_that_cannot).
            """,
        references: ["review-pom-admc", "geng-2018-ru-sas", "yin-2016-co-sas"],
        triggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", metals: "[↓Pt]",
                reagents:
                    "zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}\npt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 0.05 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn, pt]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", metals: "[Co]",
                reagents:
                    "zn: {name: zinc nitrate hexahydrate, mass: 1.69 g}\nco: {name: cobalt(II) nitrate hexahydrate, mass: 0.33 g}\nhmim: {name: 2-methylimidazole, mass: 3.70 g}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn, co]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .mixedMetalPyrolysis else { return [] }
        let data = context.knowledge.chemistry
        guard let cannot = data.threshold("mixed_metal_zif.metals_that_cannot") else { return [] }
        return context.recipe.target.metals.compactMap { metal in
            guard cannot.strings.contains(metal.value) else { return nil }
            var notes = [DiagnosticNote("noble metals do not form isostructural ZIF nodes", citation: "review-pom-admc")]
            let routes = data.entry("mixed_metal_zif.metals_that_cannot.alternatives.\(metal.value).routes")?.strings ?? []
            let acetylacetonate = context.knowledge.chemicals.chemicals.first {
                ($0.metal ?? []) == [metal.value] && $0.name.contains("acetylacetonate")
            }
            let precursor = acetylacetonate.map { ($0.aliases ?? []).first { $0.contains("acac") } ?? $0.name } ?? "its acetylacetonate"
            notes.append(DiagnosticNote("confine \(precursor) in ZIF-8 instead (route: pore-confinement)"))
            if routes.contains("linker-anchoring") {
                notes.append(DiagnosticNote("or anchor it at the N4 sites of a porphyrinic MOF (route: linker-anchoring)"))
            }
            return finding("\(metal.value) cannot take Zn's place as a node of an isostructural ZIF", at: metal.location, notes: notes)
        }
    }
}
