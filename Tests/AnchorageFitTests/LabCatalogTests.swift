import AnchorageCore
import Foundation
import Testing
@testable import AnchorageFit

@Suite struct LabCatalogTests {
    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-lab-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let labFramework = """
        citations:
          - {id: lab-notebook-12, kind: note, title: "Our own N2 isotherm, notebook 12 p. 4"}
        frameworks:
          - id: zif-8
            name: ZIF-8
            aliases: [ZIF8]
            kind: MOF
            metals: [Zn]
            node: "Zn(II)"
            linker: "2-methylimidazolate"
            functional_sites: []
            pore_type: cage
            structure_source: lab-notebook-12
            cage_diameter_A: {value: 12.5, source: lab-notebook-12}
            window_diameter_A: {value: 3.4, source: lab-notebook-12}
            cages_per_cell: {value: 2, source: lab-notebook-12}
            cell_formula: {value: "Zn12(C4H5N2)24", source: lab-notebook-12}
            thermal_stability_C: {value: null, source: none found}
            water_stability: {value: null, source: none found}
            acid_stability: {value: null, source: none found}
            base_stability: {value: null, source: none found}
        """

    @Test func aLabEntryReplacesTheShippedOne() throws {
        let url = try write(Self.labFramework)
        defer { try? FileManager.default.removeItem(at: url) }
        let catalog = try FitCatalog.bundled(addingFiles: [url])
        let shipped = try FitCatalog.bundled()
        #expect(catalog.frameworks.count == shipped.frameworks.count)
        #expect(try catalog.framework(named: "zif8").cageDiameter == 12.5)
        #expect(try shipped.framework(named: "zif8").cageDiameter == 11.32428)
    }

    @Test func aLabSourceMustBeCited() throws {
        let url = try write(Self.labFramework.replacingOccurrences(of: "cage_diameter_A: {value: 12.5, source: lab-notebook-12}",
                                                                    with: "cage_diameter_A: {value: 12.5, source: my-memory}"))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CatalogError.self) { try FitCatalog.bundled(addingFiles: [url]) }
    }

    @Test func aChemicalsOnlyFileAddsNothing() throws {
        let url = try write("chemicals: []\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FitCatalog.bundled(addingFiles: [url]).precursors.count == (try FitCatalog.bundled()).precursors.count)
    }

    @Test func shippedNamesDoNotCollide() throws {
        let catalog = try FitCatalog.bundled()
        for framework in catalog.frameworks {
            for name in [framework.id, framework.name] + framework.record.aliases {
                #expect(try catalog.framework(named: name).id == framework.id, "\(name)")
            }
        }
        for precursor in catalog.precursors {
            for name in [precursor.id, precursor.name, precursor.record.formula] + precursor.record.aliases {
                #expect(try catalog.precursor(named: name).id == precursor.id, "\(name)")
            }
        }
    }
}
