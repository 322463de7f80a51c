import AnchorageCore

struct PyrolysisOutsideZincWindowRule: Rule {
    static let description = RuleDescription(
        id: "MIX-004", name: "pyrolysis-outside-zinc-window", family: .mixedMetal, severity: .warning,
        basis: .publishedRisk(citation: "yin-2016-co-sas"),
        summary: "A Zn-based ZIF should not be pyrolysed below the 800–1000 °C window: Zn stays and the carbon is poorly graphitised.",
        rationale: """
            Zn spaces the metal atoms apart and must then leave: it evaporates from about 800 °C, and its vapour pressure \
            reaches one atmosphere at its 907 °C boiling point. The review gives 800–1000 °C as the working window, inside \
            which the M–N coordination falls from M–N4 through M–N3 to M–N2 as the temperature rises (per-temperature \
            assignments were not sourced). Below the window Zn stays in the product and the carbon is poorly graphitised. \
            Above it nothing is wrong with the chemistry: Fe–N–C from Fe-doped ZIF-8 is made at 1100 °C (zhang-2017-fe-zif8-1100), \
            so a hotter pyrolysis is not flagged. Applies to any recipe that pyrolyses a Zn framework \
            (data: mixed_metal_zif.pyrolysis_window_C, .zinc_boiling_point_C).
            """,
        references: ["review-pom-admc", "yin-2016-co-sas", "physlink-zinc", "zhang-2017-fe-zif8-1100"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "temperature: 900 °C", with: "temperature: ↓700 °C"))
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "temperature: 900 °C", with: "temperature: 800 °C")),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "temperature: 900 °C", with: "temperature: 1100 °C")),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let data = context.knowledge.chemistry
        guard let low = data.threshold("mixed_metal_zif.pyrolysis_window_C.min"), let minimum = low.number,
            let maximum = data.threshold("mixed_metal_zif.pyrolysis_window_C.max")?.number
        else { return [] }
        // Above the window is not flagged: published Fe–N–C syntheses run at 1100 °C (pyrolysis_window_C.note).
        let zincFramework = (context.resolved.metalAmounts["Zn"] ?? 0) > 0 || (context.host?.metals.contains("Zn") ?? false)
        // A named host without Zn (Mg-MOF-74) and no Zn supplied: there is no Zn to drive off, the window does not apply.
        let zincFreeHost = context.host.map { !$0.metals.isEmpty && !$0.metals.contains("Zn") } ?? false
        guard zincFramework || (context.route == .mixedMetalPyrolysis && !zincFreeHost) else { return [] }
        let boiling = data.threshold("mixed_metal_zif.zinc_boiling_point_C")?.number
        let trend = DiagnosticNote(
            "within the window the M–N coordination falls from M–N4 to M–N3 to M–N2 as the temperature rises", citation: "review-pom-admc")
        // Under air the carbon burns (LAB-004): what Zn and the carbon would do in the window does not arise.
        let burning = context.burningPyrolysisSteps
        return context.pyrolysisSteps.compactMap { step in
            guard !burning.contains(step.number), let (celsius, location) = step.temperature else { return nil }
            if celsius < minimum {
                let zinc = boiling.map { "Zn (bp \(QuantityFormat.number($0)) °C) stays" } ?? "Zn stays"
                return finding(
                    "pyrolysis at \(QuantityFormat.number(celsius)) °C is below the \(QuantityFormat.number(minimum))–\(QuantityFormat.number(maximum)) °C window: \(zinc) and the carbon is poorly graphitised",
                    at: location, notes: [low.sourceNote, trend])
            }
            return nil
        }
    }
}
