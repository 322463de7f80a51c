import AnchorageCore
import Foundation

extension PlannedRecord {
    /// What a record keeps of a resolved recipe: the text as written, the computed amounts, each step's parameters
    /// and reagents, and what the checks found. File names are kept without their folders.
    public init(
        recipe: Recipe, resolved: ResolvedRecipe, diagnostics: [Diagnostic], fitVerdicts: [PlannedFitVerdict] = []
    ) {
        let declared = Set(resolved.reagents.map(\.id))
        let reagents = resolved.reagents.map { reagent in
            PlannedReagent(
                id: reagent.id, name: reagent.displayName,
                formula: reagent.reagent.formula?.value ?? reagent.chemical?.formula,
                role: reagent.role?.rawValue, molarMass: reagent.molarMass, massGrams: reagent.grams, amountMillimoles: reagent.moles.map { $0 * 1000 },
                volumeMillilitres: reagent.milliliters)
        }
        let steps = recipe.steps.map { step in
            PlannedRecord.plannedStep(step, declared: declared, allReagents: resolved.reagents.map(\.id))
        }
        self.init(
            recipeID: recipe.id.value, title: recipe.title.value, route: recipe.route.value.rawValue, host: recipe.host?.value,
            recipeFileName: URL(fileURLWithPath: recipe.file).lastPathComponent, recipeText: recipe.text,
            reagents: reagents, steps: steps,
            diagnostics: diagnostics.map { diagnostic in
                PlanningDiagnostic(
                    severity: PlanningDiagnostic.Severity(rawValue: diagnostic.severity.rawValue) ?? .note,
                    ruleID: diagnostic.ruleID, message: diagnostic.message,
                    file: URL(fileURLWithPath: diagnostic.location.file).lastPathComponent,
                    line: diagnostic.location.line > 0 ? diagnostic.location.line : nil,
                    column: diagnostic.location.column > 0 ? diagnostic.location.column : nil)
            },
            fitVerdicts: fitVerdicts)
    }

    /// A step's values in the order its specification lists them; reagents it names become references.
    static func plannedStep(_ step: Step, declared: Set<String>, allReagents: [String]) -> PlannedStep {
        let spec = StepSpec.spec(for: step.kind.value)
        let order = spec.parameters.map(\.name)
        let names = step.values.keys.sorted { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }
        var parameters: [PlannedParameter] = []
        var description: String?
        var references: [String] = []
        func use(_ id: String) {
            if declared.contains(id), !references.contains(id) { references.append(id) }
        }
        for name in names {
            guard let value = step.values[name] else { continue }
            switch value {
            case .quantity(let quantity):
                parameters.append(PlannedParameter(
                    name: name, value: QuantityFormat.number(quantity.value.magnitude, significant: 6),
                    unit: quantity.value.unit.symbol))
            case .reagent(let reagent):
                parameters.append(PlannedParameter(name: name, value: reagent.value))
                use(reagent.value)
            case .reagents(let list):
                list.forEach { use($0.value) }
            case .allReagents:
                parameters.append(PlannedParameter(name: name, value: "all"))
            case .solventVolumes(let list):
                for (reagent, volume) in list {
                    parameters.append(PlannedParameter(
                        name: "\(name) \(reagent.value)", value: QuantityFormat.number(volume.value.magnitude, significant: 6),
                        unit: volume.value.unit.symbol))
                    use(reagent.value)
                }
            case .integer(let number):
                parameters.append(PlannedParameter(name: name, value: String(number.value)))
            case .choice(let text):
                parameters.append(PlannedParameter(name: name, value: text.value))
            case .text(let text):
                if name == "note" { description = text.value } else { parameters.append(PlannedParameter(name: name, value: text.value)) }
            case .flag(let flag):
                parameters.append(PlannedParameter(name: name, value: flag.value ? "yes" : "no"))
            }
        }
        return PlannedStep(
            number: step.number, kind: step.kind.value.rawValue, description: description, parameters: parameters,
            reagentRefs: references)
    }
}
