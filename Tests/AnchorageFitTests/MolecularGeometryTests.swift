import AnchorageCore
import Foundation
import Testing
@testable import AnchorageFit

/// The sizes computed here from the shipped XYZ files must agree with the tabulated ones (precursors.yaml, from the
/// same geometries) within 0.01 Å (the table has three decimals; the largest difference seen is 0.003 Å, Ru3(CO)12 cross-section).
@Suite struct MolecularGeometryTests {
    static let tolerance = 0.01
    let catalog: FitCatalog

    init() throws { catalog = try FitCatalog.bundled() }

    static var precursorsWithGeometry: [String] {
        (try? FitCatalog.bundled().precursors.filter { $0.record.geometry != nil }.map(\.id)) ?? []
    }

    func atoms(_ file: String) throws -> [Atom] {
        let url = try #require(BundledData.url("xyz/\(file)"))
        return try XYZFile(contentsOf: url).atoms
    }

    @Test("computed sizes match the catalog", arguments: precursorsWithGeometry)
    func catalogSizes(id: String) throws {
        let precursor = try catalog.precursor(named: id)
        let file = try #require(precursor.record.geometry)
        let sizes = try MolecularGeometry.sizes(of: try atoms(file), radii: catalog.radii)
        let r = precursor.record
        #expect(abs(sizes.enclosingSphereVDW - (r.enclosingSphereVDW.value ?? 0)) < Self.tolerance)
        #expect(abs(sizes.minCrossSectionVDW - (r.minCrossSectionVDW.value ?? 0)) < Self.tolerance)
        #expect(abs(sizes.longestNuclear - (r.longestNuclear.value ?? 0)) < Self.tolerance)
    }

    @Test func methylimidazole() throws {
        // The linker itself (sizes.csv of the shipped geometry set): 7.727 Å sphere, 5.803 Å cross-section, 7.718 Å longest.
        let sizes = try MolecularGeometry.sizes(of: try atoms("2-methylimidazole.xyz"), radii: catalog.radii)
        #expect(abs(sizes.enclosingSphereVDW - 7.727) < Self.tolerance)
        #expect(abs(sizes.minCrossSectionVDW - 5.803) < Self.tolerance)
        #expect(abs(sizes.longestVDW - 7.718) < Self.tolerance)
        #expect(abs(sizes.longestNuclear - 5.318) < Self.tolerance)
    }

    @Test func singleAtomAndTwoAtoms() throws {
        let one = try MolecularGeometry.sizes(of: [Atom(element: "O", position: .zero)], radii: catalog.radii)
        #expect(abs(one.enclosingSphereVDW - 3.04) < 1e-6)
        #expect(abs(one.minCrossSectionVDW - 3.04) < 1e-6)
        // Two H 1 Å apart: sphere 1 + 2.4, cross-section (end-on) 2.4.
        let two = try MolecularGeometry.sizes(
            of: [Atom(element: "H", position: .zero), Atom(element: "H", position: SIMD3(1, 0, 0))], radii: catalog.radii)
        #expect(abs(two.enclosingSphereVDW - 3.4) < 1e-6)
        #expect(abs(two.minCrossSectionVDW - 2.4) < 1e-6)
    }

    @Test func xyzErrorsAreLocated() {
        #expect(throws: XYZError(file: "m.xyz", line: 1, column: 1, message: "expected a positive number of atoms on the first line, found 'two'")) {
            try XYZFile(parsing: "two\ncomment\nH 0 0 0\n", file: "m.xyz")
        }
        #expect(throws: XYZError(file: "m.xyz", line: 4, column: 7, message: "expected a coordinate in ångström, found 'x'")) {
            try XYZFile(parsing: "2\ncomment\nH 0 0 0\nH 0.7 x 0\n", file: "m.xyz")
        }
        #expect(throws: XYZError.self) { try XYZFile(parsing: "3\ncomment\nH 0 0 0\n", file: "m.xyz") }
        #expect(throws: XYZError.self) { try XYZFile(parsing: "", file: "m.xyz") }
        #expect(throws: XYZError.self) { try XYZFile(parsing: "9223372036854775807\nc\nH 0 0 0\n", file: "m.xyz") }
        #expect(throws: XYZError.self) { try XYZFile(parsing: "1\nc\nH 0 0 nan\n", file: "m.xyz") }
    }

    @Test func unknownElementIsAClearError() throws {
        let atoms = try XYZFile(parsing: "1\n\nXx 0 0 0\n").atoms
        #expect(throws: GeometryError.noRadius(element: "Xx", atomIndex: 1)) {
            try MolecularGeometry.sizes(of: atoms, radii: catalog.radii)
        }
    }

    @Test func xyzPrecursorGetsAVerdict() throws {
        let url = try #require(BundledData.url("xyz/Fe_acac_3.xyz"))
        let (precursor, sizes) = try catalog.precursor(fromXYZ: url)
        #expect(precursor.record.formula == "C15H21FeO6")
        #expect(precursor.metalAtoms == 1)
        #expect(abs(sizes.enclosingSphereVDW - 12.445) < Self.tolerance)
        #expect(catalog.assessFit(precursor, try catalog.framework(named: "ZIF-8")).mode == .inSitu)
    }
}
