import AnchorageCore
import Foundation

/// A name that is in no catalog, with the closest catalog name when one is close enough to be a typo.
public struct UnknownNameError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case precursor, framework }
    public var kind: Kind
    public var name: String
    public var suggestion: String?
    /// Every catalog entry the name could mean when it names a family rather than one entry ("MOF-74": the
    /// Mg-, Co-, Ni- and Zn- forms); empty otherwise.
    public var alternatives: [String]

    public init(kind: Kind, name: String, suggestion: String?, alternatives: [String] = []) {
        self.kind = kind
        self.name = name
        self.suggestion = suggestion
        self.alternatives = alternatives
    }

    public var description: String {
        var text = "unknown \(kind.rawValue) '\(name)'"
        if alternatives.count > 1 {
            text += "; it names several entries: " + alternatives.map { "'\($0)'" }.joined(separator: ", ") + "; give one"
        } else if let suggestion {
            text += "; did you mean '\(suggestion)'?"
        }
        return text + " (`anchorage fit --list` shows the catalog)"
    }
}

/// A catalog data file that does not hold together (a source id with no citation, a formula that cannot be read).
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

/// The frameworks, precursors, radii and criteria the fit works with. Loading resolves everything once, so that
/// `assessFit` is plain arithmetic.
public struct FitCatalog: Sendable {
    public let frameworks: [Framework]
    public let precursors: [Precursor]
    public let radii: VanDerWaalsRadii
    public let criteria: FitCriteria
    let frameworkIndex: [String: Int]
    let precursorIndex: [String: Int]
    let precursorCompositions: [[String: Double]]

    public init(frameworks: [Framework], precursors: [Precursor], radii: VanDerWaalsRadii, criteria: FitCriteria,
                precursorCompositions: [[String: Double]] = []) {
        self.frameworks = frameworks
        self.precursors = precursors
        self.radii = radii
        self.criteria = criteria
        self.precursorCompositions = precursorCompositions
        var frameworkIndex: [String: Int] = [:]
        for (index, framework) in frameworks.enumerated() {
            for name in [framework.id, framework.name] + framework.record.aliases {
                frameworkIndex[FitCatalog.key(name)] = index  // a later (lab) entry takes precedence
            }
        }
        var precursorIndex: [String: Int] = [:]
        for (index, precursor) in precursors.enumerated() {
            for name in [precursor.id, precursor.name, precursor.record.formula] + precursor.record.aliases {
                precursorIndex[FitCatalog.key(name)] = index
            }
        }
        self.frameworkIndex = frameworkIndex
        self.precursorIndex = precursorIndex
    }

    // MARK: Loading

    private struct FrameworkFile: Decodable { var frameworks: [FrameworkRecord] }
    private struct PrecursorFile: Decodable { var precursors: [PrecursorRecord] }
    /// A lab's own catalog file: the shipped formats, each list optional, with its own citations.
    struct LabFile: Decodable {
        var frameworks: [FrameworkRecord]?
        var precursors: [PrecursorRecord]?
        var citations: [Citation]?
    }

    private static let shared: Result<FitCatalog, any Error> = Result { try FitCatalog.load(addingFiles: []) }

    /// The catalog shipped with Anchorage (loaded once per process).
    public static func bundled() throws -> FitCatalog { try shared.get() }

    /// The shipped catalog plus a lab's own files (`frameworks:`, `precursors:` and `citations:` lists in the shipped
    /// formats); a lab's entry takes precedence over a shipped one of the same name.
    public static func bundled(addingFiles files: [URL]) throws -> FitCatalog {
        files.isEmpty ? try bundled() : try load(addingFiles: files)
    }

    static func load(addingFiles files: [URL]) throws -> FitCatalog {
        let table = try PeriodicTable.bundled()
        var citations = try CitationIndex.bundled()
        let radii = VanDerWaalsRadii(try BundledData.decode(VanDerWaalsRadii.File.self, from: "vdw-radii.yaml").radii)
        let criteria = try BundledData.decode(FitCriteria.self, from: "fit-criteria.yaml")
        var frameworkRecords = try BundledData.decode(FrameworkFile.self, from: "frameworks.yaml").frameworks.map { ($0, "frameworks.yaml") }
        var precursorRecords = try BundledData.decode(PrecursorFile.self, from: "precursors.yaml").precursors.map { ($0, "precursors.yaml") }
        var labCitations: [Citation] = []
        for url in files {
            let lab = try BundledData.decode(LabFile.self, at: url)
            frameworkRecords += (lab.frameworks ?? []).map { ($0, url.lastPathComponent) }
            precursorRecords += (lab.precursors ?? []).map { ($0, url.lastPathComponent) }
            labCitations += lab.citations ?? []
        }
        if !labCitations.isEmpty { citations = CitationIndex(Array(citations.byID.values) + labCitations) }
        // A lab's entry replaces a shipped entry with the same id.
        frameworkRecords = lastById(frameworkRecords) { $0.0.id }
        precursorRecords = lastById(precursorRecords) { $0.0.id }

        func checkSource(_ source: String, _ file: String, _ what: String) throws {
            guard source == "none found" || citations[source] != nil else {
                throw CatalogError(file: file, message: "\(what): source '\(source)' is not in any citations list")
            }
        }
        for entry in radii.entries.values { try checkSource(entry.source, "vdw-radii.yaml", entry.element) }
        for source in [criteria.cageAllowance.source, criteria.windowAllowance.source, criteria.spherePackingRatios.source,
                       criteria.packingDensityBound.source] {
            try checkSource(source, "fit-criteria.yaml", "criterion")
        }

        var frameworks: [Framework] = []
        for (record, file) in frameworkRecords {
            for (what, source) in [("structure", record.structureSource), ("cage_diameter_A", record.cageDiameter.source),
                                   ("window_diameter_A", record.windowDiameter.source), ("cages_per_cell", record.cagesPerCell.source),
                                   ("cell_formula", record.cellFormula.source), ("thermal_stability_C", record.thermalStabilityC.source),
                                   ("water_stability", record.waterStability.source), ("acid_stability", record.acidStability.source),
                                   ("base_stability", record.baseStability.source)] {
                try checkSource(source, file, "\(record.id).\(what)")
            }
            var mass: Double?
            var metalAtoms: Double?
            if let text = record.cellFormula.value {
                do {
                    let formula = try ChemicalFormula(parsing: text)
                    mass = try formula.molarMass(in: table)
                    metalAtoms = record.metals.reduce(0) { $0 + formula.count(of: $1) }
                } catch {
                    throw CatalogError(file: file, message: "\(record.id).cell_formula '\(text)': \(error)")
                }
            }
            frameworks.append(Framework(record: record, cellMolarMass: mass, metalAtomsPerCell: metalAtoms))
        }

        var precursors: [Precursor] = []
        var compositions: [[String: Double]] = []
        for (record, file) in precursorRecords {
            for (what, source) in [("enclosing_sphere_vdw_A", record.enclosingSphereVDW.source),
                                   ("min_cross_section_vdw_A", record.minCrossSectionVDW.source),
                                   ("longest_nuclear_A", record.longestNuclear.source), ("literature_size_A", record.literatureSize.source)] {
                try checkSource(source, file, "\(record.id).\(what)")
            }
            do {
                let formula = try ChemicalFormula(parsing: record.formula)
                precursors.append(try resolve(record, formula: formula, table: table))
                compositions.append(formula.composition)
            } catch {
                throw CatalogError(file: file, message: "\(record.id).formula '\(record.formula)': \(error)")
            }
        }
        return FitCatalog(frameworks: frameworks, precursors: precursors, radii: radii, criteria: criteria,
                          precursorCompositions: compositions)
    }

    static func lastById<T>(_ items: [T], id: (T) -> String) -> [T] {
        var last: [String: Int] = [:]
        for (index, item) in items.enumerated() { last[id(item)] = index }
        return items.enumerated().filter { last[id($0.element)] == $0.offset }.map(\.element)
    }

    /// Molar mass, metal atoms and metal mass of a precursor record from its formula.
    public static func resolve(_ record: PrecursorRecord, formula: ChemicalFormula, table: PeriodicTable) throws -> Precursor {
        let metals = formula.metalSymbols
        let metalAtoms = metals.reduce(0.0) { $0 + formula.count(of: $1) }
        var metalMass = 0.0
        for metal in metals { metalMass += (table.element(metal)?.weight ?? 0) * formula.count(of: metal) }
        return Precursor(record: record, molarMass: try formula.molarMass(in: table), metalAtoms: Int(saturating: metalAtoms, rounding: .toNearestOrAwayFromZero),
                         metals: metals, metalMassPerFormula: metals.isEmpty ? nil : metalMass)
    }

    // MARK: Lookup

    /// Names compare without case, spaces, hyphens, brackets or hydrate dots: "zif8" finds ZIF-8.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    public func framework(named name: String) throws -> Framework {
        if let index = frameworkIndex[FitCatalog.key(name)] { return frameworks[index] }
        let groups = frameworks.map { [$0.name] + $0.record.aliases }
        let family = FitCatalog.family(of: name, among: groups)
        throw UnknownNameError(kind: .framework, name: name, suggestion: suggestion(for: name, among: groups), alternatives: family)
    }

    public func precursor(named name: String) throws -> Precursor {
        if let index = precursorIndex[FitCatalog.key(name)] { return precursors[index] }
        // A formula written another way (C15H21FeO6, Fe(C5H7O2)3) finds the same compound.
        if let formula = try? ChemicalFormula(parsing: name),
           let index = precursorCompositions.lastIndex(where: { FitCatalog.sameComposition($0, formula.composition) }) {
            return precursors[index]
        }
        throw UnknownNameError(kind: .precursor, name: name, suggestion: suggestion(for: name, among: precursors.map { [$0.name, $0.record.formula] + $0.record.aliases }))
    }

    static func sameComposition(_ a: [String: Double], _ b: [String: Double]) -> Bool {
        a.count == b.count && a.allSatisfy { symbol, count in abs((b[symbol] ?? -1) - count) < 1e-9 }
    }

    /// Entries of which the name is a part ("MOF-74" in "Mg-MOF-74", "CPO-27" in "CPO-27-Co"), by their first name:
    /// the name of a family whose members the catalog lists one by one.
    static func family(of name: String, among groups: [[String]]) -> [String] {
        let target = key(name)
        guard target.count >= 4 else { return [] }
        let members = groups.filter { group in group.contains { key($0) != target && key($0).contains(target) } }.compactMap(\.first)
        return members.count >= 2 ? members : []
    }

    private func suggestion(for name: String, among groups: [[String]]) -> String? {
        let candidates = groups.flatMap { $0 }
        if let exact = Suggestion.closest(to: name, among: candidates) { return exact }
        // Compare normalised spellings too ("zif 67" against "ZIF-67").
        let normalised = Dictionary(candidates.map { (FitCatalog.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        return Suggestion.closest(to: FitCatalog.key(name), among: Array(normalised.keys)).flatMap { normalised[$0] }
    }
}
