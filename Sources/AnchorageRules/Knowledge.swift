import AnchorageCore
import AnchorageFit
import Foundation

/// The shipped data a rule checks against, loaded once: elements, chemicals, citations, the chemistry and lab numbers
/// of `chemistry.yaml` (each with its source), and the host frameworks and precursor sizes of the fit catalog.
public struct Knowledge: Sendable {
    public var elements: PeriodicTable
    public var chemicals: ChemicalCatalog
    public var citations: CitationIndex
    public var chemistry: ChemistryData
    public var hosts: HostCatalog
    /// Frameworks and precursor sizes for the pore-confinement verdicts; nil when not loaded.
    public var fit: FitCatalog?

    public init(
        elements: PeriodicTable, chemicals: ChemicalCatalog, citations: CitationIndex, chemistry: ChemistryData = .empty,
        fit: FitCatalog? = nil
    ) {
        self.elements = elements
        self.chemicals = chemicals
        self.citations = citations
        self.chemistry = chemistry
        self.fit = fit
        self.hosts = fit.map(HostCatalog.init(frameworks:)) ?? .empty
    }

    public static func bundled() throws -> Knowledge {
        try cache.get()
    }

    private static let cache: Result<Knowledge, Error> = Result {
        // The data files are independent and each type keeps its own copy once read: decode them side by side (the
        // catalog of chemicals on one lane, the fit catalog with the elements and citations it needs on another), then
        // assemble. A file that fails to decode fails again, with its error, in the assembly below.
        DispatchQueue.concurrentPerform(iterations: 3) { lane in
            switch lane {
            case 0: _ = try? ChemicalCatalog.bundled()
            case 1: _ = try? FitCatalog.bundled()
            default: _ = try? ChemistryData.bundled()
            }
        }
        return Knowledge(
            elements: try PeriodicTable.bundled(), chemicals: try ChemicalCatalog.bundled(), citations: try CitationIndex.bundled(),
            chemistry: try ChemistryData.bundled(), fit: try FitCatalog.bundled())
    }

    /// The shipped knowledge plus a lab's own catalog files: their chemicals, and their frameworks and precursors for the
    /// route rules (the fit catalog reads the `frameworks:` and `precursors:` lists of the same files).
    public static func bundled(addingChemicalFiles files: [URL]) throws -> Knowledge {
        var knowledge = try bundled()
        guard !files.isEmpty else { return knowledge }
        for file in files { try knowledge.chemicals.addFile(at: file) }
        let fit = try FitCatalog.bundled(addingFiles: files)
        knowledge.fit = fit
        knowledge.hosts = HostCatalog(frameworks: fit)
        return knowledge
    }

    /// The recipe's host framework, when the catalog knows it.
    public func host(of recipe: Recipe) -> HostFacts? {
        recipe.host.flatMap { hosts.host(named: $0.value) }
    }
}

extension HostCatalog {
    /// The frameworks of the fit catalog, as the route rules see them.
    public init(frameworks fit: FitCatalog) {
        self.init(fit.frameworks.map { framework in
            let record = framework.record
            return HostFacts(
                id: record.id, name: record.name, aliases: record.aliases, metals: record.metals, functionalSites: record.functionalSites,
                thermalStabilityC: record.thermalStabilityC.value, thermalStabilitySource: record.thermalStabilityC.reference,
                cageDiameter: record.cageDiameter.value, windowDiameter: record.windowDiameter.value)
        })
    }
}

extension Knowledge {
    /// What the course of a recipe needs from the data: its host (names, metals, whether its nodes exchange, from the
    /// framework catalog and `node_exchange.nodes`) and the chemicals that are or form HF (`lab.hf_forming_etchants`).
    public func courseKnowledge(for recipe: Recipe) -> CourseKnowledge {
        var identity: HostIdentity?
        if let written = recipe.host?.value {
            let facts = host(of: recipe)
            let names = [written] + (facts.map { [$0.id, $0.name] + $0.aliases } ?? [])
            var exchangeable = facts?.has(site: "exchangeable-node") == true
            if case .map(let nodes)? = chemistry.entry("node_exchange.nodes") {
                let listed = nodes.first { key, _ in facts?.answers(to: key) ?? (HostFacts.key(key) == HostFacts.key(written)) }
                if listed?.value["exchangeable"]?.bool == true { exchangeable = true }
            }
            identity = HostIdentity(name: facts?.name ?? written, names: names, metals: facts?.metals ?? [], exchangesNodes: exchangeable)
        }
        return CourseKnowledge(
            host: identity, hfFormingIDs: Set(chemistry.list("lab.hf_forming_etchants")),
            hfFormingFormulas: Set(chemistry.entry("lab.hf_forming_etchants.formulas")?.strings ?? []))
    }
}
