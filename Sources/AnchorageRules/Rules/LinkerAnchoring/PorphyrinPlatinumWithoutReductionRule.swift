import AnchorageCore

struct PorphyrinPlatinumWithoutReductionRule: Rule {
    static let description = RuleDescription(
        id: "LINK-004", name: "porphyrin-platinum-without-reduction", family: .linkerAnchoring, severity: .warning,
        basis: .publishedRisk(citation: "fang-2018-pt-porphyrin-mof"),
        summary: "Pt(II) held in the porphyrin N4 centres of a MOF needs a reduction step to become single Pt atoms.",
        rationale: """
            The porphyrin centres of a porphyrinic MOF bind and stabilise Pt(II); Jiang and co-workers then obtained \
            single Pt atoms by a simple reduction step. Without it the product is a Pt(II) porphyrin complex in the \
            framework, not a single-atom catalyst (data: linker_anchoring.porphyrin_pt_requires_reduction).
            """,
        references: ["review-pom-admc", "fang-2018-pt-porphyrin-mof", "feng2013-pcn224"],
        triggering: [
            .recipe(
                route: "linker-anchoring", host: "PCN-224", metals: "[↓Pt]",
                reagents: "pt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- impregnate: [pt]\n  in: {dmf: 5 mL}\n  time: 12 h\n- dry: {temperature: 60 °C, time: 12 h}")
        ],
        nonTriggering: [
            .recipe(
                route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                reagents: "pt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- impregnate: [pt]\n  in: {dmf: 5 mL}\n  time: 12 h\n- dry: {temperature: 60 °C, time: 12 h}\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .linkerAnchoring,
            context.knowledge.chemistry.threshold("linker_anchoring.porphyrin_pt_requires_reduction")?.value.bool == true,
            context.chelatingSiteKinds.contains("porphyrin"), !context.hasReductionStep
        else { return [] }
        return context.recipe.target.metals.filter { $0.value == "Pt" }.map { metal in
            finding(
                "Pt(II) in the porphyrin centres stays Pt(II) without a reduction step", at: metal.location,
                notes: [DiagnosticNote("add a `reduce` step (e.g. H2/N2 at or below its non-flammable H2 content)")])
        }
    }
}
