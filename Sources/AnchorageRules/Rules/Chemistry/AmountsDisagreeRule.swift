import AnchorageCore

struct AmountsDisagreeRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-002", name: "amounts-disagree", family: .chemistry, severity: .error, basis: .recipeDefect,
        summary:
            "Where a reagent's amount is given twice (mass and moles, volume and density, concentration), the two must agree within 2 %.",
        rationale: """
            A recipe that says 1.69 g and 6.5 mmol of zinc nitrate hexahydrate says two different things (1.69 g is \
            5.68 mmol); whichever the chemist weighs, the ratios computed from the other are wrong. The tolerance covers \
            rounding in published procedures.
            """,
        references: ["ciaaw-2021"],
        triggering: [
            .recipe(
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, amount: ↓6.5 mmol}
                    """, steps: "- add: [zn]")
        ],
        nonTriggering: [
            .recipe(
                reagents: """
                    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, amount: 5.68 mmol}
                    """, steps: "- add: [zn]")
        ])

    /// Relative disagreement above which two statements of one amount are an error (`validation.yaml`).
    static var tolerance: Double { (try? ValidationSettings.bundled().amountAgreementTolerance) ?? .nan }

    func check(_ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for reagent in context.resolved.reagents where reagent.estimates.count > 1 {
            let first = reagent.estimates[0]
            for other in reagent.estimates.dropFirst() {
                let pair: (Double, Double)? =
                    if let a = first.moles, let b = other.moles { (a, b) } else if let a = first.grams, let b = other.grams { (a, b) } else
                    { nil }
                guard let (a, b) = pair, max(a, b) > 0 else { continue }
                let difference = abs(a - b) / max(a, b)
                guard difference > Self.tolerance else { continue }
                let describe: (AmountEstimate) -> String = { estimate in
                    if estimate.basis.hasPrefix("amount") { return estimate.basis }
                    if let moles = estimate.moles { return "\(estimate.basis) = \(QuantityFormat.amount(moles: moles))" }
                    return "\(estimate.basis) = \(QuantityFormat.mass(grams: estimate.grams ?? 0))"
                }
                findings.append(
                    finding(
                        "the amounts of '\(reagent.id)' disagree by \(QuantityFormat.number(difference * 100, significant: 2)) %: \(describe(other)), but \(describe(first))",
                        at: other.location,
                        notes: [DiagnosticNote("\(describe(first))", at: first.location)]
                            + (reagent.molarMass.map {
                                [
                                    DiagnosticNote(
                                        "molar mass \(QuantityFormat.number($0, significant: 6)) g/mol from \(reagent.formula?.text ?? "the formula")"
                                    )
                                ]
                            } ?? [])))
            }
        }
        return findings
    }
}
