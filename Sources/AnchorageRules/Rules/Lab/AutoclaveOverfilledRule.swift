import AnchorageCore

struct AutoclaveOverfilledRule: Rule {
    static let description = RuleDescription(
        id: "LAB-002", name: "autoclave-overfilled", family: .lab, severity: .error,
        basis: .ruledOut(citation: "rabenau-1985-hydrothermal"),
        summary: "An autoclave liner must not be filled above the maximum fill fraction (data: lab.autoclave_max_fill_fraction).",
        rationale: """
            A liquid heated in a closed liner expands, and its vapour needs head space; with too little of it the \
            pressure rises far beyond the vapour pressure and the vessel can fail or the liner deform. Hydrothermal \
            practice keeps the fill below 80 % of the liner volume. The pressure in a sealed vessel depends on how \
            full it is as well as on the temperature (Rabenau's pressure–temperature curves of water for several \
            degrees of filling; Demazeau); the 80 % limit itself is the laboratory guide's. The fill is the step's \
            `fill`, or the liquid the course of the synthesis has in the vessel when it is sealed: every solvent volume and \
            every liquid or stock solution brought in since the solid was last collected.
            """,
        references: ["hearn-hydrothermal-guide", "rabenau-1985-hydrothermal", "demazeau-2010-solvothermal"],
        triggering: [
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps: "- dissolve: [zn]\n  in: {meoh: 45 mL}\n- solvothermal: {temperature: 60 °C, time: 12 h, vessel: ↓50 mL}"),
            .recipe(
                reagents:
                    "meoh: {name: methanol, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}\nhmim: {name: 2-methylimidazole, mass: 2.0 g, role: linker}",
                steps:
                    "- dissolve: [zn]\n  in: {meoh: 25 mL}\n- dissolve: [hmim]\n  in: {meoh: 20 mL}\n- combine: all\n- solvothermal: {temperature: 60 °C, time: 12 h, vessel: ↓50 mL}"
            ),
        ],
        nonTriggering: [
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps: "- dissolve: [zn]\n  in: {meoh: 30 mL}\n- solvothermal: {temperature: 60 °C, time: 12 h, vessel: 50 mL}"),
            .recipe(
                reagents: "meoh: {name: methanol, role: solvent}\nzn: {name: zinc nitrate hexahydrate, mass: 1.0 g}",
                steps:
                    "- dissolve: [zn]\n  in: {meoh: 45 mL}\n- centrifuge: {speed: 8000 rpm, time: 10 min}\n- add: [zn]\n  in: {meoh: 20 mL}\n- solvothermal: {temperature: 60 °C, time: 12 h, vessel: 50 mL}"
            ),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        guard let limit = context.knowledge.chemistry.threshold("lab.autoclave_max_fill_fraction"), let maxFraction = limit.number else {
            return []
        }
        return context.course.sealedFills.compactMap { sealed in
            guard let fraction = sealed.fraction, fraction > maxFraction, let fill = sealed.liquidMilliliters,
                let vessel = sealed.vessel
            else { return nil }
            return finding(
                "the \(vessel.value) liner is filled to \(QuantityFormat.number(fraction * 100, significant: 3)) % (\(QuantityFormat.volume(milliliters: fill))): above the \(QuantityFormat.number(maxFraction * 100)) % maximum",
                at: vessel.location,
                notes: [DiagnosticNote("use a larger liner or less solvent"), limit.sourceNote])
        }
    }
}
