import AnchorageCore

struct FormulaDiffersFromCatalogRule: Rule {
    static let description = RuleDescription(
        id: "CHEM-005", name: "formula-differs-from-catalog", family: .chemistry, severity: .warning, basis: .writingSlip,
        summary: "A reagent's written formula should match the catalog entry its name points to (hydrate, counter-ion).",
        rationale: """
            'zinc nitrate hexahydrate' written as Zn(NO3)2 drops six waters: 189.4 instead of 297.5 g/mol, and every \
            ratio computed from the mass is off by more than half. The formula decides the molar mass, so the two must agree.
            """,
        references: ["ciaaw-2021"],
        triggering: [
            .recipe(reagents: "zn: {name: zinc nitrate hexahydrate, formula: ↓Zn(NO3)2, mass: 1.69 g}", steps: "- add: [zn]")
        ],
        nonTriggering: [
            .recipe(reagents: "zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g}", steps: "- add: [zn]"),
            // Sold as RuCl3·xH2O: the trihydrate written out is the same chemical.
            .recipe(
                metals: "[Ru]", reagents: "ru: {name: ruthenium(III) chloride hydrate, formula: RuCl3·3H2O, mass: 0.10 g}",
                steps: "- add: [ru]"),
        ])

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.resolved.reagents.compactMap { reagent in
            guard let written = reagent.reagent.formula, let formula = reagent.formula, let chemical = reagent.chemical,
                let catalogText = chemical.formula, let catalogFormula = try? ChemicalFormula(parsing: catalogText)
            else { return nil }
            guard !formula.hasSameComposition(as: catalogFormula) else { return nil }
            // A chemical sold with a variable water content (RuCl3·xH2O) is the same chemical with any number of waters.
            if chemical.variableWater == true, formula.differsOnlyByWater(from: catalogFormula) { return nil }
            var notes = [DiagnosticNote("the catalog has \(chemical.name) as \(catalogText)")]
            if let mine = try? formula.molarMass(in: context.knowledge.elements),
                let theirs = try? catalogFormula.molarMass(in: context.knowledge.elements)
            {
                notes.append(
                    DiagnosticNote(
                        "\(QuantityFormat.number(mine, significant: 5)) g/mol as written against \(QuantityFormat.number(theirs, significant: 5)) g/mol"
                    ))
            }
            return finding("formula \(written.value) is not that of \(chemical.name)", at: written.location, notes: notes)
        }
    }
}
