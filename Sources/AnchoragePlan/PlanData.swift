import AnchorageCore
import AnchorageRules
import Foundation

/// How drafts are written (`plan.yaml`): the step templates of the worked recipes, the hosts a recipe can form around
/// the target metal, the formulas used to weigh a made host in, and the planning choices for amounts.
public struct PlanData: Sendable {
    public var root: ChemistryData
    /// Published syntheses, host families and ALD precursors (`precedents.yaml`): what the grades rest on.
    public var evidence: EvidenceData

    public init(root: ChemistryData, evidence: EvidenceData = EvidenceData()) {
        self.root = root
        self.evidence = evidence
    }

    public static func bundled() throws -> PlanData {
        PlanData(root: ChemistryData(root: try BundledData.decode(DataValue.self, from: "plan.yaml")), evidence: try EvidenceData.bundled())
    }

    public func number(_ path: String) -> Double? { root.threshold(path)?.number }
    public func text(_ path: String) -> String? { root.entry(path)?.text }
    public func source(_ path: String) -> String? { root.entry(path + ".source")?.text }

    /// The step template of a route (`pore-confinement` has one per fit mode: `pore-confinement.in-situ`).
    public func steps(_ route: String) -> String? { text("routes.\(route).steps") }

    /// Hosts a recipe forms for a route (ZIF-8 around the target metal; PCN-224 from its porphyrin linker), by name.
    public func formationHosts(for route: Route) -> [String] {
        (root.entry("formation")?.keys ?? []).filter { root.entry("formation.\($0).routes")?.strings.contains(route.rawValue) ?? false }
    }

    /// A formula to weigh a made host in by, with its source, for hosts whose catalog entry has no unit-cell formula.
    public func hostFormula(_ host: HostFacts) -> (formula: String, source: String)? {
        guard case .map(let entries)? = root.entry("host_formulas") else { return nil }
        for (name, entry) in entries where host.answers(to: name) {
            if let formula = entry["formula"]?.text { return (formula, entry["source"]?.text ?? "") }
        }
        return nil
    }
}

extension DataValue {
    /// The value at a dotted path, where a number steps into a list (`reported_pyrolysis.0.temperature_C`); an entry
    /// written `{value: …}` answers its value.
    func value(at path: String) -> DataValue? {
        var node: DataValue? = self
        for key in path.split(separator: ".").map(String.init) {
            // An entry written `{value: […], source: …}` is stepped through to its value.
            if case .map(let entries)? = node, entries[key] == nil, let inner = entries["value"] { node = inner }
            switch node {
            case .map(let entries)?: node = entries[key]
            case .list(let items)?:
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default: return nil
            }
        }
        if case .map(let entries)? = node, let inner = entries["value"] { return inner }
        return node
    }
}

extension ChemistryData {
    /// The same data with one entry replaced (a dotted path; a missing key is added): how a lab, or a test, asks
    /// what the plan would be if one number or list were different.
    public func replacing(_ path: String, with value: DataValue) -> ChemistryData {
        ChemistryData(root: Self.replace(in: root, keys: path.split(separator: ".").map(String.init)[...], with: value))
    }

    static func replace(in node: DataValue, keys: ArraySlice<String>, with value: DataValue) -> DataValue {
        guard let key = keys.first else { return value }
        guard case .map(var entries) = node else { return .map([key: replace(in: .null, keys: keys.dropFirst(), with: value)]) }
        entries[key] = replace(in: entries[key] ?? .null, keys: keys.dropFirst(), with: value)
        return .map(entries)
    }
}
