import AnchorageCore

struct HydrofluoricEtchRule: Rule {
    static let description = RuleDescription(
        id: "LAB-006", name: "hydrofluoric-etch", family: .lab, severity: .warning,
        basis: .publishedRisk(citation: "bajraktarova-valjakova-2018-hf"),
        summary: "HF or an HF-forming etchant (NH4F, NH4HF2) needs calcium gluconate gel at hand, written into the step.",
        rationale: """
            Hydrofluoric acid passes through skin and binds calcium in the tissue beneath; a burn from dilute HF may not \
            hurt for hours. Fluoride salts in acid release HF. Before HF is opened, 2.5 % calcium gluconate gel must be at \
            hand and everyone must know the response: flush with water, apply the gel, get medical help. The step's \
            `note:` must say so, so that the protocol prints it (data: lab.hf_first_aid).
            """,
        references: ["conncoll-hf-response", "bajraktarova-valjakova-2018-hf"],
        triggering: [
            .recipe(
                reagents: "hf: {name: hydrofluoric acid 48 %, volume: 5 mL, concentration: 1 M}\nwater: {name: water, role: solvent}",
                steps: "- acid-etch: {acid: ↓hf, concentration: 1 M, temperature: 25 °C, time: 2 h}"),
            .recipe(
                reagents:
                    "nh4f: {name: ammonium fluoride, formula: NH4F, mass: 0.5 g}\nhcl: {name: hydrochloric acid 37 %, role: acid, volume: 1 mL}\nwater: {name: water, role: solvent}",
                steps: "- dissolve: [↓nh4f, hcl]\n  in: {water: 20 mL}\n- stir: {time: 2 h}"),
        ],
        nonTriggering: [
            .recipe(
                reagents: "hf: {name: hydrofluoric acid 48 %, volume: 5 mL, concentration: 1 M}\nwater: {name: water, role: solvent}",
                steps: "- acid-etch: {acid: hf, concentration: 1 M, temperature: 25 °C, time: 2 h, note: 'calcium gluconate gel at hand'}"),
            .recipe(
                reagents: "h2so4: {name: sulfuric acid 95-98 %, volume: 5 mL, concentration: 0.5 M}\nwater: {name: water, role: solvent}",
                steps: "- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let firstAid = context.knowledge.chemistry.threshold("lab.hf_first_aid")
        return context.course.hf.compactMap { present in
            guard let step = context.recipe.steps.first(where: { $0.number == present.step }), !step.notes(anyOf: ["calcium gluconate"])
            else { return nil }
            return finding(
                "'\(present.reagent)' is or forms HF: note calcium gluconate gel at hand in this step", at: present.location,
                notes: [
                    DiagnosticNote(
                        firstAid?.text ?? "calcium gluconate gel at hand before HF is opened", citation: firstAid?.citations.first)
                ])
        }
    }
}
