import AnchorageCore
import Foundation

extension FitCatalog {
    /// A precursor whose size is computed from an XYZ file: formula from the atoms, sizes with the catalog's radii.
    public func precursor(fromXYZ url: URL, name: String? = nil) throws -> (Precursor, MolecularSizes) {
        let file = try XYZFile(contentsOf: url, name: name)
        let sizes: MolecularSizes
        do {
            sizes = try MolecularGeometry.sizes(of: file.atoms, radii: radii)
        } catch GeometryError.noRadius(let element, let index) {
            // Atom n is on line n + 2 of an XYZ file.
            throw XYZError(file: name ?? url.path, line: index + 2, column: 1,
                           message: "no van der Waals radius for '\(element)' in vdw-radii.yaml")
        }
        let name = url.deletingPathExtension().lastPathComponent
        let formula = file.hillFormula
        let entry = url.lastPathComponent
        let note = "computed from \(entry) with vdw-radii.yaml"
        let record = PrecursorRecord(
            id: name, name: name, aliases: [], formula: formula, simpleSalt: nil, geometry: entry,
            enclosingSphereVDW: Sourced(sizes.enclosingSphereVDW, source: "computed from the XYZ file", entry: entry, note: note),
            minCrossSectionVDW: Sourced(sizes.minCrossSectionVDW, source: "computed from the XYZ file", entry: entry, note: note),
            longestNuclear: Sourced(sizes.longestNuclear, source: "computed from the XYZ file", entry: entry, note: note),
            literatureSize: .unknown(), notes: file.comment)
        let parsed = try ChemicalFormula(parsing: formula)
        return (try FitCatalog.resolve(record, formula: parsed, table: try PeriodicTable.bundled()), sizes)
    }
}
