import AnchorageCore
import Testing
@testable import AnchorageFit

/// The decomposition temperatures and chemical-stability statements of `frameworks.yaml`: every value carries a
/// citation that exists, every gap says `none found` and what was looked at.
@Suite struct StabilityDataTests {
    let catalog: FitCatalog
    let citations: CitationIndex

    init() throws {
        catalog = try FitCatalog.bundled()
        citations = try CitationIndex.bundled()
    }

    @Test("decomposition temperatures as the cited paper states them", arguments: [
        ("zif-8", 550.0, "park2006-zif"), ("uio-66", 540.0, "cavka2008-uio66"), ("uio-67", 540.0, "cavka2008-uio66"),
        ("hkust-1", 240.0, "chui1999-hkust1"), ("mof-5", 300.0, "li1999-mof5"),
    ])
    func thermal(id: String, celsius: Double, source: String) throws {
        let framework = try #require(catalog.frameworks.first { $0.id == id })
        #expect(framework.record.thermalStabilityC.value == celsius)
        #expect(framework.record.thermalStabilityC.source == source)
    }

    @Test("a temperature with no source found stays empty and says what was looked at", arguments: [
        "zif-67", "uio-66-nh2", "mof-808", "mof-808-hf", "nu-1000", "mil-101-cr", "mil-101-fe", "mil-100-fe", "mfu-4l",
        "pcn-222", "pcn-224", "mg-mof-74", "cof-366", "tpbpy",
    ])
    func missingThermal(id: String) throws {
        let framework = try #require(catalog.frameworks.first { $0.id == id })
        let entry = framework.record.thermalStabilityC
        #expect(entry.value == nil)
        #expect(entry.source == "none found")
        #expect(!(entry.note ?? "").isEmpty)
    }

    @Test("every stated temperature is a plausible decomposition temperature with a citation carrying a DOI")
    func temperaturesAreCited() throws {
        for framework in catalog.frameworks {
            let entry = framework.record.thermalStabilityC
            guard let celsius = entry.value else { continue }
            #expect((100...1000).contains(celsius), "\(framework.id): \(celsius) °C")
            let citation = try #require(citations[entry.source], "\(framework.id): \(entry.source)")
            #expect(citation.doi != nil, "\(framework.id): \(entry.source) has no verified DOI")
        }
    }

    @Test("every chemical-stability statement names an existing citation; an empty one says none found")
    func chemicalStabilityIsCited() {
        for framework in catalog.frameworks {
            let record = framework.record
            for entry in [record.waterStability, record.acidStability, record.baseStability] {
                if entry.value == nil {
                    #expect(entry.source == "none found", "\(framework.id)")
                } else {
                    #expect(citations[entry.source] != nil, "\(framework.id): \(entry.source)")
                }
            }
        }
    }

    @Test("the COF-366 paper is cited with the DOI printed for it")
    func cof366Citation() throws {
        let citation = try #require(citations["wan2011-cof366"])
        #expect(citation.doi == "10.1021/cm201140r")
        #expect(citation.year == 2011)
    }
}
