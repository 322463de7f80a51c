import AnchorageCore

struct DualAtomWithoutPairLigandRule: Rule {
    static let description = RuleDescription(
        id: "LINK-005", name: "dual-atom-without-pair-ligand", family: .linkerAnchoring, severity: .warning,
        basis: .publishedRisk(citation: "review-pom-admc"),
        summary:
            "A dual-atom site by linker anchoring needs a flexible multidentate ligand (e.g. EDTA grafted on MOF-808) to hold the pair.",
        rationale: """
            A single chelating group holds one metal atom. To hold two metals together as a dual-atom site, Jiang and \
            co-workers grafted EDTA, a flexible ligand with several donor sites, onto MOF-808: its flexibility lets the \
            Cu/Ni pair adjust to the reaction intermediates. Without such a ligand the two metals sit on separate sites \
            (data: linker_anchoring.multidentate_pair_ligands).
            """,
        references: ["review-pom-admc", "furukawa2014-mof808"],
        triggering: [
            .recipe(
                route: "linker-anchoring", host: "UiO-66-NH2", metals: "[Cu, Ni]", site: "↓dual-atom",
                reagents:
                    "cu: {name: copper(II) chloride dihydrate, formula: CuCl2·2H2O, mass: 2 mg}\nni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 3 mg}\nwater: {name: water, role: solvent}",
                steps: "- impregnate: [cu, ni]\n  in: {water: 5 mL}\n  time: 12 h")
        ],
        nonTriggering: [
            .recipe(
                route: "linker-anchoring", host: "MOF-808", metals: "[Cu, Ni]", site: "dual-atom",
                reagents:
                    "edta: {name: ethylenediaminetetraacetic acid, mass: 50 mg}\ncu: {name: copper(II) chloride dihydrate, formula: CuCl2·2H2O, mass: 2 mg}\nni: {name: nickel(II) chloride hexahydrate, formula: NiCl2·6H2O, mass: 3 mg}\nwater: {name: water, role: solvent}",
                steps: "- impregnate: [edta]\n  in: {water: 5 mL}\n  time: 12 h\n- impregnate: [cu, ni]\n  in: {water: 5 mL}\n  time: 12 h")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .linkerAnchoring, context.recipe.target.site.value == .dualAtom else { return [] }
        let pairLigands = Set(context.knowledge.chemistry.list("linker_anchoring.multidentate_pair_ligands"))
        guard context.chelatingSiteKinds.isDisjoint(with: pairLigands) else { return [] }
        return [
            finding(
                "no flexible multidentate ligand (" + pairLigands.sorted().joined(separator: ", ") + ") to hold the metal pair together",
                at: context.recipe.target.site.location, notes: [DiagnosticNote("graft EDTA on a Zr-oxo MOF such as MOF-808 first")])
        ]
    }
}
