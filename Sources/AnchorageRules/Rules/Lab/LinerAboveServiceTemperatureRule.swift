import AnchorageCore

struct LinerAboveServiceTemperatureRule: Rule {
    static let description = RuleDescription(
        id: "LAB-003", name: "liner-above-service-temperature", family: .lab, severity: .error,
        basis: .ruledOut(citation: "nanografi-hydrothermal-autoclave"),
        summary: "A PTFE (or PPL) autoclave liner must not be heated above its maximum service temperature.",
        rationale: """
            PTFE creeps and softens well below its melting point; above its service limit a loaded liner deforms, the \
            seal leaks and hot solvent escapes under pressure. PPL liners take more heat but have their own limit. The \
            limits are the supplier's (data: lab.ptfe_liner_max_service_C, lab.ppl_liner_max_service_C); a liner's own \
            data sheet overrides them.
            """,
        references: ["nanografi-hydrothermal-autoclave"],
        triggering: [
            .recipe(
                reagents: "dmf: {name: DMF, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps:
                    "- dissolve: [zn]\n  in: {dmf: 10 mL}\n- solvothermal: {temperature: ↓250 °C, time: 12 h, vessel: 50 mL, liner: PTFE}")
        ],
        nonTriggering: [
            .recipe(
                reagents: "dmf: {name: DMF, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps: "- dissolve: [zn]\n  in: {dmf: 10 mL}\n- solvothermal: {temperature: 250 °C, time: 12 h, vessel: 50 mL, liner: PPL}")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.sealedSteps.compactMap { step in
            guard let (celsius, location) = step.temperature else { return nil }
            let liner = step.text(.liner)?.value ?? "PTFE"
            let key =
                switch liner {
                case "PTFE": "lab.ptfe_liner_max_service_C"
                case "PPL": "lab.ppl_liner_max_service_C"
                default: ""
                }
            guard !key.isEmpty, let limit = context.knowledge.chemistry.threshold(key), let maximum = limit.number, celsius > maximum else {
                return nil
            }
            return finding(
                "\(QuantityFormat.number(celsius)) °C is above the \(QuantityFormat.number(maximum)) °C service limit of a \(liner) liner",
                at: location,
                notes: [
                    DiagnosticNote(liner == "PTFE" ? "use a PPL liner or a lower temperature" : "use a lower temperature"),
                    limit.sourceNote,
                ])
        }
    }
}
