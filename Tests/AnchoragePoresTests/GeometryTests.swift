import Foundation
import AnchorageCore
import Testing

@testable import AnchoragePores

/// Structures whose diameters are known in closed form.
struct GeometryTests {
    /// One carbon atom (Zeo++ radius 1.7 Å) per cube of 10 Å: the cavity is the cube centre, the window the face centre.
    static func simpleCubic() throws -> CrystalStructure {
        try CIFStructureReader.read(
            CIFReaderTests.cubicHeader + CIFReaderTests.atomLoop + "C1 C 0 0 0\n")
    }

    static let expectedLCD = 2 * (5 * 3.0.squareRoot() - 1.7)
    static let expectedPLD = 2 * (5 * 2.0.squareRoot() - 1.7)

    /// The same lattice described by skewed (triclinic) cells.
    @Test(arguments: [
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[1, 0, 0], [0, 1, 0], [1, 0, 1]],
        [[1, 1, 0], [0, 1, 0], [0, 1, 1]],
        [[2, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[1, 1, 0], [-1, 1, 0], [0, 0, 1]],
    ])
    func simpleCubicInAnyCell(_ transform: [[Int]]) throws {
        let structure = try #require(try Self.simpleCubic().transformed(by: transform))
        let radii = try RadiiSet.shipped("zeopp")
        let report = try Pores.analyze(structure, file: "cubic", radii: radii)
        #expect(abs(report.largestCavityDiameter - Self.expectedLCD) < 1e-3, "\(report.largestCavityDiameter)")
        #expect(abs(report.poreLimitingDiameter - Self.expectedPLD) < 1e-3, "\(report.poreLimitingDiameter)")
        #expect(abs(report.geometry.largestCavityAlongPath - Self.expectedLCD) < 1e-3)
        #expect(report.geometry.poreLimitingRefined)
        let bracket = report.geometry.poreLimitingBracket
        #expect(bracket[0] <= Self.expectedPLD && Self.expectedPLD <= bracket[1])
    }

    @Test func isolatedCagesDoNotPercolate() throws {
        // Cr (2.0 Å) every 2.5 Å on the cube's faces: they overlap across every face, so the centre is a closed cage.
        var atoms: [String] = []
        for i in 0..<4 { for j in 0..<4 { for k in 0..<4 where i == 0 || j == 0 || k == 0 {
            atoms.append("Cr\(atoms.count) Cr \(Double(i) / 4) \(Double(j) / 4) \(Double(k) / 4)")
        } } }
        let structure = try CIFStructureReader.read(CIFReaderTests.cubicHeader + CIFReaderTests.atomLoop + atoms.joined(separator: "\n") + "\n")
        let report = try Pores.analyze(structure, file: "cage", radii: try RadiiSet.shipped("zeopp"))
        #expect(report.poreLimitingDiameter == 0)
        #expect(report.geometry.channelDirection == nil)
        #expect(report.largestCavityDiameter > 3)
        #expect(report.warnings.contains { $0.code == "no-channel" })
    }

    @Test(arguments: ["zeopp", "bondi", "uff"])
    func shippedRadiiSetsCarryTheirSource(_ name: String) throws {
        let set = try RadiiSet.shipped(name)
        #expect(set.name == name)
        let citation = try #require(try CitationIndex.bundled()[set.source])
        #expect(citation.doi != nil)
        #expect(set.radii["C"] != nil && set.radii["H"] != nil && set.radii["O"] != nil)
    }

    @Test func zeoppTableReadsEveryElementItLists() throws {
        // Keys such as No, Y and N must stay element symbols, not YAML booleans.
        let set = try RadiiSet.shipped("zeopp")
        #expect(set.radii.count == 111)
        #expect(set.radii["No"] == 2)
        #expect(set.radii["Y"] == 2)
        #expect(set.radii["N"] == 1.55)
        #expect(set.radii["H"] == 1.09)
        #expect(set.radii["Zn"] == 1.39 && set.radii["Cu"] == 1.4 && set.radii["Cr"] == 2)
    }

    @Test func everyPoreDataSourceResolves() throws {
        let citations = try CitationIndex.bundled()
        let tolerances = try CIFStructureReader.Tolerances.shipped()
        let sources = try ["zeopp", "bondi", "uff"].map { try RadiiSet.shipped($0).source }
            + [try BondingTable.shipped().source, tolerances.sameSiteFractional.source, tolerances.tooCloseDistance.source]
        for source in sources { #expect(citations[source] != nil, "\(source)") }
    }

    @Test func bondiLacksMostTransitionMetals() throws {
        let structure = try CIFStructureReader.read(CIFReaderTests.cubicHeader + CIFReaderTests.atomLoop + "Cr1 Cr 0 0 0\n")
        #expect(throws: RadiiError.self) { try RadiiSet.shipped("bondi").radii(for: structure.atoms) }
    }

    @Test func threeAtomSaddleOfEqualSpheres() {
        // Three equal spheres on an equilateral triangle of side 4: the saddle is the centroid.
        let s = 4.0
        let points = SaddleSearch.equidistantPoints(
            SIMD3(0, 0, 0), 1, SIMD3(s, 0, 0), 1, SIMD3(s / 2, s * 3.0.squareRoot() / 2, 0), 1)
        let circumradius = s / 3.0.squareRoot()
        #expect(points.contains { abs($0.1 - (circumradius - 1)) < 1e-9 })
    }
}
