import AnchorageCore
import AnchorageFit

/// A metal precursor of a pore-confinement recipe, with its fit verdict in the host.
public struct ConfinedPrecursor: Sendable {
    public var reagent: ResolvedReagent
    public var precursor: Precursor?
    public var verdict: FitVerdict?
    /// Where findings about this precursor land: its name, else its id.
    public var location: SourceLocation { reagent.reagent.name?.location ?? reagent.reagent.id.location }
}

extension RuleContext {
    /// The host framework of the fit catalog.
    public var fitFramework: Framework? {
        guard let fit = knowledge.fit, let written = recipe.host?.value else { return nil }
        return try? fit.framework(named: written)
    }

    /// The target-metal precursors of a pore-confinement recipe, each with its fit verdict when the sizes are known.
    func findConfinedPrecursors() -> [ConfinedPrecursor] {
        guard route == .poreConfinement else { return [] }
        let framework = fitFramework
        return targetMetalReagents.map { reagent in
            let names = [reagent.reagent.name?.value, reagent.reagent.formula?.value, reagent.chemical?.name].compactMap { $0 }
            let precursor = names.lazy.compactMap { try? knowledge.fit?.precursor(named: $0) }.first
            let verdict = precursor.flatMap { precursor in framework.flatMap { knowledge.fit?.assessFit(precursor, $0) } }
            return ConfinedPrecursor(reagent: reagent, precursor: precursor, verdict: verdict)
        }
    }

    /// Cages of the host the recipe makes or weighs in (moles): from the framework metal the reagents bring when the
    /// framework forms in the recipe, else from a support weighed in.
    public func cageMoles(of framework: Framework) -> Double? {
        guard let cagesPerCell = framework.cagesPerCell, let metalPerCell = framework.metalAtomsPerCell, metalPerCell > 0 else { return nil }
        if let support = supportReagent, let grams = support.grams, let cellMass = framework.cellMolarMass, cellMass > 0 {
            return grams / cellMass * cagesPerCell
        }
        let targets = Set(recipe.target.metals.map(\.value))
        let frameworkMetal = framework.record.metals.filter { !targets.contains($0) }.compactMap { resolved.metalAmounts[$0] }.reduce(0, +)
        return frameworkMetal > 0 ? frameworkMetal * cagesPerCell / metalPerCell : nil
    }
}

extension ResolvedReagent {
    /// A simple salt by its formula: no carbon, and a nitrate, sulfate or halide anion (§4.2.2).
    public var isSimpleSaltByFormula: Bool {
        guard let formula else { return false }
        if formula.count(of: "C") > 0 { return false }
        let halide = ["F", "Cl", "Br", "I"].contains { formula.count(of: $0) > 0 }
        let oxoanion = formula.count(of: "O") > 0 && (formula.count(of: "N") > 0 || formula.count(of: "S") > 0)
        return halide || oxoanion
    }
}
