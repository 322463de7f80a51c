/// The kinds of bench operation a recipe can name.
public enum StepKind: String, Sendable, Codable, CaseIterable, Hashable {
    case dissolve, add, combine, impregnate, stir, heat, solvothermal, centrifuge, filter, wash, dry, pyrolyze
    case acidEtch = "acid-etch"
    case reduce, ald
    case ionExchange = "ion-exchange"
    case wait, evaporate, mill
}

/// The name of a step parameter, as the recipe spells it. Every reader of a step (decoder, course, rules, protocol,
/// notebook) names parameters through this type, so a misspelt name does not compile.
public enum StepParameter: String, Sendable, CaseIterable, Hashable, Comparable {
    case acid
    case atmosphere
    case balls
    case by
    case coReactant = "co-reactant"
    case concentration
    case cooling
    case cycles
    case dropwise
    case exposure
    case fill
    case flow
    case gas
    case h2
    case hold
    case `in`
    case liner
    case membrane
    case note
    case order
    case over
    case precursor
    case pressure
    case pulse
    case purge
    case ramp
    case reagents
    case reflux
    case sonicate
    case source
    case speed
    case stir
    case temperature
    case time
    case times
    case tube
    case under
    case using
    case vessel
    case volume
    case with

    public static func < (lhs: StepParameter, rhs: StepParameter) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The type of one step parameter. The loader, the JSON Schema and the format documentation all come from these.
public enum ParameterType: Sendable, Hashable {
    case quantity(Set<Dimension>)
    case reagent
    case reagents
    /// A list of reagent ids, or the word `all`.
    case reagentsOrAll
    /// `{solvent-id: volume, …}`
    case solventVolumes
    case integer(min: Int)
    case choice([String])
    case text
    case flag

    public var summary: String {
        switch self {
        case .quantity(let dimensions): dimensions.sorted { $0.rawValue < $1.rawValue }.map(\.noun).joined(separator: " or ")
            + " (" + dimensions.sorted { $0.rawValue < $1.rawValue }.map(\.exampleUnits).joined(separator: "; ") + ")"
        case .reagent: "a reagent id"
        case .reagents: "a list of reagent ids"
        case .reagentsOrAll: "a list of reagent ids, or `all`"
        case .solventVolumes: "a mapping of solvent reagent id to volume"
        case .integer(let min): "a whole number ≥ \(min)"
        case .choice(let options): "one of " + options.map { "`\($0)`" }.joined(separator: ", ")
        case .text: "text"
        case .flag: "true or false"
        }
    }
}

public struct ParameterSpec: Sendable {
    public var parameter: StepParameter
    public var name: String { parameter.rawValue }
    public var type: ParameterType
    public var required: Bool
    public var meaning: String

    init(_ parameter: StepParameter, _ type: ParameterType, required: Bool = false, _ meaning: String) {
        self.parameter = parameter
        self.type = type
        self.required = required
        self.meaning = meaning
    }
}

public struct StepSpec: Sendable {
    public var kind: StepKind
    public var summary: String
    /// The parameter a bare value stands for: `- dissolve: [zn, fe]` is `reagents`, `- wait: 2 h` is `time`.
    public var primary: StepParameter?
    public var parameters: [ParameterSpec]

    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
    public func parameter(_ parameter: StepParameter) -> ParameterSpec? { parameters.first { $0.parameter == parameter } }
}

extension StepSpec {
    static let note = ParameterSpec(.note, .text, "a free remark printed with the step")
    static let time = Set<Dimension>([.duration])
    static let temperature = Set<Dimension>([.temperature])
    static let atmospheres = ["N2", "Ar", "He", "NH3", "H2", "H2/Ar", "H2/N2", "air", "O2", "CO2", "vacuum"]
    /// Gas names and mixture orders as papers print them, read as the format's spelling (lower-cased keys).
    public static let gasSpellings: [String: String] = [
        "argon": "Ar", "nitrogen": "N2", "helium": "He", "ammonia": "NH3", "hydrogen": "H2", "oxygen": "O2",
        "ar/h2": "H2/Ar", "h2-ar": "H2/Ar", "ar-h2": "H2/Ar", "h2/ar": "H2/Ar",
        "n2/h2": "H2/N2", "h2-n2": "H2/N2", "n2-h2": "H2/N2", "h2/n2": "H2/N2",
    ]
    /// Tube-furnace work tubes: a ceramic (alumina) tube or a fused-quartz tube.
    static let tubes = ["alumina", "quartz"]

    public static let all: [StepSpec] = [
        StepSpec(kind: .dissolve, summary: "dissolve solids or liquids in a solvent", primary: .reagents, parameters: [
            ParameterSpec(.reagents, .reagents, required: true, "the reagents dissolved"),
            ParameterSpec(.`in`, .solventVolumes, required: true, "the solvent(s) and their volumes"),
            ParameterSpec(.temperature, .quantity(temperature), "temperature while dissolving"),
            ParameterSpec(.sonicate, .quantity(time), "ultrasonication time"),
            note,
        ]),
        StepSpec(kind: .add, summary: "add reagents (as solids, liquids or a solution) to the mixture", primary: .reagents, parameters: [
            ParameterSpec(.reagents, .reagents, required: true, "the reagents added"),
            ParameterSpec(.`in`, .solventVolumes, "solvent the reagents are added in, if any"),
            ParameterSpec(.over, .quantity(time), "time over which the addition is spread"),
            ParameterSpec(.dropwise, .flag, "add dropwise"),
            note,
        ]),
        StepSpec(kind: .combine, summary: "pour the prepared solutions together", primary: .reagents, parameters: [
            ParameterSpec(.reagents, .reagentsOrAll, required: true, "the solutions combined (by a reagent they hold), or `all`"),
            ParameterSpec(.order, .text, "how they are combined (e.g. 'Zn solution into linker solution, quickly')"),
            note,
        ]),
        StepSpec(kind: .impregnate, summary: "soak an already made solid in a solution of a reagent", primary: .reagents, parameters: [
            ParameterSpec(.reagents, .reagents, required: true, "the reagents soaked in"),
            ParameterSpec(.`in`, .solventVolumes, "the solvent and its volume"),
            ParameterSpec(.time, .quantity(time), "soaking time"),
            ParameterSpec(.temperature, .quantity(temperature), "soaking temperature"),
            note,
        ]),
        StepSpec(kind: .stir, summary: "stir the mixture", primary: .time, parameters: [
            ParameterSpec(.time, .quantity(time), required: true, "stirring time"),
            ParameterSpec(.temperature, .quantity(temperature), "temperature (room temperature if not given)"),
            ParameterSpec(.speed, .quantity([.rotation]), "stirring speed"),
            note,
        ]),
        StepSpec(kind: .heat, summary: "heat in an oil bath, on a hot plate or in an oven, at ambient pressure", primary: nil, parameters: [
            ParameterSpec(.temperature, .quantity(temperature), required: true, "set temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "time at temperature"),
            ParameterSpec(.using, .choice(["oil-bath", "hot-plate", "oven", "heating-mantle", "water-bath"]), "heat source"),
            ParameterSpec(.reflux, .flag, "under reflux"),
            note,
        ]),
        StepSpec(kind: .solvothermal, summary: "heat the sealed mixture in an autoclave", primary: nil, parameters: [
            ParameterSpec(.temperature, .quantity(temperature), required: true, "oven temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "time at temperature"),
            ParameterSpec(.vessel, .quantity([.volume]), required: true, "liner (vessel) volume"),
            ParameterSpec(.liner, .choice(["PTFE", "PPL", "glass", "stainless"]), "liner material (PTFE if not given)"),
            ParameterSpec(.fill, .quantity([.volume]), "liquid volume in the liner (summed from the steps before if not given)"),
            ParameterSpec(.ramp, .quantity([.heatingRate]), "heating rate of the oven"),
            note,
        ]),
        StepSpec(kind: .centrifuge, summary: "collect the solid by centrifugation", primary: nil, parameters: [
            ParameterSpec(.speed, .quantity([.rotation, .relativeCentrifugalForce]), required: true, "rotor speed or relative centrifugal force"),
            ParameterSpec(.time, .quantity(time), required: true, "spin time"),
            ParameterSpec(.temperature, .quantity(temperature), "rotor temperature"),
            note,
        ]),
        StepSpec(kind: .filter, summary: "collect the solid by filtration", primary: nil, parameters: [
            ParameterSpec(.membrane, .text, "filter or membrane (e.g. 'nylon 0.22 µm')"),
            note,
        ]),
        StepSpec(kind: .wash, summary: "wash the solid", primary: .with, parameters: [
            ParameterSpec(.with, .reagent, required: true, "the washing solvent (a reagent id)"),
            ParameterSpec(.volume, .quantity([.volume]), required: true, "volume per wash"),
            ParameterSpec(.times, .integer(min: 1), "number of washes (1 if not given)"),
            ParameterSpec(.by, .choice(["centrifugation", "filtration", "decantation"]), "how the solid is recovered each time"),
            note,
        ]),
        StepSpec(kind: .dry, summary: "dry the solid", primary: nil, parameters: [
            ParameterSpec(.temperature, .quantity(temperature), required: true, "drying temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "drying time"),
            ParameterSpec(.under, .choice(["vacuum", "air", "N2", "Ar"]), "atmosphere (air if not given)"),
            note,
        ]),
        StepSpec(kind: .pyrolyze, summary: "pyrolyse in a tube furnace under a flowing gas", primary: nil, parameters: [
            ParameterSpec(.temperature, .quantity(temperature), required: true, "hold temperature"),
            ParameterSpec(.ramp, .quantity([.heatingRate]), required: true, "heating rate"),
            ParameterSpec(.hold, .quantity(time), required: true, "time at temperature"),
            ParameterSpec(.atmosphere, .choice(atmospheres), required: true, "the gas flowing through the tube"),
            ParameterSpec(.h2, .quantity([.fraction]), "H2 content of an H2/Ar or H2/N2 mixture"),
            ParameterSpec(.flow, .quantity([.gasFlow]), "gas flow"),
            ParameterSpec(.cooling, .choice(["natural", "controlled"]), "how the furnace cools (natural if not given)"),
            ParameterSpec(.tube, .choice(tubes), "work tube material (a ceramic tube is assumed if not given)"),
            note,
        ]),
        StepSpec(kind: .acidEtch, summary: "leach unstable metal species with acid", primary: nil, parameters: [
            ParameterSpec(.acid, .reagent, required: true, "the acid (a reagent id)"),
            ParameterSpec(.concentration, .quantity([.molarConcentration, .massFraction]), required: true, "acid concentration"),
            ParameterSpec(.temperature, .quantity(temperature), required: true, "temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "time"),
            ParameterSpec(.volume, .quantity([.volume]), "volume of acid"),
            note,
        ]),
        StepSpec(kind: .reduce, summary: "reduce under a reducing gas at temperature", primary: nil, parameters: [
            ParameterSpec(.gas, .choice(["H2", "H2/Ar", "H2/N2", "NH3", "CO"]), required: true, "reducing gas"),
            ParameterSpec(.h2, .quantity([.fraction]), "H2 content of an H2/Ar or H2/N2 mixture"),
            ParameterSpec(.temperature, .quantity(temperature), required: true, "temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "time at temperature"),
            ParameterSpec(.ramp, .quantity([.heatingRate]), "heating rate"),
            ParameterSpec(.flow, .quantity([.gasFlow]), "gas flow"),
            ParameterSpec(.tube, .choice(tubes), "work tube material (a ceramic tube is assumed if not given)"),
            note,
        ]),
        StepSpec(kind: .ald, summary: "atomic layer deposition cycles in the gas phase", primary: nil, parameters: [
            ParameterSpec(.precursor, .reagent, required: true, "the metal precursor (a reagent id)"),
            ParameterSpec(.coReactant, .reagent, required: true, "the co-reactant, H2O or H2S (a reagent id)"),
            ParameterSpec(.pulse, .quantity(time), required: true, "precursor pulse time"),
            ParameterSpec(.purge, .quantity(time), required: true, "purge time after each pulse"),
            ParameterSpec(.exposure, .quantity(time), "exposure (soak) time after each pulse"),
            ParameterSpec(.cycles, .integer(min: 1), required: true, "number of ALD cycles"),
            ParameterSpec(.temperature, .quantity(temperature), required: true, "deposition temperature"),
            ParameterSpec(.pressure, .quantity([.pressure]), "base pressure"),
            note,
        ]),
        StepSpec(kind: .ionExchange, summary: "exchange node cations in a solution of the incoming metal salt", primary: .source, parameters: [
            ParameterSpec(.source, .reagents, required: true, "the incoming metal salt(s)"),
            ParameterSpec(.`in`, .solventVolumes, required: true, "the solvent and its volume"),
            ParameterSpec(.temperature, .quantity(temperature), required: true, "temperature"),
            ParameterSpec(.time, .quantity(time), required: true, "time"),
            ParameterSpec(.times, .integer(min: 1), "how many times the exchange is repeated with fresh solution"),
            note,
        ]),
        StepSpec(kind: .wait, summary: "let the mixture stand", primary: .time, parameters: [
            ParameterSpec(.time, .quantity(time), required: true, "standing time"),
            ParameterSpec(.temperature, .quantity(temperature), "temperature"),
            note,
        ]),
        StepSpec(kind: .evaporate, summary: "remove the solvent by evaporation, leaving the solid (incipient-wetness or adsorption loading)", primary: nil, parameters: [
            ParameterSpec(.temperature, .quantity(temperature), "bath or plate temperature (room temperature if not given)"),
            ParameterSpec(.time, .quantity(time), "time the evaporation takes"),
            ParameterSpec(.under, .choice(["vacuum", "air", "N2"]), "on a rotary evaporator under vacuum, open to air, or under a stream of N2 (air if not given)"),
            ParameterSpec(.stir, .flag, "stir while the solvent evaporates"),
            note,
        ]),
        StepSpec(kind: .mill, summary: "grind the solids together in a ball mill or a mortar (dry mixing of a precursor with a made framework)", primary: .reagents, parameters: [
            ParameterSpec(.reagents, .reagents, required: true, "the solids milled together"),
            ParameterSpec(.time, .quantity(time), required: true, "milling (or grinding) time in all"),
            ParameterSpec(.speed, .quantity([.rotation]), "rotation speed of the mill"),
            ParameterSpec(.using, .choice(["planetary-ball-mill", "mixer-mill", "mortar"]), "the mill, or an agate mortar by hand (planetary ball mill if not given)"),
            ParameterSpec(.balls, .choice(["zirconia", "stainless-steel", "agate", "tungsten-carbide"]), "material of the jar and balls"),
            note,
        ]),
    ]

    public static func spec(for kind: StepKind) -> StepSpec {
        all.first { $0.kind == kind } ?? StepSpec(kind: kind, summary: "", primary: nil, parameters: [])
    }
}
