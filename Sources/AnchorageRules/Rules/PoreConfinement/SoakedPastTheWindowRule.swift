import AnchorageCore

struct SoakedPastTheWindowRule: Rule {
    static let description = RuleDescription(
        id: "CONF-002", name: "soaked-past-the-window", family: .poreConfinement, severity: .error,
        basis: .ruledOut(citation: "review-pom-admc"),
        summary:
            "A precursor wider than the cage window cannot be brought to a made framework, by any verb: it must be present while the framework forms.",
        rationale: """
            Fe(acac)3 fits ZIF-8's cage but not its window (the pore-limiting diameter), so it is trapped only when it \
            is in the solution while the framework crystallises around it (in situ). Soaking a made framework in the \
            precursor's solution (impregnation), adding its solution to the made crystals or milling it with them leaves \
            it on the outside of the crystals, where pyrolysis aggregates it. What counts is when the precursor first \
            meets the framework (the course of the synthesis), not the verb that brings it there. Sizes come from the fit \
            module.
            """,
        references: ["review-pom-admc", "park2006-zif"],
        triggering: [
            .recipe(
                reagents:
                    "zif: {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.0 g, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.05 g, role: metal-precursor}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- add: [zif]\n  in: {meoh: 20 mL}\n- impregnate: [↓fe]\n  in: {meoh: 10 mL}\n  time: 24 h\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            ),
            .recipe(
                reagents:
                    "zif: {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.0 g, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.05 g, role: metal-precursor}",
                steps: "- mill: [zif, ↓fe]\n  time: 1 h\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"),
            .recipe(
                reagents:
                    "zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, role: metal-salt}\nhmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g, role: linker}\nfe: {name: iron(III) acetylacetonate, formula: Fe(C5H7O2)3, mass: 0.10 g, role: metal-precursor}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- dissolve: [zn]\n  in: {meoh: 30 mL}\n- dissolve: [hmim]\n  in: {meoh: 30 mL}\n- combine: all\n- stir: {time: 24 h}\n- centrifuge: {speed: 8000 rpm, time: 10 min}\n- wash: {with: meoh, volume: 20 mL, times: 3}\n- dry: {temperature: 60 °C, time: 12 h, under: vacuum}\n- add: [↓fe]\n  in: {meoh: 10 mL}\n- stir: {time: 24 h}\n- centrifuge: {speed: 8000 rpm, time: 10 min}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            ),
            .recipe(
                reagents:
                    "zif: {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.0 g, role: support}\nfe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.05 g, role: metal-precursor}\nmeoh: {name: methanol, role: solvent}",
                steps:
                    "- add: [zif]\n  in: {meoh: 20 mL}\n- dissolve: [↓fe]\n  in: {meoh: 10 mL}\n- stir: {time: 24 h}\n- pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}"
            ),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps)
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.confinedPrecursors.compactMap { confined in
            guard let verdict = confined.verdict, verdict.fitsCage == true, verdict.passesWindow == false,
                let met = context.course.encounter(of: confined.reagent.id), met.mode == .postSynthetic
            else { return nil }
            let window = verdict.framework.windowDiameter.map { QuantityFormat.number($0, significant: 3) + " Å" } ?? "?"
            return finding(
                "\(verdict.precursor.name) cannot pass the \(window) window of \(verdict.framework.name): \(met.phrase), it stays outside the cages",
                at: met.location,
                notes: [DiagnosticNote("dissolve it with the framework's metal salt so the framework forms around it (in situ)")])
        }
    }
}
