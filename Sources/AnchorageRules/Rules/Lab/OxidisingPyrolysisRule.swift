import AnchorageCore

struct OxidisingPyrolysisRule: Rule {
    static let description = RuleDescription(
        id: "LAB-004", name: "oxidising-pyrolysis", family: .lab, severity: .error, basis: .ruledOut(citation: "yin-2016-co-sas"),
        summary: "Pyrolysis must run under an inert or reducing gas, never air or O2.",
        rationale: """
            Pyrolysis turns the organic framework into the N-doped carbon that holds the single atoms. In air or O2 at \
            several hundred °C that carbon burns away and the metal is left as oxide particles: no M–N–C sites form. The \
            worked pyrolyses of the review run under N2 (data: lab.furnace_atmospheres). Where the product is the \
            framework itself (the target's support is a framework the catalog knows, as for Cu sites on the nodes of \
            NU-1000 oxidised in O2 at 200 °C), no carbon is meant to form: a heating under O2 or air is an oxidative \
            activation and is flagged only at or above the framework's decomposition temperature, where it burns.
            """,
        references: ["review-pom-admc", "yin-2016-co-sas"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps.replacingOccurrences(
                    of: "atmosphere: N2", with: "atmosphere: ↓air")),
            .recipe(
                route: "sim", host: "UiO-66", metals: "[Cu]", support: "UiO-66",
                reagents: """
                    uio: {name: UiO-66, formula: Zr6O4(OH)4(C8H4O4)6, mass: 100 mg, role: support}
                    cu: {name: copper(II) nitrate trihydrate, formula: Cu(NO3)2·3H2O, mass: 5 mg, role: metal-salt}
                    water: {name: water, role: solvent}
                    """,
                steps: """
                    - add: [uio, cu]
                      in: {water: 10 mL}
                    - stir: {time: 24 h}
                    - centrifuge: {speed: 8000 rpm, time: 10 min}
                    - wash: {with: water, volume: 10 mL, times: 3}
                    - pyrolyze: {temperature: ↓600 °C, ramp: 2 °C/min, hold: 3 h, atmosphere: air, flow: 50 mL/min}
                    """),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents, steps: RuleExample.feZIF8Steps),
            .recipe(
                route: "sim", host: "NU-1000", metals: "[Cu]", support: "NU-1000",
                reagents: """
                    nu: {name: NU-1000, formula: Zr6O4(OH)8(H2O)4(C44H22O8)2, mass: 100 mg, role: support}
                    cu: {name: copper(II) nitrate trihydrate, formula: Cu(NO3)2·3H2O, mass: 5 mg, role: metal-salt}
                    water: {name: water, role: solvent}
                    """,
                steps: """
                    - add: [nu, cu]
                      in: {water: 10 mL}
                    - stir: {time: 24 h}
                    - centrifuge: {speed: 8000 rpm, time: 10 min}
                    - wash: {with: water, volume: 10 mL, times: 3}
                    - pyrolyze: {temperature: 200 °C, ramp: 2 °C/min, hold: 3 h, atmosphere: O2, flow: 50 mL/min}
                    """),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let oxidising = Set(context.knowledge.chemistry.list("lab.furnace_atmospheres.oxidising"))
        let keptFramework = context.recipe.target.support.flatMap { context.knowledge.hosts.host(named: $0.value) }
        return context.pyrolysisSteps.compactMap { step in
            guard let atmosphere = step.furnaceGas, oxidising.contains(atmosphere.value) else { return nil }
            if let framework = keptFramework {
                // The product is the framework itself: an oxidative activation, wrong only where the framework burns.
                guard let limit = framework.thermalStabilityC, let heated = step.temperature, heated.celsius >= limit else { return nil }
                return finding(
                    "heating \(framework.name) under \(atmosphere.value) to \(Int(saturating: heated.celsius)) °C, at or above the "
                        + "\(Int(saturating: limit)) °C it stands: the framework burns",
                    at: heated.location, notes: [DiagnosticNote("stay below the framework's decomposition temperature")])
            }
            return finding(
                "pyrolysis under \(atmosphere.value): the carbon burns and the metal ends as oxide, not as single atoms",
                at: atmosphere.location, notes: [DiagnosticNote("pyrolyse under N2 or Ar")])
        }
    }
}
