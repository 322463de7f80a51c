import Foundation

/// How a precursor can be brought into a framework, decided in this order (review §4.2.2).
public enum FitMode: String, Sendable, Codable, Hashable, CaseIterable {
    /// Does not fit the cage.
    case tooLarge = "too-large"
    /// A simple salt, or so small that two or more fit one cage: it will not stay isolated.
    case notConfined = "not-confined"
    /// Fits the cage once but cannot pass the window: it must be present while the framework forms, then it is trapped.
    case inSitu = "in-situ"
    /// Fits once and passes the window: it can be soaked into a made framework, and can also leave.
    case impregnation
    /// A size the decision needs is not in the catalog (give the molecule's geometry with --xyz).
    case undetermined
}

/// The most precursor a host can hold with one molecule per cage.
public struct IsolatedLoading: Sendable, Codable, Hashable {
    /// mmol of precursor per gram of host.
    public var millimolePerGramHost: Double
    /// g of precursor per gram of host.
    public var gramPerGramHost: Double?
    /// mol of precursor per mol of framework metal atoms.
    public var molePerMoleFrameworkMetal: Double?
    /// Metal of the precursor, wt% of the host alone (metal mass / host mass).
    public var metalWeightPercentOfHost: Double?
    /// Metal of the precursor, wt% of the loaded solid (host + precursor).
    public var metalWeightPercentOfComposite: Double?

    enum CodingKeys: String, CodingKey {
        case millimolePerGramHost = "mmol_per_g_host", gramPerGramHost = "g_per_g_host"
        case molePerMoleFrameworkMetal = "mol_per_mol_framework_metal"
        case metalWeightPercentOfHost = "metal_wt_percent_of_host", metalWeightPercentOfComposite = "metal_wt_percent_of_composite"
    }
}

/// The answer to "does this precursor fit this framework?": plain numbers, computed without allocation; the
/// sentences and the sourced number list are derived on demand (and written out by `encode(to:)`).
public struct FitVerdict: Sendable {
    public let precursor: Precursor
    public let framework: Framework
    /// Precursor cage size after the contact allowance (enclosing-sphere vdW diameter − allowance), Å.
    public let effectiveCageSize: Double?
    /// Precursor window size after the allowance (vdW minimum cross-section − allowance), Å.
    public let effectiveWindowSize: Double?
    public let fitsCage: Bool?
    public let passesWindow: Bool?
    public let mode: FitMode
    public let polynuclear: Bool
    /// How many molecules one cage can hold; nil when a size is unknown.
    public let perCageMax: Int?
    /// True when `perCageMax` is the volume bound (more than the tabulated packings), not an exact packing.
    public let perCageMaxIsBound: Bool
    /// With one molecule per cage; nil unless the mode is in-situ or impregnation, or when the framework has no
    /// sourced cage count and unit-cell formula.
    public let maxIsolatedLoading: IsolatedLoading?
    public let cageAllowance: Double
    public let windowAllowance: Double
}

extension FitCatalog {
    /// The verdict for one precursor in one framework: pure and fast (no allocation, no lookup).
    public func assessFit(_ precursor: Precursor, _ framework: Framework) -> FitVerdict {
        FitVerdict.assess(precursor, framework, criteria: criteria)
    }
}

extension FitVerdict {
    static func assess(_ precursor: Precursor, _ framework: Framework, criteria: FitCriteria) -> FitVerdict {
        let cageAllowance = criteria.cageAllowance.value ?? 0
        let windowAllowance = criteria.windowAllowance.value ?? 0
        let record = precursor.record
        let cageSize = record.enclosingSphereVDW.value.map { $0 - cageAllowance }
        let windowSize = record.minCrossSectionVDW.value.map { $0 - windowAllowance }
        let lcd = framework.cageDiameter
        let pld = framework.windowDiameter

        var fitsCage: Bool?
        var perCageMax: Int?
        var isBound = false
        let channel = framework.record.poreType == .channel
        if let cageSize, let lcd {
            fitsCage = cageSize < lcd
            if fitsCage == false {
                perCageMax = 0
            } else if !channel {
                (perCageMax, isBound) = FitVerdict.perCage(cage: lcd, molecule: cageSize, criteria: criteria)
            }
        }
        var passesWindow: Bool?
        if let windowSize, let pld { passesWindow = windowSize < pld }

        let mode: FitMode
        if fitsCage == false {
            mode = .tooLarge
        } else if precursor.isSimpleSalt || (perCageMax ?? 0) >= 2 || (channel && fitsCage == true) {
            mode = .notConfined
        } else if fitsCage == true, let passesWindow {
            mode = passesWindow ? .impregnation : .inSitu
        } else {
            mode = .undetermined
        }

        var loading: IsolatedLoading?
        // Only a precursor that stays one per cage has an isolated loading.
        if mode == .inSitu || mode == .impregnation, let cages = framework.cagesPerCell, let cellMass = framework.cellMolarMass, cellMass > 0 {
            let molePerGram = cages / cellMass
            let precursorMass = precursor.molarMass.map { molePerGram * $0 }
            let metalMass = precursor.metalMassPerFormula.map { molePerGram * $0 }
            loading = IsolatedLoading(
                millimolePerGramHost: molePerGram * 1000,
                gramPerGramHost: precursorMass,
                molePerMoleFrameworkMetal: framework.metalAtomsPerCell.flatMap { $0 > 0 ? cages / $0 : nil },
                metalWeightPercentOfHost: metalMass.map { $0 * 100 },
                metalWeightPercentOfComposite: metalMass.flatMap { metal in precursorMass.map { metal * 100 / (1 + $0) } })
        }
        return FitVerdict(
            precursor: precursor, framework: framework, effectiveCageSize: cageSize, effectiveWindowSize: windowSize,
            fitsCage: fitsCage, passesWindow: passesWindow, mode: mode, polynuclear: precursor.isPolynuclear,
            perCageMax: perCageMax, perCageMaxIsBound: isBound, maxIsolatedLoading: loading,
            cageAllowance: cageAllowance, windowAllowance: windowAllowance)
    }

    /// Equal spheres of diameter `molecule` in a sphere of diameter `cage`: exact for the tabulated packings, the
    /// volume bound beyond them.
    static func perCage(cage: Double, molecule: Double, criteria: FitCriteria) -> (Int, Bool) {
        guard molecule > 0 else { return (Int.max, true) }
        let ratio = cage / molecule
        let ratios = criteria.spherePackingRatios.value ?? []
        var count = 0
        for (index, needed) in ratios.enumerated() where ratio >= needed { count = index + 1 }
        if let last = ratios.last, ratio > last, let density = criteria.packingDensityBound.value {
            let bound = Int(saturating: density * ratio * ratio * ratio, rounding: .down)
            if bound > count { return (bound, true) }
        }
        return (max(count, ratio >= 1 ? 1 : 0), false)
    }

    /// The most precursor a batch holds isolated (mmol, g): from the mass of made host, or from the framework metal
    /// of a host that forms around the precursor. Nil when the loading is not known.
    public func batchMaximum(hostGrams: Double? = nil, frameworkMetalMillimoles: Double? = nil) -> (millimoles: Double, grams: Double?)? {
        guard let loading = maxIsolatedLoading else { return nil }
        var millimoles: Double?
        if let hostGrams, hostGrams > 0 { millimoles = loading.millimolePerGramHost * hostGrams }
        if let metal = frameworkMetalMillimoles, metal > 0, let perMetal = loading.molePerMoleFrameworkMetal {
            millimoles = perMetal * metal
        }
        guard let millimoles else { return nil }
        return (millimoles, precursor.molarMass.map { millimoles * $0 / 1000 })
    }

    /// Molecules per cage for a batch of made host: above 1, aggregation is expected.
    public func occupancy(precursorMillimoles: Double, hostGrams: Double) -> Double? {
        guard let loading = maxIsolatedLoading, hostGrams > 0 else { return nil }
        return precursorMillimoles / (loading.millimolePerGramHost * hostGrams)
    }

    /// Molecules per cage when the host forms around the precursor (in situ): the recipe gives the framework metal
    /// (e.g. 5.68 mmol Zn from 1.69 g Zn(NO3)2·6H2O for ZIF-8), not a mass of host.
    public func occupancy(precursorMillimoles: Double, frameworkMetalMillimoles: Double) -> Double? {
        guard let perMetal = maxIsolatedLoading?.molePerMoleFrameworkMetal, perMetal > 0, frameworkMetalMillimoles > 0 else { return nil }
        return precursorMillimoles / (perMetal * frameworkMetalMillimoles)
    }
}
