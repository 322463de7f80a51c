import AnchorageCore
import Testing
@testable import AnchorageFit

/// The pore data of `frameworks.yaml`: which CoRE MOF 2019 entry each value comes from, the cage counts, and the values
/// that stay empty because no source could be checked.
@Suite struct PoreDataTests {
    let catalog: FitCatalog

    init() throws { catalog = try FitCatalog.bundled() }

    @Test("LCD and PLD from the named CoRE MOF 2019 entry", arguments: [
        ("UiO-67", "WIZMAV02_auto", 12.74499, 5.77928),
        ("MOF-808", "ja500330a_si_007_auto", 19.46238, 14.48757),
        ("MIL-100(Fe)", "CIGXIA_manual", 28.48677, 11.8329),
        ("PCN-222", "BEDYEQ_clean", 33.05863, 31.49051),
        ("PCN-224", "ja5103103_si_002_auto", 16.95031, 14.45168),
    ])
    func coreEntry(framework: String, entry: String, lcd: Double, pld: Double) throws {
        let record = try catalog.framework(named: framework).record
        #expect(record.cageDiameter.source == "chung2019-coremof")
        #expect(record.cageDiameter.entry == entry)
        #expect(record.cageDiameter.value == lcd)
        #expect(record.windowDiameter.entry == entry)
        #expect(record.windowDiameter.value == pld)
        #expect(pld <= lcd)
    }

    @Test("no value where no entry or isostructural statement could be checked", arguments: [
        "UiO-66-NH2", "Hf-MOF-808", "MIL-101(Fe)", "MFU-4l", "COF-366", "TpBpy",
    ])
    func staysEmpty(framework: String) throws {
        let record = try catalog.framework(named: framework).record
        #expect(record.cageDiameter.value == nil)
        #expect(record.cageDiameter.source == "none found")
        #expect(record.windowDiameter.value == nil)
        #expect(record.cageDiameter.note?.isEmpty == false, "an empty value says why")
    }

    @Test func theMOF808WindowIsNotTheOneOfAnotherFramework() throws {
        // XICNOO / XICZAM (PLD 6.7 Å) hold sulfur: not the trimesate MOF-808. Neither is used, for Zr or for Hf.
        let zr = try catalog.framework(named: "MOF-808").record
        #expect(zr.windowDiameter.value == 14.48757)
        #expect(zr.cageDiameter.note?.contains("XICNOO") == true)
        let hf = try catalog.framework(named: "Hf-MOF-808").record
        #expect(hf.cageDiameter.entry == nil)
        #expect(hf.cageDiameter.note?.contains("XICZAM") == true)
    }

    @Test("cages of the LCD size per cell, and the framework metal per cell", arguments: [
        ("MOF-808", 8.0, 96), ("MIL-101(Cr)", 8.0, 816), ("MIL-100(Fe)", 8.0, 816), ("HKUST-1", 4.0, 48), ("MOF-5", 4.0, 32),
        ("UiO-67", 4.0, 24), ("ZIF-8", 2.0, 12),
    ])
    func cagesPerCell(framework: String, cages: Double, metalAtoms: Int) throws {
        let host = try catalog.framework(named: framework)
        #expect(host.record.cagesPerCell.value == cages)
        // A count taken from a CoRE structure names that structure.
        if host.record.cagesPerCell.source == "chung2019-coremof" {
            #expect(host.record.cagesPerCell.entry == host.record.cageDiameter.entry)
        }
        let formula = try ChemicalFormula(parsing: #require(host.record.cellFormula.value))
        let metal = try #require(host.record.metals.first)
        #expect(formula.count(of: metal) == Double(metalAtoms))
    }

    @Test("verdicts the new data makes possible", arguments: [
        ("Fe(acac)3", "UiO-67", FitMode.inSitu),           // fits the 12.7 Å cage, not the 5.8 Å window
        ("CoPc", "MIL-100(Fe)", .inSitu),                   // one per large cage, cannot pass the 11.8 Å window
        ("FePc", "PCN-222", .notConfined),                  // mesochannels
        ("FePc", "MIL-101(Cr)", .notConfined),              // three fit one large cage
        ("Fe(acac)3", "MIL-101(Fe)", .undetermined),        // no sourced cage
    ])
    func newVerdicts(precursor: String, framework: String, expected: FitMode) throws {
        let verdict = try catalog.assessFit(catalog.precursor(named: precursor), catalog.framework(named: framework))
        #expect(verdict.mode == expected)
    }

    @Test func oneFeAcac3PerAdamantaneCageOfMOF808() throws {
        let verdict = try catalog.assessFit(catalog.precursor(named: "Fe(acac)3"), catalog.framework(named: "MOF-808"))
        let loading = try #require(verdict.maxIsolatedLoading)
        // 8 cages per 16 Zr6 nodes: 1/12 mol per mol Zr; 8 mmol per 20.86 g of cell.
        #expect(abs((loading.molePerMoleFrameworkMetal ?? 0) - 1.0 / 12.0) < 1e-9)
        #expect(abs(loading.millimolePerGramHost - 0.3835) < 0.001)
    }

    @Test func channelsAndOpenCagesGiveNoLoading() throws {
        // PCN-224: the PLD is 85% of the LCD, no cage count; PCN-222: channels.
        #expect(try catalog.framework(named: "PCN-224").record.cagesPerCell.value == nil)
        let verdict = try catalog.assessFit(catalog.precursor(named: "FePc"), catalog.framework(named: "PCN-224"))
        #expect(verdict.maxIsolatedLoading == nil)
    }
}
