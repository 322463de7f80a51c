import AnchorageCore

/// Van der Waals radii by element (Å), each with its source (`vdw-radii.yaml`).
public struct VanDerWaalsRadii: Sendable {
    public struct Entry: Sendable, Codable, Hashable {
        public var element: String
        public var radius: Double
        public var source: String
    }
    struct File: Decodable { var radii: [Entry] }

    public let entries: [String: Entry]

    public init(_ entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.element, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func radius(of element: String) -> Double? { entries[element]?.radius }
}

/// The thresholds of the fit criterion and how they were calibrated (`fit-criteria.yaml`); see docs/fit.md.
public struct FitCriteria: Sendable, Codable, Hashable {
    /// Subtracted from the van der Waals cage size of the precursor before it is compared with the LCD (Å).
    public var cageAllowance: Sourced<Double>
    /// Subtracted from the van der Waals minimum cross-section before it is compared with the PLD (Å).
    public var windowAllowance: Sourced<Double>
    /// Smallest container-to-sphere diameter ratio that holds n equal spheres, for n = 1, 2, …
    public var spherePackingRatios: Sourced<[Double]>
    /// Beyond the tabulated packings: the count is bounded by this volume fraction (Kepler's π/√18).
    public var packingDensityBound: Sourced<Double>
    /// What counts as a simple salt (never confined, §4.2.2), for the record.
    public var simpleSaltKinds: [String]

    enum CodingKeys: String, CodingKey {
        case cageAllowance = "cage_allowance_A", windowAllowance = "window_allowance_A"
        case spherePackingRatios = "sphere_packing_ratios", packingDensityBound = "packing_density_bound"
        case simpleSaltKinds = "simple_salt_kinds"
    }
}

/// A framework as written in `frameworks.yaml`.
public struct FrameworkRecord: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var kind: String
    public var metals: [String]
    public var node: String
    public var linker: String
    public var functionalSites: [String]
    /// `cage` (closed cages behind windows) or `channel` (one-dimensional channels: nothing holds guests apart).
    public var poreType: PoreType
    public var structureSource: String
    public var cageDiameter: Sourced<Double>
    public var windowDiameter: Sourced<Double>
    public var cagesPerCell: Sourced<Double>
    public var cellFormula: Sourced<String>
    public var thermalStabilityC: Sourced<Double>
    public var waterStability: Sourced<String>
    public var acidStability: Sourced<String>
    public var baseStability: Sourced<String>
    public var notes: String?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, kind, metals, node, linker, notes
        case functionalSites = "functional_sites", structureSource = "structure_source", poreType = "pore_type"
        case cageDiameter = "cage_diameter_A", windowDiameter = "window_diameter_A"
        case cagesPerCell = "cages_per_cell", cellFormula = "cell_formula"
        case thermalStabilityC = "thermal_stability_C", waterStability = "water_stability"
        case acidStability = "acid_stability", baseStability = "base_stability"
    }
}

/// How a framework's pores are built: cages that can hold one molecule each, or channels along which molecules line up.
public enum PoreType: String, Sendable, Codable, Hashable {
    case cage, channel
}

/// A precursor as written in `precursors.yaml`.
public struct PrecursorRecord: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var formula: String
    /// nitrate, sulfate, halide, hydrated-ion, … when it is a simple salt; nil for a molecular complex.
    public var simpleSalt: String?
    public var geometry: String?
    public var enclosingSphereVDW: Sourced<Double>
    public var minCrossSectionVDW: Sourced<Double>
    public var longestNuclear: Sourced<Double>
    public var literatureSize: Sourced<Double>
    public var notes: String?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, formula, geometry, notes
        case simpleSalt = "simple_salt"
        case enclosingSphereVDW = "enclosing_sphere_vdw_A", minCrossSectionVDW = "min_cross_section_vdw_A"
        case longestNuclear = "longest_nuclear_A", literatureSize = "literature_size_A"
    }
}
