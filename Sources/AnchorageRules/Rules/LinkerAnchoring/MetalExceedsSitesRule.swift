import AnchorageCore

struct MetalExceedsSitesRule: Rule {
    static let description = RuleDescription(
        id: "LINK-002", name: "metal-exceeds-sites", family: .linkerAnchoring, severity: .warning,
        basis: .publishedRisk(citation: "review-pom-admc"),
        summary: "More metal than chelating sites (metal:site above 1) leaves metal unbound, which clusters.",
        rationale: """
            Each chelating site holds one metal atom; metal beyond the number of sites has nothing to hold it and \
            aggregates into clusters and particles, the very thing the route avoids. A flexible multidentate ligand such \
            as grafted EDTA holds a pair, so for a dual-atom target it counts as two sites. The sites counted are those \
            of the site-bearing linkers the recipe weighs in or, with none, those of a made host weighed in as the \
            support, from the N atoms of its formula (data: linker_anchoring.max_metal_to_site_ratio, the \
            stoichiometric meaning of one metal per site; linker_anchoring.nitrogen_atoms_per_site).
            """,
        references: ["review-pom-admc", "fang-2018-pt-porphyrin-mof", "feng2013-pcn224", "thoresen-2020-uio67-bpy-ru"],
        triggering: [
            .recipe(
                route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                reagents:
                    "tcpp: {name: meso-tetra(4-carboxyphenyl)porphine, mass: 10 mg, role: linker}\npt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: ↓20 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- dissolve: [tcpp, pt]\n  in: {dmf: 5 mL}\n- stir: {time: 12 h}\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}"
            ),
            .recipe(
                route: "linker-anchoring", host: "COF-LZU1", metals: "[Pd]",
                reagents:
                    "cof: {name: COF-LZU1, formula: C36H24N6, mass: 100 mg, role: support}\npd: {name: palladium(II) acetate, formula: Pd(OAc)2, mass: ↓500 mg}\ndcm: {name: dichloromethane, role: solvent}",
                steps: "- add: [cof]\n  in: {dcm: 10 mL}\n- dissolve: [pd]\n  in: {dcm: 5 mL}\n- combine: all\n- stir: {time: 24 h}"),
        ],
        nonTriggering: [
            .recipe(
                route: "linker-anchoring", host: "COF-LZU1", metals: "[Pd]",
                reagents:
                    "cof: {name: COF-LZU1, formula: C36H24N6, mass: 100 mg, role: support}\npd: {name: palladium(II) acetate, formula: Pd(OAc)2, mass: 15 mg}\ndcm: {name: dichloromethane, role: solvent}",
                steps: "- add: [cof]\n  in: {dcm: 10 mL}\n- dissolve: [pd]\n  in: {dcm: 5 mL}\n- combine: all\n- stir: {time: 24 h}"),
            .recipe(
                route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                reagents:
                    "tcpp: {name: meso-tetra(4-carboxyphenyl)porphine, mass: 10 mg, role: linker}\npt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- dissolve: [tcpp, pt]\n  in: {dmf: 5 mL}\n- stir: {time: 12 h}\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}"
            ),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .linkerAnchoring,
            let limit = context.knowledge.chemistry.threshold("linker_anchoring.max_metal_to_site_ratio"),
            let maximum = limit.number, let metal = context.targetMetalMoles
        else { return [] }
        let pairLigands = Set(context.knowledge.chemistry.list("linker_anchoring.multidentate_pair_ligands"))
        let dual = context.recipe.target.site.value == .dualAtom
        var sites = 0.0
        for (reagent, site) in context.siteBearingReagents {
            guard let moles = reagent.moles else { return [] }
            sites += moles * (dual && pairLigands.contains(site) ? 2 : 1)
        }
        // A made host weighed in as the support, with no site-bearing linker weighed in: its sites from its formula.
        if sites == 0 { sites = supportSites(context) ?? 0 }
        guard sites > 0, metal / sites > maximum else { return [] }
        let location = context.targetMetalReagents.first?.estimates.first?.location ?? context.recipe.target.site.location
        return [
            finding(
                "\(QuantityFormat.amount(moles: metal)) of metal for \(QuantityFormat.amount(moles: sites)) of chelating sites (metal:site \(QuantityFormat.number(metal / sites, significant: 2))): the excess will cluster",
                at: location, notes: [DiagnosticNote("keep the metal at or below one per site"), limit.sourceNote])
        ]
    }

    /// Chelating sites of the support reagent: formula units × N atoms per unit / N atoms per site, for a host with one
    /// N-bearing site kind and no other chelating site (data: linker_anchoring.nitrogen_atoms_per_site). Every N of the
    /// formula is taken for a site N, so the count errs high: an excess can be missed, never invented.
    func supportSites(_ context: RuleContext) -> Double? {
        guard let support = context.supportReagent, let formula = support.formula, let units = support.moles,
            case .map(let perSite)? = context.knowledge.chemistry.threshold("linker_anchoring.nitrogen_atoms_per_site")?.value
        else { return nil }
        let kinds = context.chelatingSiteKinds
        guard kinds.count == 1, let kind = kinds.first, case .number(let nitrogens)? = perSite[kind], nitrogens > 0 else { return nil }
        return units * formula.count(of: "N") / nitrogens
    }
}
