import AnchorageCore

struct FlammableHydrogenRule: Rule {
    static let description = RuleDescription(
        id: "LAB-005", name: "flammable-hydrogen", family: .lab, severity: .warning,
        basis: .publishedRisk(citation: "ngai-2011-iso10156-hydrogen"),
        summary: "H2, or an H2 mixture that can burn in air, needs the flammable-gas precautions written into the step.",
        rationale: """
            Hydrogen burns in air from 4 % by volume. A mixture in N2 cannot burn in air up to 5.5 % H2 (ISO 10156 Tci); \
            for Ar no sourced limit was found, and argon's lower heat capacity makes its mixtures flammable at lower H2 \
            than N2 ones, so any H2/Ar mixture is treated as flammable. Pure H2 and richer mixtures need leak-checked \
            lines, an exhaust to a vent and no ignition source: say so in the step's `note:`, where the protocol prints it.
            """,
        references: ["ngai-2011-iso10156-hydrogen", "schroeder-molnarne-2005-inert-gases", "iso-10156-2017"],
        triggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps + "\n- reduce: {gas: ↓H2, temperature: 300 °C, time: 2 h}"),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps + "\n- reduce: {gas: H2/N2, h2: ↓10 %, temperature: 300 °C, time: 2 h}"),
        ],
        nonTriggering: [
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps + "\n- reduce: {gas: H2/N2, h2: 5 %, temperature: 300 °C, time: 2 h}"),
            .recipe(
                reagents: RuleExample.feZIF8Reagents,
                steps: RuleExample.feZIF8Steps
                    + "\n- reduce: {gas: H2, temperature: 300 °C, time: 2 h, note: 'flammable gas: leak-check the lines, vent the exhaust'}"
            ),
        ])

    static let precautions = ["flammable", "leak", "vent", "exhaust"]

    func check(_ context: RuleContext) -> [Diagnostic] {
        let chemistry = context.knowledge.chemistry
        let limitN2 = chemistry.threshold("lab.forming_gas_max_h2_vol_pct_nonflammable.in_N2")
        let limitAr = chemistry.threshold("lab.forming_gas_max_h2_vol_pct_nonflammable.in_Ar")
        let lowerLimit = chemistry.threshold("lab.h2_lower_flammability_limit_vol_pct_in_air")?.number
        return context.recipe.steps.compactMap { step in
            guard let gas = step.furnaceGas, gas.value.hasPrefix("H2"), !step.notes(anyOf: Self.precautions) else { return nil }
            let content = step.quantity(.h2)
            switch gas.value {
            case "H2":
                let from = lowerLimit.map { " from \(QuantityFormat.number($0)) %" } ?? ""
                let alternative =
                    limitN2?.number.map { "or use H2/N2 with at most \(QuantityFormat.number($0)) % H2" }
                    ?? "or use a non-flammable H2/N2 mixture"
                return finding(
                    "pure H2 is flammable in air\(from): write the precautions into the step's note", at: gas.location,
                    notes: [DiagnosticNote(alternative)])
            case "H2/N2", "H2/Ar":
                let limit = gas.value == "H2/N2" ? limitN2 : limitAr
                guard let limit, let maximum = limit.number else {
                    return finding(
                        "no sourced non-flammable H2 content for \(gas.value): treat it as flammable and note the precautions",
                        at: content?.location ?? gas.location)
                }
                guard let content else {
                    return finding(
                        "the H2 content of \(gas.value) is not given: state `h2:` (non-flammable up to \(QuantityFormat.number(maximum)) %)",
                        at: gas.location)
                }
                guard content.value.canonicalValue > maximum else { return nil }
                return finding(
                    "\(content.value) H2 in \(gas.value.dropFirst(3)) can burn in air (non-flammable up to \(QuantityFormat.number(maximum)) %)",
                    at: content.location, notes: [limit.sourceNote])
            default: return nil
            }
        }
    }
}
