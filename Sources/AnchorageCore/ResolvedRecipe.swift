import Foundation

/// One independent statement of how much of a reagent there is, turned into moles (or grams where the molar mass is unknown).
public struct AmountEstimate: Sendable {
    public var basis: String
    public var moles: Double?
    public var grams: Double?
    public var location: SourceLocation
}

/// A reagent with everything Anchorage could work out about it.
public struct ResolvedReagent: Sendable {
    public var reagent: Reagent
    public var chemical: Chemical?
    public var formula: ChemicalFormula?
    /// Why the written formula could not be read, and where.
    public var formulaProblem: (error: FormulaError, location: SourceLocation)?
    public var molarMass: Double?
    public var role: ReagentRole?
    public var estimates: [AmountEstimate]
    /// The amount used for computing, from the first estimate.
    public var moles: Double?
    public var grams: Double?
    /// Volume of liquid (neat liquid, or the solution when a concentration is given).
    public var milliliters: Double?
    /// Total volume named by the steps (dissolve/add `in`, wash, acid-etch), for solvents.
    public var volumeUsedInSteps: Double
    public var density: Double?

    public var id: String { reagent.id.value }
    public var displayName: String { reagent.name?.value ?? chemical?.name ?? reagent.formula?.value ?? id }
    public var metals: [String] {
        if let formula { return formula.metalSymbols }
        return chemical?.metal ?? []
    }
    public var isSolventLike: Bool {
        role == .solvent || role == .gas || chemical?.chemicalClass == "solvent" || chemical?.chemicalClass == "gas"
    }
    public var hazards: [String] { chemical?.hazards ?? [] }
}

/// A recipe with its chemicals looked up and its quantities computed.
public struct ResolvedRecipe: Sendable {
    public var recipe: Recipe
    public var reagents: [ResolvedReagent]
    /// What happens in the flask, step by step (built once, with the reagents).
    public var course: SynthesisCourse

    public init(recipe: Recipe, reagents: [ResolvedReagent], knowledge: CourseKnowledge) {
        self.recipe = recipe
        self.reagents = reagents
        self.course = SynthesisCourse(states: [], hostOrigin: .notTraced, encounters: [], exchanges: [], sealedFills: [], hf: [], furnace: [])
        self.course = SynthesisCourse(self, knowledge: knowledge)
    }

    public func reagent(_ id: String) -> ResolvedReagent? { reagents.first { $0.id == id } }

    /// Moles of each metal brought by the reagents (metal salts and precursors, not the host's own linker).
    public var metalAmounts: [String: Double] {
        var totals: [String: Double] = [:]
        for reagent in reagents {
            guard let formula = reagent.formula, let moles = reagent.moles else { continue }
            for metal in formula.metalSymbols { totals[metal, default: 0] += moles * formula.count(of: metal) }
        }
        return totals
    }
}

public enum RecipeResolver {
    static func role(for chemicalClass: String?) -> ReagentRole? {
        guard let chemicalClass else { return nil }
        return ReagentRole(rawValue: chemicalClass) ?? (chemicalClass == "other" ? .additive : nil)
    }

    /// The reagents looked up and their amounts computed, then the course of the synthesis followed with them.
    public static func resolve(_ recipe: Recipe, catalog: ChemicalCatalog, elements: PeriodicTable, course: CourseKnowledge) -> ResolvedRecipe {
        var volumesUsed: [String: Double] = [:]
        for step in recipe.steps {
            let behaviour = step.behaviour
            let repeats = Double(step.repetitions)
            if let solvents = behaviour.solventsIn {
                for (reagent, volume) in step.solventVolumes(solvents) { volumesUsed[reagent.value, default: 0] += volume.value.canonicalValue * repeats }
            }
            if let rinse = behaviour.rinse, let with = step.reagent(rinse.reagent), let volume = step.quantity(rinse.volume) {
                volumesUsed[with.value, default: 0] += volume.value.canonicalValue * repeats
            }
            // The etch volume is the acid at the step's concentration. It is drawn from the reagent only when the
            // reagent is that solution; a stock acid (concentrated, or at another strength) is diluted to it.
            if let diluted = behaviour.dilutedAcid, let acid = step.reagent(diluted.acid), let volume = step.quantity(diluted.volume),
               let stock = recipe.reagents.first(where: { $0.id.value == acid.value }),
               let strength = step.quantity(diluted.strength)?.value, let own = stock.concentration?.value,
               own.dimension == strength.dimension,
               abs(own.canonicalValue - strength.canonicalValue) <= 1e-9 * max(abs(own.canonicalValue), 1) {
                volumesUsed[acid.value, default: 0] += volume.value.canonicalValue
            }
        }
        let reagents = recipe.reagents.map { reagent in
            resolve(reagent, catalog: catalog, elements: elements, volumeUsed: volumesUsed[reagent.id.value] ?? 0)
        }
        return ResolvedRecipe(recipe: recipe, reagents: reagents, knowledge: course)
    }

    static func resolve(_ reagent: Reagent, catalog: ChemicalCatalog, elements: PeriodicTable, volumeUsed: Double) -> ResolvedReagent {
        let chemical = catalog.chemical(for: reagent)
        var formula: ChemicalFormula?
        var formulaProblem: (error: FormulaError, location: SourceLocation)?
        if let written = reagent.formula {
            do {
                formula = try ChemicalFormula(parsing: written.value)
            } catch let error as FormulaError {
                formulaProblem = (error, written.location.advanced(byColumns: error.offset))
            } catch {
                formulaProblem = (FormulaError(message: "\(error)", offset: 0), written.location)
            }
        } else if let catalogFormula = chemical?.formula {
            formula = try? ChemicalFormula(parsing: catalogFormula)
        }
        let molarMass = formula.flatMap { try? $0.molarMass(in: elements) }
        let density = reagent.density?.value.canonicalValue ?? chemical?.densityGramsPerMilliliter
        let purity = (reagent.purity?.value.canonicalValue).map { $0 / 100 } ?? 1

        var estimates: [AmountEstimate] = []
        func add(_ basis: String, grams: Double?, moles: Double?, at location: SourceLocation) {
            let moles = moles ?? grams.flatMap { g in molarMass.map { g * purity / $0 } }
            let grams = grams ?? moles.flatMap { n in molarMass.map { n * $0 } }
            estimates.append(AmountEstimate(basis: basis, moles: moles, grams: grams, location: location))
        }
        if let mass = reagent.mass {
            add("mass \(mass.value)", grams: mass.value.canonicalValue, moles: nil, at: mass.location)
        }
        if let amount = reagent.amount {
            add("amount \(amount.value)", grams: nil, moles: amount.value.canonicalValue, at: amount.location)
        }
        var milliliters = reagent.volume?.value.canonicalValue
        if let volume = reagent.volume {
            let mL = volume.value.canonicalValue
            if let concentration = reagent.concentration {
                let c = concentration.value
                switch c.dimension {
                case .molarConcentration:
                    add("\(volume.value) of \(c)", grams: nil, moles: c.canonicalValue * mL / 1000, at: volume.location)
                case .massConcentration:
                    add("\(volume.value) of \(c)", grams: c.canonicalValue * mL / 1000, moles: nil, at: volume.location)
                case .massFraction:
                    // The solution's density: one written on the reagent, or the catalog's when the catalog entry is
                    // this very solution (HCl 37 % at 37 wt%). The catalog density of the pure solute is not the
                    // density of its solution and is not used.
                    let solutionDensity = reagent.density?.value.canonicalValue
                        ?? (chemical?.massFractionPercent == c.canonicalValue ? chemical?.densityGramsPerMilliliter : nil)
                    if let solutionDensity {
                        add("\(volume.value) of \(c) (density \(QuantityFormat.number(solutionDensity)) g/mL)",
                            grams: mL * solutionDensity * c.canonicalValue / 100, moles: nil, at: volume.location)
                    }
                default: break
                }
            } else if let density, let fraction = chemical?.massFractionPercent, reagent.density == nil {
                add("\(volume.value) of \(chemical?.name ?? "the solution") (\(QuantityFormat.number(fraction)) wt%, \(QuantityFormat.number(density)) g/mL)",
                    grams: mL * density * fraction / 100, moles: nil, at: volume.location)
            } else if let density {
                add("\(volume.value) × \(QuantityFormat.number(density)) g/mL", grams: mL * density, moles: nil, at: volume.location)
            }
        } else if volumeUsed > 0 {
            milliliters = volumeUsed
        }
        let role = reagent.role?.value ?? role(for: chemical?.chemicalClass)
        if milliliters == nil, let grams = estimates.first?.grams, let density, role == .solvent || chemical?.chemicalClass == "solvent" {
            milliliters = grams / density
        }
        return ResolvedReagent(
            reagent: reagent, chemical: chemical, formula: formula, formulaProblem: formulaProblem, molarMass: molarMass,
            role: role, estimates: estimates, moles: estimates.first?.moles, grams: estimates.first?.grams,
            milliliters: milliliters, volumeUsedInSteps: volumeUsed, density: density)
    }
}
