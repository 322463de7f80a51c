import AnchorageCore
import AnchorageFit
import AnchoragePores
import Foundation
import Testing

@testable import AnchorageCLI

/// Cages per cell counted from the structure itself (the distinct maxima of the distance field that hold a given
/// sphere) against the hand counts of frameworks.yaml, per framework metal atom so that a primitive cell compares with
/// a conventional one. The structures are the published ones beside the repository (`../shared/data`), never copies.
@Suite struct CageCountTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    struct Case: Sendable, CustomTestStringConvertible {
        var framework: String
        var file: String
        var spacing: Double
        var testDescription: String { "\(framework) (\(file))" }
    }

    /// The structures the hand counts were made on (frameworks.yaml names each entry). Coarser grids for the large
    /// cells keep the debug build fast; a cavity then needs to stand out from its saddle by twice the grid's cover.
    static let cases: [Case] = [
        Case(framework: "zif-8", file: "coremof-2019/cifs/FSR_FAWCEN_SL.cif", spacing: 0.4),
        Case(framework: "uio-66", file: "coremof-2019/cifs/FSR_RUBTAK01_SL.cif", spacing: 0.4),
        Case(framework: "hkust-1", file: "coremof-2019/cifs/ASR_FIQCEN_clean.cif", spacing: 0.4),
        Case(framework: "mof-5", file: "coremof-2019/cifs/FSR_EDUSIF_freeONLY.cif", spacing: 0.4),
        Case(framework: "mof-808", file: "structures/mof-808-hf.cif", spacing: 0.5),
        Case(framework: "mil-100-fe", file: "structures/mil-100-fe.cif", spacing: 0.7),
        Case(framework: "mil-101-cr", file: "coremof-2019/cifs/FSR_OCUNAC_manual.cif", spacing: 0.7),
    ]

    /// The hand counts are of the cages of the LCD size: a sphere 1 Å smaller than the LCD finds exactly those.
    @Test(arguments: cases)
    func computedCountEqualsHandCount(_ c: Case) throws {
        let catalog = try FitCatalog.bundled()
        let framework = try catalog.framework(named: c.framework)
        let hand = try #require(framework.cagesPerCell)
        let metals = try #require(framework.metalAtomsPerCell)
        let url = Self.data.appendingPathComponent(c.file)
        #expect(FileManager.default.fileExists(atPath: url.path), "the published structure \(url.path) is needed")
        let report = try Pores.analyze(cifAt: url, options: PoreAnalysisOptions(gridSpacing: c.spacing, maximumGridPoints: 600_000))
        let lcd = try #require(framework.cageDiameter)
        let counted = report.geometry.cavities(holding: lcd - 1.0)
        let formula = try ChemicalFormula(parsing: report.formula)
        let cellMetals = framework.record.metals.reduce(0) { $0 + formula.count(of: $1) }
        #expect(cellMetals > 0)
        #expect(abs(Double(counted) / cellMetals - hand / metals) < 1e-9,
                "\(counted) cages per \(cellMetals) metal atoms, hand count \(hand) per \(metals): cavities \(report.geometry.cavities.prefix(12).map { String(format: "%.2f", $0.diameter) })")
    }

    /// A precursor that fits both cage sizes of MOF-5 is counted in both: twice the hand count of the large cages.
    /// The file holds the face-centred primitive cell (Zn8, a quarter of the cubic cell's 32 Zn).
    @Test func smallerPrecursorCountsBothCageSizesOfMOF5() throws {
        let url = Self.data.appendingPathComponent("coremof-2019/cifs/FSR_EDUSIF_freeONLY.cif")
        let report = try Pores.analyze(cifAt: url, options: PoreAnalysisOptions(gridSpacing: 0.4))
        #expect(report.formula.contains("Zn8"))
        #expect(report.geometry.cavities(holding: 14.0) == 1)
        #expect(report.geometry.cavities(holding: 9.0) == 2)
    }

    /// `fit --cif` on a CoRE structure: named by its data block (or --name), cages counted, loading computed.
    @Test func fitFromACoREStructureGivesTheMaximumIsolatedLoading() throws {
        let path = Self.data.appendingPathComponent("coremof-2019/cifs/FSR_FAWCEN_SL.cif").path
        let output = try FitCommand.parse(["Fe(acac)3", "--cif", path, "--grid-spacing", "0.4"]).execute()
        #expect(output.exitCode == 0, "\(output.standardError)")
        let text = output.standardOutput
        #expect(text.contains("in FAWCEN_clean"), "\(text)")
        #expect(!text.contains("FSR_FAWCEN_SL.cif forms"))
        #expect(text.contains("mode:               in-situ"))
        #expect(text.contains("cages per cell:     1"), "\(text)")
        // One cage per Zn6 primitive cell = two per Zn12 cubic cell: 1/6 mol per mol Zn, as the catalog's ZIF-8.
        #expect(text.contains("0.167 mol/mol framework metal"), "\(text)")
        #expect(text.contains("computed by Anchorage with Zeo++-compatible radii"))
        #expect(!text.contains("(Zeo++,"))
        // The method is the source here: said once, and one cage is a cage.
        #expect(!text.contains("Zeo++-compatible radii, computed by Anchorage"), "\(text)")
        #expect(text.contains("(1 cage per "), "\(text)")
        let named = try FitCommand.parse(["Fe(acac)3", "--cif", path, "--name", "ZIF-8 (FAWCEN)", "--grid-spacing", "0.5"]).execute()
        #expect(named.standardOutput.contains("in ZIF-8 (FAWCEN)"))
    }

    /// The pore values computed from a structure (`method: anchorage pores`) are what `pores` gives on that structure
    /// (scripts/framework-pores.sh uses the default grid; a coarser one here agrees within 0.05 Å after refinement).
    @Test(arguments: [("zif-90", "structures/zif-90.cif"), ("cof-lzu1", "structures/cof-lzu1.cif")])
    func computedValuesAreWhatPoresGives(id: String, file: String) throws {
        let record = try FitCatalog.bundled().framework(named: id).record
        #expect(record.cageDiameter.method == Sourced<Double>.computedByAnchorage)
        let report = try Pores.analyze(cifAt: Self.data.appendingPathComponent(file), options: PoreAnalysisOptions(gridSpacing: 0.35))
        #expect(abs(report.largestCavityDiameter - (record.cageDiameter.value ?? 0)) < 0.05, "LCD \(report.largestCavityDiameter)")
        #expect(abs(report.poreLimitingDiameter - (record.windowDiameter.value ?? 0)) < 0.05, "PLD \(report.poreLimitingDiameter)")
    }
}
