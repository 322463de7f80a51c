import AnchorageFit
import Foundation

/// Screens every catalog precursor against every catalog framework, then a synthetic 10,000 × 1,000 catalog, and
/// prints verdicts per second. Run it with `swift run -c release FitBenchmark`.
@main
struct FitBenchmark {
    static func main() throws {
        let clock = ContinuousClock()
        var loaded: FitCatalog?
        let loadTime = try clock.measure { loaded = try FitCatalog.bundled() }
        guard let catalog = loaded else { return }
        print("catalog: \(catalog.precursors.count) precursors × \(catalog.frameworks.count) frameworks, loaded in \(format(loadTime))")

        // The shipped catalog, repeated so the timing is not noise.
        let repeats = 2_000
        var tally = [Int](repeating: 0, count: FitMode.allCases.count)
        let catalogTime = clock.measure {
            for _ in 0..<repeats {
                for precursor in catalog.precursors {
                    for framework in catalog.frameworks {
                        tally[catalog.assessFit(precursor, framework).mode.index] += 1
                    }
                }
            }
        }
        let catalogPairs = repeats * catalog.precursors.count * catalog.frameworks.count
        report("catalog screen", pairs: catalogPairs, time: catalogTime)
        print("  modes per pass: " + FitMode.allCases.map { "\($0.rawValue) \(tally[$0.index] / repeats)" }.joined(separator: ", "))

        // A synthetic catalog: 10,000 precursors × 1,000 frameworks with sizes spread over the catalog's range.
        var generator = SplitMix64(seed: 2019)
        let templatePrecursor = catalog.precursors[0]
        let templateFramework = catalog.frameworks[0]
        let precursors = (0..<10_000).map { index -> Precursor in
            var record = templatePrecursor.record
            record.id = "synthetic-precursor-\(index)"
            let size = 5 + 15 * generator.nextUnit()
            record.enclosingSphereVDW = Sourced(size, source: "synthetic")
            record.minCrossSectionVDW = Sourced(size * (0.6 + 0.4 * generator.nextUnit()), source: "synthetic")
            record.simpleSalt = generator.nextUnit() < 0.1 ? "nitrate" : nil
            return Precursor(record: record, molarMass: templatePrecursor.molarMass, metalAtoms: 1 + Int(generator.nextUnit() * 1.2),
                             metals: templatePrecursor.metals, metalMassPerFormula: templatePrecursor.metalMassPerFormula)
        }
        let frameworks = (0..<1_000).map { index -> Framework in
            var record = templateFramework.record
            record.id = "synthetic-framework-\(index)"
            let lcd = 4 + 36 * generator.nextUnit()
            record.cageDiameter = Sourced(lcd, source: "synthetic")
            record.windowDiameter = Sourced(lcd * (0.2 + 0.8 * generator.nextUnit()), source: "synthetic")
            return Framework(record: record, cellMolarMass: templateFramework.cellMolarMass, metalAtomsPerCell: templateFramework.metalAtomsPerCell)
        }
        let synthetic = FitCatalog(frameworks: frameworks, precursors: precursors, radii: catalog.radii, criteria: catalog.criteria)
        tally = [Int](repeating: 0, count: FitMode.allCases.count)
        var loadingSum = 0.0
        let syntheticTime = clock.measure {
            for precursor in synthetic.precursors {
                for framework in synthetic.frameworks {
                    let verdict = synthetic.assessFit(precursor, framework)
                    tally[verdict.mode.index] += 1
                    loadingSum += verdict.maxIsolatedLoading?.millimolePerGramHost ?? 0
                }
            }
        }
        report("synthetic 10,000 × 1,000", pairs: precursors.count * frameworks.count, time: syntheticTime)
        print("  modes: " + FitMode.allCases.map { "\($0.rawValue) \(tally[$0.index])" }.joined(separator: ", ")
              + String(format: " (checksum %.3f)", loadingSum))
    }

    static func report(_ label: String, pairs: Int, time: Duration) {
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
        print("\(label): \(pairs) verdicts in \(format(time)) — \(String(format: "%.3g", Double(pairs) / seconds)) verdicts/s")
    }

    static func format(_ time: Duration) -> String {
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
        return String(format: "%.3f s", seconds)
    }
}

extension FitMode {
    var index: Int { FitMode.allCases.firstIndex(of: self) ?? 0 }
}

/// A small deterministic generator, so every run screens the same synthetic catalog.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
