import AnchorageCore

struct UnknownChemicalRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-004", name: "unknown-chemical", family: .chemistry, severity: .unknown, basis: .missingData,
        summary: "A reagent that is neither in the catalog nor given a formula cannot be checked.",
        rationale: """
            Molar masses, hazards, densities and boiling points come from the catalog or the formula. A reagent with \
            neither passes unchecked; the finding names the closest catalog entry in case of a misspelling. A host \
            framework named by its catalog name (MOF-808, MFU-4l, PCN-222, TpBpy…) is known from the framework catalog \
            and is not reported.
            """,
        references: ["kearnes-2021-ord"],
        triggering: [
            .recipe(reagents: "meoh: {name: ↓methanal, role: solvent}", steps: "- stir: {time: 1 h}\n- wash: {with: meoh, volume: 10 mL}")
        ],
        nonTriggering: [
            .recipe(reagents: "meoh: {name: methanol, role: solvent}", steps: "- stir: {time: 1 h}\n- wash: {with: meoh, volume: 10 mL}"),
            .recipe(
                reagents: "mof: {name: MOF-808, mass: 100 mg, role: support}\nmeoh: {name: methanol, role: solvent}",
                steps: "- add: [mof]\n  in: {meoh: 10 mL}\n- wash: {with: meoh, volume: 10 mL}"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.resolved.reagents.compactMap { reagent in
            guard reagent.chemical == nil, reagent.reagent.formula == nil else { return nil }
            let name = reagent.reagent.name
            if let name, context.knowledge.hosts.host(named: name.value) != nil { return nil }
            let suggestion = name.flatMap { context.knowledge.chemicals.suggestion(for: $0.value) }
            return notChecked(
                context.unknownFormula(of: reagent),
                notes: [DiagnosticNote("its amounts and hazards are not checked" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))])
        }
    }
}
