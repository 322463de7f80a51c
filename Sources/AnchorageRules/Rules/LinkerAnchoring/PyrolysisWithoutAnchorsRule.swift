import AnchorageCore

struct PyrolysisWithoutAnchorsRule: Rule {
    static let description = RuleDescription(
        id: "LINK-003", name: "pyrolysis-without-anchors", family: .linkerAnchoring, severity: .error,
        basis: .ruledOut(citation: "wang-2017-ru-sas-amine"),
        summary: "Pyrolysing a metal-loaded host without –NH2 or porphyrin N4 sites gives nanoclusters, not single atoms.",
        rationale: """
            The amino groups of the linker are what hold Ru3+ apart during pyrolysis: Wang et al. found that a framework \
            without –NH2 groups, loaded with the same Ru precursor and pyrolysed, gave Ru nanoclusters and nanoparticles \
            instead of single atoms; porphyrin N4 centres hold metals in the same way. Without such sites the metal \
            migrates as the framework decomposes (data: linker_anchoring.amine_free_host_after_pyrolysis).
            """,
        references: ["wang-2017-ru-sas-amine", "review-pom-admc", "kandiah2010-uio66-tagged"],
        triggering: [
            .recipe(
                route: "linker-anchoring", host: "UiO-66", metals: "[Ru]",
                reagents: "ru: {name: ruthenium(III) chloride hydrate, formula: RuCl3, mass: 5 mg}\nwater: {name: water, role: solvent}",
                steps:
                    "- impregnate: [ru]\n  in: {water: 5 mL}\n  time: 12 h\n- dry: {temperature: 60 °C, time: 12 h}\n- ↓pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: N2}"
            )
        ],
        nonTriggering: [
            .recipe(
                route: "linker-anchoring", host: "UiO-66-NH2", metals: "[Ru]",
                reagents: "ru: {name: ruthenium(III) chloride hydrate, formula: RuCl3, mass: 5 mg}\nwater: {name: water, role: solvent}",
                steps:
                    "- impregnate: [ru]\n  in: {water: 5 mL}\n  time: 12 h\n- dry: {temperature: 60 °C, time: 12 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: N2}"
            )
        ])

    static let anchoringSites: Set<String> = ["amine", "porphyrin"]

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .linkerAnchoring, context.chelatingSiteKinds.isDisjoint(with: Self.anchoringSites) else { return [] }
        guard context.host != nil || !context.siteBearingReagents.isEmpty else {
            return context.pyrolysisSteps.isEmpty ? [] : context.unknownHost.map { [notChecked($0)] } ?? []
        }
        let outcome = context.knowledge.chemistry.threshold("linker_anchoring.amine_free_host_after_pyrolysis")
        return context.pyrolysisSteps.map { step in
            finding(
                "pyrolysis of a host without –NH2 or porphyrin N4 sites: the metal will form \(outcome?.text ?? "nanoclusters"), not single atoms",
                at: step.kind.location,
                notes: [
                    DiagnosticNote("use an amine-tagged linker (e.g. UiO-66-NH2) or a porphyrinic MOF", citation: "wang-2017-ru-sas-amine")
                ])
        }
    }
}
