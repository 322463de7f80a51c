import AnchorageCore

/// Rescaling a recipe to another batch size: amounts and liquid volumes change, nothing else (not concentrations,
/// temperatures, times, speeds, nor the autoclave liner, which is equipment).
public enum RecipeScaling {
    public static func scaled(_ recipe: Recipe, by factor: Double) -> Recipe {
        guard factor != 1 else { return recipe }
        func scale(_ quantity: Located<Quantity>?) -> Located<Quantity>? {
            quantity.map { Located($0.value.scaled(by: factor), at: $0.location) }
        }
        var scaled = recipe
        scaled.reagents = recipe.reagents.map { reagent in
            var reagent = reagent
            reagent.mass = scale(reagent.mass)
            reagent.amount = scale(reagent.amount)
            reagent.volume = scale(reagent.volume)
            return reagent
        }
        scaled.steps = recipe.steps.map { step in
            var step = step
            for (name, value) in step.values {
                switch value {
                case .solventVolumes(let list):
                    step.values[name] = .solventVolumes(list.map { ($0.reagent, Located($0.volume.value.scaled(by: factor), at: $0.volume.location)) })
                case .quantity(let quantity) where quantity.value.dimension == .volume && !isEquipment(step.kind.value, name):
                    step.values[name] = .quantity(Located(quantity.value.scaled(by: factor), at: quantity.location))
                default:
                    break
                }
            }
            return step
        }
        return scaled
    }

    /// Volume parameters that size a vessel rather than measure a liquid.
    static func isEquipment(_ kind: StepKind, _ parameter: String) -> Bool {
        StepBehaviour.of(kind).sealed && parameter == StepParameter.vessel.rawValue
    }

    /// The reagent ratios and a batch size are stated against: the metal source with the fewest moles, or, with no
    /// metal source, the reagent (not a solvent or gas) with the fewest moles.
    public static func limitingReagent(of resolved: ResolvedRecipe) -> ResolvedReagent? {
        let metalRoles: Set<ReagentRole> = [.metalSalt, .metalPrecursor, .aldPrecursor]
        let counted = resolved.reagents.filter { ($0.moles ?? 0) > 0 && !$0.isSolventLike }
        let metalSources = counted.filter { $0.role.map(metalRoles.contains) ?? false }
        let pool = metalSources.isEmpty ? counted : metalSources
        return pool.min { ($0.moles ?? 0) < ($1.moles ?? 0) }
    }

    /// The factor that brings the limiting reagent to `batch` (an amount of substance or a mass of it).
    public static func factor(forBatch batch: Quantity, resolved: ResolvedRecipe) -> Result<Double, BatchError> {
        guard let limiting = limitingReagent(of: resolved) else { return .failure(.noLimitingReagent) }
        let present: Double?
        switch batch.dimension {
        case .amount: present = limiting.moles
        case .mass: present = limiting.grams
        default: return .failure(.wrongDimension(batch.description))
        }
        guard let present, present > 0, batch.canonicalValue > 0 else { return .failure(.noAmount(limiting.displayName)) }
        return .success(batch.canonicalValue / present)
    }

    public enum BatchError: Error, Sendable, CustomStringConvertible {
        case noLimitingReagent
        case wrongDimension(String)
        case noAmount(String)

        public var description: String {
            switch self {
            case .noLimitingReagent:
                "no reagent with a known amount to scale against: --batch needs a reagent whose moles can be computed"
            case .wrongDimension(let text):
                "--batch '\(text)' is neither an amount (e.g. 5 mmol) nor a mass (e.g. 2 g) of the limiting reagent"
            case .noAmount(let name):
                "the amount of \(name), the limiting reagent, is not known, so --batch cannot scale to it"
            }
        }
    }
}
