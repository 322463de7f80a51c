import AnchorageCore

struct MetalLoadingAboveReportedRule: Rule {
    static let description = RuleDescription(
        id: "LAB-008", name: "metal-loading-above-reported", family: .lab, severity: .note, basis: .information,
        summary: "A theoretical metal loading above the single-atom loadings on record is a hint that clusters may form.",
        rationale: """
            No general upper bound of metal loading for single-atom catalysts made from MOFs was found \
            (data: lab.single_atom_max_metal_wt_pct is empty), so this rule compares with what has been reported: \
            Co single atoms at over 4 wt % from a Zn/Co ZIF. The theoretical loading is the metal brought by the reagents \
            over the support weighed in plus that metal, for recipes that weigh a made framework in (`role: support`); \
            above the reported value the finding is a note to check for clusters, not an error. Node exchange is left \
            out: its soak offers the metal in excess by design, and the node, not the amount offered, limits the uptake.
            """,
        references: ["yin-2016-co-sas"],
        triggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents:
                    "nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}\nv: {name: vanadyl acetylacetonate, mass: ↓200 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C\n- dry: {temperature: 60 °C, time: 12 h}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "sim", host: "NU-1000", metals: "[V]",
                reagents:
                    "nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}\nv: {name: vanadyl acetylacetonate, mass: 10 mg}\nmeoh: {name: methanol, role: solvent}",
                steps: "- impregnate: [v]\n  in: {meoh: 10 mL}\n  time: 12 h\n  temperature: 25 °C\n- dry: {temperature: 60 °C, time: 12 h}"
            )
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.knowledge.chemistry.threshold("lab.single_atom_max_metal_wt_pct") == nil,
            case .list(let reported)? = context.knowledge.chemistry.entry("mixed_metal_zif.reported_metal_loading_wt_pct"),
            let highest = reported.compactMap({ $0["value"]?.number }).max(),
            context.route != .nodeExchange, let support = context.supportReagent, let supportGrams = support.grams
        else { return [] }
        var metalGrams = 0.0
        var location: SourceLocation?
        for reagent in context.targetMetalReagents {
            guard let moles = reagent.moles, let formula = reagent.formula else { continue }
            for metal in context.recipe.target.metals.map(\.value) {
                guard let weight = context.knowledge.elements.element(metal)?.weight else { continue }
                metalGrams += moles * formula.count(of: metal) * weight
            }
            location = location ?? reagent.estimates.first?.location
        }
        guard metalGrams > 0, let location else { return [] }
        let percent = metalGrams / (supportGrams + metalGrams) * 100
        guard percent > highest else { return [] }
        return [
            finding(
                "theoretical metal loading \(QuantityFormat.number(percent, significant: 3)) wt % if all of it is taken up: above the \(QuantityFormat.number(highest)) wt % single-atom loading on record; check for clusters",
                at: location,
                notes: [
                    DiagnosticNote(
                        "no sourced upper bound exists; the comparison is with Co single atoms from a Zn/Co ZIF",
                        citation: "yin-2016-co-sas")
                ])
        ]
    }
}
