import AnchorageCore

struct MetalExceedsSitesRule: Rule {
    static let description = RuleDescription(
        id: "LINK-002", name: "metal-exceeds-sites", family: .linkerAnchoring, severity: .warning,
        summary: "More metal than chelating sites (metal:site above 1) leaves metal unbound, which clusters.",
        rationale: """
            Each chelating site holds one metal atom; metal beyond the number of sites has nothing to hold it and \
            aggregates into clusters and particles, the very thing the route avoids. A flexible multidentate ligand such \
            as grafted EDTA holds a pair, so for a dual-atom target it counts as two sites. The sites counted are those \
            of the site-bearing linkers the recipe weighs in (data: linker_anchoring.max_metal_to_site_ratio, the \
            stoichiometric meaning of one metal per site).
            """,
        references: ["review-pom-admc", "fang-2018-pt-porphyrin-mof", "feng2013-pcn224", "thoresen-2020-uio67-bpy-ru"],
        triggering: [
            .recipe(route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                    reagents: "tcpp: {name: meso-tetra(4-carboxyphenyl)porphine, mass: 10 mg, role: linker}\npt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: ↓20 mg}\ndmf: {name: DMF, role: solvent}",
                    steps: "- dissolve: [tcpp, pt]\n  in: {dmf: 5 mL}\n- stir: {time: 12 h}\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}"),
        ],
        nonTriggering: [
            .recipe(route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                    reagents: "tcpp: {name: meso-tetra(4-carboxyphenyl)porphine, mass: 10 mg, role: linker}\npt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                    steps: "- dissolve: [tcpp, pt]\n  in: {dmf: 5 mL}\n- stir: {time: 12 h}\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .linkerAnchoring, let limit = context.knowledge.chemistry.threshold("linker_anchoring.max_metal_to_site_ratio"),
              let maximum = limit.number, let metal = context.targetMetalMoles else { return [] }
        let pairLigands = Set(context.knowledge.chemistry.list("linker_anchoring.multidentate_pair_ligands"))
        let dual = context.recipe.target.site.value == .dualAtom
        var sites = 0.0
        for (reagent, site) in context.siteBearingReagents {
            guard let moles = reagent.moles else { return [] }
            sites += moles * (dual && pairLigands.contains(site) ? 2 : 1)
        }
        guard sites > 0, metal / sites > maximum else { return [] }
        let location = context.targetMetalReagents.first?.estimates.first?.location ?? context.recipe.target.site.location
        return [finding(
            "\(QuantityFormat.amount(moles: metal)) of metal for \(QuantityFormat.amount(moles: sites)) of chelating sites (metal:site \(QuantityFormat.number(metal / sites, significant: 2))): the excess will cluster",
            at: location, notes: [DiagnosticNote("keep the metal at or below one per site"), limit.sourceNote])]
    }
}
