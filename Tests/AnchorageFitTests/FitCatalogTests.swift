import AnchorageCore
import Testing
@testable import AnchorageFit

@Suite struct FitCatalogTests {
    let catalog: FitCatalog

    init() throws { catalog = try FitCatalog.bundled() }

    @Test("the issue's frameworks are all in the catalog", arguments: [
        "ZIF-8", "ZIF-67", "UiO-66", "UiO-66-NH2", "UiO-67", "MOF-808", "Hf-MOF-808", "NU-1000", "MIL-101(Cr)",
        "MIL-101(Fe)", "MIL-100(Fe)", "HKUST-1", "MOF-5", "MFU-4l", "PCN-222", "PCN-224", "Mg-MOF-74", "COF-366", "TpBpy",
    ])
    func framework(name: String) throws {
        _ = try catalog.framework(named: name)
    }

    @Test("the issue's precursors are all in the catalog", arguments: [
        "Fe(acac)3", "Ru(acac)3", "Co(acac)2", "Co(acac)3", "Ni(acac)2", "Cu(acac)2", "Pt(acac)2", "Pd(acac)2",
        "Ir(acac)3", "Mn(acac)3", "ferrocene", "cobaltocene", "FePc", "CoPc", "Ru3(CO)12", "[Pt(NH3)4](NO3)2",
        "H2PtCl6", "RuCl3", "Fe(NO3)3·9H2O", "trimethylaluminium", "diethylzinc",
    ])
    func precursor(name: String) throws {
        _ = try catalog.precursor(named: name)
    }

    @Test("names, aliases and formulas, in any case", arguments: [
        ("zif8", "zif-8"), ("ZIF 8", "zif-8"), ("basolite z1200", "zif-8"), ("MIL-101", "mil-101-cr"), ("irmof-1", "mof-5"),
        ("MAF-4", "zif-8"), ("Cu-BTC", "hkust-1"), ("CuBTC", "hkust-1"), ("ZIF-90", "zif-90"), ("Mg-MOF-74", "mg-mof-74"),
        ("CPO-27-Co", "co-mof-74"), ("Co-MOF-74", "co-mof-74"), ("Ni-MOF-74", "ni-mof-74"), ("Zn-MOF-74", "zn-mof-74"),
        ("CPO-27(Ni)", "ni-mof-74"), ("NH2-UiO-66", "uio-66-nh2"),
    ])
    func frameworkAliases(query: String, id: String) throws {
        #expect(try catalog.framework(named: query).id == id)
    }

    @Test("precursor names, aliases and formulas", arguments: [
        ("fe(acac)3", "fe-acac3"), ("C15H21FeO6", "fe-acac3"), ("Fe(C5H7O2)3", "fe-acac3"), ("FeCp2", "ferrocene"),
        ("Fe(NO3)3.9H2O", "fe-no3-3-9h2o"), ("TMA", "tma"), ("ruthenium(III) acetylacetonate", "ru-acac3"),
    ])
    func precursorAliases(query: String, id: String) throws {
        #expect(try catalog.precursor(named: query).id == id)
    }

    /// A family name the catalog lists member by member names every member.
    @Test(arguments: ["MOF-74", "CPO-27"])
    func familyNamesListTheMembers(name: String) {
        do {
            _ = try catalog.framework(named: name)
            Issue.record("expected an error")
        } catch let error as UnknownNameError {
            #expect(Set(error.alternatives) == ["Mg-MOF-74", "Co-MOF-74", "Ni-MOF-74", "Zn-MOF-74"])
            #expect(error.description.contains("'Mg-MOF-74'") && error.description.contains("give one"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(throws: UnknownNameError(kind: .framework, name: "ZFI-8", suggestion: "ZIF-8")) {
            try catalog.framework(named: "ZFI-8")
        }
        #expect(throws: UnknownNameError(kind: .precursor, name: "Fe(acac)4", suggestion: "Fe(acac)3")) {
            try catalog.precursor(named: "Fe(acac)4")
        }
        do {
            _ = try catalog.framework(named: "completely-unknown-host")
            Issue.record("expected an error")
        } catch let error as UnknownNameError {
            #expect(error.suggestion == nil)
            #expect(error.description.contains("unknown framework"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func everyValueHasASourceOrSaysNoneFound() throws {
        let citations = try CitationIndex.bundled()
        for framework in catalog.frameworks {
            let r = framework.record
            for source in [r.cageDiameter.source, r.windowDiameter.source, r.cagesPerCell.source, r.cellFormula.source] {
                #expect(source == "none found" || citations[source] != nil, "\(r.id): \(source)")
            }
            // A CoRE value names its entry.
            if r.cageDiameter.value != nil { #expect(r.cageDiameter.entry != nil, "\(r.id)") }
            if r.cageDiameter.value == nil { #expect(r.cageDiameter.source == "none found", "\(r.id)") }
        }
        for precursor in catalog.precursors {
            let r = precursor.record
            if r.enclosingSphereVDW.value == nil { #expect(r.enclosingSphereVDW.source == "none found", "\(r.id)") }
        }
        #expect(citations["chung2019-coremof"]?.doi == "10.1021/acs.jced.9b00835")
    }

    @Test func catalogIdsAreUnique() {
        #expect(Set(catalog.frameworks.map(\.id)).count == catalog.frameworks.count)
        #expect(Set(catalog.precursors.map(\.id)).count == catalog.precursors.count)
    }
}
