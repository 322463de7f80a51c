import AnchorageCore

struct ZincTargetAboveBoilingPointRule: Rule {
    static let description = RuleDescription(
        id: "MIX-006", name: "zinc-target-above-boiling-point", family: .mixedMetal, severity: .note, basis: .information,
        summary:
            "When Zn itself is the target metal, a pyrolysis at or above Zn's boiling point drives much of it off as vapour: expect a low Zn loading.",
        rationale: """
            In a ZIF pyrolysis Zn is the spacer that is driven off: it is reduced and evaporates, selectively so above \
            800 °C, which is what frees the other metal's sites. Where the Zn–N4 sites are the target (Zn–N–C from plain \
            ZIF-8), the same loss removes the sites being made: at or above Zn's 907 °C boiling point much of it leaves. \
            How much stays is not on record here, so this is a note on the loading to expect (measure it), not a refusal. \
            The rule compares every heated gas step (pyrolyze, reduce) with the boiling point \
            (data: mixed_metal_zif.zinc_boiling_point_C).
            """,
        references: ["review-pom-admc", "yin-2016-co-sas", "physlink-zinc"],
        triggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", host: "ZIF-8", metals: "[Zn]",
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 2.38 g}
                    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 5.25 g}
                    meoh: {name: methanol, role: solvent}
                    """,
                steps: """
                    - dissolve: [zn, hmim]
                      in: {meoh: 100 mL}
                    - stir: {time: 24 h}
                    - pyrolyze: {temperature: ↓1100 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: Ar}
                    """)
        ],
        nonTriggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", host: "ZIF-8", metals: "[Zn]",
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 2.38 g}
                    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 5.25 g}
                    meoh: {name: methanol, role: solvent}
                    """,
                steps: """
                    - dissolve: [zn, hmim]
                      in: {meoh: 100 mL}
                    - stir: {time: 24 h}
                    - pyrolyze: {temperature: 800 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: Ar}
                    """),
            .recipe(
                route: "mixed-metal-pyrolysis", host: "ZIF-8", metals: "[Co]",
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.19 g}
                    co: {name: cobalt(II) nitrate hexahydrate, formula: Co(NO3)2·6H2O, mass: 0.29 g}
                    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 5.25 g}
                    meoh: {name: methanol, role: solvent}
                    """,
                steps: """
                    - dissolve: [zn, co, hmim]
                      in: {meoh: 100 mL}
                    - stir: {time: 24 h}
                    - pyrolyze: {temperature: 1100 °C, ramp: 5 °C/min, hold: 2 h, atmosphere: Ar}
                    """),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.recipe.target.metals.contains(where: { $0.value == "Zn" }),
            let boiling = context.knowledge.chemistry.threshold("mixed_metal_zif.zinc_boiling_point_C"),
            let zincBoils = boiling.number
        else { return [] }
        // Under air the carbon burns and Zn ends as ZnO (LAB-004): the Zn–N sites this note is about do not form.
        let burning = context.burningPyrolysisSteps
        return context.recipe.steps.compactMap { step in
            guard step.behaviour.contents == .furnace, !burning.contains(step.number), let (celsius, location) = step.temperature,
                celsius >= zincBoils
            else { return nil }
            return finding(
                "Zn is the target metal, but at \(QuantityFormat.number(celsius)) °C, at or above Zn's \(QuantityFormat.number(zincBoils)) °C "
                    + "boiling point, much of the Zn that makes the sites leaves as vapour: expect a low Zn loading",
                at: location,
                notes: [
                    DiagnosticNote(
                        "pyrolyse below \(QuantityFormat.number(zincBoils)) °C, or measure the Zn left (ICP-OES)",
                        citation: boiling.citations.first)
                ])
        }
    }
}
