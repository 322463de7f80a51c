import AnchorageCore
import Foundation
import Testing

@testable import AnchorageFit

/// The precursor sizes against the independent geometry set beside the repository (`../shared/data/precursor-geometry`,
/// GFN2-xTB, its own `sizes.csv`): every shipped geometry of the same molecule, and the method of
/// scripts/precursor-geometries.py rerun on molecules that set holds (`GeometryCheck/`), within 0.1 Å.
@Suite struct SharedGeometryTests {
    static let tolerance = 0.1
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data/precursor-geometry/sizes.csv")
    static let checks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("GeometryCheck")

    struct Reference { var enclosing: Double; var cross: Double; var nuclear: Double }

    static func references() throws -> [String: Reference] {
        let text = try String(contentsOf: shared, encoding: .utf8)
        var table: [String: Reference] = [:]
        for row in CSV.rows(text).dropFirst() where row.fields.count >= 11 {
            let f = row.fields
            guard let enclosing = Double(f[5]), let cross = Double(f[9]), let nuclear = Double(f[10]) else { continue }
            table[f[0]] = Reference(enclosing: enclosing, cross: cross, nuclear: nuclear)
        }
        return table
    }

    func sizes(_ url: URL, _ catalog: FitCatalog) throws -> MolecularSizes {
        try MolecularGeometry.sizes(of: try XYZFile(contentsOf: url).atoms, radii: catalog.radii)
    }

    @Test func shippedGeometriesAgreeWithTheSharedSet() throws {
        let catalog = try FitCatalog.bundled()
        let references = try Self.references()
        #expect(references.count >= 13, "read \(references.count) rows of \(Self.shared.path)")
        var compared = 0
        for precursor in catalog.precursors {
            guard let file = precursor.record.geometry, let url = BundledData.url("xyz/\(file)") else { continue }
            let name = url.deletingPathExtension().lastPathComponent
            guard let reference = references[name] else { continue }
            let s = try sizes(url, catalog)
            #expect(abs(s.enclosingSphereVDW - reference.enclosing) < Self.tolerance, "\(name) sphere \(s.enclosingSphereVDW) vs \(reference.enclosing)")
            #expect(abs(s.minCrossSectionVDW - reference.cross) < Self.tolerance, "\(name) cross-section \(s.minCrossSectionVDW) vs \(reference.cross)")
            compared += 1
        }
        #expect(compared >= 12)
    }

    /// The script's method, rerun from its own starting geometries, reproduces the shared set's sizes.
    @Test(arguments: ["Co_acac_3", "2-methylimidazole"])
    func methodReproducesTheSharedSet(name: String) throws {
        let catalog = try FitCatalog.bundled()
        let reference = try #require(try Self.references()[name])
        let s = try sizes(Self.checks.appendingPathComponent("\(name).xyz"), catalog)
        #expect(abs(s.enclosingSphereVDW - reference.enclosing) < Self.tolerance, "sphere \(s.enclosingSphereVDW) vs \(reference.enclosing)")
        #expect(abs(s.minCrossSectionVDW - reference.cross) < Self.tolerance, "cross-section \(s.minCrossSectionVDW) vs \(reference.cross)")
        #expect(abs(s.longestNuclear - reference.nuclear) < Self.tolerance, "atom-centre \(s.longestNuclear) vs \(reference.nuclear)")
    }

    /// Every metal precursor has a size, or says why it has none.
    @Test func everyMetalPrecursorHasASizeOrAReason() throws {
        let catalog = try FitCatalog.bundled()
        for precursor in catalog.precursors where !precursor.metals.isEmpty {
            let r = precursor.record
            if r.enclosingSphereVDW.value == nil {
                #expect((r.enclosingSphereVDW.note ?? "").count > 20, "\(precursor.id) has no size and no reason")
            } else {
                #expect(r.geometry != nil, "\(precursor.id) has a size but no geometry file")
                #expect(r.minCrossSectionVDW.value != nil && r.longestNuclear.value != nil, "\(precursor.id)")
            }
        }
    }
}
