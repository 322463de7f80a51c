import AnchorageCore

struct OpenVesselAboveBoilingPointRule: Rule {
    static let description = RuleDescription(
        id: "LAB-009", name: "open-vessel-above-boiling-point", family: .lab, severity: .warning, basis: .publishedRisk(citation: "crc-95"),
        summary: "A solution step in an open vessel must stay below its solvent's boiling point, unless it runs under reflux.",
        rationale: """
            Dissolving, soaking, ion exchange, stirring, heating and standing happen at ambient pressure. Above the \
            solvent's normal boiling point the solvent boils off: the exchange or soak runs dry, the concentration is not \
            the one written, and a flammable solvent's vapour fills the hood. A temperature above the boiling point is \
            either a slip (°C for K, a pyrolysis temperature in the wrong step) or calls for a sealed vessel \
            (`solvothermal`) or `heat` with `reflux: true`. The liquid is the solvents named by `in` since the solid was \
            last collected (centrifuged, filtered, washed, dried or heated in a furnace); boiling points come from the \
            chemical catalog, each with its source. A liquid held above its boiling point is, by definition, a \
            hydrothermal or solvothermal step in a closed vessel (Rabenau; Demazeau), which an open vessel is not.
            """,
        references: ["crc-95", "rabenau-1985-hydrothermal", "demazeau-2010-solvothermal"],
        triggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) nitrate hexahydrate, mass: 150 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- add: [mof]\n  in: {dmf: 5 mL}\n- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: ↓450 °C\n  time: 3 d")
        ],
        nonTriggering: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) nitrate hexahydrate, mass: 150 mg}\ndmf: {name: DMF, role: solvent}",
                steps: "- add: [mof]\n  in: {dmf: 5 mL}\n- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 3 d"),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "- stir: {time: 24 h, temperature: 25 °C}",
                    with: "- heat: {temperature: 80 °C, time: 2 h, reflux: true}")),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "- stir: {time: 24 h, temperature: 25 °C}",
                    with: "- evaporate: {temperature: 80 °C, under: vacuum}\n- heat: {temperature: 120 °C, time: 2 h}")),
        ],
        unknown: [
            .recipe(
                route: "node-exchange", host: "MFU-4l", metals: "[Ni]",
                reagents:
                    "mof: {name: MFU-4l, mass: 100 mg, role: support}\nni: {name: nickel(II) nitrate hexahydrate, mass: 150 mg}\noct: {name: 1-octanol, formula: C8H18O, role: solvent}",
                steps: "- add: [mof]\n  in: {oct: 5 mL}\n- ion-exchange: [ni]\n  in: {oct: 10 mL}\n  temperature: ↓150 °C\n  time: 3 d")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.recipe.steps.compactMap { step in
            let behaviour = step.behaviour
            guard [.prepareSolution, .bringIn, .treat].contains(behaviour.contents), !behaviour.sealed,
                let (celsius, location) = step.temperature, step.flag(.reflux)?.value != true
            else { return nil }
            let boiling = context.course.solvents(atStep: step.number, in: context.resolved).compactMap {
                reagent -> (solvent: ResolvedReagent, bp: Double)? in
                guard let bp = reagent.chemical?.boilingPointCelsius, celsius > bp else { return nil }
                return (solvent: reagent, bp: bp)
            }
            guard let (solvent, bp) = boiling.min(by: { $0.bp < $1.bp }) else {
                // A solvent without a boiling point on record: the check cannot run for it.
                let unknown = context.course.solvents(atStep: step.number, in: context.resolved).first {
                    $0.chemical?.boilingPointCelsius == nil
                }
                return unknown.map { solvent in
                    notChecked(
                        MissingDatum(
                            "the boiling point of \(solvent.displayName)",
                            addTo:
                                "`boiling_point_C` with its source to the solvent's entry in chemicals.yaml or a lab catalog (--catalog)",
                            at: location))
                }
            }
            return finding(
                "\(solvent.displayName) (bp \(QuantityFormat.number(bp)) °C) boils off at \(QuantityFormat.number(celsius)) °C in an open vessel",
                at: location,
                notes: [
                    DiagnosticNote(
                        "check the temperature; to go above the boiling point use `solvothermal` (sealed) or `heat` with `reflux: true`")
                ])
        }
    }
}
