import Foundation

/// A source reference in a data file: a citation id and where in it; may be written as a mapping or a list of them.
public struct SourceReference: Codable, Sendable, Hashable {
    public var citation: String?
    public var note: String?
}

/// One or several source references, as data files write them.
public struct SourceReferences: Codable, Sendable, Hashable {
    public var references: [SourceReference]

    public init(_ references: [SourceReference]) { self.references = references }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([SourceReference].self) {
            references = list
        } else if let one = try? container.decode(SourceReference.self) {
            references = [one]
        } else {
            references = [SourceReference(citation: nil, note: try container.decode(String.self))]
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(references)
    }
}

/// A chemical of the catalog: what it is, its physical data and hazards, and where each came from.
public struct Chemical: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]?
    public var formula: String?
    public var cas: String?
    public var chemicalClass: String?
    public var metal: [String]?
    public var densityGramsPerMilliliter: Double?
    public var boilingPointCelsius: Double?
    public var meltingPointCelsius: Double?
    /// For a solution sold at a fixed strength (37 % HCl): the solute's mass fraction, in percent.
    public var massFractionPercent: Double?
    public var hazards: [String]?
    /// False when the hazard list was not checked against a published classification (a protocol says so beside it);
    /// nil when the file does not say (a lab's own entry: the lab's word).
    public var hazardsVerified: Bool?
    public var pyrophoric: Bool?
    /// Sold with a variable number of waters of hydration (RuCl3·xH2O): the formula is the anhydrous one, and a
    /// formula written with any number of waters is this chemical.
    public var variableWater: Bool?
    public var source: SourceReferences?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, formula, cas, metal, hazards, pyrophoric, source
        case chemicalClass = "class"
        case densityGramsPerMilliliter = "density_g_per_mL"
        case boilingPointCelsius = "boiling_point_C"
        case meltingPointCelsius = "melting_point_C"
        case massFractionPercent = "mass_fraction_pct"
        case hazardsVerified = "hazards_verified"
        case variableWater = "variable_water"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases)
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        cas = try c.decodeIfPresent(String.self, forKey: .cas)
        chemicalClass = try c.decodeIfPresent(String.self, forKey: .chemicalClass)
        if let list = try? c.decodeIfPresent([String].self, forKey: .metal) {
            metal = list
        } else {
            metal = try c.decodeIfPresent(String.self, forKey: .metal).map { [$0] }
        }
        densityGramsPerMilliliter = try c.decodeIfPresent(Double.self, forKey: .densityGramsPerMilliliter)
        boilingPointCelsius = try c.decodeIfPresent(Double.self, forKey: .boilingPointCelsius)
        meltingPointCelsius = try c.decodeIfPresent(Double.self, forKey: .meltingPointCelsius)
        massFractionPercent = try c.decodeIfPresent(Double.self, forKey: .massFractionPercent)
        hazards = try c.decodeIfPresent([String].self, forKey: .hazards)
        hazardsVerified = try c.decodeIfPresent(Bool.self, forKey: .hazardsVerified)
        pyrophoric = try c.decodeIfPresent(Bool.self, forKey: .pyrophoric)
        variableWater = try c.decodeIfPresent(Bool.self, forKey: .variableWater)
        source = try c.decodeIfPresent(SourceReferences.self, forKey: .source)
    }

    /// Every name it answers to: id, name, aliases, formula.
    public var allNames: [String] { [id, name] + (aliases ?? []) + (formula.map { [$0] } ?? []) }
}

/// The chemicals Anchorage knows, shipped in `chemicals.yaml`, plus any a lab adds in its own file.
public struct ChemicalCatalog: Sendable {
    public private(set) var chemicals: [Chemical]
    private var byKey: [String: Int]

    struct File: Decodable { var chemicals: [Chemical]? }

    /// A lab's file: any of the three catalogs (the fit module reads frameworks and precursors from the same file).
    struct LabFile: Decodable {
        struct Present: Decodable {}
        var chemicals: [Chemical]?
        var frameworks: [Present]?
        var precursors: [Present]?
    }

    public init(_ chemicals: [Chemical]) {
        self.chemicals = []
        byKey = [:]
        add(chemicals)
    }

    public static func bundled() throws -> ChemicalCatalog { try cache.get() }

    private static let cache: Result<ChemicalCatalog, Error> = Result {
        guard BundledData.url("chemicals.yaml") != nil else { return ChemicalCatalog([]) }
        return ChemicalCatalog(try BundledData.decode(File.self, from: "chemicals.yaml").chemicals ?? [])
    }

    /// Adds a lab's own catalog file (same format as `chemicals.yaml`); its entries take precedence over shipped ones.
    public mutating func addFile(at url: URL) throws {
        let file = try BundledData.decode(LabFile.self, at: url)
        guard file.chemicals != nil || file.frameworks != nil || file.precursors != nil else {
            throw DataFileError.malformed(url.lastPathComponent, "a catalog file has 'chemicals', 'frameworks' or 'precursors'")
        }
        add(file.chemicals ?? [])
    }

    mutating func add(_ entries: [Chemical]) {
        for chemical in entries {
            chemicals.append(chemical)
            let index = chemicals.count - 1
            for name in chemical.allNames { byKey[Self.key(name)] = index }
        }
    }

    /// Case, spaces, and the way hydrates are written (·, ., *) do not matter.
    static func key(_ name: String) -> String {
        // One pass: the catalog keys every name of every chemical at load, so this runs thousands of times per process.
        var key = ""
        key.reserveCapacity(name.utf8.count)
        for character in name.lowercased() where !character.isWhitespace {
            switch character {
            case "·", "•", "⋅", "∙", "*": key.append(".")
            default: key.append(character)
            }
        }
        return key
    }

    public func chemical(named name: String) -> Chemical? {
        byKey[Self.key(name)].map { chemicals[$0] }
    }

    /// The chemical a recipe's reagent stands for: by name, then by formula.
    public func chemical(for reagent: Reagent) -> Chemical? {
        if let name = reagent.name?.value, let found = chemical(named: name) { return found }
        if let formula = reagent.formula?.value, let found = chemical(named: formula) { return found }
        return nil
    }

    public func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, among: chemicals.flatMap { [$0.name] + ($0.aliases ?? []) })
    }
}
