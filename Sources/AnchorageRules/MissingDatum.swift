import AnchorageCore

/// A datum a check needs and the data do not hold: what it is, where to add it (a data file and key, or a field of the
/// recipe), and where in the recipe the check would have landed.
public struct MissingDatum: Sendable, Hashable {
    public var datum: String
    public var place: String
    public var location: SourceLocation

    public init(_ datum: String, addTo place: String, at location: SourceLocation) {
        self.datum = datum
        self.place = place
        self.location = location
    }

    /// A key of the chemistry data (`chemistry.yaml`), with its source.
    public static func chemistry(_ datum: String, key: String, at location: SourceLocation) -> MissingDatum {
        MissingDatum(datum, addTo: "it with its source to chemistry.yaml under `\(key)`", at: location)
    }
}

extension RuleContext {
    /// The host the recipe names, when the framework catalog does not know it (every check on its sites, cages and
    /// stability needs the entry).
    public var unknownHost: MissingDatum? {
        guard let written = recipe.host, host == nil else { return nil }
        return MissingDatum(
            "the framework '\(written.value)'", addTo: "it to frameworks.yaml, or to a lab catalog's `frameworks:` (--catalog)",
            at: written.location)
    }

    /// The host's decomposition temperature, when the catalog has the host but not that number.
    public var unknownHostStability: MissingDatum? {
        guard let host, host.thermalStabilityC == nil else { return nil }
        return MissingDatum(
            "the decomposition temperature of \(host.name)", addTo: "`thermal_stability_C` with its source to its entry in frameworks.yaml",
            at: hostLocation)
    }

    /// Reagents whose formula is not known (not in the catalog, no `formula:`): they may carry any metal.
    public var reagentsOfUnknownFormula: [ResolvedReagent] {
        resolved.reagents.filter { $0.formula == nil && $0.chemical?.metal == nil && !$0.isSolventLike && $0.role != .support }
    }

    /// The formula of a reagent that is neither in the catalog nor given one.
    public func unknownFormula(of reagent: ResolvedReagent) -> MissingDatum {
        MissingDatum(
            "the chemical '\(reagent.reagent.name?.value ?? reagent.id)'",
            addTo: "a `formula:` to the reagent, or the chemical to chemicals.yaml or a lab catalog (--catalog)",
            at: reagent.reagent.name?.location ?? reagent.reagent.id.location)
    }

    /// Pyrolysis steps under an oxidising gas whose product is not a framework kept as such: the carbon burns (LAB-004),
    /// so nothing that presumes an N-doped carbon applies to them.
    public var burningPyrolysisSteps: Set<Int> {
        let oxidising = Set(knowledge.chemistry.list("lab.furnace_atmospheres.oxidising"))
        let keptFramework = recipe.target.support.flatMap { knowledge.hosts.host(named: $0.value) }
        guard keptFramework == nil else { return [] }
        return Set(pyrolysisSteps.filter { step in step.furnaceGas.map { oxidising.contains($0.value) } ?? false }.map(\.number))
    }
}
