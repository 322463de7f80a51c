import AnchorageCore

struct HazardousALDReagentRule: Rule {
    static let description = RuleDescription(
        id: "AIM-003", name: "hazardous-ald-reagent", family: .aim, severity: .warning,
        basis: .publishedRisk(citation: "echa-trimethylaluminium"),
        summary: "A pyrophoric or toxic ALD reagent (trimethylaluminium, diethylzinc, H2S) needs its precautions written into the step.",
        rationale: """
            Trimethylaluminium and diethylzinc ignite in air and react violently with water; H2S is acutely toxic \
            (IDLH 100 ppm) and flammable. They are handled only under inert gas, in a closed ALD line, with a gas detector \
            for H2S. The step's `note:` must say how (inert gas, glovebox, detector), so that the protocol prints it \
            (data: aim.hazardous_precursors; the catalog's pyrophoric flag).
            """,
        references: ["echa-trimethylaluminium", "berkeley-diethylzinc-sop", "evikon-h2s-datasheet", "nrc-2011-prudent-practices"],
        triggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps: "- ald: {precursor: ↓tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C}")
        ],
        nonTriggering: [
            .recipe(
                route: "aim", host: "NU-1000", metals: "[Al]",
                reagents: "tma: {name: trimethylaluminium, role: ald-precursor}\nwater: {name: water, role: co-reactant}",
                steps:
                    "- ald: {precursor: tma, co-reactant: water, pulse: 1 s, purge: 120 s, cycles: 1, temperature: 140 °C, note: 'pyrophoric: transfer under inert gas'}"
            )
        ])

    static let precautions = ["inert", "glovebox", "glove box", "schlenk", "detector", "pyrophoric", "toxic"]

    /// Hazard words by catalog id, from the data (`aim.hazardous_precursors`, keyed by catalog id).
    func hazards(of reagent: ResolvedReagent, in data: ChemistryData) -> [String]? {
        if let id = reagent.chemical?.id,
            let listed = data.entry("aim.hazardous_precursors.\(id.replacingOccurrences(of: "-", with: "_"))"),
            let words = listed["hazards"]?.strings, !words.isEmpty
        {
            return words
        }
        return reagent.chemical?.pyrophoric == true ? ["pyrophoric"] : nil
    }

    func check(_ context: RuleContext) -> [Diagnostic] {
        context.depositionSteps.flatMap { step -> [Diagnostic] in
            guard !step.notes(anyOf: Self.precautions) else { return [] }
            return [StepParameter.precursor, .coReactant].compactMap { parameter in
                guard let id = step.reagent(parameter), let reagent = context.resolved.reagent(id.value),
                    let words = hazards(of: reagent, in: context.knowledge.chemistry)
                else { return nil }
                return finding(
                    "\(reagent.displayName) is \(words.joined(separator: ", ")): write the handling precautions into the step's note",
                    at: id.location)
            }
        }
    }
}
