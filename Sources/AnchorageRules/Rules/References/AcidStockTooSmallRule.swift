import AnchorageCore

struct AcidStockTooSmallRule: Rule {
    static let description = RuleDescription(
        id: "REF-005", name: "acid-stock-too-small", family: .references, severity: .error,
        summary: "The acid a recipe declares must hold the moles its acid-etch steps need (concentration × volume).",
        rationale: """
            `acid-etch: {concentration: 0.5 M, volume: 100 mL}` needs 50 mmol of acid. When the acid reagent is a stock \
            (concentrated, or at another strength) declared with its own amount, that amount must cover what the etch \
            steps dilute from it; otherwise the leaching runs at a lower strength than written. The tolerance is the one \
            for amounts given twice (data: validation amount agreement tolerance).
            """,
        triggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents + "\nh2so4: {name: sulfuric acid, volume: ↓0.5 mL, density: 1.84 g/mL, role: acid}",
                    steps: RuleExample.feZIF8Steps + "\n- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h, volume: 100 mL}"),
        ],
        nonTriggering: [
            .recipe(reagents: RuleExample.feZIF8Reagents + "\nh2so4: {name: sulfuric acid, volume: 2.8 mL, density: 1.84 g/mL, role: acid}",
                    steps: RuleExample.feZIF8Steps + "\n- acid-etch: {acid: h2so4, concentration: 0.5 M, temperature: 80 °C, time: 8 h, volume: 100 mL}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        var needed: [String: Double] = [:]
        for step in context.steps(.acidEtch) {
            guard let acid = step.reagent("acid"), let strength = step.quantity("concentration")?.value,
                  strength.dimension == .molarConcentration, let volume = step.quantity("volume") else { continue }
            needed[acid.value, default: 0] += strength.canonicalValue * volume.value.canonicalValue / 1000
        }
        return context.resolved.reagents.compactMap { reagent in
            guard let need = needed[reagent.id], need > 0, let have = reagent.moles,
                  let stated = reagent.estimates.first, (need - have) / need > AmountsDisagreeRule.tolerance else { return nil }
            return finding(
                "'\(reagent.id)' holds \(QuantityFormat.amount(moles: have)) of acid, but its acid-etch steps need \(QuantityFormat.amount(moles: need)) (concentration × volume)",
                at: stated.location,
                notes: [DiagnosticNote("declare enough stock, or lower the etch volume or concentration")])
        }
    }
}
