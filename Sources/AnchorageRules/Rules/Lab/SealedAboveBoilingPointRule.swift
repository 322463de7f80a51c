import AnchorageCore

struct SealedAboveBoilingPointRule: Rule {
    static let description = RuleDescription(
        id: "LAB-001", name: "sealed-above-boiling-point", family: .lab, severity: .note, basis: .information,
        summary: "A solvent heated in a sealed autoclave above its boiling point builds pressure.",
        rationale: """
            Above its normal boiling point a solvent in a closed vessel is held liquid only by its own vapour pressure, \
            which rises steeply with temperature. That is the point of solvothermal synthesis, but the vessel, its liner \
            and its seal must be rated for it, and the autoclave must cool to room temperature before it is opened. \
            Hydrothermal and solvothermal synthesis are defined this way: reactions in a closed vessel above the \
            solvent's boiling point (above 100 °C and 1 bar for water), under the solvent's own pressure (Rabenau; \
            Demazeau). Boiling points come from the chemical catalog, each with its source.
            """,
        references: ["crc-95", "rabenau-1985-hydrothermal", "demazeau-2010-solvothermal"],
        triggering: [
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps: "- dissolve: [zn]\n  in: {meoh: 10 mL}\n- solvothermal: {temperature: ↓120 °C, time: 12 h, vessel: 50 mL}")
        ],
        nonTriggering: [
            .recipe(
                reagents: "dmf: {name: DMF, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps: "- dissolve: [zn]\n  in: {dmf: 10 mL}\n- solvothermal: {temperature: 120 °C, time: 12 h, vessel: 50 mL}")
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.course.sealedFills.flatMap { sealed -> [Diagnostic] in
            guard let step = context.recipe.steps.first(where: { $0.number == sealed.step }), let (celsius, location) = step.temperature
            else { return [] }
            return context.course.solvents(atStep: sealed.step, in: context.resolved).compactMap { solvent in
                guard let boiling = solvent.chemical?.boilingPointCelsius, celsius > boiling else { return nil }
                return finding(
                    "\(solvent.displayName) (bp \(QuantityFormat.number(boiling)) °C) is heated to \(QuantityFormat.number(celsius)) °C in a sealed vessel: it will be under pressure",
                    at: location,
                    notes: [DiagnosticNote("use a vessel rated for the pressure and let it cool to room temperature before opening")])
            }
        }
    }
}
