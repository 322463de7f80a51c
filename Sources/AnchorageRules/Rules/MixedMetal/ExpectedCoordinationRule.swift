import AnchorageCore

struct ExpectedCoordinationRule: Rule {
    static let description = RuleDescription(
        id: "MIX-005", name: "expected-coordination", family: .mixedMetal, severity: .note, basis: .information,
        summary: "Inside the 800–1000 °C window: where the pyrolysis sits in the M–N4 → M–N3 → M–N2 sequence, and whether Zn may remain.",
        rationale: """
            Pyrolysis of a Zn/M bimetallic ZIF within 800–1000 °C gives M–N4, M–N3 or M–N2 single sites, the N coordination \
            falling as the temperature rises (review §4.2.1, Co; the same holds for Ni). The temperature of each \
            configuration was not sourced, so Anchorage says where in the window the recipe sits and asks for EXAFS to \
            tell the coordination. Below Zn's 907 °C boiling point Zn evaporates only in part, so residual Zn is worth \
            measuring (data: mixed_metal_zif.pyrolysis_window_C, .zinc_boiling_point_C, .coordination_by_temperature).
            """,
        references: ["review-pom-admc", "yin-2016-co-sas"],
        triggering: [
            .recipe(
                route: "mixed-metal-pyrolysis", host: "ZIF-8", metals: "[Co]",
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.19 g}
                    co: {name: cobalt(II) nitrate hexahydrate, formula: Co(NO3)2·6H2O, mass: 0.29 g}
                    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g}
                    meoh: {name: methanol, role: solvent}
                    """,
                steps: """
                    - dissolve: [zn, co]
                      in: {meoh: 30 mL}
                    - dissolve: [hmim]
                      in: {meoh: 30 mL}
                    - combine: all
                    - stir: {time: 24 h}
                    - centrifuge: {speed: 8000 rpm, time: 10 min}
                    - pyrolyze: {temperature: ↓850 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}
                    """)
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
            // Under air the carbon burns (LAB-004): no coordination sequence to describe.
            .recipe(
                route: "mixed-metal-pyrolysis", host: "ZIF-8", metals: "[Co]",
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.19 g}
                    co: {name: cobalt(II) nitrate hexahydrate, formula: Co(NO3)2·6H2O, mass: 0.29 g}
                    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g}
                    meoh: {name: methanol, role: solvent}
                    """,
                steps: """
                    - dissolve: [zn, co]
                      in: {meoh: 30 mL}
                    - dissolve: [hmim]
                      in: {meoh: 30 mL}
                    - combine: all
                    - stir: {time: 24 h}
                    - centrifuge: {speed: 8000 rpm, time: 10 min}
                    - pyrolyze: {temperature: 850 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: air}
                    """),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard context.route == .mixedMetalPyrolysis else { return [] }
        let data = context.knowledge.chemistry
        guard let window = data.threshold("mixed_metal_zif.pyrolysis_window_C.min"), let minimum = window.number,
            let maximum = data.threshold("mixed_metal_zif.pyrolysis_window_C.max")?.number, maximum > minimum
        else { return [] }
        let boiling = data.threshold("mixed_metal_zif.zinc_boiling_point_C")
        // Only for metals on record as ZIF nodes: for the others MIX-001/MIX-002 already say what is wrong.
        let substituting = Set(data.threshold("mixed_metal_zif.metals_that_substitute_zn")?.strings ?? [])
        let metals = context.recipe.target.metals.map(\.value).filter { $0 != "Zn" }
        guard !metals.isEmpty, metals.allSatisfy(substituting.contains) else { return [] }
        let metal = metals.count == 1 ? metals[0] : "M"
        let zincPresent = (context.resolved.metalAmounts["Zn"] ?? 0) > 0 || (context.host?.metals.contains("Zn") ?? false)
        // Under air the carbon burns and the metal ends as oxide (LAB-004): there is no M–Nx sequence to speak of.
        let burning = context.burningPyrolysisSteps
        return context.pyrolysisSteps.compactMap { step in
            guard !burning.contains(step.number), let (celsius, location) = step.temperature, celsius >= minimum, celsius <= maximum
            else { return nil }
            let percent = Int(saturating: (celsius - minimum) / (maximum - minimum) * 100, rounding: .toNearestOrAwayFromZero)
            var notes = [
                DiagnosticNote(
                    "the N coordination falls as the temperature rises across the window; the temperature of each configuration is not on record: tell it by EXAFS",
                    citation: "review-pom-admc")
            ]
            if zincPresent, let boiling, let zincBoils = boiling.number, celsius < zincBoils {
                notes.append(
                    DiagnosticNote(
                        "below Zn's \(QuantityFormat.number(zincBoils)) °C boiling point Zn leaves only in part: measure residual Zn (ICP-OES)",
                        citation: boiling.citations.first))
            }
            return finding(
                "pyrolysis at \(QuantityFormat.number(celsius)) °C sits \(percent) % of the way through the \(QuantityFormat.number(minimum))–\(QuantityFormat.number(maximum)) °C window, along \(metal)–N4 → \(metal)–N3 → \(metal)–N2",
                at: location, notes: notes)
        }
    }
}
