import AnchorageCore

struct RampTooFastRule: Rule {
    static let description = RuleDescription(
        id: "LAB-007", name: "ramp-too-fast", family: .lab, severity: .warning, basis: .publishedRisk(citation: "carbolite-stf-manual"),
        summary: "A tube-furnace heating rate above 400 / tube internal diameter (°C/min) risks cracking the ceramic work tube.",
        rationale: """
            A ceramic work tube heated quickly develops a temperature gradient along and across its wall and can crack \
            from thermal shock. The furnace maker's rule is a maximum rate of 400 / internal diameter (mm) in °C/min, \
            5 °C/min for its 75 mm tube; a step that names no tube is assumed to run in that ceramic tube, and a fused-quartz \
            tube (`tube: quartz`) is outside this rule for ceramic tubes \
            (data: lab.tube_furnace_ramp_numerator_C_mm_per_min, lab.tube_furnace_reference_internal_diameter_mm).
            """,
        references: ["carbolite-stf-manual", "hasselman-1969-thermal-shock", "catalysts-2021-co-zif8-pyrolysis"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(of: "ramp: 5 °C/min", with: "ramp: ↓20 °C/min"))
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "ramp: 5 °C/min, hold: 3 h, atmosphere: N2", with: "ramp: 10 °C/min, hold: 3 h, atmosphere: N2, tube: quartz")),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let chemistry = context.knowledge.chemistry
        guard let numerator = chemistry.threshold("lab.tube_furnace_ramp_numerator_C_mm_per_min")?.number,
            let tube = chemistry.threshold("lab.tube_furnace_reference_internal_diameter_mm"), let diameter = tube.number, diameter > 0
        else { return [] }
        let maximum = numerator / diameter
        return context.furnaceSteps.compactMap { step in
            // The maker's rule is for ceramic work tubes; a quartz tube named in the step is not held to it.
            guard step.text(.tube)?.value != "quartz", let ramp = step.quantity(.ramp), ramp.value.canonicalValue > maximum else {
                return nil
            }
            let written =
                ramp.value.unit.symbol == "°C/min"
                ? "\(ramp.value)" : "\(ramp.value) (\(QuantityFormat.number(ramp.value.canonicalValue)) °C/min)"
            return finding(
                "\(written) is faster than the \(QuantityFormat.number(maximum, significant: 2)) °C/min a \(QuantityFormat.number(diameter)) mm ceramic tube takes",
                at: ramp.location,
                notes: [
                    DiagnosticNote(
                        "a narrower tube takes up to \(QuantityFormat.number(numerator))/i.d. (mm) °C/min; check your furnace manual"),
                    tube.sourceNote,
                ])
        }
    }
}
