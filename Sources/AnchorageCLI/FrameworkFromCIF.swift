import AnchorageCore
import AnchorageFit
import AnchoragePores
import Foundation

/// A framework that is not in the catalog, described by its CIF: cage (LCD), window (PLD) and the cages a precursor
/// fits, all computed by `pores` from the structure.
enum FrameworkFromCIF {
    /// Shown where a catalog value shows its citation.
    static let computedSource = "computed by Anchorage with Zeo++-compatible radii"

    /// - Parameters:
    ///   - name: what to call the framework; the CIF's data block when nil.
    ///   - precursorSize: the precursor's size against the cage (enclosing sphere less the allowance, Å): the cages
    ///     per cell are the cavities of the structure that hold it. Nil: no cage count.
    static func framework(
        cifAt url: URL, name: String? = nil, precursorSize: Double? = nil, radii: String = "zeopp", options: PoreAnalysisOptions = .init()
    ) throws -> (Framework, PoreReport) {
        let report = try Pores.analyze(cifAt: url, radii: radii, options: options)
        return (try framework(report, name: name, precursorSize: precursorSize), report)
    }

    /// The name a CIF's framework goes by: its data block without `data_`, else the file name.
    static func displayName(_ report: PoreReport) -> String {
        var block = report.dataBlock
        if block.lowercased().hasPrefix("data_") { block.removeFirst(5) }
        return block.isEmpty ? report.file : block
    }

    static func framework(_ report: PoreReport, name: String? = nil, precursorSize: Double? = nil) throws -> Framework {
        let file = report.file
        let title = name ?? displayName(report)
        let formula = try ChemicalFormula(parsing: report.formula)
        let metals = formula.metalSymbols
        let method = Sourced<Double>.computedByAnchorage
        let note = "computed from \(file) by anchorage pores (Zeo++ definitions, \(report.radiiSet) radii)"
        func sourced(_ value: Double) -> [String: Any] {
            ["value": value, "source": computedSource, "entry": file, "note": note, "method": method]
        }
        func unknown(_ why: String) -> [String: Any] { ["source": computedSource, "note": why] }
        var cages = unknown("no precursor size to count the cavities that hold it")
        if let precursorSize {
            let count = report.geometry.cavities(holding: precursorSize)
            cages = count > 0
                ? ["value": Double(count), "source": computedSource, "entry": file, "method": method,
                   "note": "the distinct cavities of the cell (maxima of the distance to the atoms' surfaces) larger than \(String(format: "%.2f", precursorSize)) Å, the precursor's size less the allowance"]
                : unknown("no cavity of the cell holds \(String(format: "%.2f", precursorSize)) Å")
        }
        // FrameworkRecord is Codable only; build it through its coding keys.
        let fields: [String: Any] = [
            "id": file, "name": title, "aliases": [String](), "kind": "from CIF", "metals": metals,
            "node": "", "linker": "", "functional_sites": [String](), "pore_type": "cage",
            "structure_source": computedSource,
            "cage_diameter_A": sourced(report.largestCavityDiameter),
            "window_diameter_A": sourced(report.poreLimitingDiameter),
            "cages_per_cell": cages,
            "cell_formula": ["value": report.formula, "source": computedSource, "entry": file, "note": "atoms of the cell as read"],
            "thermal_stability_C": unknown("not in a CIF"), "water_stability": unknown("not in a CIF"),
            "acid_stability": unknown("not in a CIF"), "base_stability": unknown("not in a CIF"),
            "notes": "Pore type taken to be cages; cages per cell counted from the structure's distance field.",
        ]
        let record = try JSONDecoder().decode(FrameworkRecord.self, from: JSONSerialization.data(withJSONObject: fields))
        let table = try PeriodicTable.bundled()
        let mass = try formula.molarMass(in: table)
        let metalAtoms = metals.reduce(0) { $0 + formula.count(of: $1) }
        return Framework(record: record, cellMolarMass: mass, metalAtomsPerCell: metalAtoms)
    }
}
