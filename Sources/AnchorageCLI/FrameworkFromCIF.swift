import AnchorageCore
import AnchorageFit
import AnchoragePores
import Foundation

/// A framework that is not in the catalog, described by its CIF: cage (LCD) and window (PLD) computed by `pores`.
enum FrameworkFromCIF {
    /// Shown where a catalog value shows its citation.
    static let computedSource = "computed (anchorage pores)"

    static func framework(cifAt url: URL, radii: String = "zeopp") throws -> (Framework, PoreReport) {
        let report = try Pores.analyze(cifAt: url, radii: radii)
        let file = url.lastPathComponent
        let formula = try ChemicalFormula(parsing: report.formula)
        let metals = formula.metalSymbols
        let note = "computed from \(file) by anchorage pores (Zeo++ definitions, \(report.radiiSet) radii)"
        func sourced(_ value: Double) -> [String: Any] {
            ["value": value, "source": computedSource, "entry": file, "note": note]
        }
        func unknown(_ why: String) -> [String: Any] { ["source": computedSource, "note": why] }
        // FrameworkRecord is Codable only; build it through its coding keys.
        let fields: [String: Any] = [
            "id": file, "name": file, "aliases": [String](), "kind": "from CIF", "metals": metals,
            "node": "", "linker": "", "functional_sites": [String](), "pore_type": "cage",
            "structure_source": computedSource,
            "cage_diameter_A": sourced(report.largestCavityDiameter),
            "window_diameter_A": sourced(report.poreLimitingDiameter),
            "cages_per_cell": unknown("not derivable from a CIF alone"),
            "cell_formula": ["value": report.formula, "source": computedSource, "entry": file, "note": "atoms of the cell as read"],
            "thermal_stability_C": unknown("not in a CIF"), "water_stability": unknown("not in a CIF"),
            "acid_stability": unknown("not in a CIF"), "base_stability": unknown("not in a CIF"),
            "notes": "Pore type assumed to be cages; the maximum isolated loading needs a cage count, which a CIF does not give.",
        ]
        let record = try JSONDecoder().decode(FrameworkRecord.self, from: JSONSerialization.data(withJSONObject: fields))
        let table = try PeriodicTable.bundled()
        let mass = try formula.molarMass(in: table)
        let metalAtoms = metals.reduce(0) { $0 + formula.count(of: $1) }
        return (Framework(record: record, cellMolarMass: mass, metalAtomsPerCell: metalAtoms), report)
    }
}
