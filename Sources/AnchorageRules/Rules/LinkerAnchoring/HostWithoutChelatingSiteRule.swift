import AnchorageCore

struct HostWithoutChelatingSiteRule: Rule {
    static let description = RuleDescription(
        id: "LINK-001", name: "host-without-chelating-site", family: .linkerAnchoring, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary:
            "Linker anchoring needs a host whose linker carries a chelating site (–NH2, porphyrin N4, bipyridine, catechol, grafted EDTA).",
        rationale: """
            In linker anchoring the framework holds each metal atom by a chelating group of its linker, like a claw; \
            the strong bond to that site is what stops the atom from moving and clustering. A host whose linkers carry \
            no such group (plain terephthalate, imidazolate) has nothing to hold the metal by. The sites come from the \
            framework catalog and from site-bearing linkers the recipe uses itself \
            (data: linker_anchoring.chelating_sites, .site_bearing_linkers).
            """,
        references: ["review-pom-admc", "wang-2017-ru-sas-amine", "feng2013-pcn224", "thoresen-2020-uio67-bpy-ru"],
        triggering: [
            .recipe(
                route: "linker-anchoring", host: "↓UiO-66", metals: "[Pt]",
                reagents: "pt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- impregnate: [pt]\n  in: {dmf: 5 mL}\n  time: 12 h\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}")
        ],
        nonTriggering: [
            .recipe(
                route: "linker-anchoring", host: "PCN-224", metals: "[Pt]",
                reagents: "pt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- impregnate: [pt]\n  in: {dmf: 5 mL}\n  time: 12 h\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}")
        ],
        unknown: [
            .recipe(
                route: "linker-anchoring", host: "↓MOF-9999", metals: "[Pt]",
                reagents: "pt: {name: potassium tetrachloroplatinate(II), formula: K2PtCl4, mass: 3 mg}\ndmf: {name: DMF, role: solvent}",
                steps:
                    "- impregnate: [pt]\n  in: {dmf: 5 mL}\n  time: 12 h\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 180 °C, time: 2 h}")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        // A host that is pyrolysed without sites is LINK-003's finding (it gives clusters, not single atoms).
        guard context.route == .linkerAnchoring, context.pyrolysisSteps.isEmpty, context.chelatingSiteKinds.isEmpty else { return [] }
        guard let host = context.host else { return context.unknownHost.map { [notChecked($0)] } ?? [] }
        let sites = context.knowledge.chemistry.list("linker_anchoring.chelating_sites")
        return [
            finding(
                "\(host.name) has no chelating site on its linker to hold the metal", at: context.hostLocation,
                notes: [DiagnosticNote("use a host with " + sites.joined(separator: ", ") + " sites (e.g. UiO-66-NH2, PCN-224)")])
        ]
    }
}
