import AnchorageCore

struct SoakedPastTheWindowRule: Rule {
    static let description = RuleDescription(
        id: "CONF-002", name: "soaked-past-the-window", family: .poreConfinement, severity: .error,
        summary: "A precursor wider than the cage window cannot be soaked into a made framework: it must be present while the framework forms.",
        rationale: """
            Fe(acac)3 fits ZIF-8's cage but not its window (the pore-limiting diameter), so it is trapped only when it \
            is in the solution while the framework crystallises around it (in situ). Soaking a made framework in the \
            precursor's solution (impregnation) leaves it on the outside of the crystals, where pyrolysis aggregates it. \
            Sizes come from the fit module.
            """,
        references: ["review-pom-admc", "park2006-zif"],
        triggering: [
            .recipe(reagents: "zif: {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.0 g, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.05 g, role: metal-precursor}\nmeoh: {name: methanol, role: solvent}",
                    steps: "- add: [zif]\n  in: {meoh: 20 mL}\n- impregnate: [↓fe]\n  in: {meoh: 10 mL}\n  time: 24 h\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"),
            .recipe(reagents: "zif: {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.0 g, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.05 g, role: metal-precursor}",
                    steps: "- mill: [zif, ↓fe]\n  time: 1 h\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.confinedPrecursors.compactMap { confined in
            guard let verdict = confined.verdict, verdict.fitsCage == true, verdict.passesWindow == false else { return nil }
            let soaked = context.impregnation(of: confined.reagent)
            guard let location = soaked ?? context.milling(of: confined.reagent) else { return nil }
            let window = verdict.framework.windowDiameter.map { QuantityFormat.number($0, significant: 3) + " Å" } ?? "?"
            let how = soaked != nil ? "soaked in" : "milled with the made framework"
            return finding("\(verdict.precursor.name) cannot pass the \(window) window of \(verdict.framework.name): \(how), it stays outside the cages",
                           at: location, notes: [DiagnosticNote("dissolve it with the framework's metal salt so the framework forms around it (in situ)")])
        }
    }
}
