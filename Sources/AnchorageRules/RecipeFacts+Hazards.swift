import AnchorageCore

extension Step {
    /// Whether the step's note (printed with it in the protocol) names one of these precautions.
    public func notes(anyOf words: [String]) -> Bool {
        guard let note = text("note")?.value.lowercased() else { return false }
        return words.contains { note.contains($0.lowercased()) }
    }
}

extension RuleContext {
    /// The liquid volume (mL) in a sealed vessel: the step's `fill`, or the solvent volumes dissolved and added before it.
    public func fillVolume(before step: Step) -> Double? {
        if let fill = step.quantity("fill") { return fill.value.canonicalValue }
        var total = 0.0
        for earlier in recipe.steps where earlier.number < step.number {
            for (_, volume) in earlier.solventVolumes("in") { total += volume.value.canonicalValue }
            for id in earlier.reagentList("reagents") {
                if let reagent = resolved.reagent(id.value), reagent.role != .solvent, let mL = reagent.reagent.volume?.value.canonicalValue {
                    total += mL
                }
            }
        }
        return total > 0 ? total : nil
    }

    /// Solvents present in the vessel of a sealed step: those dissolved or added in the steps before it.
    public func solvents(before step: Step) -> [ResolvedReagent] {
        var ids: [String] = []
        for earlier in recipe.steps where earlier.number < step.number {
            ids += earlier.solventVolumes("in").map(\.reagent.value)
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.compactMap { resolved.reagent($0) }
    }
}
