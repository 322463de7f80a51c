import AnchorageCore

/// A catalog framework, resolved: the record plus what the fit needs precomputed (molar mass of the unit cell,
/// framework metal atoms per cell). A class so that verdicts share it instead of copying it.
public final class Framework: Sendable {
    public let record: FrameworkRecord
    /// g/mol of the unit-cell formula, when the formula is known.
    public let cellMolarMass: Double?
    /// Framework metal atoms per unit cell (all metals of `metals`), when the formula is known.
    public let metalAtomsPerCell: Double?

    public init(record: FrameworkRecord, cellMolarMass: Double?, metalAtomsPerCell: Double?) {
        self.record = record
        self.cellMolarMass = cellMolarMass
        self.metalAtomsPerCell = metalAtomsPerCell
    }

    public var id: String { record.id }
    public var name: String { record.name }
    public var cageDiameter: Double? { record.cageDiameter.value }
    public var windowDiameter: Double? { record.windowDiameter.value }
    public var cagesPerCell: Double? { record.cagesPerCell.value }
}

/// A catalog precursor (or one read from an XYZ file), resolved: molar mass, metal atoms, the metal it brings.
public final class Precursor: Sendable {
    public let record: PrecursorRecord
    public let molarMass: Double?
    /// Metal atoms per formula unit (Ru3(CO)12: 3).
    public let metalAtoms: Int
    /// Metal element symbols, in order of appearance.
    public let metals: [String]
    /// Molar mass of the metal it carries (all metal atoms of one formula unit), g/mol.
    public let metalMassPerFormula: Double?

    public init(record: PrecursorRecord, molarMass: Double?, metalAtoms: Int, metals: [String], metalMassPerFormula: Double?) {
        self.record = record
        self.molarMass = molarMass
        self.metalAtoms = metalAtoms
        self.metals = metals
        self.metalMassPerFormula = metalMassPerFormula
    }

    public var id: String { record.id }
    public var name: String { record.name }
    public var isSimpleSalt: Bool { record.simpleSalt != nil }
    public var isPolynuclear: Bool { metalAtoms > 1 }
}
