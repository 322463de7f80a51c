/// The synthesis route families of the review (§4.1–4.2, Table 2).
public enum Route: String, Sendable, Codable, CaseIterable, Hashable {
    case linkerAnchoring = "linker-anchoring"
    case nodeExchange = "node-exchange"
    case sim
    case aim
    case poreConfinement = "pore-confinement"
    case mixedMetalPyrolysis = "mixed-metal-pyrolysis"

    public var title: String {
        switch self {
        case .linkerAnchoring: "linker anchoring"
        case .nodeExchange: "metal-node exchange"
        case .sim: "solvothermal deposition in MOFs (SIM)"
        case .aim: "atomic layer deposition in MOFs (AIM)"
        case .poreConfinement: "pore confinement"
        case .mixedMetalPyrolysis: "mixed-metal ZIF pyrolysis"
        }
    }
}

public enum SiteType: String, Sendable, Codable, CaseIterable, Hashable {
    case singleAtom = "single-atom"
    case dualAtom = "dual-atom"
}

/// What a reagent does in the synthesis.
public enum ReagentRole: String, Sendable, Codable, CaseIterable, Hashable {
    case metalSalt = "metal-salt"
    case metalPrecursor = "metal-precursor"
    case linker
    case solvent
    case modulator
    case acid
    case base
    case gas
    case reductant
    case aldPrecursor = "ald-precursor"
    case coReactant = "co-reactant"
    case support
    case additive
}

/// Where the recipe comes from.
public struct RecipeSource: Sendable {
    public var cite: Located<String>?
    public var doi: Located<String>?
    public var url: Located<String>?
    public var note: Located<String>?
}

public struct Target: Sendable {
    public var metals: [Located<String>]
    public var site: Located<SiteType>
    public var support: Located<String>?
}

/// A reagent as declared: what it is and how much of it, each value where it was written.
public struct Reagent: Sendable {
    public var id: Located<String>
    public var name: Located<String>?
    public var formula: Located<String>?
    public var cas: Located<String>?
    public var role: Located<ReagentRole>?
    public var mass: Located<Quantity>?
    public var amount: Located<Quantity>?
    public var volume: Located<Quantity>?
    public var density: Located<Quantity>?
    public var concentration: Located<Quantity>?
    public var purity: Located<Quantity>?
    public var note: Located<String>?
    /// An amount was written but could not be read (reported where it was written; nothing more to say about it).
    public var hasUnreadableAmount = false
}

/// One value of a step, typed by the step's specification.
public enum StepValue: Sendable {
    case quantity(Located<Quantity>)
    case reagent(Located<String>)
    case reagents([Located<String>])
    case allReagents(SourceLocation)
    case solventVolumes([(reagent: Located<String>, volume: Located<Quantity>)])
    case integer(Located<Int>)
    case choice(Located<String>)
    case text(Located<String>)
    case flag(Located<Bool>)
}

/// One bench operation, in order.
public struct Step: Sendable {
    /// 1-based position in the recipe.
    public var number: Int
    public var kind: Located<StepKind>
    public var location: SourceLocation
    /// The values as written, keyed by the parameter's spelling (`StepParameter.rawValue`); read them through the
    /// typed accessors below.
    public var values: [String: StepValue]

    public func value(_ parameter: StepParameter) -> StepValue? { values[parameter.rawValue] }

    public func quantity(_ parameter: StepParameter) -> Located<Quantity>? {
        if case .quantity(let q) = values[parameter.rawValue] { return q }
        return nil
    }

    public func reagent(_ parameter: StepParameter) -> Located<String>? {
        if case .reagent(let r) = values[parameter.rawValue] { return r }
        return nil
    }

    public func reagentList(_ parameter: StepParameter) -> [Located<String>] {
        switch values[parameter.rawValue] {
        case .reagents(let list): list
        case .reagent(let one): [one]
        default: []
        }
    }

    public func solventVolumes(_ parameter: StepParameter) -> [(reagent: Located<String>, volume: Located<Quantity>)] {
        if case .solventVolumes(let list) = values[parameter.rawValue] { return list }
        return []
    }

    public func integer(_ parameter: StepParameter) -> Located<Int>? {
        if case .integer(let n) = values[parameter.rawValue] { return n }
        return nil
    }

    public func text(_ parameter: StepParameter) -> Located<String>? {
        switch values[parameter.rawValue] {
        case .text(let t), .choice(let t): t
        default: nil
        }
    }

    public func flag(_ parameter: StepParameter) -> Located<Bool>? {
        if case .flag(let f) = values[parameter.rawValue] { return f }
        return nil
    }

    public var takesAllReagents: Bool {
        values.values.contains { if case .allReagents = $0 { return true } else { return false } }
    }

    /// Every reagent id the step names, with where it names it.
    public var reagentReferences: [Located<String>] {
        var references: [Located<String>] = []
        for name in values.keys.sorted() {
            switch values[name] {
            case .reagent(let r): references.append(r)
            case .reagents(let list): references += list
            case .solventVolumes(let list): references += list.map(\.reagent)
            default: break
            }
        }
        return references.sorted { $0.location < $1.location }
    }
}

/// A recipe as written, every value with its location.
public struct Recipe: Sendable {
    public var file: String
    public var text: String
    public var location: SourceLocation
    public var formatVersion: Located<Int>
    public var id: Located<String>
    public var title: Located<String>
    public var source: RecipeSource?
    public var target: Target
    public var route: Located<Route>
    public var host: Located<String>?
    public var reagents: [Reagent]
    public var steps: [Step]
    public var notes: Located<String>?

    public func reagent(_ id: String) -> Reagent? { reagents.first { $0.id.value == id } }
}
