import AnchorageCore

struct AcidStockTooSmallRule: Rule {
    static let description = RuleDescription(
        id: "REF-005", name: "acid-stock-too-small", family: .references, severity: .error, basis: .recipeDefect,
        summary: "The acid a recipe declares must hold the moles its acid-etch steps need (concentration × volume).",
        rationale: """
            `acid-etch: {concentration: 0.5 M, volume: 100 mL}` needs 50 mmol of acid. When the acid reagent is a stock \
            (concentrated, or at another strength) declared with its own amount, that amount must cover what the etch \
            steps dilute from it; otherwise the leaching runs at a lower strength than written. The tolerance is the one \
            for amounts given twice (data: validation amount agreement tolerance). A strength in wt% needs the dilute \
            acid's density, which no data file holds; the rule then takes the density of water from the chemical \
            catalog, which the aqueous acids of an etch (HF, HCl, H2SO4, HNO3) all exceed, so the mass it asks for errs low \
            and a stock it calls too small is too small.
            """,
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents + "\nh2so4: {name: sulfuric acid, volume: ↓0.5 mL, density: 1.84 g/mL, role: acid}",
                steps: RuleExample.feZIF8Steps
                    + "\n- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h, volume: 100 mL}"),
            .recipe(
                reagents: RuleExample.feZIF8Reagents + "\nhf: {name: hydrofluoric acid 48 %, volume: ↓1 mL, role: acid}",
                steps: RuleExample.feZIF8Steps
                    + "\n- acid-etch: {acid: hf, concentration: 10 wt%, temperature: 25 °C, time: 12 h, volume: 20 mL, note: calcium gluconate gel at hand}"
            ),
        ],
        nonTriggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents + "\nhf: {name: hydrofluoric acid 48 %, volume: 5 mL, role: acid}",
                steps: RuleExample.feZIF8Steps
                    + "\n- acid-etch: {acid: hf, concentration: 10 wt%, temperature: 25 °C, time: 12 h, volume: 20 mL, note: calcium gluconate gel at hand}"
            ),
            .recipe(
                reagents: RuleExample.feZIF8Reagents + "\nh2so4: {name: sulfuric acid, volume: 2.8 mL, density: 1.84 g/mL, role: acid}",
                steps: RuleExample.feZIF8Steps
                    + "\n- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h, volume: 100 mL}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        var needed: [String: Double] = [:]
        // Grams of acid for wt% strengths, at least: the dilute acid is taken as dense as water (it is denser).
        var neededGrams: [String: Double] = [:]
        let water = context.knowledge.chemicals.chemical(named: "water")?.densityGramsPerMilliliter
        for step in context.etchSteps {
            guard let acid = step.reagent(.acid), let strength = step.quantity(.concentration)?.value,
                let volume = step.quantity(.volume)
            else { continue }
            switch strength.dimension {
            case .molarConcentration:
                needed[acid.value, default: 0] += strength.canonicalValue * volume.value.canonicalValue / 1000
            case .massFraction:
                if let water { neededGrams[acid.value, default: 0] += strength.canonicalValue / 100 * volume.value.canonicalValue * water }
            default: break
            }
        }
        let tolerance = AmountsDisagreeRule.tolerance
        return context.resolved.reagents.compactMap { reagent in
            guard let stated = reagent.estimates.first else { return nil }
            if let need = needed[reagent.id], need > 0, let have = reagent.moles, (need - have) / need > tolerance {
                return finding(
                    "'\(reagent.id)' holds \(QuantityFormat.amount(moles: have)) of acid, but its acid-etch steps need \(QuantityFormat.amount(moles: need)) (concentration × volume)",
                    at: stated.location,
                    notes: [DiagnosticNote("declare enough stock, or lower the etch volume or concentration")])
            }
            if let need = neededGrams[reagent.id], need > 0, let have = reagent.grams, (need - have) / need > tolerance {
                return finding(
                    "'\(reagent.id)' holds \(QuantityFormat.mass(grams: have)) of acid, but its acid-etch steps need at least \(QuantityFormat.mass(grams: need)) (wt% × volume × the density of water)",
                    at: stated.location,
                    notes: [
                        DiagnosticNote(
                            "declare enough stock, or lower the etch volume or strength; the dilute acid is denser than water, so the need is larger still"
                        )
                    ])
            }
            return nil
        }
    }
}
