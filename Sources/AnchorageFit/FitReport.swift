import Foundation

/// One number the verdict used, with its source.
public struct FitNumber: Sendable, Codable, Hashable {
    public var quantity: String
    public var value: Double?
    public var unit: String
    public var source: String
    public var entry: String?
    public var note: String?
}

extension FitVerdict {
    /// The two size conventions, stated with every verdict.
    public static let conventions = """
        Cage and window: Zeo++ largest included sphere (LCD) and largest free sphere (PLD), both measured to the \
        framework atoms' van der Waals surfaces (CoRE MOF 2019). Precursor: van der Waals sizes from its atomic \
        coordinates (Bondi radii for non-metals, Alvarez 2013 for metals) — the smallest enclosing sphere against the \
        cage, the minimum cross-section against the window — less a contact allowance calibrated on known syntheses \
        (docs/fit.md). Literature molecular diameters (Fe(acac)3 9.7 Å) are atom-centre distances, about 2.4 Å smaller.
        """

    /// The citation of the calibrated allowance (fit-criteria.yaml).
    static let allowanceSource = "fit-calibration"

    /// Every number the verdict used, each with its source.
    public var numbers: [FitNumber] {
        let p = precursor.record
        let f = framework.record
        func number(_ quantity: String, _ sourced: Sourced<Double>, _ unit: String = "Å") -> FitNumber {
            FitNumber(quantity: quantity, value: sourced.value, unit: unit, source: sourced.source, entry: sourced.entry, note: sourced.note)
        }
        var list = [
            number("\(f.name) largest cavity diameter (LCD)", f.cageDiameter),
            number("\(f.name) pore-limiting diameter (PLD)", f.windowDiameter),
            number("\(p.name) smallest enclosing sphere (vdW)", p.enclosingSphereVDW),
            number("\(p.name) minimum cross-section (vdW)", p.minCrossSectionVDW),
            number("\(p.name) longest atom-centre distance", p.longestNuclear),
        ]
        if p.literatureSize.value != nil { list.append(number("\(p.name) literature molecular size", p.literatureSize)) }
        list.append(FitNumber(quantity: "cage contact allowance", value: cageAllowance, unit: "Å", source: Self.allowanceSource,
                              entry: "fit-criteria.yaml", note: "calibrated on Fe(acac)3 and Ru(acac)3 in ZIF-8 (docs/fit.md)"))
        list.append(FitNumber(quantity: "window contact allowance", value: windowAllowance, unit: "Å", source: Self.allowanceSource,
                              entry: "fit-criteria.yaml", note: nil))
        if maxIsolatedLoading != nil || f.cagesPerCell.value != nil {
            list.append(number("\(f.name) cages per unit cell", f.cagesPerCell, "per cell"))
            list.append(FitNumber(quantity: "\(f.name) unit cell", value: framework.cellMolarMass, unit: "g/mol",
                                  source: f.cellFormula.source, entry: f.cellFormula.value, note: f.cellFormula.note))
        }
        return list
    }

    /// One paragraph a chemist can paste into a notebook.
    public var explanation: String {
        let p = precursor.record
        let f = framework.record
        let pName = p.aliases.first ?? p.name
        var sentences: [String] = []
        switch mode {
        case .tooLarge:
            sentences.append("\(pName) does not fit the \(f.name) cage: it cannot be confined there.")
        case .notConfined:
            if framework.record.poreType == .channel && !precursor.isSimpleSalt {
                sentences.append("\(f.name) has one-dimensional channels, not cages: \(pName) fits, but the molecules line up along the channel and nothing holds them apart, so they will not stay isolated.")
            } else if let salt = p.simpleSalt {
                sentences.append("\(pName) is a simple salt (\(salt)): its ions are too small to be held one per cage in \(f.name), so the metal will not stay isolated (review §4.2.2).")
            } else {
                sentences.append("\(pName) is small for the \(f.name) cage: \(perCageText) fit one cage, so the molecules will not stay isolated.")
            }
        case .inSitu:
            sentences.append("\(pName) fits the \(f.name) cage once but cannot pass its window: it must be present while \(f.name) forms (in situ), and is then trapped, one molecule per cage.")
        case .impregnation:
            sentences.append("\(pName) fits the \(f.name) cage once and passes its window: it can be soaked into the made framework (impregnation), and it can leave the same way.")
        case .undetermined:
            sentences.append("The fit of \(pName) in \(f.name) cannot be decided: \(missingText).")
        }
        if let size = p.enclosingSphereVDW.value, let effective = effectiveCageSize, let lcd = f.cageDiameter.value {
            var sentence = "Its van der Waals envelope (smallest enclosing sphere \(Self.format(size)) Å"
            if let nuclear = p.longestNuclear.value { sentence += "; atom-centre longest dimension \(Self.format(nuclear)) Å" }
            if let literature = p.literatureSize.value { sentence += ", literature \(Self.format(literature)) Å [\(p.literatureSize.source)]" }
            sentence += ") less the \(Self.format(cageAllowance, digits: 1)) Å contact allowance is \(Self.format(effective)) Å, "
            sentence += (fitsCage == true ? "below" : "above") + " the \(Self.format(lcd)) Å largest cavity (\(Self.origin(f.cageDiameter)))."
            sentences.append(sentence)
        }
        if let cross = p.minCrossSectionVDW.value, let effective = effectiveWindowSize, let pld = f.windowDiameter.value, mode != .tooLarge {
            sentences.append("Its narrowest cross-section, \(Self.format(cross)) Å (\(Self.format(effective)) Å with the allowance), is \(passesWindow == true ? "below" : "above") the \(Self.format(pld)) Å pore-limiting window (\(f.windowDiameter.reference)).")
        }
        if polynuclear {
            sentences.append("It carries \(precursor.metalAtoms) metal atoms per molecule: the product keeps that nuclearity — clusters, not single atoms.")
        }
        if let loading = maxIsolatedLoading, mode == .inSitu || mode == .impregnation {
            var sentence = "At one per cage, 1 g of \(f.name) holds at most \(Self.format(loading.millimolePerGramHost, digits: 3)) mmol"
            if let grams = loading.gramPerGramHost { sentence += " (\(Self.format(grams, digits: 3)) g) of \(pName)" }
            if let perMetal = loading.molePerMoleFrameworkMetal { sentence += ", \(Self.format(perMetal, digits: 3)) mol per mol of framework \(f.metals.joined(separator: "/"))" }
            if let percent = loading.metalWeightPercentOfComposite, let metal = precursor.metals.first {
                sentence += ", i.e. \(Self.format(percent, digits: 2)) wt% \(metal) in the loaded solid"
            }
            let cages = f.cagesPerCell.value ?? 0
            sentence += " (\(Self.format(cages, digits: 0)) \(cages == 1 ? "cage" : "cages") per \(f.cellFormula.value ?? "unit cell"), \(f.cagesPerCell.source)); more than that means more than one molecule per cage and aggregation on pyrolysis."
            sentences.append(sentence)
        } else if mode == .inSitu || mode == .impregnation {
            sentences.append("The maximum isolated loading is not computed: \(f.name) has no sourced cage count or unit-cell formula in the catalog.")
        }
        return sentences.joined(separator: " ")
    }

    var perCageText: String {
        guard let count = perCageMax else { return "several" }
        return perCageMaxIsBound ? "up to about \(count)" : "\(count)"
    }

    var missingText: String {
        var missing: [String] = []
        if precursor.record.enclosingSphereVDW.value == nil { missing.append("the precursor's size is not in the catalog (give its geometry with --xyz)") }
        if framework.record.cageDiameter.value == nil { missing.append("the framework's cage diameter has no sourced value") }
        if precursor.record.minCrossSectionVDW.value == nil && precursor.record.enclosingSphereVDW.value != nil { missing.append("the precursor's minimum cross-section is not in the catalog") }
        if framework.record.windowDiameter.value == nil && framework.record.cageDiameter.value != nil { missing.append("the framework's window diameter has no sourced value") }
        return missing.isEmpty ? "a size is missing" : missing.joined(separator: "; ")
    }

    /// How a pore value was obtained and where it comes from, without saying the method twice when the source is the
    /// method itself (a CIF measured here).
    static func origin(_ value: Sourced<Double>) -> String {
        value.reference.hasPrefix(value.poreMethod) ? value.reference : "\(value.poreMethod), \(value.reference)"
    }

    static func format(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    /// The verdict for a terminal: a few labelled lines, then the paragraph.
    public var text: String {
        let p = precursor.record
        let f = framework.record
        func yesNo(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "unknown" }
        var lines = ["\(p.name) (\(p.formula)) in \(f.name)"]
        lines.append("  mode:               \(mode.rawValue)")
        func computed(_ value: Sourced<Double>) -> String { value.method.map { ", \($0)" } ?? "" }
        let cage = f.cageDiameter.value.map { "\(Self.format($0)) Å [\(f.cageDiameter.reference)\(computed(f.cageDiameter))]" } ?? "unknown (\(f.cageDiameter.source))"
        let window = f.windowDiameter.value.map { "\(Self.format($0)) Å [\(f.windowDiameter.reference)\(computed(f.windowDiameter))]" } ?? "unknown (\(f.windowDiameter.source))"
        let size = effectiveCageSize.map { "\(Self.format($0)) Å" } ?? "no precursor size in the catalog"
        let cross = effectiveWindowSize.map { "\(Self.format($0)) Å" } ?? "no precursor size in the catalog"
        lines.append("  fits the cage:      \(yesNo(fitsCage))  (\(size) vs LCD \(cage))")
        lines.append("  passes the window:  \(yesNo(passesWindow))  (\(cross) vs PLD \(window))")
        let perCage = framework.record.poreType == .channel && perCageMax == nil
            ? "not applicable: one-dimensional channels, no cages"
            : perCageMax.map { perCageMaxIsBound ? "≤ \($0)" : "\($0)" } ?? "unknown"
        lines.append("  per cage (max):     \(perCage)")
        if f.cagesPerCell.method == Sourced<Double>.computedByAnchorage || f.kind == "from CIF" {
            let count = f.cagesPerCell.value.map { Self.format($0, digits: 0) + " (cavities of the cell that hold it, \(f.cagesPerCell.source))" }
            lines.append("  cages per cell:     " + (count ?? "unknown (\(f.cagesPerCell.note ?? f.cagesPerCell.source))"))
        }
        lines.append("  polynuclear:        \(polynuclear ? "yes, \(precursor.metalAtoms) metal atoms: clusters, not single atoms" : "no")")
        if let loading = maxIsolatedLoading {
            var parts = ["\(Self.format(loading.millimolePerGramHost, digits: 3)) mmol/g host"]
            if let g = loading.gramPerGramHost { parts.append("\(Self.format(g, digits: 3)) g/g host") }
            if let m = loading.molePerMoleFrameworkMetal { parts.append("\(Self.format(m, digits: 3)) mol/mol framework metal") }
            if let w = loading.metalWeightPercentOfComposite { parts.append("\(Self.format(w, digits: 2)) wt% metal in the loaded solid") }
            lines.append("  max isolated load:  " + parts.joined(separator: ", "))
        } else {
            lines.append("  max isolated load:  not computed")
        }
        lines.append("")
        lines.append(explanation)
        lines.append("")
        lines.append("Sizes: " + Self.conventions)
        return lines.joined(separator: "\n")
    }
}

extension FitVerdict: Encodable {
    enum CodingKeys: String, CodingKey {
        case precursor, framework, mode, polynuclear, conventions, numbers, explanation
        case fitsCage = "fits_cage", passesWindow = "passes_window", perCageMax = "per_cage_max"
        case perCageMaxIsBound = "per_cage_max_is_bound", maxIsolatedLoading = "max_isolated_loading"
        case effectiveCageSize = "precursor_cage_size_A", effectiveWindowSize = "precursor_window_size_A"
        case cageDiameter = "cage_diameter_A", windowDiameter = "window_diameter_A"
        case cageAllowance = "cage_allowance_A", windowAllowance = "window_allowance_A"
    }

    struct Named: Encodable {
        var id: String
        var name: String
        var formula: String?
        var metalAtoms: Int?
        enum CodingKeys: String, CodingKey { case id, name, formula, metalAtoms = "metal_atoms" }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Named(id: precursor.id, name: precursor.name, formula: precursor.record.formula, metalAtoms: precursor.metalAtoms), forKey: .precursor)
        try c.encode(Named(id: framework.id, name: framework.name), forKey: .framework)
        try c.encode(mode, forKey: .mode)
        try c.encode(fitsCage, forKey: .fitsCage)
        try c.encode(passesWindow, forKey: .passesWindow)
        try c.encode(polynuclear, forKey: .polynuclear)
        try c.encode(perCageMax, forKey: .perCageMax)
        try c.encode(perCageMaxIsBound, forKey: .perCageMaxIsBound)
        try c.encode(maxIsolatedLoading, forKey: .maxIsolatedLoading)
        try c.encode(effectiveCageSize, forKey: .effectiveCageSize)
        try c.encode(effectiveWindowSize, forKey: .effectiveWindowSize)
        try c.encode(framework.cageDiameter, forKey: .cageDiameter)
        try c.encode(framework.windowDiameter, forKey: .windowDiameter)
        try c.encode(cageAllowance, forKey: .cageAllowance)
        try c.encode(windowAllowance, forKey: .windowAllowance)
        try c.encode(numbers, forKey: .numbers)
        try c.encode(Self.conventions, forKey: .conventions)
        try c.encode(explanation, forKey: .explanation)
    }
}
