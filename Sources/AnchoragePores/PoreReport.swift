import AnchorageCore
import Foundation

/// Everything `anchorage pores` reports about one CIF: what was read, the radii used, the diameters, the warnings.
public struct PoreReport: Sendable, Codable {
    public var file: String
    public var dataBlock: String
    public var formula: String
    public var atomCount: Int
    public var sitesRead: Int
    public var symmetryOperations: Int
    public var cell: UnitCell
    public var cellVolume: Double
    public var radiiSet: String
    public var radiiSource: String
    /// The paper or database the radii come from, as one reference line.
    public var radiiCitation: String?
    public var geometry: PoreGeometry
    public var warnings: [StructureWarning]

    /// Largest cavity diameter, Å (Zeo++ Di).
    public var largestCavityDiameter: Double { geometry.largestCavityDiameter }
    /// Pore-limiting diameter, Å (Zeo++ Df).
    public var poreLimitingDiameter: Double { geometry.poreLimitingDiameter }
}

/// Reads a CIF and computes its pore diameters.
public enum Pores {
    /// - Parameters:
    ///   - radii: a shipped set name (`zeopp`, `bondi`, `uff`) or the path of a radii YAML file.
    ///   - block: the data block to read; the first block with atoms when nil.
    /// - Throws: `CIFError` (located) for a malformed file, `RadiiError`, or the file system's error.
    public static func analyze(
        cifAt url: URL, radii: String = "zeopp", block: String? = nil, options: PoreAnalysisOptions = .init()
    ) throws -> PoreReport {
        let structure = try CIFStructureReader.read(contentsOf: url, block: block)
        let set: RadiiSet
        if RadiiSet.shippedNames.contains(radii) {
            set = try RadiiSet.shipped(radii)
        } else if radii.hasSuffix(".yaml") || radii.hasSuffix(".yml") {
            set = try RadiiSet.load(contentsOf: URL(fileURLWithPath: radii))
        } else {
            throw RadiiError.unknownSet(name: radii, known: RadiiSet.shippedNames)
        }
        return try analyze(structure, file: url.lastPathComponent, radii: set, options: options)
    }

    public static func analyze(
        _ structure: CrystalStructure, file: String, radii set: RadiiSet, options: PoreAnalysisOptions = .init()
    ) throws -> PoreReport {
        let radii = try set.radii(for: structure.atoms)
        // A cell thinner than an atom cannot hold a framework (and would need thousands of images per atom).
        let widths = structure.cell.perpendicularWidths
        let thinnest = min(widths.x, widths.y, widths.z)
        // A grid coarser than the smallest atom cannot resolve the framework: refuse rather than guess.
        if let smallest = radii.min(), options.effectiveSpacing(for: structure.cell) > smallest {
            throw CIFError(
                "CIF-CELL",
                "the cell (\(String(format: "%.0f", structure.cell.volume)) Å³) is too large to sample finer than its smallest atom (radius \(smallest) Å) within \(options.maximumGridPoints) grid points: check the cell parameters, or raise the limit",
                line: structure.cellLine)
        }
        if let largest = radii.max(), thinnest < largest {
            throw CIFError(
                "CIF-CELL", "the cell is \(String(format: "%.3f", thinnest)) Å thick, thinner than an atom (radius \(largest) Å): check the cell parameters",
                line: structure.cellLine)
        }
        let geometry = PoreAnalyzer.analyze(structure, radii: radii, options: options)
        var warnings = structure.warnings
        if let bonding = try? BondingTable.shipped() {
            let isolated = bonding.isolatedAtoms(in: structure)
            if !isolated.isEmpty {
                let examples = isolated.prefix(5).map { structure.atoms[$0].label.isEmpty ? structure.atoms[$0].element : structure.atoms[$0].label }
                warnings.append(StructureWarning(
                    code: "isolated-atoms",
                    message: "\(isolated.count) atoms have no bonded neighbour (none closer than the sum of CCDC covalent radii + \(bonding.tolerance) Å), e.g. \(examples.joined(separator: ", ")): the cell may have lost atoms (a truncated file, missing symmetry operations) or holds isolated ions",
                    line: nil))
            }
        }
        if geometry.channelDirection == nil {
            warnings.append(StructureWarning(
                code: "no-channel", message: "no sphere of any size can cross the crystal: the pores are isolated cages (PLD 0)", line: nil))
        }
        return PoreReport(
            file: file, dataBlock: structure.name, formula: structure.formula, atomCount: structure.atoms.count,
            sitesRead: structure.sitesRead, symmetryOperations: structure.symmetryOperationCount, cell: structure.cell,
            cellVolume: structure.cell.volume, radiiSet: set.name, radiiSource: set.title,
            radiiCitation: (try? CitationIndex.bundled())?[set.source]?.formatted, geometry: geometry, warnings: warnings)
    }
}
