import AnchorageCore

struct HydrofluoricEtchRule: Rule {
    static let description = RuleDescription(
        id: "LAB-006", name: "hydrofluoric-etch", family: .lab, severity: .warning,
        summary: "HF or an HF-forming etchant (NH4F, NH4HF2) needs calcium gluconate gel at hand, written into the step.",
        rationale: """
            Hydrofluoric acid passes through skin and binds calcium in the tissue beneath; a burn from dilute HF may not \
            hurt for hours. Fluoride salts in acid release HF. Before HF is opened, 2.5 % calcium gluconate gel must be at \
            hand and everyone must know the response: flush with water, apply the gel, get medical help. The step's \
            `note:` must say so, so that the protocol prints it (data: lab.hf_first_aid).
            """,
        references: ["conncoll-hf-response", "bajraktarova-valjakova-2018-hf"],
        triggering: [
            .recipe(reagents: "hf: {name: hydrofluoric acid 48 %, volume: 5 mL, concentration: 1 M}\nwater: {name: water, role: solvent}",
                    steps: "- acid-etch: {acid: ↓hf, concentration: 1 M, temperature: 25 °C, time: 2 h}"),
        ],
        nonTriggering: [
            .recipe(reagents: "hf: {name: hydrofluoric acid 48 %, volume: 5 mL, concentration: 1 M}\nwater: {name: water, role: solvent}",
                    steps: "- acid-etch: {acid: hf, concentration: 1 M, temperature: 25 °C, time: 2 h, note: 'calcium gluconate gel at hand'}"),
            .recipe(reagents: "h2so4: {name: sulfuric acid 95-98 %, volume: 5 mL, concentration: 0.5 M}\nwater: {name: water, role: solvent}",
                    steps: "- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        let chemistry = context.knowledge.chemistry
        let ids = Set(chemistry.list("lab.hf_forming_etchants"))
        let formulas = Set((chemistry.entry("lab.hf_forming_etchants.formulas")?.strings ?? []).map { $0.replacingOccurrences(of: "·", with: ".") })
        let firstAid = chemistry.threshold("lab.hf_first_aid")
        func formsHF(_ id: String) -> Bool {
            guard let reagent = context.resolved.reagent(id) else { return false }
            if let catalogID = reagent.chemical?.id, ids.contains(catalogID) { return true }
            if let written = reagent.reagent.formula?.value.replacingOccurrences(of: "·", with: "."), formulas.contains(written) { return true }
            return false
        }
        return context.recipe.steps.flatMap { step -> [Diagnostic] in
            let named = step.kind.value == .acidEtch ? step.reagent("acid").map { [$0] } ?? [] : step.reagentList("reagents")
            return named.filter { formsHF($0.value) && !step.notes(anyOf: ["calcium gluconate"]) }.map { reagent in
                finding("'\(reagent.value)' is or forms HF: note calcium gluconate gel at hand in this step", at: reagent.location,
                        notes: [DiagnosticNote(firstAid?.text ?? "calcium gluconate gel at hand before HF is opened", citation: firstAid?.citations.first)])
            }
        }
    }
}
