import AnchorageCore

struct TubeAboveMaximumTemperatureRule: Rule {
    static let description = RuleDescription(
        id: "LAB-010", name: "tube-above-maximum-temperature", family: .lab, severity: .error,
        basis: .ruledOut(citation: "kintek-tube-furnace-tubes"),
        summary: "A furnace work tube named in the step (`tube: quartz` or `alumina`) must not be heated above its maximum temperature.",
        rationale: """
            A fused-quartz work tube softens and devitrifies above its working limit and can sag or fail under the gas \
            flow; an alumina tube takes more heat but has its own limit. The limits are the tube maker's (data: \
            lab.quartz_tube_max_temperature_C, lab.alumina_tube_max_temperature_C); the tube's own data sheet overrides \
            them. A step that names no tube is not checked: the furnace's tube is not known.
            """,
        references: ["kintek-tube-furnace-tubes"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2",
                    with: "temperature: ↓1300 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2, tube: quartz"))
        ],
        nonTriggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "atmosphere: N2", with: "atmosphere: N2, tube: quartz")),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2",
                    with: "temperature: 1300 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2, tube: alumina")),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.furnaceSteps.compactMap { step in
            guard let tube = step.text(.tube)?.value, let (celsius, location) = step.temperature else { return nil }
            let key = "lab.\(tube)_tube_max_temperature_C"
            guard let limit = context.knowledge.chemistry.threshold(key), let maximum = limit.number, celsius > maximum else { return nil }
            return finding(
                "\(QuantityFormat.number(celsius)) °C is above the \(QuantityFormat.number(maximum)) °C limit of a \(tube) work tube",
                at: location,
                notes: [
                    DiagnosticNote(
                        tube == "quartz" ? "use an alumina tube, or stay at or below the quartz limit" : "use a lower temperature"),
                    limit.sourceNote,
                ])
        }
    }
}
