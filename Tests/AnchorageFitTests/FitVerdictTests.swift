import AnchorageCore
import Foundation
import Testing
@testable import AnchorageFit

@Suite struct FitVerdictTests {
    let catalog: FitCatalog

    init() throws { catalog = try FitCatalog.bundled() }

    func verdict(_ precursor: String, _ framework: String) throws -> FitVerdict {
        try catalog.assessFit(catalog.precursor(named: precursor), catalog.framework(named: framework))
    }

    @Test("every mode, on the known cases", arguments: [
        ("Fe(acac)3", "ZIF-8", FitMode.inSitu),           // Chen 2017: trapped in situ
        ("Ru(acac)3", "ZIF-8", .inSitu),                   // Geng 2018
        ("Fe(NO3)3·9H2O", "ZIF-8", .notConfined),          // a simple salt
        ("Zn(NO3)2·6H2O", "ZIF-8", .notConfined),
        ("RuCl3", "UiO-66", .notConfined),
        ("FePc", "ZIF-8", .tooLarge),
        ("CoPc", "UiO-66", .tooLarge),
        ("Fe(acac)3", "UiO-66", .tooLarge),
        ("ferrocene", "MIL-101(Cr)", .notConfined),        // many per cage
        ("ferrocene", "HKUST-1", .impregnation),
        ("Fe(acac)3", "MOF-808", .impregnation),
        ("Fe(acac)3", "Mg-MOF-74", .notConfined),          // channels, not cages
        ("Co(acac)2", "ZIF-8", .inSitu),                   // the monomer, sized as Ni(acac)2 is
        ("Fe(acac)3", "UiO-66-NH2", .tooLarge),            // even UiO-66's own cage is too small
        ("Fe(acac)3", "Ni-MOF-74", .undetermined),         // no structure found
    ])
    func modes(precursor: String, framework: String, expected: FitMode) throws {
        #expect(try verdict(precursor, framework).mode == expected)
    }

    @Test func ironAcetylacetonateInZIF8() throws {
        let v = try verdict("Fe(acac)3", "ZIF-8")
        #expect(v.fitsCage == true)
        #expect(v.passesWindow == false)
        #expect(v.perCageMax == 1)
        #expect(v.polynuclear == false)
        #expect(v.framework.record.cageDiameter.entry == "FAWCEN_SL")
        let loading = try #require(v.maxIsolatedLoading)
        // 2 cages per Zn12(mIm)24 cell: 1/6 mol per mol Zn; the design note's 5.68 mmol Zn holds 0.95 mmol.
        #expect(abs((loading.molePerMoleFrameworkMetal ?? 0) - 1.0 / 6.0) < 1e-9)
        #expect(abs(5.68 * (loading.molePerMoleFrameworkMetal ?? 0) - 0.947) < 0.001)
        #expect(abs(loading.millimolePerGramHost - 2000 / 2730.9) < 0.01)
        #expect(abs((loading.gramPerGramHost ?? 0) - 0.2586) < 0.001)
        #expect(v.explanation.contains("in situ"))
        #expect(v.explanation.contains("chen-2017-fe-isas-zif8"))
    }

    @Test func clustersNotSingleAtoms() throws {
        let v = try verdict("Ru3(CO)12", "ZIF-8")
        #expect(v.polynuclear)
        #expect(v.precursor.metalAtoms == 3)
        #expect(v.explanation.contains("clusters, not single atoms"))
        #expect(try !verdict("ferrocene", "ZIF-8").polynuclear)
    }

    @Test func noIsolatedLoadingUnlessConfined() throws {
        #expect(try verdict("ferrocene", "MIL-101(Cr)").maxIsolatedLoading == nil)
        #expect(try verdict("FePc", "ZIF-8").maxIsolatedLoading == nil)
        #expect(try verdict("ferrocene", "ZIF-8").maxIsolatedLoading != nil)
    }

    @Test func simpleSaltIsNotConfinedWithOrWithoutASize() throws {
        let v = try verdict("[Pt(NH3)4](NO3)2", "ZIF-8")
        #expect(v.fitsCage == true)  // the [Pt(NH3)4]2+ ion fits, and still does not stay isolated
        #expect(v.mode == .notConfined)
        #expect(v.explanation.contains("simple salt"))
        let unsized = try verdict("RuCl3", "ZIF-8")
        #expect(unsized.fitsCage == nil)
        #expect(v.mode == .notConfined)
        #expect(v.explanation.contains("simple salt"))
    }

    @Test("cage packing: exact up to six, the volume bound beyond", arguments: [
        (11.3, 11.2, 1, false), (20.0, 10.0, 2, false), (21.6, 10.0, 3, false), (22.3, 10.0, 4, false),
        (24.15, 10.0, 10, true), (30.0, 10.0, 19, true),
    ])
    func packing(cage: Double, molecule: Double, count: Int, bound: Bool) {
        let (n, isBound) = FitVerdict.perCage(cage: cage, molecule: molecule, criteria: catalog.criteria)
        #expect(n == count)
        #expect(isBound == bound)
    }

    @Test func occupancyAgainstTheMaximum() throws {
        let v = try verdict("Fe(acac)3", "ZIF-8")
        let occupancy = try #require(v.occupancy(precursorMillimoles: 0.28, hostGrams: 1.0))
        #expect(occupancy > 0.35 && occupancy < 0.40)
        // The design note's batch: 0.10 g Fe(acac)3 (0.28 mmol) with 5.68 mmol Zn — about 0.3 per cage.
        let inSitu = try #require(v.occupancy(precursorMillimoles: 0.283, frameworkMetalMillimoles: 5.68))
        #expect(abs(inSitu - 0.299) < 0.001)
        #expect(v.occupancy(precursorMillimoles: 1, frameworkMetalMillimoles: 0) == nil)
    }

    @Test func jsonCarriesTheVerdictAndItsSources() throws {
        let data = try JSONEncoder().encode(try verdict("Fe(acac)3", "ZIF-8"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["mode"] as? String == "in-situ")
        #expect(object["fits_cage"] as? Bool == true)
        #expect(object["passes_window"] as? Bool == false)
        #expect(object["per_cage_max"] as? Int == 1)
        #expect(object["max_isolated_loading"] is [String: Any])
        let numbers = try #require(object["numbers"] as? [[String: Any]])
        #expect(numbers.allSatisfy { ($0["source"] as? String)?.isEmpty == false })
        #expect(object["explanation"] is String && object["conventions"] is String)
        // The sources printed for the allowances are those of fit-criteria.yaml.
        #expect(FitVerdict.allowanceSource == catalog.criteria.cageAllowance.source)
        #expect(FitVerdict.allowanceSource == catalog.criteria.windowAllowance.source)
    }

    @Test func rankingPutsTrappingHostsFirst() throws {
        let ranked = catalog.rankFrameworks(for: try catalog.precursor(named: "Fe(acac)3"))
        #expect(ranked.count == catalog.frameworks.count)
        #expect(ranked.first?.mode == .inSitu)
        #expect(ranked.last?.mode == .tooLarge)
        let guests = catalog.rankPrecursors(for: try catalog.framework(named: "ZIF-8"))
        #expect(guests.count == catalog.precursors.count)
        #expect(guests.first?.mode == .inSitu)
    }
}
