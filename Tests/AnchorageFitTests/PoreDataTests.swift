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

    @Test("computed by anchorage pores from the named published structure", arguments: [
        ("UiO-66-NH2", "EWILON_clean"), ("Hf-MOF-808", "ja500330a_si_007_auto"), ("MIL-101(Fe)", "OCUNAC_manual"),
        ("MFU-4l", "UPOZAB_clean"), ("COF-366", "11030N2"), ("TpBpy", "17020N2"), ("COF-LZU1", "11020N2"), ("ZIF-90", "ZIF90"),
    ])
    func computedFromAStructure(framework: String, entry: String) throws {
        let record = try catalog.framework(named: framework).record
        for value in [record.cageDiameter, record.windowDiameter] {
            #expect(value.value != nil)
            #expect(value.method == Sourced<Double>.computedByAnchorage)
            #expect(value.entry == entry)
            #expect(value.source != "none found")
        }
        #expect(try #require(record.windowDiameter.value) <= (record.cageDiameter.value ?? 0))
        #expect(record.cageDiameter.note?.isEmpty == false, "the note says which structure and its caveats")
    }

    @Test("a stand-in structure of another metal says so", arguments: ["Hf-MOF-808", "MIL-101(Fe)"])
    func standInsSaySo(framework: String) throws {
        #expect(try catalog.framework(named: framework).record.cageDiameter.note?.contains("STAND-IN") == true)
    }

    @Test func everyFrameworkHasPoresOrSaysWhereItLooked() throws {
        for framework in catalog.frameworks {
            let record = framework.record
            if record.cageDiameter.value == nil || record.windowDiameter.value == nil {
                let note = record.cageDiameter.note ?? ""
                #expect(note.contains("no structure found"), "\(framework.id): no LCD/PLD and no 'no structure found'")
            } else {
                #expect(record.cageDiameter.entry != nil, "\(framework.id): LCD without its structure")
            }
        }
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
        ("Fe(acac)3", "MIL-101(Fe)", .notConfined),         // the Cr stand-in's 36 Å cage holds several
        ("Fe(acac)3", "Zn-MOF-74", .undetermined),          // no structure found
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
