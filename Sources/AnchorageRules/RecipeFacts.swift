import AnchorageCore

/// Questions many route rules ask of a recipe, answered once here.
extension RuleContext {
    public var route: Route { recipe.route.value }

    /// Steps whose behaviour answers yes: ask what a step does, not what it is called.
    public func steps(where test: (StepBehaviour) -> Bool) -> [Step] { recipe.steps.filter { test($0.behaviour) } }

    /// Steps that heat the solid in a tube furnace under a gas (pyrolyses and reductions).
    public var furnaceSteps: [Step] { steps { $0.contents == .furnace } }
    /// Steps that carbonise the framework (pyrolyses).
    public var pyrolysisSteps: [Step] { steps { $0.carbonises } }
    /// Steps that heat the contents in a sealed vessel.
    public var sealedSteps: [Step] { steps { $0.sealed } }
    /// Steps that bring a precursor to the solid from the gas phase.
    public var depositionSteps: [Step] { steps { $0.contents == .gasPhaseDeposition } }
    /// Steps that stir the solid in an acid diluted to the step's strength.
    public var etchSteps: [Step] { steps { $0.dilutedAcid != nil } }

    /// What happens in the flask, step by step: ask it rather than a step's kind.
    public var course: SynthesisCourse { resolved.course }

    /// The host named by the recipe, when the framework catalog knows it.
    public var host: HostFacts? { knowledge.host(of: recipe) }

    /// Where a finding about the host lands: the `host:` value, or the route when no host is named.
    public var hostLocation: SourceLocation { recipe.host?.location ?? recipe.route.location }

    /// Reagents that bring the target metal(s): metal salts and precursors (and ALD precursors) carrying a target metal.
    public var targetMetalReagents: [ResolvedReagent] {
        let targets = Set(recipe.target.metals.map(\.value))
        return resolved.reagents.filter { reagent in
            !reagent.isSolventLike && !Set(reagent.metals).isDisjoint(with: targets)
        }
    }

    /// Moles of target metal brought by the reagents.
    public var targetMetalMoles: Double? {
        let amounts = resolved.metalAmounts
        let moles = recipe.target.metals.compactMap { amounts[$0.value] }
        return moles.isEmpty ? nil : moles.reduce(0, +)
    }

    /// The support reagent (a made framework weighed in), if the recipe declares one.
    public var supportReagent: ResolvedReagent? { resolved.reagents.first { $0.role == .support } }

    /// Whether the solid is heated under a reducing gas at some point (a `reduce` step, or a pyrolysis under H2/NH3).
    public var hasReductionStep: Bool {
        if furnaceSteps.contains(where: { !$0.behaviour.carbonises }) { return true }
        let reducing = Set(knowledge.chemistry.list("lab.furnace_atmospheres.reducing"))
        return pyrolysisSteps.contains { $0.furnaceGas.map { reducing.contains($0.value) } ?? false }
    }

    /// The catalog id of a resolved reagent, or nil.
    public func catalogID(_ reagent: ResolvedReagent) -> String? { reagent.chemical?.id }
}

extension Step {
    /// The temperature of a step, in °C, with where it was written.
    public var temperature: (celsius: Double, location: SourceLocation)? {
        quantity(.temperature).map { ($0.value.canonicalValue, $0.location) }
    }
}

extension SourcedValue {
    /// A diagnostic note naming where a number comes from.
    public var sourceNote: DiagnosticNote {
        DiagnosticNote("source: " + citationList, citation: citations.first)
    }
}

extension RuleContext {
    /// Chelating sites the recipe builds into its host with its own linkers (catalog id → site kind, from the data).
    public var siteBearingReagents: [(reagent: ResolvedReagent, site: String)] {
        guard case .map(let table)? = knowledge.chemistry.threshold("linker_anchoring.site_bearing_linkers")?.value else { return [] }
        return resolved.reagents.compactMap { reagent in
            guard let id = reagent.chemical?.id, let site = table[id]?.text else { return nil }
            return (reagent, site)
        }
    }

    /// Every chelating site kind the host offers, from the framework catalog and from the recipe's own linkers.
    public var chelatingSiteKinds: Set<String> {
        let chelating = Set(knowledge.chemistry.list("linker_anchoring.chelating_sites"))
        let fromHost = Set(host?.functionalSites ?? []).intersection(chelating)
        return fromHost.union(siteBearingReagents.map(\.site))
    }
}

extension RuleContext {
    /// Steps that hold the framework (outside a furnace, which is meant to change it) at or above the host's
    /// decomposition temperature (from the framework catalog).
    public func stepsAboveHostStability() -> [(step: Step, celsius: Double, limit: Double, location: SourceLocation)] {
        guard let limit = host?.thermalStabilityC else { return [] }
        let holding = Set(course.stepsHoldingFramework)
        return recipe.steps.compactMap { step in
            guard holding.contains(step.number), let (celsius, location) = step.temperature, celsius >= limit else { return nil }
            return (step, celsius, limit, location)
        }
    }

    /// The chemistry-data entry keyed by the host's name (an entry per host, as in `node_exchange.nodes`), if any.
    public func hostEntry(in path: String) -> (key: String, value: DataValue)? {
        guard case .map(let entries)? = knowledge.chemistry.entry(path), let written = recipe.host?.value else { return nil }
        return entries.first { key, _ in host?.answers(to: key) ?? (HostFacts.key(key) == HostFacts.key(written)) }
            .map { ($0.key, $0.value) }
    }

    /// Whether the host is one of the listed names (matched through the framework catalog's aliases).
    public func hostIsListed(_ names: [String]) -> Bool {
        guard let written = recipe.host?.value else { return false }
        return names.contains { name in host?.answers(to: name) ?? (HostFacts.key(name) == HostFacts.key(written)) }
    }
}

extension ChemicalFormula {
    /// The same formula once waters of hydration are set aside: this one is the other plus n H2O, n ≥ 0.
    public func differsOnlyByWater(from other: ChemicalFormula) -> Bool {
        let rounding = 1e-6
        let water = count(of: "O") - other.count(of: "O")
        guard water > -rounding, abs(count(of: "H") - other.count(of: "H") - 2 * water) < rounding else { return false }
        return Set(composition.keys).subtracting(["H", "O"]) == Set(other.composition.keys).subtracting(["H", "O"])
            && composition.allSatisfy { symbol, n in symbol == "H" || symbol == "O" || abs(n - other.count(of: symbol)) < rounding }
    }

    /// The same elements in the same counts (to floating-point rounding of fractional counts).
    public func hasSameComposition(as other: ChemicalFormula) -> Bool {
        let rounding = 1e-6
        return Set(composition.keys) == Set(other.composition.keys)
            && composition.allSatisfy { abs($0.value - other.count(of: $0.key)) < rounding }
    }
}
